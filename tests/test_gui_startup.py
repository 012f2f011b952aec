"""Starting the program: an empty user folder gets the demo library and shows a plan;
the window remembers its layout, plan and selection."""
from desktop.paths import default_db_path

from conftest import run_cli
from gui_helpers import Dialogs, library_with


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
