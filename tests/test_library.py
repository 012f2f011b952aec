"""Opening library files, bad files, search, recycle bin, crash safety."""
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest

from conftest import ROOT, fixture_path
from desktop.errors import PlanDeskError
from desktop.exchange import plan_to_dict, read_plan_file
from desktop.library import Library
from desktop.migrate import latest_version
from desktop.netshare import is_network_path


def test_not_sqlite_file_is_refused_untouched(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"this is a Word file, not a library" * 10)
    before = path.read_bytes()
    with pytest.raises(PlanDeskError, match="不是 PlanDesk 計畫庫"):
        Library.open(path)
    assert path.read_bytes() == before


def test_corrupt_library_is_refused_untouched(tmp_path):
    path = tmp_path / "lib.sqlite"
    lib = Library.open(path)
    lib.add_plan(read_plan_file(fixture_path("hualien-108")))
    lib.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    lib.close()
    data = bytearray(path.read_bytes())
    page = 4096
    data[page * 2:page * 2 + 3000] = os.urandom(3000)  # garble a b-tree page
    path.write_bytes(bytes(data))
    with pytest.raises(PlanDeskError, match="損壞"):
        Library.open(path)
    assert path.read_bytes() == bytes(data)


def test_other_programs_database_is_refused(tmp_path):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(PlanDeskError, match="其他程式"):
        Library.open(path)


def test_newer_schema_is_refused_untouched(tmp_path):
    path = tmp_path / "lib.sqlite"
    Library.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {latest_version() + 1}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(PlanDeskError, match="較新版"):
        Library.open(path)
    assert path.read_bytes() == before


def test_local_library_uses_wal_and_foreign_keys(library):
    assert library.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert library.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert library.warning == ""


def test_network_share_detection():
    mounts = textwrap.dedent("""\
        /dev/vda / ext4 rw 0 0
        //server/plans /mnt/share cifs rw 0 0
        server:/export /home/u/nfs nfs4 rw 0 0
        """)
    assert is_network_path("/mnt/share/lib.sqlite", mounts)
    assert is_network_path("/home/u/nfs/a/lib.sqlite", mounts)
    assert not is_network_path("/home/u/lib.sqlite", mounts)
    assert not is_network_path("/mnt/shared/lib.sqlite", mounts)
    assert is_network_path(r"\\server\plans\lib.sqlite", mounts)


def test_network_share_uses_rollback_journal_and_warns(tmp_path, monkeypatch):
    import desktop.library as library_module
    monkeypatch.setattr(library_module, "is_network_path", lambda path: True)
    lib = Library.open(tmp_path / "lib.sqlite")
    assert lib.db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert "網路磁碟" in lib.warning
    lib.close()


def test_search_finds_chinese_substrings(library):
    library.add_plan(read_plan_file(fixture_path("hualien-108")))
    taipei = library.add_plan(read_plan_file(fixture_path("taipei-114")))
    hits = library.search("電子帳單")
    assert hits and all("電子帳單" in h.snippet for h in hits)
    assert {h.office for h in hits} == {"花蓮區營業處", "台北市區營業處"}
    two = library.search("帳單")  # shorter than a trigram
    assert len(two) >= len(hits) and all("帳單" in h.snippet for h in two)
    where = {h.where for h in library.search("KIOSK") if h.plan_id == taipei}
    assert "二、(二)2." in where
    assert any(h.node_id is None and h.where == "計畫依據" for h in library.search("電配售部"))
    assert library.search("完全不存在的字串") == []


def test_deleted_plan_is_recoverable(library):
    plan_id = library.add_plan(read_plan_file(fixture_path("taipei-114")))
    library.delete_plan(plan_id)
    assert library.list_plans() == [] and library.search("電子帳單") == []
    library.restore_plan(plan_id)
    assert [p.id for p in library.list_plans()] == [plan_id]


EDITOR = textwrap.dedent("""
    import sys
    sys.path.insert(0, {root!r})
    from desktop.library import Library
    from desktop.document import PlanDocument
    from desktop.ops import EditNode
    lib = Library.open(sys.argv[1])
    doc = PlanDocument.open(lib, int(sys.argv[2]))
    nodes = [n for n in doc.plan.walk()]
    i = 0
    while True:
        node = nodes[i % len(nodes)]
        doc.apply(EditNode(node.id, {{"text": "edit-%d" % i}}))
        print(i, node.id, flush=True)   # the edit has returned: it must survive
        i += 1
""")


