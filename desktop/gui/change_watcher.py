"""Noticing what other processes wrote: ``PRAGMA data_version`` (it changes when
another connection commits) polled about once a second and when the window is
activated. Open plans whose revision moved are reloaded keeping the selection,
with a note in the status bar; a plan approved elsewhere thus turns read-only."""
from __future__ import annotations

import logging
import sqlite3

from PySide6.QtCore import QEvent, QObject, QTimer

INTERVAL_MS = 1000
log = logging.getLogger("plandesk.watcher")


class ChangeWatcher(QObject):
    def __init__(self, window, interval_ms: int = INTERVAL_MS):
        super().__init__(window)
        self.window = window
        self._version = window.library.data_version()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.window and event.type() == QEvent.WindowActivate:
            self.check()
        return False

    def check(self) -> bool:
        """Reload what changed elsewhere since the last check; True when something did."""
        try:
            version = self.window.library.data_version()
        except sqlite3.Error:  # the file went away (network share): the next write will say so
            return False
        if version == self._version:
            return False
        self._version = version
        self.reload()
        return True

    def reload(self) -> None:
        """Bring every open plan and the plan list up to what the library holds."""
        window = self.window
        revisions = window.library.revisions()
        shown = window.document
        for plan_id, document in list(window.documents.items()):
            if plan_id not in revisions:  # moved to the recycle bin or purged elsewhere
                window._plan_removed(plan_id)
            elif revisions[plan_id] != document.plan.revision:
                log.info("plan %s changed elsewhere (revision %s → %s): reloaded",
                         plan_id, document.plan.revision, revisions[plan_id])
                document.reload()
                if document is shown:
                    self._show_again(document)
        if window.document is not None:
            window.library_panel.refresh(select=window.document.plan.id)
        else:
            window.library_panel.refresh()
        window.markup.reload()  # review notes may have come in with it (plandesk review --accept-all)

    def _show_again(self, document) -> None:
        window = self.window
        keep = window.controller.current_id()
        window.document = None  # open_plan then rebuilds every view of it
        window.open_plan(document.plan.id, select=keep)
        note = window.tr("此計畫剛在其他視窗或程式中變更，已重新載入最新內容。")
        if document.plan.status == "核定":
            note = window.tr("此計畫已在其他視窗或程式中核定，已重新載入並改為唯讀。")
        window.statusBar().showMessage(note, 10000)
