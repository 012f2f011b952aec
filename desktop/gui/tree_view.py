"""The plan tree view: drag and drop moves, outliner keys, context menu."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
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
        self.setDragDropMode(QAbstractItemView.InternalMove)
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


def standard_keys(*keys) -> list[QKeySequence]:
    return [QKeySequence(k) for k in keys]
