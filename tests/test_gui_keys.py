"""Keys of the main window: no two actions share a keystroke, Ctrl+Tab/F6 move
between panes, and a new item left empty vanishes with its creation."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from desktop.gui.actions import canonical_key, same_key
from gui_fixtures import dialogs, window  # noqa: F401 (fixtures)
from conftest import saved_plan


@pytest.fixture
def focused(qtbot, window):
    """The window with the keyboard focus in the plan tree."""
    window.activateWindow()
    window.tree.setFocus()
    qtbot.waitUntil(lambda: window.tree.hasFocus())
    return window


def test_backtab_is_shift_tab():
    assert same_key(QKeySequence("Shift+Tab"), QKeySequence("Backtab"))
    assert same_key(QKeySequence("Ctrl+Shift+Tab"), QKeySequence("Ctrl+Backtab"))
    assert not same_key(QKeySequence("Tab"), QKeySequence("Shift+Tab"))
    assert not same_key(QKeySequence("Ctrl+Tab"), QKeySequence("Tab"))


def test_no_two_actions_share_a_keystroke(focused):
    window = focused
    owners: dict[tuple, list[str]] = {}
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            owners.setdefault(canonical_key(sequence), []).append(action.objectName() or action.text())
    shared = {key: names for key, names in owners.items() if len(names) > 1}
    assert shared == {}
    assert canonical_key(QKeySequence("Shift+Tab")) in owners  # outdent is there, once


def _saved(window):
    return saved_plan(window.library.path, window.document.plan.id)


def test_ctrl_tab_and_f6_move_between_panes_not_indent(qtbot, focused):
    window = focused
    plan = window.document.plan
    second = plan.tree[0].children[1]
    window.controller.select(second.id)
    window.actions["next_pane"].trigger()  # what Ctrl+Tab / F6 fire
    assert window.detail.isAncestorOf(window.focusWidget())
    window.actions["previous_pane"].trigger()
    assert window.tree.hasFocus()
    window.actions["previous_pane"].trigger()
    assert window.search_panel.isAncestorOf(window.focusWidget())
    window.actions["next_pane"].trigger()
    assert window.tree.hasFocus()
    # a Ctrl+Tab key event reaching the tree is not an indent any more
    qtbot.keyClick(window.tree, Qt.Key_Tab, Qt.ControlModifier)
    assert plan.tree[0].children[1] is second and window.document.undo_label() == ""
    assert {"Ctrl+Tab", "F6"} <= {k.toString() for k in window.actions["next_pane"].shortcuts()}


def test_new_item_left_empty_is_taken_back_as_one_step(qtbot, focused):
    window = focused
    plan = window.document.plan
    second = plan.tree[0].children[1]
    window.controller.select(second.id)
    qtbot.keyClick(window.tree, Qt.Key_Up, Qt.AltModifier)  # some earlier step to come back to
    count = sum(1 for _ in plan.walk())
    qtbot.keyClick(window.tree, Qt.Key_Return)
    new_id = window.controller.current_id()
    assert sum(1 for _ in _saved(window).walk()) == count + 1
    editor = window.tree.indexWidget(window.tree.currentIndex())
    qtbot.keyClick(editor, Qt.Key_Return)  # leaves the title empty: not gone yet
    qtbot.waitUntil(lambda: window.tree.state() != window.tree.State.EditingState)
    assert window.model.has_node(new_id)
    window.controller.select(plan.tree[1].id)  # leaving it, still blank
    qtbot.waitUntil(lambda: not window.model.has_node(new_id))
    assert sum(1 for _ in _saved(window).walk()) == count
    assert window.document.undo_label() == "上移" and window.document.redo_label() == ""
    assert window.controller.current_id() == plan.tree[1].id  # where the clerk went

    # something typed into the new item (in the editor on the right) keeps it
    window.controller.select(second.id)
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key_Return)
    kept = window.controller.current_id()
    qtbot.keyClick(window.tree.indexWidget(window.tree.currentIndex()), Qt.Key_Escape)
    assert not window.model.has_node(kept)  # Escape: gone at once
    qtbot.keyClick(window.tree, Qt.Key_Return)
    kept = window.controller.current_id()
    window.detail.text.setPlainText("內容")
    window.controller.select(plan.tree[1].id)
    qtbot.wait(50)
    assert window.model.has_node(kept)
    assert _saved(window).find(kept)[0].text == "內容"


def test_enter_on_a_blank_new_item_does_not_pile_up_blanks(qtbot, focused):
    window = focused
    plan = window.document.plan
    window.controller.select(plan.tree[0].children[0].id)
    count = sum(1 for _ in plan.walk())
    for _ in range(3):  # Enter, Enter (commits the empty title), Enter …
        qtbot.keyClick(window.tree, Qt.Key_Return)
        editor = window.tree.indexWidget(window.tree.currentIndex())
        qtbot.keyClick(editor, Qt.Key_Return)
        qtbot.waitUntil(lambda: window.tree.state() != window.tree.State.EditingState)
        window.tree.setFocus()
    assert sum(1 for _ in plan.walk()) == count + 1  # one blank item, the one being written
    assert sum(1 for _ in _saved(window).walk()) == count + 1
    window.document.undo()
    assert sum(1 for _ in plan.walk()) == count and window.document.undo_label() == ""
