"""計畫資料與章節: the plan's properties (organization, office, year, title, date
line, column labels, status) beside the sections editor.

Every edit is one core operation on the plan's document (undoable, saved at
once); typing in one field is one undo step."""
from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLineEdit,
                               QSpinBox, QVBoxLayout, QWidget)

from ..model import STATUSES
from ..ops import Change, EditPlan
from ..profiles import load_profile, profile_names
from . import dialogs
from .edits import apply_edit
from .fields import DocumentUndoFilter, quiet
from .sections_editor import SectionsEditor

TEXT_FIELDS = [("organization", "機關"), ("office", "單位"), ("title", "計畫名稱"), ("date_line", "日期列")]


class PlanEditor(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.document = None
        self.fields: dict[str, QLineEdit] = {}
        props = QGroupBox(self.tr("計畫資料"))
        form = QFormLayout()
        column_form = QFormLayout()
        props_layout = QHBoxLayout(props)
        props_layout.addLayout(form, 3)
        props_layout.addLayout(column_form, 2)
        self.undo_filter = DocumentUndoFilter(self, self.end_typing)
        for key, label in TEXT_FIELDS:
            edit = QLineEdit()
            edit.textEdited.connect(lambda value, k=key: self._edit({k: value}, k))
            form.addRow(self.tr(label), edit)
            self.fields[key] = edit
        self.year = QSpinBox()
        self.year.setRange(1, 999)
        self.year.setSuffix(self.tr(" 年度"))
        self.year.valueChanged.connect(lambda value: self._edit({"year": value}, "year"))
        form.insertRow(2, self.tr("年度（民國）"), self.year)
        self.profile = QComboBox()
        for name in profile_names():
            self.profile.addItem(load_profile(name).get("label", name), name)
        self.profile.activated.connect(
            lambda _i: self._edit({"profile": self.profile.currentData()}, "profile"))
        form.addRow(self.tr("版面格式"), self.profile)
        self.status = QComboBox()
        self.status.addItems(list(STATUSES))
        self.status.activated.connect(lambda _i: self.change_status(self.status.currentText()))
        form.addRow(self.tr("狀態"), self.status)
        self.columns = [QLineEdit() for _ in range(5)]
        for i, edit in enumerate(self.columns):
            edit.textEdited.connect(lambda _value, i=i: self._edit(
                {"columns": [c.text() for c in self.columns]}, "columns"))
            column_form.addRow(self.tr("表格欄位 {0}").format(i + 1), edit)
        self.undo_filter.watch(*self.fields.values(), *self.columns)
        self.sections = SectionsEditor(self)
        layout = QVBoxLayout(self)
        layout.addWidget(props)
        layout.addWidget(self.sections, 1)
        self.set_document(None)

    def end_typing(self) -> None:
        if self.document is not None:
            self.document.break_merge()

    # --- showing ----------------------------------------------------------------------------
    def set_document(self, document) -> None:
        self.end_typing()
        self.document = document
        self._fill()
        self.sections.set_document(document)

    def _fill(self) -> None:
        plan = self.document.plan if self.document else None
        widgets = [*self.fields.values(), self.year, self.status, self.profile, *self.columns]
        with quiet(*widgets):
            for key, edit in self.fields.items():
                value = getattr(plan, key) if plan else ""
                if edit.text() != value:
                    edit.setText(value)
                    edit.setCursorPosition(0)  # show the beginning of long titles
            self.year.setValue(plan.year if plan and plan.year else 1)
            self.status.setCurrentText(plan.status if plan else STATUSES[0])
            self.profile.setCurrentIndex(max(0, self.profile.findData(plan.profile if plan else "")))
            for edit, value in zip(self.columns, plan.columns if plan else [""] * 5):
                if edit.text() != value:
                    edit.setText(value)
        self._fill_locks()
        self.status.setEnabled(plan is not None and not self.document.read_only)

    def on_change(self, change: Change) -> None:
        if change.plan and change.origin is not self:
            self._fill()
        elif change.plan:
            self._fill_locks()
        if change.sections or change.plan:
            self.sections.on_change(change)

    def _fill_locks(self) -> None:
        locked = self.document is None or self.document.locked
        for widget in [*self.fields.values(), *self.columns]:
            widget.setReadOnly(locked)
        self.year.setReadOnly(locked)
        self.profile.setEnabled(not locked)

    def select_section(self, section_id: str) -> None:
        self.sections.select_id(section_id)

    def select_section_heading(self, heading: str) -> None:
        self.sections.select_heading(heading)

    # --- editing -------------------------------------------------------------------------------
    def _edit(self, values: dict, key: str) -> None:
        if self.document is None:
            return
        if apply_edit(self, self.document, EditPlan(values, self.tr("修改計畫資料")),
                      merge_key=("plan", key)) is None:
            self._fill()

    def change_status(self, status: str) -> bool:
        """Set 草稿/陳核/核定; leaving 核定 (and approving) asks first."""
        document = self.document
        if document is None or status == document.plan.status:
            return False
        question = None
        if document.plan.status == "核定":
            question = self.tr("此計畫已核定。確定要改回「{0}」並開放修改嗎？").format(status)
        elif status == "核定":
            question = self.tr("核定後計畫內容將不能修改，確定要設為「核定」嗎？")
        if question and not dialogs.ask(self, question):
            self._fill()
            return False
        if apply_edit(None, document, EditPlan({"status": status}, self.tr("變更狀態")),
                      on_error=lambda message: dialogs.show_error(self, message)) is None:
            self._fill()
            return False
        return True
