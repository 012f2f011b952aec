"""One editing instance per library file: a lock file next to it saying who
holds it (computer, user, process, since when) — in QLockFile's line format
(pid, application, host, …) with the user and the time added, so older
PlanDesk versions and single_instance read it too.

A second instance that cannot hand over to the first (single_instance) does not get the lock
and opens read-only, so two programs never edit the same library at once. A
lock whose process is gone on this computer is stale and taken over silently;
one from another computer cannot be checked (a crash there leaves it behind
for ever), so the clerk is shown who and how long ago and may take it over.
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSysInfo

from ..paths import login_name
from ..scratch import pid_alive


@dataclass
class LockOwner:
    host: str
    user: str
    pid: int
    since: float  # seconds since the epoch

    def age_text(self, now: float | None = None) -> str:
        minutes = max(0, int(((now or time.time()) - self.since) // 60))
        if minutes < 60:
            return f"{minutes} 分鐘"
        if minutes < 48 * 60:
            return f"{minutes // 60} 小時 {minutes % 60} 分鐘"
        return f"{minutes // (24 * 60)} 天"


class InstanceLock:
    def __init__(self, library_path: Path, host: str | None = None):
        self.path = Path(str(library_path) + ".lock")
        self.me = LockOwner(host or QSysInfo.machineHostName(), login_name(), os.getpid(), time.time())
        self.acquired = False
        self.owner: LockOwner | None = None  # who holds it, when not acquired
        self._try()

    @property
    def foreign(self) -> bool:
        """Held from another computer (its process cannot be checked from here)."""
        return self.owner is not None and self.owner.host != self.me.host

    def describe(self) -> str:
        """Who holds the lock, for the question whether to take it over."""
        o = self.owner
        return (f"這個計畫庫在 {o.age_text()} 前被電腦「{o.host}」上的使用者「{o.user}」開啟編輯，"
                "至今未釋放；若那台電腦已關閉或當機，可以接手編輯，否則請以唯讀開啟以免互相覆蓋。")

    def read_only_message(self) -> str:
        """Why the window opens read-only when another computer holds the lock ("" otherwise)."""
        if not self.foreign:
            return ""
        return (f"電腦「{self.owner.host}」上的 PlanDesk 正在使用這個計畫庫，本視窗以唯讀方式開啟，"
                "只能查看與匯出；修改請在該電腦進行。")

    def take_over(self) -> bool:
        """Remove the other holder's lock and take it (the clerk said it is stale)."""
        self.path.unlink(missing_ok=True)
        self._try()
        return self.acquired

    def release(self) -> None:
        if self.acquired:
            if self._read() == self.me:  # never remove a lock someone took over from us
                self.path.unlink(missing_ok=True)
            self.acquired = False

    def _read(self) -> LockOwner | None:
        try:
            lines = self.path.read_text(encoding="utf-8").split("\n")
            since = float(lines[6]) if len(lines) > 6 and lines[6] else self.path.stat().st_mtime
            return LockOwner(lines[2], lines[5] if len(lines) > 5 and lines[5] else "?", int(lines[0]), since)
        except (OSError, ValueError, IndexError):
            return None

    def _try(self) -> None:
        for _ in range(3):
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                owner = self._read()
                stale = owner is not None and owner.host == self.me.host and not pid_alive(owner.pid)
                if stale or (owner is None and self._old_garbage()):
                    self.path.unlink(missing_ok=True)
                    continue
                self.owner = owner or LockOwner("?", "?", 0, self.path.stat().st_mtime)
                return
            except OSError:  # read-only folder: nothing to lock, the library refuses writes itself
                return
            me = self.me
            with os.fdopen(fd, "w", encoding="utf-8") as fh:  # QLockFile: pid, app, host, id, start
                fh.write(f"{me.pid}\nplandesk\n{me.host}\n\n\n{me.user}\n{me.since}\n")
            self.acquired, self.owner = True, None
            return

    def _old_garbage(self) -> bool:
        """An unreadable lock (half-written, or garbage) older than a minute is
        left over, not being written right now."""
        try:
            return time.time() - self.path.stat().st_mtime > 60
        except OSError:
            return True
