"""One window per library (issue 14 point 8): a second ``plandesk gui`` on the
same library brings the running window to the front and opens the requested file
there; a read-only second window only when the lock belongs to another PC."""
import subprocess
import sys

import pytest

from conftest import fixture_path
from desktop.gui import single_instance
from desktop.gui.instance_lock import InstanceLock
from gui_helpers import Dialogs, library_with


@pytest.fixture
def running(qtbot, tmp_path, monkeypatch):
    """The first PlanDesk on a library: a real window that holds the lock."""
    from desktop.gui.app import create_main_window
    Dialogs(monkeypatch)
    library, _ = library_with(tmp_path / "lib.sqlite", "hualien-108")
    library.close()
    window = create_main_window(tmp_path / "lib.sqlite")
    qtbot.addWidget(window)
    imported = []
    monkeypatch.setattr(window, "import_file", lambda path: imported.append(path))
    window.imported = imported
    yield window
    window.close()
    window.library.close()


def _second_launch(qtbot, db, *extra):
    """``plandesk gui`` in another process; it must end by itself (a second window would not)."""
    proc = subprocess.Popen([sys.executable, "-m", "desktop", "gui", "--db", str(db), *map(str, extra)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        qtbot.waitUntil(lambda: proc.poll() is not None, timeout=20000)  # our window answers meanwhile
    finally:
        if proc.poll() is None:
            proc.kill()
    return proc


def test_second_launch_hands_over_and_exits(qtbot, running, tmp_path):
    assert running.instance_server.listening and not running.read_only
    running.showMinimized()
    proc = _second_launch(qtbot, tmp_path / "lib.sqlite", fixture_path("taipei-114"))
    assert proc.returncode == 0, proc.stderr.read()
    qtbot.waitUntil(lambda: bool(running.imported), timeout=3000)
    assert running.imported == [fixture_path("taipei-114").resolve()]
    assert running.isVisible() and not running.isMinimized()


def test_other_spelling_of_the_path_is_the_same_library(tmp_path):
    (tmp_path / "sub").mkdir()
    same = tmp_path / "sub" / ".." / "lib.sqlite"
    assert single_instance.server_name(same) == single_instance.server_name(tmp_path / "lib.sqlite")
    assert single_instance.server_name(tmp_path / "other.sqlite") != single_instance.server_name(same)


def test_after_the_window_closed_a_launch_opens_its_own(qtbot, running, tmp_path):
    running.close()
    assert not single_instance.hand_over(tmp_path / "lib.sqlite")


def test_lock_of_another_pc_gives_a_read_only_window(qtbot, tmp_path, monkeypatch):
    from desktop.gui.app import create_main_window
    dialogs = Dialogs(monkeypatch, answer=False)  # asked whether to take the lock over: no
    library, _ = library_with(tmp_path / "lib.sqlite", "hualien-108")
    library.close()
    lock_path = tmp_path / "lib.sqlite.lock"
    # the lock a PlanDesk on another computer wrote on the shared folder (QLockFile's format)
    lock_path.write_text("4242\nplandesk\nother-pc\n\n\n", encoding="utf-8")
    other = InstanceLock(tmp_path / "lib.sqlite")
    assert not other.acquired and other.foreign and other.owner.host == "other-pc"
    assert not single_instance.hand_over(tmp_path / "lib.sqlite")  # nobody here to hand over to
    window = create_main_window(tmp_path / "lib.sqlite")
    qtbot.addWidget(window)
    assert window.read_only and window.instance_server is None
    assert "other-pc" in dialogs.questions[-1]
    window.announce_startup()
    assert dialogs.errors[-1].startswith("電腦「other-pc」上的 PlanDesk 正在使用這個計畫庫")
    window.library.close()


def test_own_lock_is_not_another_pc(tmp_path):
    mine = InstanceLock(tmp_path / "x")
    second = InstanceLock(tmp_path / "x")  # this PC, a live process: not foreign, no read-only reason
    assert mine.acquired and not second.acquired and not second.foreign
    assert second.read_only_message() == ""
    mine.release()


def test_windows_launch_lets_the_running_window_take_the_foreground(monkeypatch):
    """Simulated Windows: the second launch calls AllowSetForegroundWindow(ASFW_ANY)."""
    import ctypes
    calls = []

    class User32:
        @staticmethod
        def AllowSetForegroundWindow(pid):
            calls.append(pid)

    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(ctypes, "windll", type("WinDLL", (), {"user32": User32}), raising=False)
    single_instance._allow_foreground()
    assert calls == [-1]
