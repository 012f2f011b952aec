"""Run a slow core call (LibreOffice conversion, large export) off the GUI thread.

The window stays painted and, after about half a second, shows a progress
dialog; the call's result or its PlanDeskError comes back to the caller as if it
had run synchronously. The callable must not touch Qt objects (core code never
does). A call whose result may simply be thrown away (a preview) can offer
取消: the caller then gets :class:`Cancelled` at once and the worker's result,
when it comes, is dropped.
"""
from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from typing import Callable, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QApplication, QProgressDialog

from ..errors import PlanDeskError

T = TypeVar("T")
SHOW_AFTER_MS = 400  # quick calls finish without a flash of the dialog


class Cancelled(PlanDeskError):
    """The clerk pressed 取消 while waiting."""

    def __init__(self):
        super().__init__(QCoreApplication.translate("busy", "已取消。"))


def run_busy(parent, label: str, func: Callable[[], T], cancellable: bool = False) -> T:
    """Return ``func()``, keeping the GUI responsive while it runs in a worker thread.

    ``cancellable`` only where stopping to wait is harmless: ``func`` must have no
    effect the clerk would miss (a file written to a temporary folder, a parse)."""
    progress = QProgressDialog(label, QCoreApplication.translate("busy", "取消"), 0, 0, parent)
    if not cancellable:
        progress.setCancelButton(None)  # LibreOffice cannot be interrupted cleanly mid-file
    progress.setWindowTitle(QCoreApplication.translate("busy", "請稍候"))
    progress.setWindowModality(Qt.WindowModal)
    progress.setMinimumDuration(SHOW_AFTER_MS)
    QApplication.setOverrideCursor(Qt.WaitCursor)
    pool = ThreadPoolExecutor(max_workers=1)
    try:
        future = pool.submit(func)
        while not future.done():
            progress.setValue(0)  # lets QProgressDialog decide when to appear
            # clicks only once the (window-modal) dialog is up: then they can reach 取消 and nothing else
            clicks = cancellable and progress.isVisible()
            QApplication.processEvents(QEventLoop.AllEvents if clicks else QEventLoop.ExcludeUserInputEvents, 50)
            if cancellable and progress.wasCanceled():
                raise Cancelled()
            time.sleep(0.01)
        return future.result()
    finally:
        pool.shutdown(wait=False)  # a cancelled worker finishes on its own; nobody waits for it
        progress.close()
        progress.deleteLater()
        QApplication.restoreOverrideCursor()
