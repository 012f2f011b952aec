"""Calls into dialogs owned by other parts of PlanDesk (import, export, print
preview, clone wizard, diff view, check panel, about). They are imported only
when used, so the editor starts fast and still runs when one is missing."""
from __future__ import annotations

import importlib

from PySide6.QtCore import QCoreApplication

from ..errors import PlanDeskError
from . import dialogs


def load(module: str, name: str):
    """``desktop.gui.<module>.<name>`` or None when that part is not installed."""
    try:
        return getattr(importlib.import_module(f"desktop.gui.{module}"), name)
    except (ImportError, AttributeError):
        return None


def call(parent, module: str, name: str, feature: str, *args):
    """Run a hook; a missing one or a PlanDeskError becomes one sentence in a message box."""
    func = load(module, name)
    if func is None:
        dialogs.show_error(parent, QCoreApplication.translate(
            "hooks", "這個版本尚未提供「{0}」功能，請更新 PlanDesk 後再試。").format(feature))
        return None
    try:
        return func(parent, *args)
    except PlanDeskError as exc:
        dialogs.show_error(parent, exc.message)
        return None
