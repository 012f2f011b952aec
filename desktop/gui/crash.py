"""The last line of defence: an exception nobody caught becomes one sentence
in a message box; the traceback goes to a log file for the helpdesk."""
from __future__ import annotations

import sys
import traceback
from datetime import datetime

from PySide6.QtCore import QCoreApplication

from ..errors import PlanDeskError
from ..paths import app_data_dir


def log_path():
    return app_data_dir() / "plandesk-errors.log"


def _log(text: str) -> None:
    try:
        path = log_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(f"--- {datetime.now().isoformat(timespec='seconds')}\n{text}\n")
    except OSError:
        pass


def handle_exception(exc_type, exc, tb) -> None:
    from . import dialogs
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    if isinstance(exc, PlanDeskError):
        dialogs.show_error(None, exc.message)
        return
    _log("".join(traceback.format_exception(exc_type, exc, tb)))
    dialogs.show_error(None, QCoreApplication.translate(
        "crash", "發生未預期的錯誤，剛才的操作可能沒有完成；已存的內容不受影響，詳細資訊已記錄在 {0}。"
    ).format(log_path()))


def install_excepthook() -> None:
    sys.excepthook = handle_exception
