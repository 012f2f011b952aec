"""PlanDesk: editor and library for 年度提升服務效能執行計畫.

The core (everything outside ``desktop.gui``) imports no Qt.
"""
from importlib.metadata import version as _version

__version__ = _version("plandesk")  # the one version source is pyproject.toml
APP_NAME = "PlanDesk"
ORG_NAME = "PlanDesk"
