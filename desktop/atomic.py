"""Atomic file writes: produce the content in PlanDesk's temporary folder, then
move it over the target in one step.

The new file gets normal permissions (those of the file it replaces, else what
the umask allows, so colleagues can read exports on a shared folder); a symlink
is written through (its target is replaced, the link stays). A killed export
leaves nothing in the user's folder (the temporary folder is cleaned at the next
start). A target that is locked (open in Word) or read-only leaves the old file
intact and raises one clear PlanDeskError; on Windows a file briefly held by
antivirus or an indexer is retried for about half a second first.
"""
from __future__ import annotations

import errno
import os
import shutil
import stat
import sys
import time
from pathlib import Path
from typing import Callable

from .errors import PlanDeskError, explain
from .long_path import refuse_too_long
from .scratch import make_scratch_dir

REPLACE_TRIES = 6          # × REPLACE_PAUSE ≈ 0.5 s
REPLACE_PAUSE = 0.1
_SHARING = {32, 5}         # ERROR_SHARING_VIOLATION, ERROR_ACCESS_DENIED


def _read_only(path: Path) -> bool:
    """The file's own read-only flag (checked by mode, since root may write anyway)."""
    return not (path.stat().st_mode & stat.S_IWUSR) or not os.access(path, os.W_OK)


def _new_file_mode(target: Path) -> int:
    """Keep an existing file's mode; a new file gets 0666 minus the umask."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def replace(source: Path, target: Path) -> None:
    """os.replace, retried on Windows while another program briefly holds the target."""
    for attempt in range(REPLACE_TRIES):
        try:
            os.replace(source, target)
            return
        except PermissionError as exc:
            if sys.platform != "win32" or getattr(exc, "winerror", None) not in _SHARING \
                    or attempt == REPLACE_TRIES - 1:
                raise
            time.sleep(REPLACE_PAUSE)


def write_atomic(path: str | Path, produce: Callable[[Path], None]) -> Path:
    """Call ``produce(tmp_path)`` to write the content, then move it over ``path``."""
    path = Path(path)
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise PlanDeskError(f"找不到資料夾 {folder}，請選擇已存在的資料夾。")
    if target.exists() and _read_only(target):
        raise PlanDeskError(f"{path.name} 是唯讀檔案，無法覆寫；請另選檔名或解除唯讀，原檔案未變更。")
    refuse_too_long(target)  # Windows without LongPathsEnabled: say so before writing
    if len(target.name.encode("utf-8")) > 255:
        raise PlanDeskError(explain(OSError(errno.ENAMETOOLONG, "File name too long", path.name)))
    try:
        scratch = make_scratch_dir("write-")
    except OSError as exc:
        raise PlanDeskError(f"無法建立暫存資料夾：{explain(exc)}") from exc
    staged = None
    try:
        tmp = scratch / f"content{target.suffix}"
        produce(tmp)
        os.chmod(tmp, _new_file_mode(target))
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        try:
            replace(tmp, target)  # same disk: one rename, nothing left anywhere
        except OSError as exc:
            if exc.errno != errno.EXDEV:
                raise
            # another disk: copy beside the target first, so the final step is still a rename
            staged = folder / f".~plandesk-{os.getpid()}.tmp"  # short: the target's name may be at the limit
            shutil.copy2(tmp, staged)
            with open(staged, "rb+") as fh:
                os.fsync(fh.fileno())
            replace(staged, target)
            staged = None
    except PermissionError as exc:
        raise PlanDeskError(f"{path.name} 正被其他程式（例如 Word）開啟或鎖住，無法覆寫；請關閉該檔案後再試，原檔案未變更。") from exc
    except OSError as exc:
        raise PlanDeskError(f"無法寫入 {path.name}：{explain(exc)}") from exc
    finally:
        if staged is not None:
            staged.unlink(missing_ok=True)
        shutil.rmtree(scratch, ignore_errors=True)
    return path


def write_text_atomic(path: str | Path, text: str) -> Path:
    return write_atomic(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))
