"""Run a slow core call (LibreOffice conversion, large export) off the GUI thread.

The window stays painted and shows a busy indicator; the call's result or its
PlanDeskError comes back to the caller as if it had run synchronously. The
callable must not touch Qt objects (core code never does).
"""
from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from typing import Callable, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QApplication, QProgressDialog

T = TypeVar("T")
SHOW_AFTER_MS = 400  # quick calls finish without a flash of the dialog


def run_busy(parent, label: str, func: Callable[[], T]) -> T:
    """Return ``func()``, keeping the GUI responsive while it runs in a worker thread."""
    progress = QProgressDialog(label, "", 0, 0, parent)
    progress.setCancelButton(None)  # LibreOffice cannot be interrupted cleanly mid-file
    progress.setWindowTitle(QCoreApplication.translate("busy", "請稍候"))
    progress.setWindowModality(Qt.WindowModal)
    progress.setMinimumDuration(SHOW_AFTER_MS)
    QApplication.setOverrideCursor(Qt.WaitCursor)
    try:
        with ThreadPoolExecutor(max_workers=1) as pool:
            future = pool.submit(func)
            while not future.done():
                progress.setValue(0)  # lets QProgressDialog decide when to appear
                QApplication.processEvents(QEventLoop.ExcludeUserInputEvents, 50)
                time.sleep(0.01)
            return future.result()
    finally:
        progress.close()
        progress.deleteLater()
        QApplication.restoreOverrideCursor()
