"""尋找與取代 through the real dialog: count, a list that jumps, replace one,
replace all as one undo step, refusal on a 核定 plan; and zoom."""
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from desktop.ops import EditPlan
from gui_fixtures import dialogs, window  # noqa: F401 (fixtures)
from conftest import saved_plan
from gui_helpers import make_window


def _saved_texts(window):
    plan = saved_plan(window.library.path, window.document.plan.id)
    return [t for n in plan.walk() for t in (n.title, n.text)]


def test_find_lists_matches_and_jumps(qtbot, window):
    window.actions["find"].trigger()  # Ctrl+F
    dialog = window.find_dialog
    assert dialog.isVisible()
    qtbot.waitUntil(dialog.find_box.hasFocus)
    dialog.find_box.setText("滿意度")
    qtbot.waitUntil(lambda: len(dialog.matches) > 0)
    expected = sum(t.count("滿意度") for t in _saved_texts(window))
    assert len(dialog.matches) >= expected > 0
    assert dialog.count.text() == f"找到 {len(dialog.matches)} 處。"
    assert dialog.list.count() == len(dialog.matches)
    row = next(i for i, m in enumerate(dialog.matches) if m.ref.kind == "node" and m.ref.attr == "title")
    dialog.list.itemClicked.emit(dialog.list.item(row))  # a click on the match
    match = dialog.matches[row]
    assert window.controller.current_id() == match.target
    assert window.detail.title.selectedText() == "滿意度"
    second = next(i for i, m in enumerate(dialog.matches) if m.ref.kind == "node" and m.ref.attr == "text"
                  and m.start > 0)
    dialog.jump(second)
    assert window.detail.text.textCursor().selectionStart() == dialog.matches[second].start
    assert window.detail.text.textCursor().selectedText() == "滿意度"
    assert len(window.detail.text.extraSelections()) == 1  # marked while the dialog has the focus
    dialog.find_box.setText("沒有這段文字")
    dialog.run()
    assert dialog.count.text() == "找不到「沒有這段文字」。" and dialog.list.count() == 0


def test_replace_one_and_all_as_one_undo_step(qtbot, window):
    window.actions["replace"].trigger()  # Ctrl+H
    dialog = window.find_dialog
    dialog.find_box.setText("服務")
    dialog.run()
    total = len(dialog.matches)
    dialog.replace_box.setText("效能")
    dialog.list.setCurrentRow(2)
    assert dialog.replace_current() == 1
    assert len(dialog.matches) == total - 1
    assert window.document.undo_label() == "取代"
    assert dialog.replace_all() == total - 1
    assert dialog.matches == [] and "已取代" in dialog.count.text()
    assert not any("服務" in t for t in _saved_texts(window))
    assert window.actions["undo"].text() == "復原 全部取代"
    window.actions["undo"].trigger()
    dialog.run()
    assert len(dialog.matches) == total - 1  # one undo brings every replaced match back
    assert sum("服務" in t for t in _saved_texts(window)) > 0


def test_replace_refused_on_an_approved_plan(window, dialogs):
    window.document.apply(EditPlan({"status": "核定"}))
    window.actions["replace"].trigger()
    dialog = window.find_dialog
    dialog.find_box.setText("服務")
    dialog.run()
    assert dialog.matches  # finding still works
    before = _saved_texts(window)
    assert dialog.replace_all() == 0
    assert dialogs.errors and "已核定" in dialogs.errors[-1]
    assert _saved_texts(window) == before


def test_zoom_keys_wheel_and_setting_are_remembered(qtbot, window, monkeypatch):
    zoom = window.zoom
    start = window.tree.font().pointSize()
    window.actions["zoom_in"].trigger()
    window.actions["zoom_in"].trigger()
    assert window.tree.font().pointSize() == start + 2
    assert window.detail.title.font().pointSize() == start + 2  # editors follow the tree
    wheel = QWheelEvent(QPointF(10, 10), QPointF(10, 10), QPoint(0, 0), QPoint(0, -120), Qt.NoButton,
                        Qt.ControlModifier, Qt.NoScrollPhase, False)
    QApplication.sendEvent(window.tree.viewport(), wheel)  # Ctrl+wheel down: one point smaller
    assert window.tree.font().pointSize() == start + 1
    assert int(QSettings().value("view/font_size")) == start + 1
    window.actions["zoom_reset"].trigger()
    assert window.tree.font().pointSize() == zoom.default
    monkeypatch.setattr("desktop.gui.zoom.QInputDialog.getInt", lambda *a, **k: (18, True))
    window.actions["font_size"].trigger()
    assert window.tree.font().pointSize() == 18
    window.close()
    again = make_window(qtbot, window.library, window.document.plan.id)
    assert again.tree.font().pointSize() == 18  # remembered
    QSettings().remove("view/font_size")  # Qt keeps one settings file per process: leave it clean
    assert {k.toString() for k in window.actions["zoom_in"].shortcuts()} >= {"Ctrl++"}
