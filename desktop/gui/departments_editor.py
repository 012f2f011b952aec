"""Departments of one item: pick from the office roster or type a new one,
mark 主辦/協辦, reorder, remove. Emits the whole new list on every change."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QPushButton, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout, QWidget)

from ..model import Department


class DepartmentsEditor(QWidget):
    changed = Signal(list)  # list[Department]

    def __init__(self, parent=None):
        super().__init__(parent)
        self.list = QTreeWidget()
        self.list.setHeaderLabels([self.tr("部門"), self.tr("角色")])
        self.list.setRootIsDecorated(False)
        self.list.setColumnWidth(0, 170)
        self.list.setMinimumHeight(90)
        self.list.setMaximumHeight(150)  # a few departments; leave the height to the text
        self.picker = QComboBox()
        self.picker.setEditable(True)
        self.picker.setInsertPolicy(QComboBox.NoInsert)
        self.picker.lineEdit().setPlaceholderText(self.tr("選擇或輸入部門名稱"))
        self.picker.lineEdit().returnPressed.connect(self.add_current)
        add = QPushButton(self.tr("加入部門"))
        add.clicked.connect(self.add_current)
        pick_row = QHBoxLayout()
        pick_row.addWidget(self.picker, 1)
        pick_row.addWidget(add)
        self.buttons = {}
        button_row = QHBoxLayout()
        for key, text, handler in (("lead", self.tr("設為主辦"), lambda: self.set_role("主辦")),
                                   ("assist", self.tr("設為協辦"), lambda: self.set_role("協辦")),
                                   ("up", self.tr("上移"), lambda: self.move(-1)),
                                   ("down", self.tr("下移"), lambda: self.move(+1)),
                                   ("remove", self.tr("移除"), self.remove_current)):
            button = QPushButton(text)
            button.clicked.connect(handler)
            button_row.addWidget(button)
            self.buttons[key] = button
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(pick_row)
        layout.addLayout(button_row)
        self._departments: list[Department] = []

    # --- showing -----------------------------------------------------------------------
    def set_roster(self, names: list[str]) -> None:
        text = self.picker.currentText()
        self.picker.clear()
        self.picker.addItems(names)
        self.picker.setEditText(text)

    def set_departments(self, departments: list[Department]) -> None:
        current = self.list.currentIndex().row()
        self._departments = [Department(d.name, d.role) for d in departments]
        self.list.clear()
        for dept in self._departments:
            QTreeWidgetItem(self.list, [dept.name, dept.role])
        if 0 <= current < len(self._departments):
            self.list.setCurrentItem(self.list.topLevelItem(current))

    def departments(self) -> list[Department]:
        return [Department(d.name, d.role) for d in self._departments]

    # --- editing ---------------------------------------------------------------------------
    def _emit(self, depts: list[Department], select: int) -> None:
        self.set_departments(depts)
        if 0 <= select < len(depts):
            self.list.setCurrentItem(self.list.topLevelItem(select))
        self.changed.emit(self.departments())

    def add(self, name: str, role: str | None = None) -> None:
        name = name.strip()
        if not name or any(d.name == name for d in self._departments):
            return
        # the first department leads when the plan distinguishes roles
        if role is None:
            roles = {d.role for d in self._departments}
            role = "承辦" if not self._departments or roles == {"承辦"} else "協辦"
        self._emit(self.departments() + [Department(name, role)], len(self._departments))
        self.picker.setEditText("")

    def add_current(self) -> None:
        self.add(self.picker.currentText())

    def _row(self) -> int:
        item = self.list.currentItem()
        return self.list.indexOfTopLevelItem(item) if item else -1

    def set_role(self, role: str) -> None:
        row = self._row()
        if row < 0:
            return
        depts = self.departments()
        depts[row].role = role
        if role == "主辦":  # roles are now distinguished: the others assist
            for i, d in enumerate(depts):
                if i != row and d.role == "承辦":
                    d.role = "協辦"
        self._emit(depts, row)

    def move(self, delta: int) -> None:
        row = self._row()
        target = row + delta
        if row < 0 or not 0 <= target < len(self._departments):
            return
        depts = self.departments()
        depts.insert(target, depts.pop(row))
        self._emit(depts, target)

    def remove_current(self) -> None:
        row = self._row()
        if row < 0:
            return
        depts = self.departments()
        del depts[row]
        self._emit(depts, min(row, len(depts) - 1))

    def setReadOnly(self, read_only: bool) -> None:
        for widget in [self.picker, *self.buttons.values()]:
            widget.setEnabled(not read_only)
        self.list.setEnabled(True)
