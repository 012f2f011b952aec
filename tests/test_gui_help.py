"""Help (issue 14 point 10): the first-start welcome panel with three first steps,
dismissed for good; 說明 → 使用說明 opens the built-in, searchable manual."""
import re
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel

from desktop.gui.app import create_main_window
from desktop.gui.help_window import IMAGE_WIDTH, HelpWindow, manual_path
from gui_helpers import Dialogs, library_with


def _start(qtbot, db):
    window = create_main_window(db)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_welcome_steps_run_the_commands_and_dismiss_for_good(qtbot, tmp_path, monkeypatch):
    Dialogs(monkeypatch)
    library, (plan_id,) = library_with(tmp_path / "lib.sqlite", "hualien-108")
    library.close()
    window = _start(qtbot, tmp_path / "lib.sqlite")
    panel = window.welcome_panel
    assert panel is not None and panel.isVisible()
    assert [b.text() for b in panel.step_buttons.values()] == ["1. 匯入舊計畫…", "2. 複製為新年度…", "3. 匯出…"]
    assert "1 份計畫" in panel.findChildren(QLabel)[0].text()
    called = []
    for name in ("import_plan", "clone_year", "export_plan"):
        window.actions[name].triggered.disconnect()
        window.actions[name].triggered.connect(lambda _c=False, n=name: called.append(n))
        qtbot.mouseClick(panel.step_buttons[name], Qt.LeftButton)
    assert called == ["import_plan", "clone_year", "export_plan"]
    qtbot.mouseClick(panel.help_button, Qt.LeftButton)
    assert window.findChild(HelpWindow).isVisible()
    qtbot.mouseClick(panel.dismiss_button, Qt.LeftButton)
    assert not panel.isVisible()
    window.close()
    window.library.close()
    again = _start(qtbot, tmp_path / "lib.sqlite")  # the next start: no welcome any more
    assert again.welcome_panel is None
    again.close()
    again.library.close()


def test_manual_from_the_help_menu_is_searchable(qtbot, tmp_path, monkeypatch):
    Dialogs(monkeypatch)
    library, _ = library_with(tmp_path / "lib.sqlite", "hualien-108")
    library.close()
    window = _start(qtbot, tmp_path / "lib.sqlite")
    help_menu = window.menus["說明(&H)"]
    entry = next(a for a in help_menu.actions() if a.text() == "使用說明…")
    entry.trigger()
    manual = window.findChild(HelpWindow)
    assert manual.isVisible() and "使用說明" in manual.browser.toPlainText()
    entry.trigger()
    assert len(window.findChildren(HelpWindow)) == 1  # the same window comes back
    qtbot.keyClicks(manual.search, "Shift+Tab")
    text = manual.browser.toPlainText()
    assert manual.count.text() == f"找到 {text.count('Shift+Tab')} 處" and text.count("Shift+Tab") >= 2
    first = manual.browser.textCursor().selectionStart()
    qtbot.keyClick(manual.search, Qt.Key_Return)
    assert manual.browser.textCursor().selectedText() == "Shift+Tab"
    assert manual.browser.textCursor().selectionStart() > first
    manual.search.clear()
    assert manual.browser.extraSelections() == [] and manual.count.text() == ""
    manual.search.setText("不存在的字")
    assert manual.count.text() == "找不到"
    # screenshots come scaled smoothly to the manual's width in the screen's pixels
    image = manual.browser.loadResource(QTextDocument.ImageResource,
                                        QUrl.fromLocalFile(str(manual_path().parent / "images" / "diff-view.png")))
    ratio = manual.browser.devicePixelRatioF()
    assert image.width() == round(IMAGE_WIDTH * ratio) and image.devicePixelRatio() == ratio
    window.close()
    window.library.close()


def test_manual_images_exist_and_are_the_current_screenshots():
    html = manual_path().read_text(encoding="utf-8")
    images = re.findall(r'<img src="([^"]+)"', html)
    assert "images/welcome-panel.png" in images and len(images) >= 6
    docs = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
    for src in images:
        shipped = manual_path().parent / src
        assert shipped.is_file(), src
        assert shipped.read_bytes() == (docs / Path(src).name).read_bytes(), src
