"""Backups: consistent copies including the WAL, listed newest first, rotated,
checked after writing, made before migrations/restore/imports and on the first
open of a day; restore backs the current library up first."""
import json
from datetime import datetime, timedelta

import pytest

from conftest import cli_import, fixture_path, run_cli
from desktop.backup import create_backup, daily_backup, list_backups, backup_folder
from desktop.backup.rotation import DAILY, MONTHLY, RECENT, WEEKLY, to_keep
from desktop.document import PlanDocument
from desktop.errors import PlanDeskError
from desktop.exchange import read_plan_file
from desktop.library import Library
from desktop.ops import EditNode


def test_backup_while_open_holds_the_last_edits_still_in_the_wal(tmp_path):
    db = tmp_path / "lib.sqlite"
    lib = Library.open(db)
    plan_id = lib.add_plan(read_plan_file(fixture_path("hualien-108")))
    doc = PlanDocument.open(lib, plan_id)
    nodes = list(doc.plan.walk())[:20]
    for i, node in enumerate(nodes):
        doc.apply(EditNode(node.id, {"text": f"最後的修改 {i}"}))
    assert (tmp_path / "lib.sqlite-wal").stat().st_size > 0  # still open, not checkpointed
    out = tmp_path / "copy.sqlite"
    result = run_cli("--db", db, "backup", "-o", out)
    assert result.returncode == 0, result.stderr
    copy = Library.open(out)
    texts = {n.id: n.text for n in copy.load_plan(plan_id).walk()}
    assert [texts[n.id] for n in nodes] == [f"最後的修改 {i}" for i in range(20)]
    copy.close()
    lib.close()


def test_backups_lists_newest_first_with_plan_count_and_size(tmp_path):
    db = tmp_path / "lib.sqlite"
    cli_import(db, "hualien-108")
    cli_import(db, "taipei-114")  # backs up first (1 plan), after the daily backup
    run_cli("--db", db, "backup")
    listed = json.loads(run_cli("--db", db, "backups", "--json").stdout)
    assert [b["plans"] for b in listed][:2] == [2, 1]
    assert [b["time"] for b in listed] == sorted((b["time"] for b in listed), reverse=True)
    assert all(b["size"] > 0 and b["ok"] and b["path"].startswith(str(tmp_path / "backups")) for b in listed)
    text = run_cli("--db", db, "backups").stdout
    assert "2 個計畫" in text
    newest = datetime.fromisoformat(listed[0]["time"])  # the plain list dates as a 公文 does: 115/12/02 13:05:09
    assert text.splitlines()[0].startswith(f"{newest.year - 1911}/{newest:%m/%d %H:%M:%S}\t")


def test_restore_backs_up_first_and_replaces_content_for_open_connections(tmp_path):
    db = tmp_path / "lib.sqlite"
    first = cli_import(db, "hualien-108")
    backup = run_cli("--db", db, "backup").stdout.strip()
    cli_import(db, "taipei-114")
    watcher = Library.open(db)  # another process with the library open
    result = run_cli("--db", db, "restore", backup)
    assert result.returncode == 0, result.stderr
    assert [p.id for p in watcher.list_plans()] == [int(first)]
    before = [b for b in json.loads(run_cli("--db", db, "backups", "--json").stdout) if b["plans"] == 2]
    assert before, "the library as it was before the restore must be backed up"
    watcher.close()


def test_restore_refuses_a_file_that_is_not_a_good_library(tmp_path):
    db = tmp_path / "lib.sqlite"
    cli_import(db, "hualien-108")
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + bytes(5000))
    result = run_cli("--db", db, "restore", bad)
    assert result.returncode == 2 and "不是完好的" in result.stderr
    assert run_cli("--db", db, "list").stdout.count("\n") == 1


def test_rotation_keeps_recent_daily_weekly_monthly():
    now = datetime(2026, 12, 2, 18, 0)
    times = [now - timedelta(hours=6 * i) for i in range(4 * 400)]  # four a day for 400 days
    keep = {times[i] for i in to_keep(times)}
    assert len(keep) <= RECENT + DAILY + WEEKLY + MONTHLY
    assert set(times[:RECENT]) <= keep
    days = sorted({t.date() for t in keep}, reverse=True)
    assert days[:DAILY] == [now.date() - timedelta(days=i) for i in range(DAILY)]
    assert min(keep) > now - timedelta(days=366) and min(keep) < now - timedelta(days=300)


def test_first_open_of_the_day_backs_up_once(tmp_path):
    lib = Library.open(tmp_path / "lib.sqlite")
    assert daily_backup(lib) == "" and not list_backups(backup_folder(lib), "lib")  # empty: nothing to keep
    lib.add_plan(read_plan_file(fixture_path("taipei-114")))
    daily_backup(lib)
    daily_backup(lib)
    assert len(list_backups(backup_folder(lib), "lib")) == 1
    tomorrow = datetime.now().date() + timedelta(days=1)
    daily_backup(lib, today=tomorrow)
    assert len(list_backups(backup_folder(lib), "lib")) == 2
    lib.close()


def test_backup_folder_is_configurable(tmp_path):
    db = tmp_path / "lib.sqlite"
    cli_import(db, "taipei-114")
    elsewhere = tmp_path / "share" / "plandesk-backups"
    made = run_cli("--db", db, "backup", "--folder", elsewhere).stdout.strip()
    assert made.startswith(str(elsewhere))
    assert json.loads(run_cli("--db", db, "backups", "--json").stdout)[0]["path"] == made


def test_backup_failing_its_check_is_not_kept(tmp_path, monkeypatch):
    lib = Library.open(tmp_path / "lib.sqlite")
    lib.add_plan(read_plan_file(fixture_path("taipei-114")))
    monkeypatch.setattr(Library, "inspect", staticmethod(lambda path: (False, 0)))
    with pytest.raises(PlanDeskError, match="檢查不通過"):
        create_backup(lib)
    assert not any((tmp_path / "backups").iterdir())
    lib.close()
