"""Starting the program: an empty user folder gets the demo library and shows a plan;
the window remembers its layout, plan and selection."""
from desktop.paths import default_db_path

from conftest import run_cli
from gui_helpers import Dialogs, library_with, lock_held_by_another_process


def test_first_start_creates_demo_library_and_shows_a_plan(qtbot, monkeypatch):
    from desktop.gui.app import create_main_window, make_application
    Dialogs(monkeypatch)
    make_application([])
    assert not default_db_path().exists()
    window = create_main_window(default_db_path())
    qtbot.addWidget(window)
    window.show()
    assert default_db_path().exists()
    assert len(window.library.list_plans()) >= 3  # the shipped example plans
    assert window.document is not None and window.model.rowCount() > 0
    assert window.controller.current_id() is not None
    assert window.document.plan.office in window.windowTitle()
    window.close()
    window.library.close()


def test_state_restored_on_next_start(qtbot, tmp_path, monkeypatch):
    from desktop.gui.app import create_main_window, make_application
    Dialogs(monkeypatch)
    make_application([])
    library, (_, taipei) = library_with(tmp_path / "lib.sqlite", "hualien-108", "taipei-114")
    library.close()
    window = create_main_window(tmp_path / "lib.sqlite")
    qtbot.addWidget(window)
    window.show()
    window.open_plan(taipei)
    node = window.document.plan.tree[1].children[0]
    window.controller.select(node.id)
    window.resize(800, 500)  # fits the 800x600 offscreen screen
    size = window.size()
    window.close()
    window.library.close()
    again = create_main_window(tmp_path / "lib.sqlite")
    qtbot.addWidget(again)
    assert again.document.plan.id == taipei
    assert again.controller.current_id() == node.id
    assert again.size().height() == size.height()  # width is clamped to the tiny offscreen screen
    again.close()
    again.library.close()


def test_cli_gui_smoke_exit(tmp_path):
    """``plandesk gui --db`` starts, shows the window and quits on PLANDESK_SMOKE_EXIT_MS."""
    result = run_cli("gui", "--db", tmp_path / "new.sqlite",
                     env={"PLANDESK_SMOKE_EXIT_MS": "300", "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "new.sqlite").exists()


def test_other_process_holds_library_then_dies(qtbot, tmp_path, monkeypatch):
    """A second program on the same library opens read-only; once the first is
    gone (even killed), its lock is stale and the next start may edit."""
    from desktop.gui.app import create_main_window
    dialogs = Dialogs(monkeypatch)
    library, _ = library_with(tmp_path / "lib.sqlite", "hualien-108")
    library.close()
    with lock_held_by_another_process(tmp_path / "lib.sqlite"):
        second = create_main_window(tmp_path / "lib.sqlite")
        qtbot.addWidget(second)
        assert second.read_only
        second.controller.select(second.document.plan.tree[0].id)
        second.controller.delete(confirm=False)
        assert "唯讀" in dialogs.errors[-1]
        second.close()
        second.library.close()
    third = create_main_window(tmp_path / "lib.sqlite")
    qtbot.addWidget(third)
    assert not third.read_only
    third.close()
    third.library.close()


def test_bad_library_file_is_one_sentence_not_a_traceback(qtbot, tmp_path, monkeypatch):
    from desktop.gui.app import run_gui
    dialogs = Dialogs(monkeypatch)
    bad = tmp_path / "notes.sqlite"
    bad.write_text("這不是計畫庫", encoding="utf-8")
    assert run_gui(bad, []) == 2
    assert len(dialogs.errors) == 1 and "不是 PlanDesk 計畫庫" in dialogs.errors[0]
    assert bad.read_text(encoding="utf-8") == "這不是計畫庫"


def test_smoke_exit_even_when_second_instance_warns(tmp_path):
    """The read-only warning of a second instance must not keep a smoke run open."""
    library, _ = library_with(tmp_path / "lib.sqlite", "hualien-108")
    library.close()
    with lock_held_by_another_process(tmp_path / "lib.sqlite"):
        result = run_cli("gui", "--db", tmp_path / "lib.sqlite",
                         env={"PLANDESK_SMOKE_EXIT_MS": "300", "QT_QPA_PLATFORM": "offscreen"})
        assert result.returncode == 0, result.stderr
