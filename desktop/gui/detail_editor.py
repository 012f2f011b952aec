"""Editor for the selected item: title, text, departments, period, numbered.

Each keystroke is applied (and saved) at once as an EditNode; a run of typing
in one field is one undo step (merge key = node + field)."""
from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QWidget)

from ..ops import Change, EditNode
from .edits import apply_edit
from .departments_editor import DepartmentsEditor
from .fields import DocumentUndoFilter, quiet
from .suggestions import period_choices


class DetailEditor(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.document = None
        self.node_id: str | None = None
        self.lookup = None  # optional fast node-by-id (the tree model's index), else plan.find
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("例如：服務一致及正確性"))
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("具體作法的內容"))
        self.text.setTabChangesFocus(True)  # Tab goes to the next field, as in a form
        self.departments = DepartmentsEditor()
        self.period = QComboBox()
        self.period.setEditable(True)
        self.period.setInsertPolicy(QComboBox.NoInsert)
        self.numbered = QCheckBox(self.tr("加上編號（如 一、(一)、1.）"))
        self.setMinimumWidth(320)
        form = QFormLayout(self)
        form.addRow(self.heading)
        form.addRow(self.tr("標題"), self.title)
        form.addRow(self.tr("內容"), self.text)
        form.addRow(self.tr("承辦部門"), self.departments)
        form.addRow(self.tr("執行期間"), self.period)
        form.addRow("", self.numbered)
        self.title.textChanged.connect(lambda value: self._edit("title", value, self.tr("修改標題")))
        self.text.textChanged.connect(
            lambda: self._edit("text", self.text.toPlainText(), self.tr("修改內容")))
        self.period.editTextChanged.connect(lambda value: self._edit("period", value, self.tr("修改執行期間")))
        self.numbered.toggled.connect(lambda value: self._edit("numbered", value, self.tr("修改編號"), False))
        self.departments.changed.connect(
            lambda depts: self._edit("departments", depts, self.tr("修改承辦部門"), False))
        self.undo_filter = DocumentUndoFilter(self, self.end_typing)
        self.undo_filter.watch(self.title, self.text, self.period.lineEdit(), self.departments.picker)
        self.show_node(None, None)

    def end_typing(self) -> None:
        if self.document is not None:
            self.document.break_merge()

    # --- showing --------------------------------------------------------------------------
    def show_node(self, document, node_id: str | None, token: str = "") -> None:
        """Show one node of ``document`` (None clears the editor)."""
        if node_id != self.node_id:
            self.end_typing()
        self.document, self.node_id = document, node_id
        node = self._node()
        widgets = (self.title, self.text, self.period, self.numbered, self.departments)
        with quiet(*widgets):
            if node is None:
                self.heading.setText(self.tr("請在項目表中選取一個項目。"))
                self.title.clear()
                self.text.clear()
                self.period.clear()
                self.departments.set_departments([])
            else:
                self._set_heading(token)
                self.departments.set_roster(document.library.roster(document.plan.office))
                self.period.clear()
                self.period.addItems(period_choices(document.library, document.plan))
                self._fill(node)
        locked = node is None or document.locked
        for widget in (self.title, self.text):
            widget.setReadOnly(locked)
        self.period.setEnabled(not locked)
        self.numbered.setEnabled(not locked)
        self.departments.setReadOnly(locked)

    def _set_heading(self, token: str) -> None:
        self.heading.setText(self.tr("項目 {0}").format(token) if token else self.tr("項目（不編號）"))

    def _fill(self, node) -> None:
        # only fields that differ: rewriting the one being typed in would move the cursor
        if self.title.text() != node.title:
            self.title.setText(node.title)
        if self.text.toPlainText() != node.text:
            self.text.setPlainText(node.text)
        if self.period.currentText() != node.period:
            self.period.setEditText(node.period)
        self.numbered.setChecked(node.numbered)
        if self.departments.departments() != node.departments:
            self.departments.set_departments(node.departments)

    def _node(self):
        if self.document is None or not self.node_id:
            return None
        if self.lookup is not None:
            node = self.lookup(self.node_id)
            if node is not None:
                return node
        try:
            return self.document.plan.find(self.node_id)[0]
        except KeyError:
            return None

    def on_change(self, change: Change, token: str = "") -> None:
        """Follow a change of the document (undo, redo, edits elsewhere)."""
        if change.origin is self:  # our own edit: the field already shows what was typed
            if self._node() is not None:
                self._set_heading(token)
            return
        if self.node_id and self.node_id in change.removed and self._node() is None:
            self.show_node(None, None)
        elif self.node_id and (self.node_id in change.nodes or change.plan):
            node = self._node()
            if node is not None:
                with quiet(self.title, self.text, self.period, self.numbered, self.departments):
                    self._fill(node)
                self._set_heading(token)

    # --- editing -----------------------------------------------------------------------------
    def _edit(self, field: str, value, label: str, typing: bool = True) -> None:
        node = self._node()
        if node is None or getattr(node, field) == value:
            return  # e.g. an input-method composition that did not change the text yet
        if apply_edit(self, self.document, EditNode(node.id, {field: value}, label),
                      merge_key=(node.id, field) if typing else None) is None:
            with quiet(self.title, self.text, self.period, self.numbered, self.departments):
                self._fill(node)  # show what is really stored
