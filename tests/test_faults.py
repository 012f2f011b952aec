"""Fault injection: each failure gets the right sentence (exit 2, never a
traceback), a read-only library still opens for viewing, search and export,
and only real corruption says 損壞 (offering the newest good backup).

Read-only and full disks are real: a small tmpfs, remounted read-only (tests
run as root, where chmod has no effect). Where a real fault cannot be made (an
unreadable file for root, a lock held past the busy timeout) the error is
injected at the same call the real one would come from."""
import errno
import json
import sqlite3
import subprocess
import sys

import pytest

import desktop.library as library_module
from conftest import ROOT, cli_import, fixture_path, run_cli
from desktop.cli import main
from desktop.exchange import read_plan_file
from desktop.library import Library
from fault_helpers import mounts  # noqa: F401  (fixture)


def _one_sentence(result, *words):
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in result.stderr, result.stderr


def test_read_only_mount_opens_read_only_with_viewing_search_and_export(mounts, tmp_path):
    point = mounts.tmpfs("20m")
    db = point / "lib.sqlite"
    plan_id = cli_import(db, "hualien-108")
    mounts.read_only(point)

    listed = run_cli("--db", db, "list")
    assert listed.returncode == 0 and "花蓮" in listed.stdout and "唯讀" in listed.stderr
    assert run_cli("--db", db, "search", "電子帳單").stdout.count("\t") > 3
    out = tmp_path / "out.json"
    assert run_cli("--db", db, "export", plan_id, "--format", "json", "-o", out).returncode == 0
    assert json.loads(out.read_text(encoding="utf-8"))["office"] == "花蓮區營業處"
    _one_sentence(run_cli("--db", db, "import", fixture_path("taipei-114")), "唯讀")
    _one_sentence(run_cli("--db", db, "status", plan_id, "核定"), "唯讀")


def test_read_only_file_opens_read_only(tmp_path, monkeypatch):
    path = tmp_path / "lib.sqlite"
    lib = Library.open(path)
    plan_id = lib.add_plan(read_plan_file(fixture_path("taipei-114")))
    lib.close()
    monkeypatch.setattr(library_module, "writable", lambda p: False)  # what access() says for a 0444 file
    lib = Library.open(path)
    assert lib.read_only and "唯讀" in lib.warning
    assert lib.load_plan(plan_id).office == "台北市區營業處" and lib.search("電子帳單")
    with pytest.raises(library_module.PlanDeskError, match="唯讀"):
        lib.add_plan(read_plan_file(fixture_path("hualien-108")))
    lib.close()


def test_full_disk_says_so_and_keeps_what_was_stored(mounts):
    point = mounts.tmpfs("1200k")
    db = point / "lib.sqlite"
    stored = 0
    for _ in range(30):
        result = run_cli("--db", db, "import", fixture_path("hualien-108"))
        if result.returncode:
            break
        stored += 1
    _one_sentence(result, "磁碟空間不足")
    assert "損壞" not in result.stderr
    _one_sentence(run_cli("--db", db, "clone", "1", "--year", "109"), "磁碟空間不足")
    listed = run_cli("--db", db, "list")
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) == stored >= 1


def test_full_disk_injected_in_the_library_write(tmp_path, monkeypatch, capsys):
    def full(*_args):
        raise sqlite3.OperationalError("database or disk is full")
    monkeypatch.setattr(Library, "add_plan", full)
    assert main(["--db", str(tmp_path / "lib.sqlite"), "import", str(fixture_path("hualien-108"))]) == 2
    assert "磁碟空間不足" in capsys.readouterr().err


def test_folder_as_db_is_named_a_folder(tmp_path):
    _one_sentence(run_cli("--db", tmp_path, "list"), "是資料夾")


def test_unreadable_library_file_says_permission(tmp_path, monkeypatch, capsys):
    path = tmp_path / "lib.sqlite"
    Library.open(path).close()

    def denied(name, *args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(name))
    monkeypatch.setattr(library_module, "open", denied, raising=False)  # root can read a 0000 file
    assert main(["--db", str(path), "list"]) == 2
    err = capsys.readouterr().err
    assert "沒有權限" in err and "損壞" not in err


def test_row_that_is_not_utf8_gives_a_sentence(tmp_path):
    db = tmp_path / "lib.sqlite"
    plan_id = cli_import(db, "hualien-108")
    conn = sqlite3.connect(db)
    conn.execute("UPDATE nodes SET title = CAST(x'c3fffe' AS TEXT) WHERE rowid = 1")
    conn.commit()
    conn.close()
    _one_sentence(run_cli("--db", db, "export", plan_id, "--format", "json", "-o", tmp_path / "o.json"),
                  "UTF-8")
    assert run_cli("--db", db, "list").returncode == 0


def test_deeply_nested_json_is_refused_with_a_sentence(tmp_path):
    data = json.loads(fixture_path("hualien-108").read_text(encoding="utf-8"))
    data["tree"] = "@TREE@"
    depth = 600
    node = '{"number": "", "title": "x", "children": [' * depth + "]}" * depth
    path = tmp_path / "deep.json"
    path.write_text(json.dumps(data, ensure_ascii=False).replace('"@TREE@"', f"[{node}]"), encoding="utf-8")
    _one_sentence(run_cli("--db", tmp_path / "lib.sqlite", "import", path), "層次")


def test_output_name_over_255_bytes(tmp_path):
    db = tmp_path / "lib.sqlite"
    plan_id = cli_import(db, "taipei-114")
    _one_sentence(run_cli("--db", db, "export", plan_id, "--format", "json", "-o", tmp_path / ("計" * 90 + ".json")),
                  "檔名太長")


def test_output_piped_into_head_that_closed_early(tmp_path):
    db = tmp_path / "lib.sqlite"
    cli_import(db, "taipei-114")
    script = (f"{sys.executable} -m desktop --db {db} search 服務 | head -c 0; "
              "echo \"exit=${PIPESTATUS[0]}\" >&2")
    result = subprocess.run(["bash", "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert "Traceback" not in result.stderr and "exit=2" in result.stderr
    assert "輸出已被關閉" in result.stderr


def test_lock_held_by_another_program_is_not_called_damage(tmp_path, monkeypatch):
    path = tmp_path / "lib.sqlite"
    monkeypatch.setattr(library_module, "is_network_path", lambda p: True)  # rollback journal
    Library.open(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    monkeypatch.setattr(library_module, "BUSY_TIMEOUT_S", 0.2)
    try:
        with pytest.raises(library_module.PlanDeskError) as caught:
            Library.open(path)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert "鎖住" in caught.value.message and "損壞" not in caught.value.message


def test_only_corruption_says_damaged_and_offers_the_newest_backup(tmp_path):
    db = tmp_path / "lib.sqlite"
    plan_id = cli_import(db, "hualien-108")
    backup = run_cli("--db", db, "backup").stdout.strip()
    data = bytearray(db.read_bytes())
    data[4096 * 2:4096 * 2 + 3000] = bytes(3000)
    db.write_bytes(bytes(data))
    result = run_cli("--db", db, "list")
    _one_sentence(result, "損壞", backup)
    restored = run_cli("--db", db, "restore", backup)
    assert restored.returncode == 0, restored.stderr
    assert run_cli("--db", db, "list").stdout.startswith(f"{plan_id}\t")
    assert list(tmp_path.glob("lib.sqlite.damaged-*"))  # the damaged file is kept, not deleted
