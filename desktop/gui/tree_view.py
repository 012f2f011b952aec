"""The plan tree view: drag and drop with a clear indicator, outliner keys,
new items that vanish when left empty, context menu."""
from __future__ import annotations

from PySide6.QtCore import QPersistentModelIndex, QRect, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (QAbstractItemDelegate, QAbstractItemView, QHeaderView, QMenu,
                               QTreeView)

from ..errors import PlanDeskError
from ..model import Node

ABOVE, BELOW, ON = (QAbstractItemView.AboveItem, QAbstractItemView.BelowItem,
                    QAbstractItemView.OnItem)


def is_blank(node: Node) -> bool:
    """Nothing typed into it yet: no title, content, department, period or children."""
    return not (node.title or node.text or node.departments or node.period or node.children)


class PlanTreeView(QTreeView):
    """QTreeView set up for the plan: moves by drag and drop, whole rows selected.

    ``context_actions`` (set by the window) fill the right-click menu.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.context_actions: list = []
        self._fresh = None  # (document, node id, creation step, item selected before)
        self._drop_hint: tuple[QPersistentModelIndex, object] | None = None
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        # DragDrop (not InternalMove) so drops also reach dropMimeData in tests; the model
        # refuses ids it does not hold, and the view never removes rows itself (see dropMimeData)
        self.setDragDropMode(QAbstractItemView.DragDrop)
        self.setDragDropOverwriteMode(False)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)  # Qt then computes the position; paintEvent draws it boldly
        self.setDefaultDropAction(Qt.MoveAction)
        self.setEditTriggers(QAbstractItemView.EditKeyPressed | QAbstractItemView.DoubleClicked)
        self.setUniformRowHeights(True)  # 1,350 rows open fast
        self.setAlternatingRowColors(True)
        self.setAllColumnsShowFocus(True)
        self.setContextMenuPolicy(Qt.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.Interactive)
        header.setMinimumSectionSize(60)

    def setModel(self, model):
        super().setModel(model)
        header = self.header()
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        header.setSectionResizeMode(1, QHeaderView.Interactive)
        header.setSectionResizeMode(2, QHeaderView.Interactive)
        header.resizeSection(1, 170)
        header.resizeSection(2, 110)

    def _context_menu(self, pos) -> None:
        if not self.context_actions:
            return
        menu = QMenu(self)
        for action in self.context_actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.exec(self.viewport().mapToGlobal(pos))

    def _trigger(self, name: str) -> bool:
        for action in self.actions():
            if action.objectName() == name and action.isEnabled():
                action.trigger()
                return True
        return False

    def event(self, event):
        # Tab/Shift+Tab indent like an outliner instead of moving the focus; with Ctrl or
        # Alt they are not ours (Ctrl+Tab moves to the next pane, see panes.py)
        if event.type() == event.Type.KeyPress and event.key() in (Qt.Key_Tab, Qt.Key_Backtab) \
                and not event.modifiers() & (Qt.ControlModifier | Qt.AltModifier | Qt.MetaModifier) \
                and self.state() != QAbstractItemView.EditingState:
            shift = event.key() == Qt.Key_Backtab or event.modifiers() & Qt.ShiftModifier
            self._trigger("outdent" if shift else "indent")
            return True  # even when refused: the keyboard focus stays in the tree
        return super().event(event)

    # --- a new item left empty vanishes with its creation ------------------------------------
    def edit_new(self, node_id: str, previous: str | None) -> None:
        """Start typing the title of the item just created; Escape, or leaving it while
        still blank, takes back its creation (one undo step, nothing left behind)."""
        document = self.model().document
        self._fresh = (document, node_id, document.last_step(), previous)
        self.edit(self.model().index_of(node_id))

    def closeEditor(self, editor, hint):
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.RevertModelCache and self._fresh:  # Escape
            self.discard_fresh(select_previous=True)

    def currentChanged(self, current, previous):
        super().currentChanged(current, previous)
        if self._fresh and self.model().node_id(current) != self._fresh[1]:
            # after the window's own handlers (the detail editor may still save what was typed)
            QTimer.singleShot(0, self.discard_fresh)

    def discard_fresh(self, select_previous: bool = False) -> bool:
        """Remove the pending new item if it is still blank and its creation the newest step."""
        fresh, self._fresh = self._fresh, None
        if fresh is None:
            return False
        document, node_id, step, previous = fresh
        model = self.model()
        node = model.node_by_id(node_id) if model.document is document else None
        if node is None or not is_blank(node) or document.last_step() is not step:
            return False
        try:
            if document.take_back(step) is None:
                return False
        except PlanDeskError:  # e.g. another program wrote meanwhile: the blank item simply stays
            return False
        if select_previous and previous and model.has_node(previous):
            self.setCurrentIndex(model.index_of(previous))
        return True

    # --- drag and drop ---------------------------------------------------------------------
    def drop_hint(self):
        """(index, AboveItem/BelowItem/OnItem) the current drag would drop at, or None."""
        if self._drop_hint is None or not self._drop_hint[0].isValid():
            return None
        return self.model().index(self._drop_hint[0].row(), 0, self._drop_hint[0].parent()), \
            self._drop_hint[1]

    def show_drop_hint(self, index, position) -> None:
        """Show the indicator at ``index`` (also used for the documentation screenshot)."""
        self._drop_hint = (QPersistentModelIndex(index), position) if index is not None else None
        self.viewport().update()

    def dragMoveEvent(self, event):
        super().dragMoveEvent(event)
        index = self.indexAt(event.position().toPoint())
        position = self.dropIndicatorPosition()
        accepted = event.isAccepted() and index.isValid() and position in (ABOVE, BELOW, ON)
        self.show_drop_hint(index.siblingAtColumn(0) if accepted else None, position)

    def dragLeaveEvent(self, event):
        super().dragLeaveEvent(event)
        self.show_drop_hint(None, None)

    def paintEvent(self, event):
        super().paintEvent(event)
        hint = self.drop_hint()
        if hint is None:
            return
        index, position = hint
        row = self.visualRect(index)
        if not row.isValid():
            return
        color = self.palette().highlight().color()
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.Antialiasing)
        if position == ON:  # "inside": the whole row lit, framed
            rect = QRect(0, row.top(), self.viewport().width(), row.height()).adjusted(1, 0, -2, -1)
            fill = QColor(color)
            fill.setAlpha(70)
            painter.fillRect(rect, fill)
            painter.setPen(QPen(color, 2))
            painter.drawRect(rect)
        else:  # "between": a thick line at the target depth, with a dot where it starts
            y = row.top() if position == ABOVE else row.bottom() + 1
            painter.setPen(QPen(color, 3))
            painter.drawLine(row.left(), y, self.viewport().width() - 4, y)
            painter.setBrush(color)
            painter.drawEllipse(row.left() - 4, y - 4, 8, 8)
        painter.end()

    def dropEvent(self, event):
        self.show_drop_hint(None, None)
        # Qt silently ignores a drop of the dragged row into its own subtree; say why instead
        if event.source() is self and self._into_own_subtree(event.position().toPoint()):
            event.ignore()
            if getattr(self.model(), "drop_error", None):
                self.model().drop_error(self.tr("不能把項目移到它自己底下，請選擇其他位置。"))
            self.stopAutoScroll()
            self.setState(QAbstractItemView.NoState)
            self.viewport().update()
            return
        if event.source() is not self and not self.model().holds_dragged(event.mimeData()):
            event.setDropAction(Qt.CopyAction)  # from another window: a copy, as Ctrl+C/V
        target = QPersistentModelIndex(self.indexAt(event.position().toPoint()).siblingAtColumn(0))
        inside = self.dropIndicatorPosition() == ON
        before = self.model().document.last_step() if self.model().document else None
        super().dropEvent(event)
        document = self.model().document
        if document is None or document.last_step() is before:
            return  # refused: nothing moved
        if inside and target.isValid():
            self.expand(self.model().index(target.row(), 0, target.parent()))  # never vanish into a closed row
        self._select_dropped()

    def _select_dropped(self) -> None:
        """Select the item just dropped (moved, or the copy made from another window)."""
        landed = self.model().last_drop
        if landed and self.model().has_node(landed):
            index = self.model().index_of(landed)
            self.setCurrentIndex(index)
            self.scrollTo(index)

    def _into_own_subtree(self, point) -> bool:
        dragged = self.currentIndex().siblingAtColumn(0)
        target = self.indexAt(point).siblingAtColumn(0)
        if not dragged.isValid() or not target.isValid():
            return False
        if target == dragged:
            return self.dropIndicatorPosition() == QAbstractItemView.OnItem
        parent = target.parent()
        while parent.isValid():
            if parent == dragged:
                return True
            parent = parent.parent()
        return False