def test_kill_9_loses_no_returned_edit(tmp_path):
    path = tmp_path / "lib.sqlite"
    lib = Library.open(path)
    plan_id = lib.add_plan(read_plan_file(fixture_path("hualien-108")))
    lib.close()
    script = tmp_path / "editor.py"
    script.write_text(EDITOR.format(root=str(ROOT)))
    proc = subprocess.Popen([sys.executable, str(script), str(path), str(plan_id)],
                            stdout=subprocess.PIPE, text=True)
    returned, count = {}, 0
    deadline = time.monotonic() + 60
    while count < 300 and time.monotonic() < deadline:  # kill in the middle of the stream
        line = proc.stdout.readline()
        if not line:
            break
        count += 1
        i, node_id = line.split()
        returned[node_id] = f"edit-{i}"  # the last returned edit per node
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert count == 300 and len(returned) > 100
    lib = Library.open(path)
    plan = lib.load_plan(plan_id)
    texts = {n.id: n.text for n in plan.walk()}
    for node_id, text in returned.items():
        # a later edit may have committed after the last line we read; never an earlier one
        assert int(texts[node_id].split("-")[1]) >= int(text.split("-")[1])
    lib.close()


@pytest.mark.parametrize("fs", ["fuse.gvfsd-fuse", "fuse.smbnetfs", "vboxsf", "virtiofs", "9p", "drvfs",
                                "fuse.sshfs", "cifs", "nfs", "nfs4", "smb3", "fuse.rclone", "vmhgfs"])
def test_network_and_virtual_file_systems_are_remote(fs):
    mounts = f"/dev/vda / ext4 rw 0 0\nshare /run/user/1000/gvfs {fs} rw 0 0\n"
    assert is_network_path("/run/user/1000/gvfs/smb-share:server=srv,share=plans/lib.sqlite", mounts)
    assert not is_network_path("/home/u/lib.sqlite", mounts)


def test_windows_remote_drive_and_unc_are_network(monkeypatch):
    import desktop.netshare as netshare
    types = {"Z:\\": netshare.DRIVE_REMOTE, "C:\\": 3}  # 3 = DRIVE_FIXED
    asked = []
    monkeypatch.setattr(netshare, "get_drive_type", lambda root: asked.append(root) or types.get(root, 0))
    assert is_network_path(r"Z:\計畫\lib.sqlite", platform="win32")
    assert not is_network_path(r"C:\Users\u\lib.sqlite", platform="win32")
    assert is_network_path(r"\\server\share\lib.sqlite", platform="win32")
    assert asked == ["Z:\\", "C:\\"]


def test_unc_paths_are_refused_on_linux_with_a_sentence(tmp_path):
    from conftest import run_cli
    for path in ("//srv/plans/lib.sqlite", r"\\srv\plans\lib.sqlite"):
        result = run_cli("--db", path, "list", cwd=tmp_path)
        assert result.returncode == 2 and "網路路徑" in result.stderr and "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []  # no local folder or oddly named file was made
    from desktop.paths import reject_foreign_path
    reject_foreign_path(r"\\srv\plans\lib.sqlite", platform="win32")  # a real UNC path there


def test_sql_stays_in_the_library():
    """No SQL in the GUI, the checks or the demo seeding: they call Library methods."""
    desktop = ROOT / "desktop"
    files = [*(desktop / "gui").glob("*.py"), *(desktop / "checks").glob("*.py"), desktop / "demo.py"]
    offenders = [f.name for f in files if ".execute(" in f.read_text(encoding="utf-8")
                 or "db.conn" in f.read_text(encoding="utf-8")]
    assert offenders == []


def test_review_notes_are_written_like_every_other_write(tmp_path):
    """Notes and the revision log take the write lock at once (BEGIN IMMEDIATE) and are
    refused with the usual sentence on a library opened read-only."""
    from desktop.markup.notes import ReviewNote
    library = Library.open(tmp_path / "lib.sqlite")
    plan_id = library.add_plan(read_plan_file(fixture_path("hualien-108")))
    note = ReviewNote(None, "計畫名稱", "title", "王處長", "2026-11-30T09:00:00", "", "請再確認年度")
    statements = []
    library.db.conn.set_trace_callback(statements.append)
    with library.transaction():
        library.add_review_notes(plan_id, [note])
        library.log_revision(plan_id, "依 處長修正.docx 修正 (1 處)")
    library.db.conn.set_trace_callback(None)
    assert statements[0] == "BEGIN IMMEDIATE" and statements[-1] == "COMMIT"
    assert [n.text for n in library.review_notes(plan_id)] == ["請再確認年度"]
    library.read_only = True
    with pytest.raises(PlanDeskError, match="唯讀"):
        library.resolve_review_note(note.id)
    library.close()
