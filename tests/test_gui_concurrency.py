"""The window and other processes: changes made elsewhere are noticed within
about a second and reloaded (keeping the selection); a plan approved elsewhere
turns read-only and a later edit in the window never reverts the approval; a
read-only library, a stale lock from another computer, a damaged library at
start-up and the 備份與還原 dialog."""
import time

import pytest

import desktop.library as library_module
from conftest import run_cli
from desktop.document import PlanDocument
from desktop.ops import EditNode
from gui_fixtures import dialogs  # noqa: F401 (fixture)
from gui_helpers import Dialogs, library_with, type_text


def _window(qtbot, path):
    from desktop.gui.app import create_main_window
    window = create_main_window(path)
    qtbot.addWidget(window)
    return window


def _close(window):
    window.close()
    window.library.close()


def test_approval_elsewhere_turns_the_open_plan_read_only_within_a_second(qtbot, tmp_path, dialogs):
    library, [plan_id] = library_with(tmp_path / "lib.sqlite", "hualien-108")
    library.close()
    window = _window(qtbot, tmp_path / "lib.sqlite")
    assert not window.document.locked
    result = run_cli("--db", tmp_path / "lib.sqlite", "status", plan_id, "核定")
    assert result.returncode == 0, result.stderr
    started = time.monotonic()
    qtbot.waitUntil(lambda: window.document.locked, timeout=3000)
    assert time.monotonic() - started < 2.0
    assert "核定" in window.statusBar().currentMessage() and window.lock_banner.isVisibleTo(window)
    title = window.plan_editor.fields["title"]
    assert title.isReadOnly()
    type_text(title, "改標題")  # the clerk's next title edit
    window.plan_editor._edit({"title": "改標題"}, "title")  # and the edit path itself
    stored = library_module.Library.open(tmp_path / "lib.sqlite")
    assert stored.load_plan(plan_id).status == "核定" and "改標題" not in stored.load_plan(plan_id).title
    stored.close()
    _close(window)


def test_edit_racing_the_watcher_is_refused_not_applied_over_the_approval(qtbot, tmp_path, dialogs):
    library, [plan_id] = library_with(tmp_path / "lib.sqlite", "taipei-114")
    library.close()
    window = _window(qtbot, tmp_path / "lib.sqlite")
    window.change_watcher.timer.stop()  # the edit comes before the next check
    assert run_cli("--db", tmp_path / "lib.sqlite", "status", plan_id, "核定").returncode == 0
    before = window.document.plan.title
    type_text(window.plan_editor.fields["title"], "X")
    assert dialogs.errors and "其他視窗或程式" in dialogs.errors[-1]
    assert window.change_watcher.check()
    assert window.document.locked and window.document.plan.title == before
    stored = library_module.Library.open(tmp_path / "lib.sqlite")
    assert stored.load_plan(plan_id).status == "核定" and stored.load_plan(plan_id).title == before
    stored.close()
    _close(window)


def test_reload_keeps_the_selection_and_shows_the_new_text(qtbot, tmp_path, dialogs):
    library, [plan_id] = library_with(tmp_path / "lib.sqlite", "hualien-108")
    window = _window(qtbot, tmp_path / "lib.sqlite")
    node = window.document.plan.tree[0].children[0].children[0]
    window.controller.select(node.id)
    PlanDocument.open(library, plan_id).apply(EditNode(node.id, {"text": "另一台電腦改的內容"}))
    assert window.change_watcher.check()
    assert window.controller.current_id() == node.id
    assert window.detail.text.toPlainText() == "另一台電腦改的內容"
    assert "重新載入" in window.statusBar().currentMessage()
    assert not window.change_watcher.check()  # nothing new since
    library.close()
    _close(window)


def test_read_only_library_opens_read_only_and_says_why(qtbot, tmp_path, dialogs, monkeypatch):
    library, _ = library_with(tmp_path / "lib.sqlite", "hualien-108")
    library.close()
    monkeypatch.setattr(library_module, "writable", lambda p: False)
    window = _window(qtbot, tmp_path / "lib.sqlite")
    assert window.read_only and window.document.locked
    assert "唯讀" in window.lock_banner.text() and "另一個 PlanDesk" not in window.lock_banner.text()
    assert not window.actions["new_sibling"].isEnabled()
    _close(window)


