"""All Traditional Chinese (issue 14 point 6) through the real widgets: key names
in the F1 list as a clerk reads them, Qt's own dialogs in zh_TW, ROC dates in
the library, tooltips that explain (with the key) rather than repeat the label."""
import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from gui_helpers import Dialogs, library_with, make_window


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    Dialogs(monkeypatch)
    library, (plan_id,) = library_with(tmp_path / "lib.sqlite", "xinying-111")
    yield make_window(qtbot, library, plan_id)
    library.close()


def test_f1_list_names_keys_as_printed_on_the_keyboard(qtbot, window):
    from desktop.gui.shortcuts_help import ShortcutsDialog
    dialog = ShortcutsDialog(window.actions, window)
    qtbot.addWidget(dialog)
    rows = {dialog.table.item(r, 0).text(): dialog.table.item(r, 1).text()
            for r in range(dialog.table.rowCount())}
    assert rows["凸排"].split("／")[0] == "Shift+Tab"
    assert rows["新增同層項目"] == "Enter"
    assert rows["上移"] == "Alt+↑" and rows["刪除項目"] == "Delete"
    assert "Ctrl+Enter" in rows["新增子項目"] and "Insert" in rows["新增子項目"]
    listed = " ".join(rows.values())
    assert not re.search(r"Backtab|Return|\bIns\b|\bDel\b|\bUp\b|\bDown\b", listed)


def test_qt_standard_dialogs_speak_zh_tw(qtbot):
    from desktop.gui.app import make_application, qt_translation_dirs
    assert any((Path(d) / "qtbase_zh_TW.qm").is_file() for d in qt_translation_dirs())
    app = make_application([])
    try:
        box = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel | QDialogButtonBox.Close)
        qtbot.addWidget(box)
        assert box.button(QDialogButtonBox.Cancel).text() == "取消"
        assert box.button(QDialogButtonBox.Close).text() == "關閉"
    finally:
        for translator in app._translators:
            QApplication.removeTranslator(translator)


def test_menus_name_keys_as_the_f1_list_does(qtbot, window):
    """Qt writes a menu item's key column from the native (zh_TW-translated) text:
    「Return」, 「刪除鍵 (Del)」, 「Alt+上鍵」; the application style redraws it as the
    F1 list names the keys, and the keys themselves keep working (Qt parses them)."""
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QStyleFactory

    from desktop.gui.app import make_application
    from desktop.gui.menu_keys import MenuKeyStyle, clerk_menu_text
    from desktop.gui.shortcuts_help import key_text
    app = QApplication.instance()
    before = app.style().objectName() or app.style().name()
    app = make_application([])
    try:
        assert isinstance(app.style(), MenuKeyStyle)
        drawn = {}
        for name, action in window.actions.items():
            for shortcut in action.shortcuts():
                native = shortcut.toString(QKeySequence.NativeText)
                drawn[native] = clerk_menu_text(f"{action.text()}\t{native}").split("\t")[1]
                assert drawn[native] == key_text(shortcut)
                assert QKeySequence.fromString(native, QKeySequence.NativeText) == shortcut
        assert {"Return", "刪除鍵 (Del)", "Alt+上鍵"} <= set(drawn), drawn
        assert drawn["Return"] == "Enter" and drawn["刪除鍵 (Del)"] == "Delete" and drawn["Alt+上鍵"] == "Alt+↑"
        assert clerk_menu_text("說明") == "說明" and clerk_menu_text("最近開啟\t不是按鍵") == "最近開啟\t不是按鍵"
    finally:
        for translator in app._translators:
            QApplication.removeTranslator(translator)
        app.setStyle(QStyleFactory.create(before))


def test_frozen_bundle_finds_qt_translations_in_the_wheel_folder(monkeypatch, tmp_path):
    """A bundle whose QLibraryInfo points nowhere still finds PySide6's translations."""
    from desktop.gui import app
    monkeypatch.setattr(app.QLibraryInfo, "path", lambda which: str(tmp_path / "nowhere"))
    folders = app.qt_translation_dirs()
    assert folders and all("nowhere" not in f for f in folders)
    assert any((Path(f) / "qtbase_zh_TW.qm").is_file() for f in folders)


def test_toolbar_and_panel_tooltips_explain_and_give_the_key(window):
    for action in window.toolbar.actions():
        if action.isSeparator():
            continue
        tip = action.toolTip()
        assert tip and tip != action.text() and action.text() not in tip, action.objectName()
        if action.shortcuts():
            assert tip.endswith("）") and "（" in tip, tip
    assert window.actions["outdent"].toolTip().endswith("（Shift+Tab）")
    assert window.actions["undo"].toolTip() == "取消上一個修改（Ctrl+Z）"
    from PySide6.QtWidgets import QToolButton
    buttons = window.library_panel.findChildren(QToolButton)
    assert buttons and all(b.toolTip() and b.toolTip() != b.text() for b in buttons)
