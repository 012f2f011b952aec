"""Paths longer than Windows' classic MAX_PATH (260 characters).

Unless the PC has the LongPathsEnabled policy (PlanDesk's executables declare
themselves long-path aware, so that is then enough), Windows file calls fail on
such paths and the clerk would read "folder not found". Such a target is refused
up front with a sentence that says what to do.
"""
from __future__ import annotations

import ntpath
import sys
from pathlib import Path

from .errors import PlanDeskError

MAX_PATH = 260
# margin kept below MAX_PATH for what the atomic write may put beside the target
# (a staged copy ".~plandesk-<pid>.tmp" when the temporary folder is on another disk)
TEMP_NAME_ROOM = 14
FILESYSTEM_KEY = r"SYSTEM\CurrentControlSet\Control\FileSystem"


def long_paths_enabled() -> bool:
    """Whether Windows accepts paths over 260 characters (the LongPathsEnabled policy)."""
    import winreg
    try:
        with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, FILESYSTEM_KEY) as key:
            value, _kind = winreg.QueryValueEx(key, "LongPathsEnabled")
    except OSError:
        return False
    return value == 1


def refuse_too_long(target: str | Path) -> None:
    """PlanDeskError when Windows could not write ``target`` (or its temporary twin)."""
    if sys.platform != "win32":
        return
    length = len(ntpath.abspath(str(target)))
    if length + TEMP_NAME_ROOM < MAX_PATH or long_paths_enabled():
        return
    raise PlanDeskError(f"存檔位置的完整路徑有 {length} 個字元，超過 Windows 的上限（約 {MAX_PATH - TEMP_NAME_ROOM} 字）；"
                        "請改存到較短的資料夾（例如「文件」）或縮短檔名後再試。")
