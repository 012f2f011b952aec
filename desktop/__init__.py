"""PlanDesk: editor and library for 年度提升服務效能執行計畫.

The core (everything outside ``desktop.gui``) imports no Qt.
"""
__version__ = "0.1.0"
APP_NAME = "PlanDesk"
ORG_NAME = "PlanDesk"
