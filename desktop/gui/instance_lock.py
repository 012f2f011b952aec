"""One editing instance per library file: a QLockFile next to it.

A second instance (or a second window on the same file) does not get the
lock and opens read-only, so two programs never write the same plan. A lock
left by a crashed instance is stale and taken over.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile


class InstanceLock:
    def __init__(self, library_path: Path):
        self.path = Path(str(library_path) + ".lock")
        self._lock = QLockFile(str(self.path))
        self._lock.setStaleLockTime(0)  # only a dead owner's lock is stale (checked by pid)
        try:
            self.acquired = self._lock.tryLock(0)
        except Exception:  # read-only folder: nothing to lock, the library refuses writes itself
            self.acquired = False

    def release(self) -> None:
        if self.acquired:
            self._lock.unlock()
            self.acquired = False
