"""The named mutex a running PlanDesk holds on Windows, so that setup and the
uninstaller (``AppMutex`` in packaging/plandesk.iss) can tell it is running and
ask the clerk to close it, instead of replacing or removing files in use.

Both names are created: the session-local one and ``Global\\`` (seen from other
sessions, e.g. a second clerk logged in on the same PC). The mutex is only
opened, never waited on: Windows releases it when the process ends, however it
ends. Elsewhere nothing is done.
"""
from __future__ import annotations

import sys

MUTEX_NAME = "PlanDesk.Running"  # = AppMutexName in packaging/plandesk.iss
MUTEX_NAMES = (MUTEX_NAME, "Global\\" + MUTEX_NAME)


class RunningMutex:
    """Handles of the mutexes this process holds (empty off Windows)."""

    def __init__(self, handles: list[int], close=None):
        self.handles = handles
        self._close = close

    def release(self) -> None:
        while self.handles:
            self._close(self.handles.pop())


def hold_running_mutex() -> RunningMutex:
    """Create the named mutexes; keep the result alive for as long as the program runs.
    A name that cannot be created (e.g. ``Global\\`` refused by policy) is skipped:
    the installer then only misses that one, the program runs all the same."""
    if sys.platform != "win32":
        return RunningMutex([])
    import ctypes
    from ctypes import wintypes
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.CreateMutexW.restype = wintypes.HANDLE
    kernel32.CreateMutexW.argtypes = (ctypes.c_void_p, wintypes.BOOL, wintypes.LPCWSTR)
    handles = [handle for handle in (kernel32.CreateMutexW(None, False, name) for name in MUTEX_NAMES)
               if handle]
    return RunningMutex(handles, kernel32.CloseHandle)
