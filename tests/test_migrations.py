"""Schema upgrades run one version at a time and keep the data."""
import sqlite_utils

from conftest import fixture_path
from desktop.exchange import plan_to_dict, read_plan_file
from desktop.library import Library
from desktop.migrate import latest_version, migrations


def test_versions_are_contiguous_and_documented():
    mods = migrations()
    assert [m.VERSION for m in mods] == list(range(1, latest_version() + 1))
    assert all(m.upgrade.__doc__ or m.__doc__ for m in mods)


def test_version_1_file_is_upgraded_with_its_plans(tmp_path):
    path = tmp_path / "old.sqlite"
    db = sqlite_utils.Database(path)
    with db.atomic():
        migrations()[0].upgrade(db)
        db.execute("PRAGMA user_version = 1")
    # store a plan in the version-1 file without upgrading it (the constructor does not migrate)
    plan_id = Library(db, path).add_plan(read_plan_file(fixture_path("taipei-114")))
    db.conn.close()

    lib = Library.open(path)  # upgrades 1 → latest
    assert lib.db.execute("PRAGMA user_version").fetchone()[0] == latest_version()
    assert "nodes_order" in {r[1] for r in lib.db.execute("PRAGMA index_list(nodes)")}
    assert plan_to_dict(lib.load_plan(plan_id)) == plan_to_dict(read_plan_file(fixture_path("taipei-114")))
    lib.close()
    [backup] = list((tmp_path / "backups").glob("old-*.sqlite"))  # taken before upgrading
    assert sqlite_utils.Database(backup).execute("PRAGMA user_version").fetchone()[0] == 1
