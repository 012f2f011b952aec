"""Is a path on a network share? WAL mode is unsafe there (its shared memory
does not work across machines), so the library falls back to a rollback journal.

Linux: the file system type of the mount holding the path (/proc/mounts), with
the network and FUSE/virtual types seen in offices and VMs. Windows: UNC paths
and drives whose GetDriveTypeW is DRIVE_REMOTE (mapped network drives).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

NETWORK_FS = {
    # kernel network file systems
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "afs", "coda", "ceph", "glusterfs",
    "lustre", "gpfs", "beegfs", "ocfs2", "gfs2", "davfs", "9p", "virtiofs", "vboxsf",
    "vmhgfs", "drvfs", "prl_fs", "v9fs",
    # FUSE: GNOME/KDE shares, ssh, cloud and VM folders
    "fuse.gvfsd-fuse", "fuse.gvfs-fuse-daemon", "fuse.smbnetfs", "fuse.sshfs", "sshfs",
    "fuse.rclone", "fuse.davfs2", "fuse.s3fs", "fuse.gcsfuse", "fuse.vmhgfs-fuse",
    "fuse.glusterfs", "fuse.cephfs", "fuse.curlftpfs", "fuse.kio-fuse", "fuse.onedriver",
    "fuse.google-drive-ocamlfuse", "fuse.dropbox", "fuse.nextcloud", "fuse.juicefs",
}
DRIVE_REMOTE = 4


def is_network_path(path: str | Path, mounts: str | None = None, platform: str | None = None) -> bool:
    """True when ``path`` lives on a network file system.

    ``mounts`` is the text of /proc/mounts (read when None) and ``platform``
    sys.platform, both given in tests.
    """
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return True
    if (platform or sys.platform) == "win32":
        return _windows_drive_type(text) == DRIVE_REMOTE
    if mounts is None:
        try:
            mounts = Path("/proc/mounts").read_text()
        except OSError:
            return False
    return mount_type(os.path.realpath(text), mounts) in NETWORK_FS


def mount_type(resolved: str, mounts: str) -> str:
    """File system type of the innermost mount holding ``resolved``."""
    best, best_fs = "", ""
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = parts[1].replace("\\040", " ")
        inside = resolved == mount_point or resolved.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) >= len(best):
            best, best_fs = mount_point, parts[2]
    return best_fs


def _drive_of(text: str) -> str:
    """``C:`` of ``C:\\x\\lib.sqlite`` (relative paths: of the current folder)."""
    drive = text[:2] if len(text) >= 2 and text[1] == ":" else os.path.abspath(text)[:2]
    return drive if len(drive) == 2 and drive[1] == ":" else ""


def get_drive_type(root: str) -> int:  # pragma: no cover - Windows only (tests replace it)
    import ctypes
    return ctypes.windll.kernel32.GetDriveTypeW(root)


def _windows_drive_type(text: str) -> int:
    drive = _drive_of(text)
    return get_drive_type(drive + "\\") if drive else 0
