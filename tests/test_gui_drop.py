"""Drag and drop in the plan tree: a bold indicator (line between rows, lit row
for "inside"), a drop onto a collapsed row expands it and selects the moved
item, and a drop from another window copies as Ctrl+C/V does."""
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemView

from conftest import saved_plan
from gui_fixtures import dialogs  # noqa: F401 (fixture)
from gui_helpers import library_with, shown_window


def _drag_over(tree, mime, point):
    event = QDragMoveEvent(point.toPoint(), Qt.MoveAction | Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    tree.dragMoveEvent(event)
    return event


def test_indicator_says_between_or_inside(qtbot, tmp_path, dialogs):
    library, (plan_id,) = library_with(tmp_path / "lib.sqlite", "hualien-108")
    window = shown_window(qtbot, library, plan_id)
    tree, model, plan = window.tree, window.model, window.document.plan
    source, target = plan.tree[4], plan.tree[0].children[1]
    mime = model.mimeData([model.index_of(source.id)])
    rect = tree.visualRect(model.index_of(target.id))
    _drag_over(tree, mime, QPointF(rect.center()))
    index, position = tree.drop_hint()
    assert model.node_id(index) == target.id and position == QAbstractItemView.OnItem
    lit = tree.viewport().grab().toImage().pixelColor(rect.right() - 3, rect.center().y())
    tree.show_drop_hint(None, None)
    plain = tree.viewport().grab().toImage().pixelColor(rect.right() - 3, rect.center().y())
    assert lit != plain  # the whole row is lit, right to its end
    _drag_over(tree, mime, QPointF(rect.center().x(), rect.top() + 1))
    assert tree.drop_hint()[1] == QAbstractItemView.AboveItem
    from PySide6.QtGui import QDragLeaveEvent
    tree.dragLeaveEvent(QDragLeaveEvent())
    assert tree.drop_hint() is None
    library.close()


def test_drop_onto_collapsed_row_expands_and_selects(qtbot, tmp_path, dialogs):
    library, (plan_id,) = library_with(tmp_path / "lib.sqlite", "hualien-108")
    window = shown_window(qtbot, library, plan_id)
    tree, model, plan = window.tree, window.model, window.document.plan
    target = plan.tree[0].children[0].children[1]
    source = plan.tree[0].children[1].children[0]
    assert target.children and not tree.isExpanded(model.index_of(target.id))
    mime = model.mimeData([model.index_of(source.id)])
    rect = tree.visualRect(model.index_of(target.id))
    _drag_over(tree, mime, QPointF(rect.center()))
    tree.dropEvent(QDropEvent(QPointF(rect.center()), Qt.MoveAction, mime, Qt.LeftButton, Qt.NoModifier))
    assert target.children[-1] is source
    assert tree.isExpanded(model.index_of(target.id))
    assert window.controller.current_id() == source.id
    assert tree.drop_hint() is None
    assert saved_plan(library.path, plan_id).find(target.id)[0].children[-1].id == source.id
    library.close()


def test_drop_from_another_window_copies(qtbot, tmp_path, dialogs):
    library, (hualien, taipei) = library_with(tmp_path / "lib.sqlite", "hualien-108", "taipei-114")
    source_window = shown_window(qtbot, library, hualien)
    target_window = shown_window(qtbot, library, taipei)
    source = source_window.document.plan.tree[0].children[0]
    mime = source_window.model.mimeData([source_window.model.index_of(source.id)])
    tree, model, plan = target_window.tree, target_window.model, target_window.document.plan
    anchor = plan.tree[0]
    before = sum(1 for _ in plan.walk())
    rect = tree.visualRect(model.index_of(anchor.id))
    point = QPointF(rect.center().x(), rect.bottom() - 1)  # just below the first row: after it
    _drag_over(tree, mime, point)
    tree.dropEvent(QDropEvent(point, Qt.MoveAction, mime, Qt.LeftButton, Qt.NoModifier))
    copied = next(n for n in plan.walk() if n.title == source.title)
    assert copied.id != source.id
    assert [c.title for c in copied.children] == [c.title for c in source.children]
    assert sum(1 for _ in plan.walk()) == before + sum(1 for _ in source.walk())
    assert source in source_window.document.plan.tree[0].children  # the source keeps it
    assert target_window.document.undo_label() == "拖曳複製"
    assert target_window.controller.current_id() == copied.id
    assert any(n.title == source.title for n in saved_plan(library.path, taipei).walk())
    library.close()
