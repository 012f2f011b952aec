"""Atomic file writes: temporary file in the target folder, fsync, rename.

A target that is locked (open in Word) or read-only leaves the old file
intact and raises one clear PlanDeskError.
"""
from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path
from typing import Callable

from .errors import PlanDeskError


def _read_only(path: Path) -> bool:
    """The file's own read-only flag (checked by mode, since root may write anyway)."""
    return not (path.stat().st_mode & stat.S_IWUSR) or not os.access(path, os.W_OK)


def write_atomic(path: str | Path, produce: Callable[[Path], None]) -> Path:
    """Call ``produce(tmp_path)`` to write the content, then move it over ``path``."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise PlanDeskError(f"找不到資料夾 {folder}，請選擇已存在的資料夾。")
    if path.exists() and _read_only(path):
        raise PlanDeskError(f"{path.name} 是唯讀檔案，無法覆寫；請另選檔名或解除唯讀，原檔案未變更。")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=path.suffix + ".tmp", dir=folder)
    except OSError as exc:
        raise PlanDeskError(f"無法在 {folder} 建立檔案（{exc.strerror}），請確認有寫入權限。") from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        produce(tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except PermissionError as exc:
        raise PlanDeskError(f"{path.name} 正被其他程式（例如 Word）開啟或鎖住，無法覆寫；請關閉該檔案後再試，原檔案未變更。") from exc
    except OSError as exc:
        raise PlanDeskError(f"無法寫入 {path.name}（{exc.strerror}），請確認磁碟空間與權限；原檔案未變更。") from exc
    finally:
        if tmp.exists():
            tmp.unlink()
    return path


def write_text_atomic(path: str | Path, text: str) -> Path:
    return write_atomic(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))
