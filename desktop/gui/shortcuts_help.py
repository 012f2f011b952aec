"""說明 → 鍵盤操作: every action with its keys, read from the actions themselves
so the list can never disagree with what the keys do."""
from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QTableWidget,
                               QTableWidgetItem, QVBoxLayout)


def shortcut_rows(actions: dict) -> list[tuple[str, str]]:
    """(label, keys) for each action that has keys, in menu order."""
    rows = []
    for action in actions.values():
        keys = [k.toString(QKeySequence.NativeText) for k in action.shortcuts()]
        if keys:
            rows.append((action.text().replace("&", ""), "／".join(dict.fromkeys(keys))))
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, actions: dict, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("鍵盤操作"))
        rows = shortcut_rows(actions)
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels([self.tr("功能"), self.tr("按鍵")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        for row, (label, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(label))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(460, 560)


def show_shortcuts(parent, actions: dict) -> None:
    ShortcutsDialog(actions, parent).exec()
