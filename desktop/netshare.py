"""Is a path on a network share? WAL mode is unsafe there (shared memory
does not work across machines), so the library falls back to a rollback journal."""
from __future__ import annotations

import os
import sys
from pathlib import Path

NETWORK_FS = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "sshfs", "afs",
              "ncpfs", "9p", "fuse.rclone", "davfs", "fuse.davfs2", "glusterfs", "ceph"}


def is_network_path(path: str | Path, mounts: str | None = None) -> bool:
    """True when ``path`` lives on a network file system.

    ``mounts`` is the text of /proc/mounts (read when None), given in tests.
    """
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return True
    if sys.platform == "win32":
        return _windows_remote_drive(Path(path))
    if mounts is None:
        try:
            mounts = Path("/proc/mounts").read_text()
        except OSError:
            return False
    resolved = os.path.realpath(text)
    best, best_fs = "", ""
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = parts[1].replace("\\040", " ")
        inside = resolved == mount_point or resolved.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) >= len(best):
            best, best_fs = mount_point, parts[2]
    return best_fs in NETWORK_FS


def _windows_remote_drive(path: Path) -> bool:  # pragma: no cover - Windows only
    import ctypes
    drive = path.resolve().drive
    if not drive:
        return False
    DRIVE_REMOTE = 4
    return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == DRIVE_REMOTE
