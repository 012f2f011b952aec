"""Schema upgrades: one small module per version in ``db/migrations/vNNN_*.py``
(the package ``desktop._data.db.migrations``), each with ``VERSION`` and
``upgrade(db)``; ``PRAGMA user_version`` records the version a library file is at."""
from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

from .errors import PlanDeskError

PACKAGE = "desktop._data.db.migrations"


@lru_cache(maxsize=1)
def migrations() -> tuple:
    """The shipped migration modules, ordered by version."""
    # found like the CLI's *_cmds modules: through the package's __path__
    package = importlib.import_module(PACKAGE)
    names = sorted(info.name for info in pkgutil.iter_modules(package.__path__) if info.name[:1] == "v")
    mods = [importlib.import_module(f"{PACKAGE}.{name}") for name in names]
    versions = [m.VERSION for m in mods]
    assert versions == list(range(1, len(mods) + 1)), f"migration versions not contiguous: {versions}"
    return tuple(mods)


def latest_version() -> int:
    return len(migrations())


def _version(db) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def refuse_newer(db, name: str) -> None:
    """A file from a newer PlanDesk is refused untouched."""
    current = _version(db)
    if current > latest_version():
        raise PlanDeskError(
            f"計畫庫 {name} 是較新版 PlanDesk 建立的（資料版本 {current}），請更新 PlanDesk 後再開啟；檔案未做任何變更。")


def pending(db) -> bool:
    return _version(db) < latest_version()


def upgrade(db, name: str, transaction) -> None:
    """Bring ``db`` (sqlite_utils.Database) to the latest version, one
    ``transaction()`` per version. The version is read again inside each
    transaction, so two processes creating or upgrading the same file at the
    same moment do each step once."""
    refuse_newer(db, name)
    if not pending(db):
        return
    for module in migrations():
        with transaction():
            if _version(db) >= module.VERSION:
                continue
            module.upgrade(db)
            db.execute(f"PRAGMA user_version = {int(module.VERSION)}")
