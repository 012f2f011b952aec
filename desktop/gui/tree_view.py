"""The plan tree view: drag and drop moves, outliner keys, context menu."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTreeView


class PlanTreeView(QTreeView):
    """QTreeView set up for the plan: internal moves only, whole rows selected.

    ``context_actions`` (set by the window) fill the right-click menu.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.context_actions: list = []
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        # DragDrop (not InternalMove) so drops also reach dropMimeData in tests; the model
        # refuses ids it does not hold, and the view never removes rows itself (see dropMimeData)
        self.setDragDropMode(QAbstractItemView.DragDrop)
        self.setDragDropOverwriteMode(False)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
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

    def event(self, event):
        # Tab/Shift+Tab indent like an outliner instead of moving the focus.
        if event.type() == event.Type.KeyPress and event.key() in (Qt.Key_Tab, Qt.Key_Backtab) \
                and self.state() != QAbstractItemView.EditingState:
            name = "outdent" if event.key() == Qt.Key_Backtab or event.modifiers() & Qt.ShiftModifier else "indent"
            for action in self.actions():
                if action.objectName() == name:
                    action.trigger()
                    return True
        return super().event(event)


    def dropEvent(self, event):
        # Qt silently ignores a drop of the dragged row into its own subtree; say why instead
        if event.source() is self and self._into_own_subtree(event.position().toPoint()):
            event.ignore()
            if getattr(self.model(), "drop_error", None):
                self.model().drop_error(self.tr("不能把項目移到它自己底下，請選擇其他位置。"))
            self.stopAutoScroll()
            self.setState(QAbstractItemView.NoState)
            self.viewport().update()
            return
        super().dropEvent(event)

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

