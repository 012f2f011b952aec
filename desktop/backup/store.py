"""Where backups live and what is there: ``<stem>-YYYYMMDD-HHMMSS.sqlite`` files."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

FOLDER_SETTING = "backup_folder"
STAMP = "%Y%m%d-%H%M%S"


@dataclass
class BackupInfo:
    path: Path
    time: datetime
    plans: int
    size: int
    ok: bool

    def as_dict(self) -> dict:
        return {"path": str(self.path), "time": self.time.isoformat(timespec="seconds"),
                "plans": self.plans, "size": self.size, "ok": self.ok}


def default_folder(library_path: Path) -> Path:
    return Path(library_path).parent / "backups"


def backup_folder(library) -> Path:
    """The folder set in the library (e.g. a network folder), else ``backups/`` beside it."""
    configured = library.setting(FOLDER_SETTING) if not _old_schema(library) else ""
    return Path(configured) if configured else default_folder(library.path)


def _old_schema(library) -> bool:
    from ..migrate import pending
    return pending(library.db)  # before migration 3 there is no settings table


def name_for(library_path: Path, when: datetime) -> str:
    return f"{Path(library_path).stem}-{when.strftime(STAMP)}.sqlite"


def backup_times(folder: Path, stem: str) -> list[tuple[datetime, Path]]:
    """(time, path) of the backups of library ``stem`` in ``folder``, newest first."""
    pattern = re.compile(re.escape(stem) + r"-(\d{8}-\d{6})(?:-(\d+))?\.sqlite$")
    found = []
    if folder.is_dir():
        for path in folder.iterdir():
            match = pattern.match(path.name)
            if match:  # -2, -3 … are later backups within the same second
                found.append((datetime.strptime(match.group(1), STAMP), int(match.group(2) or 1), path))
    return [(when, path) for when, _, path in sorted(found, reverse=True)]


def list_backups(folder: Path, stem: str) -> list[BackupInfo]:
    """Every backup with its plan count and size, newest first (each file is checked)."""
    from ..library import Library
    out = []
    for when, path in backup_times(folder, stem):
        ok, plans = Library.inspect(path)
        out.append(BackupInfo(path, when, plans, path.stat().st_size, ok))
    return out


def newest_good_backup(library_path: Path) -> Path | None:
    """The newest backup in the default folder that passes the integrity check."""
    from ..library import Library
    for _, path in backup_times(default_folder(library_path), Path(library_path).stem):
        if Library.inspect(path)[0]:
            return path
    return None
