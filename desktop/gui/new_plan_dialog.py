"""新增計畫: from the five-面向 skeleton or empty, for which office and year."""
from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLineEdit,
                               QRadioButton, QSpinBox, QVBoxLayout)


class NewPlanDialog(QDialog):
    def __init__(self, parent=None, current=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("新增計畫"))
        self.skeleton = QRadioButton(self.tr("從五大面向範本開始（基礎服務 … 開放創新）"))
        self.empty = QRadioButton(self.tr("空白計畫"))
        self.skeleton.setChecked(True)
        self.office = QLineEdit(current.office if current else "")
        self.office.setPlaceholderText(self.tr("例如：花蓮區營業處"))
        self.year = QSpinBox()
        self.year.setRange(1, 999)
        self.year.setValue((current.year + 1) if current and current.year else 115)
        self.year.setSuffix(self.tr(" 年度"))
        form = QFormLayout()
        form.addRow(self.tr("單位"), self.office)
        form.addRow(self.tr("年度（民國）"), self.year)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.skeleton)
        layout.addWidget(self.empty)
        layout.addLayout(form)
        layout.addWidget(buttons)


def ask_new_plan(parent, current=None):
    """(empty?, office, year) or None when cancelled."""
    dialog = NewPlanDialog(parent, current)
    if dialog.exec() != QDialog.Accepted:
        return None
    return dialog.empty.isChecked(), dialog.office.text().strip(), dialog.year.value()
