"""PlanDesk's own temporary folder (``plandesk-<user>`` in the system's temp
folder, never the folder a file is exported to): each process works in
``<pid>-…`` folders there; those of processes that are gone (killed mid-export)
are removed at the next start."""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from .paths import login_name


def scratch_root() -> Path:
    return Path(tempfile.gettempdir()) / f"plandesk-{login_name()}"


def pid_alive(pid: int) -> bool:
    """Is process ``pid`` running on this computer?"""
    if sys.platform == "win32":  # os.kill would terminate it on Windows
        import ctypes
        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def make_scratch_dir(prefix: str = "") -> Path:
    """A new private folder for this process's temporary files (caller removes it)."""
    root = scratch_root()
    root.mkdir(mode=0o700, parents=True, exist_ok=True)  # private on a shared /tmp
    return Path(tempfile.mkdtemp(prefix=f"{os.getpid()}-{prefix}", dir=root))


def clean_scratch() -> int:
    """Remove the folders left by processes that are gone; returns how many."""
    root = scratch_root()
    removed = 0
    try:
        entries = list(root.iterdir())
    except OSError:
        return 0
    for entry in entries:
        pid = entry.name.split("-", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and not pid_alive(int(pid)):
            shutil.rmtree(entry, ignore_errors=True) if entry.is_dir() else entry.unlink(missing_ok=True)
            removed += 1
    return removed
