"""Restoring a backup: check it, back the current library up, then replace the
content in one step (other processes see either the old or the restored library)."""
from __future__ import annotations

import logging
from pathlib import Path

from ..atomic import replace
from ..errors import PlanDeskError
from .make import create_backup

log = logging.getLogger("plandesk.backup")


def restore_backup(library, source: str | Path) -> Path | None:
    """Replace the library's content with ``source``. Returns the backup of the
    previous content (None when the current library could not be read to back up)."""
    from ..library import Library
    source = Path(source)
    if not source.is_file():
        raise PlanDeskError(f"找不到備份檔 {source}，請確認路徑是否正確。")
    ok, _ = Library.inspect(source)
    if not ok:
        raise PlanDeskError(f"{source} 不是完好的 PlanDesk 計畫庫備份（檢查不通過或版本較新），未還原；請改選其他備份檔。")
    before = create_backup(library, "還原前")
    library.replace_with(source)
    log.warning("library %s restored from %s (previous content kept in %s)", library.path, source, before)
    return before


def restore_over_damaged(library_path: str | Path, source: str | Path) -> Path:
    """A damaged library cannot be opened to restore into: keep it aside as
    ``<name>.damaged-<time>`` (never deleted) and put a copy of ``source`` in its place.
    Returns where the damaged file was kept."""
    import shutil
    from datetime import datetime

    from ..library import Library
    library_path, source = Path(library_path), Path(source)
    ok, _ = Library.inspect(source)
    if not ok:
        raise PlanDeskError(f"{source} 不是完好的 PlanDesk 計畫庫備份（檢查不通過或版本較新），未還原；請改選其他備份檔。")
    kept = library_path.with_name(f"{library_path.name}.damaged-{datetime.now():%Y%m%d-%H%M%S}")
    tmp = library_path.with_name(f".{library_path.name}.restoring")
    shutil.copyfile(source, tmp)
    replace(library_path, kept)
    for suffix in ("-wal", "-shm"):  # they belong to the damaged file
        side = Path(str(library_path) + suffix)
        if side.exists():
            replace(side, Path(str(kept) + suffix))
    replace(tmp, library_path)
    log.warning("damaged library %s kept as %s and restored from %s", library_path, kept, source)
    return kept
