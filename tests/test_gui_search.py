"""Search (issue 14 point 9) through the real panel: the open plan's hits first,
then newest year first; the match marked in the list and in the editor after a jump."""
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QStyleOptionViewItem

from desktop.gui.search_panel import HitRole
from gui_helpers import Dialogs, library_with, make_window, type_text


def _hits(panel):
    items = [panel.results.item(i) for i in range(panel.results.count())]
    return [i.data(HitRole) for i in items if i.data(HitRole)]


def test_open_plan_first_then_newest_year(qtbot, tmp_path, monkeypatch):
    Dialogs(monkeypatch)
    library, (hualien, taipei, xinying) = library_with(
        tmp_path / "lib.sqlite", "hualien-108", "taipei-114", "xinying-111")
    window = make_window(qtbot, library, xinying)
    panel = window.search_panel
    type_text(panel.box, "服務")
    qtbot.keyClick(panel.box, Qt.Key_Return)
    order = [plan_id for plan_id, _node, _heading in _hits(panel)]
    assert set(order) == {hualien, taipei, xinying}
    runs = list(dict.fromkeys(order))  # each plan's hits together
    assert runs == [xinying, taipei, hualien]  # open plan (111), then 114, then 108
    assert order == sorted(order, key=runs.index)
    # within the open plan: items first, then its sections
    own = [node for plan_id, node, _h in _hits(panel) if plan_id == xinying]
    assert own[0] and not own[-1] and own == sorted(own, key=lambda n: n == "")
    window.open_plan(hualien)
    panel.run()
    assert _hits(panel)[0][0] == hualien
    library.close()


def test_match_marked_in_list_and_in_editor(qtbot, tmp_path, monkeypatch):
    Dialogs(monkeypatch)
    library, (hualien, taipei) = library_with(tmp_path / "lib.sqlite", "hualien-108", "taipei-114")
    window = make_window(qtbot, library, hualien)
    window.show()
    qtbot.waitExposed(window)
    panel = window.search_panel
    target = next(n for n in library.load_plan(taipei).walk() if len(n.text) > 20 and not n.title)
    query = target.text[5:10]
    panel.box.setText(query)
    panel.run()
    # the list: the delegate's HTML marks exactly the query in the palette's highlight colours
    row = next(r for r in range(panel.results.count())
               if (panel.results.item(r).data(HitRole) or (0, ""))[1] == target.id)
    index = panel.results.model().index(row, 0)
    option = QStyleOptionViewItem()
    option.palette = panel.results.palette()
    option.rect = panel.results.visualRect(index)
    html = panel.results.itemDelegate().document(option, index).toHtml()
    highlight = panel.results.palette().color(QPalette.Highlight).name()
    assert highlight in html and query in html
    # the pixels: the highlight colour is painted in that row
    panel.results.scrollToItem(panel.results.item(row))
    image = panel.results.viewport().grab(panel.results.visualRect(index)).toImage()
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 2)
               for y in range(0, image.height(), 2)}
    assert highlight in colours
    # the jump: the match is selected in the detail editor's text
    qtbot.mouseClick(panel.results.viewport(), Qt.LeftButton, pos=panel.results.visualRect(index).center())
    assert window.document.plan.id == taipei and window.controller.current_id() == target.id
    cursor = window.detail.text.textCursor()
    assert cursor.selectedText() == query and cursor.selectionStart() == target.text.find(query)
    assert window.detail.text.extraSelections()[0].cursor.selectedText() == query
    library.close()


def test_section_hit_marks_the_paragraph(qtbot, tmp_path, monkeypatch):
    Dialogs(monkeypatch)
    library, (hualien,) = library_with(tmp_path / "lib.sqlite", "hualien-108")
    window = make_window(qtbot, library, hualien)
    plan = window.document.plan
    section = next(s for s in plan.sections if s.heading == "考核作業")
    paragraph = next(p for p in section.paragraphs[1:] if len(p.text) > 12) if len(section.paragraphs) > 1 \
        else section.paragraphs[0]
    query = paragraph.text[4:10]
    window.search_panel.box.setText(query)
    window.search_panel.run()
    hit = next(h for h in _hits(window.search_panel) if h[2] == "考核作業")
    window._search_hit(*hit)
    editor = window.plan_editor.sections
    assert window.tabs.currentWidget() is window.plan_editor
    assert editor.current_section().heading == "考核作業"
    assert query in editor.paragraph_text.toPlainText()
    assert editor.paragraph_text.textCursor().selectedText() == query
    library.close()
