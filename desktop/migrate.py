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


def upgrade(db, name: str) -> None:
    """Bring ``db`` (sqlite_utils.Database) to the latest version, one
    transaction per version. A newer file is refused untouched."""
    current = db.execute("PRAGMA user_version").fetchone()[0]
    if current > latest_version():
        raise PlanDeskError(
            f"計畫庫 {name} 是較新版 PlanDesk 建立的（資料版本 {current}），請更新 PlanDesk 後再開啟；檔案未做任何變更。")
    for module in migrations()[current:]:
        with db.atomic():
            module.upgrade(db)
            db.execute(f"PRAGMA user_version = {int(module.VERSION)}")
