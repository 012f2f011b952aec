"""說明 → 鍵盤操作: every action with its keys, read from the actions themselves
so the list can never disagree with what the keys do."""
from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QTableWidget,
                               QTableWidgetItem, QVBoxLayout)


# Qt's key names → what is printed on the key or in a Word manual (Backtab is
# Shift+Tab, Return and Enter are both the Enter key).
_CLERK_NAMES = {"Return": "Enter", "Ins": "Insert", "Del": "Delete",
                "Esc": "Esc", "PgUp": "Page Up", "PgDown": "Page Down",
                "Up": "↑", "Down": "↓", "Left": "←", "Right": "→"}


def key_text(sequence: QKeySequence) -> str:
    """``sequence`` as a clerk reads it: 「Shift+Tab」, 「Alt+↑」, 「Ctrl+Enter」."""
    chords = []
    for chord in sequence.toString(QKeySequence.PortableText).split(", "):
        parts = chord.split("+")
        if parts[-1] == "" and len(parts) > 1:  # 「Ctrl++」 splits into an empty last part
            parts = parts[:-2] + ["+"]
        if parts[-1] == "Backtab":
            parts = [p for p in parts[:-1] if p != "Shift"] + ["Shift", "Tab"]
        parts[-1] = _CLERK_NAMES.get(parts[-1], parts[-1])
        chords.append("+".join(parts))
    return ", ".join(chords)


def shortcut_rows(actions: dict) -> list[tuple[str, str]]:
    """(label, keys) for each action that has keys, in menu order."""
    rows = []
    for action in actions.values():
        keys = [key_text(k) for k in action.shortcuts()]
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
