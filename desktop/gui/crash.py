"""The last line of defence and the trace it leaves: an exception nobody caught
becomes one sentence in a message box; everything worth knowing goes to a
rotating log file (``logging``), Python's faulthandler writes native crashes
there too, and Qt's own warnings are routed into the same log."""
from __future__ import annotations

import faulthandler
import logging
import sys
from logging.handlers import RotatingFileHandler

from PySide6.QtCore import QCoreApplication, qInstallMessageHandler

from ..errors import PlanDeskError, explain
from ..paths import app_data_dir

log = logging.getLogger("plandesk")
_KNOWN = (OSError, RecursionError, MemoryError, UnicodeError)


def log_dir():
    return app_data_dir() / "logs"


def log_path():
    return log_dir() / "plandesk.log"


def setup_logging() -> None:
    """Rotating log (1 MB × 3), faulthandler for native aborts, Qt messages."""
    for handler in list(log.handlers):  # once per log file (tests change the user folder)
        if getattr(handler, "_plandesk", False):
            if handler.baseFilename == str(log_path()):
                return
            log.removeHandler(handler)
            handler.close()
    try:
        log_dir().mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(log_path(), maxBytes=1_000_000, backupCount=3, encoding="utf-8")
        # faulthandler writes raw to a file it keeps open, so it gets its own (small) file
        faulthandler.enable(open(log_dir() / "native-crash.log", "a", encoding="utf-8"))
    except OSError:  # nowhere to write: keep going without a log
        return
    handler._plandesk = True
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    qInstallMessageHandler(_qt_message)


def _qt_message(mode, context, message) -> None:
    log.warning("Qt %s: %s (%s:%s)", getattr(mode, "name", mode), message, context.file, context.line)


def handle_exception(exc_type, exc, tb) -> None:
    from . import dialogs
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    if isinstance(exc, PlanDeskError):
        dialogs.show_error(None, exc.message)
        return
    setup_logging()  # (idempotent) the log exists even if start-up did not get that far
    log.error("uncaught exception", exc_info=(exc_type, exc, tb))
    import sqlite3
    if isinstance(exc, (sqlite3.Error, *_KNOWN)):  # a named fault: say which
        dialogs.show_error(None, explain(exc))
        return
    dialogs.show_error(None, QCoreApplication.translate(
        "crash", "發生未預期的錯誤，剛才的操作可能沒有完成；已存的內容不受影響，詳細資訊已記錄在 {0}。"
    ).format(log_path()))


def install_excepthook() -> None:
    sys.excepthook = handle_exception
