"""pytest fixtures shared by GUI test modules (import them by name into the module)."""
import pytest

from gui_helpers import Dialogs, library_with, shown_window


@pytest.fixture
def dialogs(monkeypatch):
    """Message boxes recorded, questions answered yes."""
    return Dialogs(monkeypatch, True)


@pytest.fixture
def window(qtbot, tmp_path, dialogs):
    """The main window on hualien-108, shown."""
    library, (plan_id,) = library_with(tmp_path / "lib.sqlite", "hualien-108")
    window = shown_window(qtbot, library, plan_id)
    yield window
    library.close()
