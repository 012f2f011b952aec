"""Calls into the dialogs of the other parts of PlanDesk (import, export, print
preview, clone wizard, diff view, check panel, about). They are imported only
when used, so the editor starts fast."""
from __future__ import annotations

import importlib

from ..errors import PlanDeskError
from . import dialogs

# module under desktop/gui → the function (or class) the main window calls
HOOKS = {"about": "show_about", "import_dialog": "run_import_dialog", "export_dialog": "run_export_dialog",
         "print_preview": "run_print_preview", "clone_wizard": "run_clone_wizard",
         "diff_view": "run_diff_view", "check_panel": "CheckPanel", "settings_dialog": "run_settings_dialog",
         "markup_panel": "choose_markup_file", "backup_dialog": "run_backup_dialog"}


def load(module: str, name: str):
    """``desktop.gui.<module>.<name>``, imported on first use."""
    return getattr(importlib.import_module(f"desktop.gui.{module}"), name)


def call(parent, module: str, *args):
    """Run the hook of ``module`` (see HOOKS); a PlanDeskError becomes one sentence in a message box."""
    func = load(module, HOOKS[module])
    try:
        return func(parent, *args)
    except PlanDeskError as exc:
        dialogs.show_error(parent, exc.message)
        return None
