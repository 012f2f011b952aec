"""Exported files: normal permissions (umask, an existing file's mode), written
through symlinks, nothing left in the user's folder by a killed export, retries
of a briefly locked file on Windows, and two processes creating one library."""
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

import desktop.atomic as atomic
from conftest import ROOT, run_cli
from desktop.atomic import write_text_atomic
from desktop.errors import PlanDeskError
from desktop.scratch import scratch_root


@pytest.fixture
def umask():
    old = os.umask(0o022)
    yield lambda value: os.umask(value)
    os.umask(old)


def test_new_file_respects_umask(tmp_path, umask):
    umask(0o002)
    assert (write_text_atomic(tmp_path / "a.json", "{}").stat().st_mode & 0o777) == 0o664
    umask(0o022)
    assert (write_text_atomic(tmp_path / "b.json", "{}").stat().st_mode & 0o777) == 0o644


def test_overwrite_keeps_the_existing_mode(tmp_path, umask):
    target = tmp_path / "plan.json"
    target.write_text("old")
    target.chmod(0o664)
    umask(0o077)
    write_text_atomic(target, "new")
    assert target.read_text() == "new" and (target.stat().st_mode & 0o777) == 0o664


def test_symlink_is_written_through(tmp_path):
    real = tmp_path / "shared" / "plan.json"
    real.parent.mkdir()
    real.write_text("old")
    link = tmp_path / "plan.json"
    link.symlink_to(real)
    write_text_atomic(link, "new")
    assert link.is_symlink() and real.read_text() == "new"


def test_killed_export_leaves_nothing_in_the_folder_and_is_cleaned_at_next_start(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "plan.json").write_text("old")
    env = dict(os.environ, TMPDIR=str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    script = textwrap.dedent(f"""
        import sys, time
        sys.path.insert(0, {str(ROOT)!r})
        from desktop.atomic import write_atomic
        def slow(tmp):
            tmp.write_text("half")
            print("writing", flush=True)
            time.sleep(60)
        write_atomic({str(out / "plan.json")!r}, slow)
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, env=env)
    assert proc.stdout.readline().strip() == "writing"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert [p.name for p in out.iterdir()] == ["plan.json"] and (out / "plan.json").read_text() == "old"
    [leftovers] = (tmp_path / "tmp").iterdir()  # plandesk-<user>
    assert list(leftovers.iterdir())
    assert run_cli("--db", tmp_path / "lib.sqlite", "list", env={"TMPDIR": str(tmp_path / "tmp")}).returncode == 0
    assert list(leftovers.iterdir()) == []


def _sharing_violation():
    exc = PermissionError(13, "The process cannot access the file")
    exc.winerror = 32
    return exc


def test_windows_retries_a_briefly_locked_target(tmp_path, monkeypatch):
    real_replace = os.replace
    failures = []

    def flaky(src, dst):
        if len(failures) < 3:
            failures.append(time.monotonic())
            raise _sharing_violation()
        real_replace(src, dst)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(os, "replace", flaky)
    write_text_atomic(tmp_path / "plan.json", "new")
    assert (tmp_path / "plan.json").read_text() == "new" and len(failures) == 3


def test_windows_file_held_open_says_so_after_about_half_a_second(tmp_path, monkeypatch):
    target = tmp_path / "plan.json"
    target.write_text("old")

    def held(src, dst):
        raise _sharing_violation()
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(os, "replace", held)
    started = time.monotonic()
    with pytest.raises(PlanDeskError, match="開啟或鎖住"):
        write_text_atomic(target, "new")
    assert 0.4 <= time.monotonic() - started < 2 and target.read_text() == "old"
    assert not any(scratch_root().iterdir())


CREATE = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {root!r})
    from desktop.library import Library
    start = float(sys.argv[2])
    time.sleep(max(0, start - time.time()))
    Library.open(sys.argv[1]).close()
    print("ok")
""")


def test_two_processes_creating_one_new_library_both_succeed(tmp_path):
    script = tmp_path / "create.py"
    script.write_text(CREATE.format(root=str(ROOT)))
    for trial in range(3):
        db = tmp_path / f"lib{trial}.sqlite"
        start = time.time() + 1.0
        procs = [subprocess.Popen([sys.executable, str(script), str(db), str(start)], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True) for _ in range(4)]
        results = [p.communicate(timeout=60) for p in procs]
        assert [p.returncode for p in procs] == [0] * 4, results
    assert run_cli("--db", tmp_path / "lib0.sqlite", "list").returncode == 0


def test_default_export_name_of_a_long_title_fits_the_file_system(tmp_path):
    from desktop.gui.export_dialog import default_file_name
    from desktop.model import Plan
    plan = Plan(title="花蓮區營業處" * 20, office="花蓮區營業處", year=108)  # 120 CJK characters
    name = default_file_name(plan, "業務組", "docx")
    assert len(name.encode("utf-8")) <= 255 and name.endswith(".docx") and name.startswith("花蓮區營業處")
    write_text_atomic(tmp_path / name, "ok")
    assert (tmp_path / name).read_text() == "ok"


def test_no_login_name_falls_back_to_the_user_id_everywhere_it_is_used(monkeypatch):
    """A service account without a login name: the scratch folder, the instance lock
    and the single-instance socket all still get one (not an exception)."""
    import getpass
    import os
    from desktop.paths import login_name
    from desktop.scratch import scratch_root

    def no_name():
        raise OSError("No username set in the environment")
    monkeypatch.setattr(getpass, "getuser", no_name)
    assert login_name() == str(os.getuid())
    assert scratch_root().name == f"plandesk-{os.getuid()}"
