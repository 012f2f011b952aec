"""Where PlanDesk finds its shipped data and keeps the user's library."""
from __future__ import annotations

import getpass
import os
import sys
from importlib.resources import files
from pathlib import Path

from . import APP_NAME, ORG_NAME
from .errors import PlanDeskError


def data_dir(name: str) -> Path:
    """Folder of shipped data: ``db``, ``templates`` or ``resources``.

    They are the packages ``desktop._data.<name>`` (mapped from the repository's
    top-level folders in pyproject.toml), so wheels, editable installs and the
    PyInstaller bundle all find them through importlib.resources.
    """
    return Path(str(files(f"desktop._data.{name}")))


def login_name() -> str:
    """The user's login name; the numeric user id (or "user") where there is none
    (a service account or an odd environment), never an exception."""
    try:
        return getpass.getuser()
    except Exception:
        return str(getattr(os, "getuid", lambda: "user")())


def app_data_dir() -> Path:
    """Per-user local app-data folder, the same one Qt's
    ``QStandardPaths.AppLocalDataLocation`` gives for ``ORG_NAME`` and
    ``APP_NAME`` (computed without importing Qt). The Windows uninstaller
    (packaging/plandesk.iss) asks before deleting this folder."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / ORG_NAME / APP_NAME


def default_db_path() -> Path:
    """The library file: ``PLANDESK_DB`` if set, else ``library.sqlite`` in app data."""
    env = os.environ.get("PLANDESK_DB")
    if env:
        return Path(env)
    return app_data_dir() / "library.sqlite"


def reject_foreign_path(path: str | Path, platform: str | None = None) -> None:
    """``//host/share`` or ``\\\\host\\share`` on Linux/macOS would become a local
    folder or a file with that literal name; say how to reach a share instead."""
    text = str(path)
    if (platform or sys.platform) != "win32" and text.startswith(("//", "\\\\")):
        raise PlanDeskError(f"「{text}」是 Windows 網路路徑，在此系統無法直接使用；請先把網路資料夾掛載"
                            "（mount）到本機資料夾，再指定其中的計畫庫檔案。")


def fit_file_name(stem: str, suffix: str, max_bytes: int = 255) -> str:
    """``stem.suffix`` shortened (at a character boundary) to what file systems
    allow: 255 bytes of UTF-8, i.e. about 80 Chinese characters."""
    room = max_bytes - len(f".{suffix}".encode("utf-8"))
    data = stem.encode("utf-8")[:room]
    return data.decode("utf-8", "ignore").rstrip() + f".{suffix}"
