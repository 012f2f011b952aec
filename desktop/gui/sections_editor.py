"""The sections around the big table: list (add, remove, reorder, rename) and,
for the selected section, its paragraphs (numbered or not) — for the table
section its intro paragraphs and the ※ notes under the table.

Each edit replaces the section list with one SetSections (undoable)."""
from __future__ import annotations

import copy

from PySide6.QtWidgets import (QCheckBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                               QListWidget, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget)

from ..model import Paragraph, Section
from ..numbering import paragraph_tokens, section_tokens
from ..ops import Change, SetSections
from . import dialogs
from .edits import apply_edit
from .fields import DocumentUndoFilter, quiet
from .match_highlight import mark_match


def _buttons(owner, specs) -> tuple[QHBoxLayout, dict]:
    row, out = QHBoxLayout(), {}
    for key, text, handler in specs:
        button = QPushButton(text)
        button.clicked.connect(handler)
        row.addWidget(button)
        out[key] = button
    row.addStretch(1)
    return row, out


class SectionsEditor(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.document = None
        self.list = QListWidget()
        self.list.currentRowChanged.connect(lambda _row: self._show_section())
        row, self.section_buttons = _buttons(self, [
            ("add", self.tr("新增章節"), self.add_section), ("remove", self.tr("刪除章節"), self.remove_section),
            ("up", self.tr("上移"), lambda: self.move_section(-1)),
            ("down", self.tr("下移"), lambda: self.move_section(+1))])
        box = QGroupBox(self.tr("章節"))
        left = QVBoxLayout(box)
        left.addWidget(self.list)
        left.addLayout(row)

        self.heading = QLineEdit()
        self.heading.textEdited.connect(lambda text: self._set_section("heading", text))
        self.paragraphs = QListWidget()
        self.paragraphs.setWordWrap(True)
        self.paragraphs.currentRowChanged.connect(lambda _row: self._show_paragraph())
        self.paragraph_text = QPlainTextEdit()
        self.paragraph_text.setMaximumHeight(110)
        self.paragraph_text.setTabChangesFocus(True)
        self.paragraph_text.textChanged.connect(self._paragraph_typed)
        self.paragraph_numbered = QCheckBox(self.tr("段落加上編號（一、二、…）"))
        self.paragraph_numbered.toggled.connect(self._paragraph_numbered)
        prow, self.paragraph_buttons = _buttons(self, [
            ("add", self.tr("新增段落"), self.add_paragraph),
            ("remove", self.tr("刪除段落"), self.remove_paragraph),
            ("up", self.tr("上移"), lambda: self.move_paragraph(-1)),
            ("down", self.tr("下移"), lambda: self.move_paragraph(+1))])
        self.notes_label = QLabel(self.tr("表格下方附註（※，一行一則）"))
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(110)
        self.notes.setTabChangesFocus(True)
        self.notes.textChanged.connect(self._notes_typed)
        detail = QGroupBox(self.tr("章節內容"))
        form = QFormLayout(detail)
        form.addRow(self.tr("標題"), self.heading)
        self.paragraphs_label = QLabel(self.tr("段落"))
        form.addRow(self.paragraphs_label, self.paragraphs)
        form.addRow("", prow)
        form.addRow(self.tr("段落內容"), self.paragraph_text)
        form.addRow("", self.paragraph_numbered)
        form.addRow(self.notes_label, self.notes)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(box, 2)
        layout.addWidget(detail, 3)
        self.undo_filter = DocumentUndoFilter(self, self.end_typing)
        self.undo_filter.watch(self.heading, self.paragraph_text, self.notes)

    def end_typing(self) -> None:
        if self.document is not None:
            self.document.break_merge()

    # --- showing ---------------------------------------------------------------------------------
    def set_document(self, document) -> None:
        self.document = document
        self._fill_list(0)

    def _sections(self) -> list[Section]:
        return self.document.plan.sections if self.document else []

    def _fill_list(self, row: int) -> None:
        sections = self._sections()
        tokens = section_tokens(self.document.plan) if self.document else []
        with quiet(self.list):
            self.list.clear()
            for section, token in zip(sections, tokens):
                self.list.addItem(self._section_label(section, token))
            self.list.setCurrentRow(min(max(row, 0), len(sections) - 1) if sections else -1)
        self._show_section()

    def _section_label(self, section: Section, token: str) -> str:
        suffix = self.tr("（表格）") if section.kind == "table" else ""
        return f"{token}{section.heading}{suffix}"

    def current_section(self) -> Section | None:
        row = self.list.currentRow()
        sections = self._sections()
        return sections[row] if 0 <= row < len(sections) else None

    def _show_section(self, paragraph_row: int = 0) -> None:
        section = self.current_section()
        widgets = (self.heading, self.paragraphs, self.paragraph_text, self.paragraph_numbered, self.notes)
        with quiet(*widgets):
            if self.heading.text() != (section.heading if section else ""):
                self.heading.setText(section.heading if section else "")
            self.paragraphs.clear()
            if section:
                tokens = paragraph_tokens(self.document.plan, section.paragraphs)
                for para, token in zip(section.paragraphs, tokens):
                    self.paragraphs.addItem(f"{token}{para.text}")
                count = len(section.paragraphs)
                self.paragraphs.setCurrentRow(min(paragraph_row, count - 1) if count else -1)
            is_table = bool(section and section.kind == "table")
            self.paragraphs_label.setText(self.tr("表格前說明") if is_table else self.tr("段落"))
            self.notes.setVisible(is_table)
            self.notes_label.setVisible(is_table)
            notes = "\n".join(section.notes) if is_table else ""
            if self.notes.toPlainText() != notes:
                self.notes.setPlainText(notes)
        self._show_paragraph()
        locked = self.document is None or self.document.locked
        for widget in (self.heading, self.paragraph_text, self.notes):
            widget.setReadOnly(locked or section is None)
        for button in [*self.section_buttons.values(), *self.paragraph_buttons.values()]:
            button.setEnabled(not locked)
        self.paragraph_numbered.setEnabled(not locked)

    def _paragraph(self) -> Paragraph | None:
        section = self.current_section()
        row = self.paragraphs.currentRow()
        return section.paragraphs[row] if section and 0 <= row < len(section.paragraphs) else None

    def _show_paragraph(self) -> None:
        para = self._paragraph()
        with quiet(self.paragraph_text, self.paragraph_numbered):
            text = para.text if para else ""
            if self.paragraph_text.toPlainText() != text:
                self.paragraph_text.setPlainText(text)
            self.paragraph_numbered.setChecked(bool(para and para.numbered))
        self.paragraph_text.setEnabled(para is not None)

    def on_change(self, change: Change) -> None:
        if change.origin is self:
            return
        self._fill_list(self.list.currentRow())

    def select_id(self, section_id: str) -> None:
        for row, section in enumerate(self._sections()):
            if section.id == section_id:
                self.list.setCurrentRow(row)

    def select_heading(self, heading: str) -> None:
        for row, section in enumerate(self._sections()):
            if section.heading == heading:
                self.list.setCurrentRow(row)
                return

    def mark_match(self, query: str) -> None:
        """Show a search match of the current section: in its heading, else in the
        first paragraph containing it, else in the notes."""
        section = self.current_section()
        if section is None or mark_match(self.heading, query):
            return
        for row, para in enumerate(section.paragraphs):
            if query.lower() in para.text.lower():
                self.paragraphs.setCurrentRow(row)
                mark_match(self.paragraph_text, query)
                return
        mark_match(self.notes, query)

    # --- editing: each builds a new section list and applies it once -------------------------------------
    def _apply(self, sections: list[Section], label: str, merge_key=None, row=None, paragraph_row=None) -> bool:
        if self.document is None:
            return False
        if apply_edit(self, self.document, SetSections(sections, label), merge_key=merge_key) is None:
            self._fill_list(self.list.currentRow())
            return False
        if merge_key is None:  # structural edit: redraw the lists
            keep_para = self.paragraphs.currentRow() if paragraph_row is None else paragraph_row
            self._fill_list(self.list.currentRow() if row is None else row)
            with quiet(self.paragraphs):
                self.paragraphs.setCurrentRow(keep_para)
            self._show_paragraph()
        else:
            self._refresh_labels()
        return True

    def _refresh_labels(self) -> None:
        """After typing: update list texts without touching the field being typed in."""
        plan = self.document.plan
        for item_row, (section, token) in enumerate(zip(plan.sections, section_tokens(plan))):
            self.list.item(item_row).setText(self._section_label(section, token))
        section = self.current_section()
        if section:
            for p_row, (para, token) in enumerate(zip(section.paragraphs,
                                                      paragraph_tokens(plan, section.paragraphs))):
                item = self.paragraphs.item(p_row)
                if item is not None:
                    item.setText(f"{token}{para.text}")

    def _copy(self) -> tuple[list[Section], int]:
        return copy.deepcopy(self._sections()), self.list.currentRow()

    def _set_section(self, key: str, value) -> None:
        sections, row = self._copy()
        if 0 <= row < len(sections):
            setattr(sections[row], key, value)
            self._apply(sections, self.tr("修改章節"), merge_key=("section", sections[row].id, key))

    def add_section(self) -> None:
        sections, row = self._copy()
        sections.insert(row + 1, Section(heading=self.tr("新章節")))
        self._apply(sections, self.tr("新增章節"), row=row + 1)

    def remove_section(self) -> None:
        sections, row = self._copy()
        if not 0 <= row < len(sections):
            return
        if sections[row].kind == "table":
            dialogs.show_error(self, self.tr("「執行策略及具體作法」表格章節不能刪除。"))
            return
        if not dialogs.ask(self, self.tr("要刪除章節「{0}」嗎？（可用「復原」救回）").format(sections[row].heading)):
            return
        del sections[row]
        self._apply(sections, self.tr("刪除章節"), row=min(row, len(sections) - 1))

    def move_section(self, delta: int) -> None:
        sections, row = self._copy()
        target = row + delta
        if 0 <= row < len(sections) and 0 <= target < len(sections):
            sections.insert(target, sections.pop(row))
            self._apply(sections, self.tr("移動章節"), row=target)

    def _paragraph_edit(self, change, label, merge=None, paragraph_row=None) -> None:
        sections, row = self._copy()
        if not 0 <= row < len(sections):
            return
        paragraphs = sections[row].paragraphs
        p_row = self.paragraphs.currentRow()
        if change(paragraphs, p_row) is False:
            return
        merge_key = ("paragraph", sections[row].id, merge) if merge else None
        self._apply(sections, label, merge_key=merge_key, paragraph_row=paragraph_row)

    def _paragraph_typed(self) -> None:
        text = self.paragraph_text.toPlainText()
        def change(paragraphs, p_row):
            if not 0 <= p_row < len(paragraphs):
                return False
            paragraphs[p_row].text = text
        self._paragraph_edit(change, self.tr("修改段落"), merge=f"text{self.paragraphs.currentRow()}")

    def _paragraph_numbered(self, value: bool) -> None:
        def change(paragraphs, p_row):
            if not 0 <= p_row < len(paragraphs):
                return False
            paragraphs[p_row].numbered = value
        self._paragraph_edit(change, self.tr("修改段落編號"))

    def add_paragraph(self) -> None:
        p_row = self.paragraphs.currentRow()
        numbered = self._paragraph().numbered if self._paragraph() else False
        self._paragraph_edit(lambda ps, r: ps.insert(r + 1, Paragraph("", numbered)),
                             self.tr("新增段落"), paragraph_row=p_row + 1)
        self.paragraph_text.setFocus()

    def remove_paragraph(self) -> None:
        def change(paragraphs, p_row):
            if not 0 <= p_row < len(paragraphs):
                return False
            del paragraphs[p_row]
        self._paragraph_edit(change, self.tr("刪除段落"), paragraph_row=max(self.paragraphs.currentRow() - 1, 0))

    def move_paragraph(self, delta: int) -> None:
        target = self.paragraphs.currentRow() + delta
        def change(paragraphs, p_row):
            if not (0 <= p_row < len(paragraphs) and 0 <= target < len(paragraphs)):
                return False
            paragraphs.insert(target, paragraphs.pop(p_row))
        self._paragraph_edit(change, self.tr("移動段落"), paragraph_row=target)

    def _notes_typed(self) -> None:
        lines = self.notes.toPlainText().split("\n")
        while lines and not lines[-1].strip():
            lines.pop()  # a trailing Enter is the start of the next note, not an empty one
        self._set_section("notes", lines)
