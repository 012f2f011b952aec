"""Accessibility (issue 14 point 11) on the real window: every field and list
has a name, form labels are buddies, Tab goes left to right, no fixed background
without its text colour (dark themes stay readable), HiDPI-sharp print preview."""
import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPageSize, QPainter, QPalette, QPdfWriter
from PySide6.QtWidgets import QLabel

from desktop.gui.accessibility import unnamed_inputs
from gui_helpers import Dialogs, library_with, make_window

GUI = Path(__file__).resolve().parent.parent / "desktop" / "gui"


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    Dialogs(monkeypatch)
    library, (plan_id,) = library_with(tmp_path / "lib.sqlite", "hualien-108")
    window = make_window(qtbot, library, plan_id)
    yield window
    library.close()


def test_every_field_and_list_has_a_name(window):
    assert unnamed_inputs(window) == []
    assert window.tree.accessibleName() == "項目表"
    assert window.library_panel.tree.accessibleName() == "計畫庫清單"
    assert window.detail.title.accessibleName() == "標題"
    assert window.plan_editor.fields["date_line"].accessibleName() == "日期列"
    labels = {label.text(): label.buddy() for label in window.detail.findChildren(QLabel)}
    assert labels["標題"] is window.detail.title and labels["執行期間"] is window.detail.period


def test_tab_goes_from_the_library_to_the_item_fields(qtbot, window):
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    expected = [window.library_panel.tree, window.search_panel.box, window.search_panel.results,
                window.tree, window.detail.title, window.detail.text]
    chain, widget = [], expected[0]
    for _ in range(400):
        widget = widget.nextInFocusChain()
        if widget in expected:
            chain.append(widget)
        if widget is expected[0]:
            break
    assert chain[:len(expected) - 1] == expected[1:]
    # real keys: Tab leaves the search box for its results; from the title to the text
    for start, after in ((window.search_panel.box, window.search_panel.results),
                         (window.detail.title, window.detail.text)):
        start.setFocus()
        qtbot.waitUntil(start.hasFocus)
        qtbot.keyClick(start, Qt.Key_Tab)
        qtbot.waitUntil(after.hasFocus, timeout=2000)


def test_no_fixed_background_without_its_text_colour():
    """A style sheet or HTML style that fixes a background also fixes the text colour."""
    offenders = []
    for path in GUI.glob("*.py"):
        for literal in re.findall(r"([\"'])((?:(?!\1).)*background(?:(?!\1).)*)\1", path.read_text(encoding="utf-8")):
            text = literal[1]
            if ":" in text and not re.search(r"(^|[;\s'\"{])color\s*:", text):
                offenders.append(f"{path.name}: {text}")
    assert offenders == []


def _contrast(a: QColor, b: QColor) -> float:
    def luminance(c):
        def channel(v):
            v /= 255
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue())
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("dark", [False, True])
def test_severity_colours_readable_in_light_and_dark_themes(qtbot, tmp_path, monkeypatch, dark):
    from desktop.gui.check_panel import CheckPanel
    from desktop.model import Node
    library, (plan_id,) = library_with(tmp_path / "lib.sqlite", "xinying-111")
    panel = CheckPanel(library)
    qtbot.addWidget(panel)
    palette = QPalette(panel.list.palette())
    if dark:
        palette.setColor(QPalette.Base, QColor("#1e1e1e"))
        palette.setColor(QPalette.AlternateBase, QColor("#2a2a2a"))
        palette.setColor(QPalette.Text, QColor("#e8e8e8"))
    panel.list.setPalette(palette)
    plan = library.load_plan(plan_id)
    plan.tree[0].children[0].children.append(Node())  # an error
    plan.tree[0].children[0].children.append(Node(title="只有標題"))  # a warning
    panel.show_plan(plan)
    seen = set()
    for row in range(panel.list.topLevelItemCount()):
        item = panel.list.topLevelItem(row)
        colour = item.foreground(0).color()
        for background in (palette.color(QPalette.Base), palette.color(QPalette.AlternateBase)):
            assert _contrast(colour, background) >= 4.5, (item.text(0), colour.name(), background.name())
        seen.add(item.text(0))
    assert seen == {"錯誤", "警告", "提示"}
    library.close()


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
@pytest.mark.parametrize("ratio", [1.0, 2.0])
def test_print_preview_renders_for_the_screens_pixels(qtbot, tmp_path, monkeypatch, ratio):
    from desktop.exchange import read_plan_file
    from desktop.gui import print_preview
    from conftest import fixture_path
    pdf = tmp_path / "one-page.pdf"
    writer = QPdfWriter(str(pdf))
    writer.setPageSize(QPageSize(QPageSize.A4))
    painter = QPainter(writer)
    painter.drawText(200, 200, "第 1 頁")
    painter.end()
    monkeypatch.setattr(print_preview, "export_plan", lambda plan, fmt, out, soffice=None: shutil.copyfile(pdf, out) and out)
    monkeypatch.setattr(print_preview, "screen_ratio", lambda parent: ratio)
    preview = print_preview.PrintPreview(read_plan_file(fixture_path("taipei-114")))
    qtbot.addWidget(preview)
    label = preview.page_labels[0]
    a4_width = round(21.0 / 2.54 * print_preview.PREVIEW_DPI)  # logical pixels at 100 %
    assert abs(label.width() - a4_width) <= 2
    rendered = preview.pixmaps[0]  # the label hands Qt these pixels for a screen of that ratio
    assert abs(rendered.width() - a4_width * ratio) <= 2 * ratio and rendered.devicePixelRatio() == ratio
    preview.zoom_combo.setCurrentIndex(preview.zoom_combo.findData(50))
    assert abs(label.width() - a4_width / 2) <= 2
    preview.accept()
