"""Writing a backup: VACUUM INTO a temporary name in the backup folder, check it,
then give it its final name (a half-written backup never looks like one)."""
from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from ..atomic import replace
from ..errors import PlanDeskError, explain
from .rotation import prune
from .store import backup_folder, backup_times, name_for

log = logging.getLogger("plandesk.backup")


def create_backup(library, reason: str = "", target: str | Path | None = None) -> Path:
    """Back the library up now; ``target`` is an explicit file (not rotated).
    Returns the backup's path; raises PlanDeskError when it cannot be written."""
    from ..library import Library
    folder = Path(target).parent if target else backup_folder(library)
    when = datetime.now()
    final = Path(target) if target else _free_name(folder / name_for(library.path, when))
    tmp = final.with_name(f".{final.name}.partial")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp.unlink(missing_ok=True)
        library.copy_to(tmp)
        ok, _ = Library.inspect(tmp)
        if not ok:
            raise PlanDeskError(f"備份檔 {final.name} 寫入後檢查不通過，已刪除；請確認備份資料夾 {folder} 所在的磁碟正常後再備份。")
        replace(tmp, final)
    except PlanDeskError:
        raise
    except Exception as exc:  # sqlite3.Error or OSError: disk full, read-only folder …
        raise PlanDeskError(f"無法寫入備份{f'（{reason}）' if reason else ''}：{explain(exc, str(folder))}") from exc
    finally:
        tmp.unlink(missing_ok=True)
    log.info("backup %s (%s) written and checked", final, reason or "-")
    if not target:
        for old in prune(backup_times(folder, library.path.stem)):
            log.info("backup %s removed by the rotation", old)
    return final


def _free_name(path: Path) -> Path:
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


def daily_backup(library, today=None) -> str:
    """The first open of each day backs up a library that holds plans. Returns a
    warning sentence when that failed ("" otherwise): opening still goes on."""
    if library.read_only or library.plan_count() == 0:
        return ""
    today = today or datetime.now().date()
    times = backup_times(backup_folder(library), library.path.stem)
    if times and times[0][0].date() >= today:
        return ""
    try:
        create_backup(library, "每日")
    except PlanDeskError as exc:
        return exc.message
    return ""