def test_stale_lock_from_another_computer_shows_who_and_may_be_taken_over(qtbot, tmp_path, monkeypatch):
    library, _ = library_with(tmp_path / "lib.sqlite", "hualien-108")
    library.close()
    lock = tmp_path / "lib.sqlite.lock"
    lock.write_text(f"4242\nplandesk\nPC-科長\n\n\nwang\n{time.time() - 3 * 3600}\n", encoding="utf-8")
    refuse = Dialogs(monkeypatch, answer=False)
    window = _window(qtbot, tmp_path / "lib.sqlite")
    assert window.read_only
    assert "PC-科長" in refuse.questions[-1] and "wang" in refuse.questions[-1] and "3 小時" in refuse.questions[-1]
    _close(window)
    Dialogs(monkeypatch, answer=True)
    window = _window(qtbot, tmp_path / "lib.sqlite")
    assert not window.read_only
    assert lock.read_text(encoding="utf-8").split("\n")[2] != "PC-科長"
    _close(window)
    assert not lock.exists()


def test_damaged_library_at_start_goes_to_the_newest_backup(qtbot, tmp_path, monkeypatch):
    from desktop.gui.app import run_gui
    db = tmp_path / "lib.sqlite"
    library, _ = library_with(db, "hualien-108")
    from desktop.backup import create_backup
    create_backup(library)
    library.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    library.close()
    data = bytearray(db.read_bytes())
    data[4096 * 2:4096 * 2 + 3000] = bytes(3000)
    db.write_bytes(bytes(data))
    answers = Dialogs(monkeypatch, answer=True)
    monkeypatch.setenv("PLANDESK_SMOKE_EXIT_MS", "200")
    assert run_gui(db, []) == 0
    assert "損壞" in answers.questions[0] and "1 個計畫" in answers.questions[0]
    restored = library_module.Library.open(db)
    assert len(restored.list_plans()) == 1
    restored.close()
    assert list(tmp_path.glob("lib.sqlite.damaged-*"))


def test_backup_dialog_backs_up_and_restores_into_the_open_window(qtbot, tmp_path, dialogs):
    from desktop.gui.backup_dialog import BackupDialog
    library, [plan_id] = library_with(tmp_path / "lib.sqlite", "hualien-108")
    library.close()
    window = _window(qtbot, tmp_path / "lib.sqlite")
    dialog = BackupDialog(window)
    qtbot.addWidget(dialog)
    rows = dialog.table.rowCount()
    dialog.backup_now()
    assert dialog.table.rowCount() == rows + 1
    node = window.document.plan.tree[0].children[0].children[0]
    original = node.text
    window.controller.select(node.id)
    window.detail.text.setPlainText("備份之後的修改")
    dialog.table.selectRow(0)
    dialog.restore_selected()
    assert window.document.plan.find(node.id)[0].text == original
    assert window.detail.text.toPlainText() == original
    _close(window)


@pytest.mark.parametrize("exc, words", [
    (__import__("sqlite3").OperationalError("database or disk is full"), "磁碟空間不足"),
    (__import__("sqlite3").OperationalError("database is locked"), "鎖住"),
    (OSError(28, "No space left on device", "/x/plan.docx"), "磁碟空間不足"),
    (OSError(30, "Read-only file system", "/x/plan.docx"), "唯讀"),
    (PermissionError(13, "Permission denied", "/x/plan.docx"), "權限"),
    (RecursionError("maximum recursion depth exceeded"), "層次"),
    (MemoryError(), "記憶體不足"),
    (UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte"), "UTF-8"),
])
def test_gui_catch_all_names_the_fault(qtbot, dialogs, exc, words):
    from desktop.gui import crash
    crash.handle_exception(type(exc), exc, None)
    assert len(dialogs.errors) == 1 and words in dialogs.errors[0] and "Traceback" not in dialogs.errors[0]


def test_window_activation_checks_at_once(qtbot, tmp_path, dialogs):
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication
    library, [plan_id] = library_with(tmp_path / "lib.sqlite", "taipei-114")
    library.close()
    window = _window(qtbot, tmp_path / "lib.sqlite")
    window.change_watcher.timer.stop()
    assert run_cli("--db", tmp_path / "lib.sqlite", "status", plan_id, "核定").returncode == 0
    assert not window.document.locked
    QApplication.sendEvent(window, QEvent(QEvent.WindowActivate))  # the clerk comes back to the window
    assert window.document.locked
    _close(window)
