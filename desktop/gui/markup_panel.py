"""The review panel beside the tree: every change of a returned document with its
context, old text struck through and new text underlined (as in the 對照表),
accepted or rejected one by one or all at once, applied as ONE undo step.
Also the review-notes box of the detail pane (comments kept on an item)."""
from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from ..errors import PlanDeskError
from ..diff.marks import STRIKE, UNDERLINE
from ..markup.entries import FIELD_NAMES, ReviewEntry, by_whom
from . import dialogs
from .diff_view import MARK_CSS

_CONTEXT = 14  # characters shown on each side of a change
# marked as the 新舊對照表 view marks them (one style table for both)
_INS = f'<span style="{MARK_CSS[UNDERLINE]}">{{}}</span>'
_DEL = f'<span style="{MARK_CSS[STRIKE]}">{{}}</span>'
COL_ACCEPT, COL_KIND, COL_WHERE, COL_CHANGE, COL_WHO = range(5)


def _clip(text: str, size: int = 80) -> str:
    return text if len(text) <= size else text[:size] + "…"


def _around(pieces, mark: int) -> str:
    """The field's text near ``mark``: plain text kept short, the mark's own text marked."""
    index = next(i for i, (_t, m, _x) in enumerate(pieces) if m == mark)
    before = "".join(t for t, m, _x in pieces[:index] if m is None)[-_CONTEXT:]
    after = "".join(t for t, m, _x in pieces[index + 1:] if m is None)[:_CONTEXT]
    return before, after


def marked_html(entry: ReviewEntry) -> str:
    """The change as rich text: inserted text underlined green, deleted struck red."""
    if entry.kind == "comment":
        return f"「{escape(_clip(entry.old, 40))}」<br><i>{escape(entry.new)}</i>"
    if entry.kind == "move":
        return escape(f"由 {entry.old} 移至 {entry.new}")
    if entry.patch is not None and entry.marks:
        before, after = _around(entry.patch.pieces, next(iter(entry.marks)))
        style = _INS if entry.kind == "insert" else _DEL
        return escape(before) + style.format(escape(entry.new or entry.old)) + escape(after)
    if entry.kind in ("insert", "add"):
        return _INS.format(escape(_clip(entry.new)))
    if entry.kind in ("delete", "remove"):
        return _DEL.format(escape(_clip(entry.old)))
    from ..diff import mark_changes
    old, new = mark_changes(entry.old, entry.new)  # an untracked change, marked as in the 對照表
    return _runs_html(old) + " → " + _runs_html(new)


def _runs_html(runs) -> str:
    styles = {UNDERLINE: _INS, STRIKE: _DEL}
    return "".join(styles[style].format(escape(text)) if style in styles else escape(_shorten(text))
                   for text, style in runs)


def _shorten(same: str) -> str:
    """Unchanged text between marks: its ends are context enough."""
    return same if len(same) <= 2 * _CONTEXT else same[:_CONTEXT] + "…" + same[-_CONTEXT:]


class MarkupPanel(QWidget):
    """Lists a :class:`desktop.markup.review.Review`; ``locate`` asks the window to show an item."""

    locate = Signal(str)
    applied = Signal(int)  # plan edits applied

    def __init__(self, parent=None):
        super().__init__(parent)
        self.document = None
        self.review = None
        self.source = ""
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setAccessibleName(self.tr("處長修正清單"))
        self.table.setHorizontalHeaderLabels([self.tr("接受"), self.tr("類別"), self.tr("位置"),
                                              self.tr("修正內容"), self.tr("修改者")])
        self.table.horizontalHeader().setSectionResizeMode(COL_CHANGE, QHeaderView.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectRows)
        self.table.cellDoubleClicked.connect(lambda row, _c: self.jump(row))
        self.accept_all = QPushButton(self.tr("全部接受"))
        self.reject_all = QPushButton(self.tr("全部拒絕"))
        self.go = QPushButton(self.tr("前往項目"))
        self.apply_button = QPushButton(self.tr("套用接受的修正"))
        self.close_button = QPushButton(self.tr("關閉"))
        self.accept_all.clicked.connect(lambda: self.check_all(True))
        self.reject_all.clicked.connect(lambda: self.check_all(False))
        self.go.clicked.connect(lambda: self.jump(self.table.currentRow()))
        self.apply_button.clicked.connect(self.apply)
        self.close_button.clicked.connect(self.hide)
        buttons = QHBoxLayout()
        for button in (self.accept_all, self.reject_all, self.go):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.setMinimumWidth(420)

    def show_review(self, document, review, source: str) -> None:
        """List ``review`` of ``document``'s plan, read from the file named ``source``; all accepted."""
        self.document, self.review, self.source = document, review, source
        entries = review.entries
        comments = sum(1 for e in entries if e.kind == "comment")
        self.title.setText(self.tr("<b>{0}</b> 的修正：{1} 處修改、{2} 則註解（勾選的會被接受；註解存為審閱註解）")
                           .format(escape(source), len(entries) - comments, comments))
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            check = QTableWidgetItem()
            check.setFlags(Qt.ItemIsUserCheckable | Qt.ItemIsEnabled | Qt.ItemIsSelectable)
            check.setCheckState(Qt.Checked)
            self.table.setItem(row, COL_ACCEPT, check)
            self.table.setItem(row, COL_KIND, QTableWidgetItem(entry.label))
            field = "" if entry.field in ("paragraph", "note") else FIELD_NAMES.get(entry.field, entry.field)
            where = f"{entry.location} {field}".strip()  # a paragraph's location already names it
            self.table.setItem(row, COL_WHERE, QTableWidgetItem(where))
            label = QLabel(marked_html(entry))
            label.setTextFormat(Qt.RichText)
            label.setWordWrap(True)
            label.setToolTip(f"{entry.old}\n→\n{entry.new}" if entry.kind != "comment" else entry.new)
            self.table.setCellWidget(row, COL_CHANGE, label)
            who = by_whom(entry.author, entry.date)
            self.table.setItem(row, COL_WHO, QTableWidgetItem(who))
        self.table.resizeColumnToContents(COL_ACCEPT)
        self.table.resizeColumnToContents(COL_KIND)
        self.table.setColumnWidth(COL_WHERE, 150)
        self.table.resizeRowsToContents()
        self.apply_button.setEnabled(not document.locked)
        self.show()

    def check_all(self, accepted: bool) -> None:
        for row in range(self.table.rowCount()):
            self.table.item(row, COL_ACCEPT).setCheckState(Qt.Checked if accepted else Qt.Unchecked)

    def set_accepted(self, row: int, accepted: bool) -> None:
        self.table.item(row, COL_ACCEPT).setCheckState(Qt.Checked if accepted else Qt.Unchecked)

    def chosen(self) -> list[ReviewEntry]:
        return [e for row, e in enumerate(self.review.entries if self.review else [])
                if self.table.item(row, COL_ACCEPT).checkState() == Qt.Checked]

    def jump(self, row: int) -> None:
        if self.review is not None and 0 <= row < len(self.review.entries):
            target = self.review.entries[row].target
            if target:
                self.locate.emit(target)

    def apply(self) -> None:
        """The checked changes as one undo step; the checked comments become review notes."""
        from ..markup.apply import accept_entries
        try:
            count = accept_entries(self.document, self.chosen(), self.source)
        except PlanDeskError as exc:
            dialogs.show_error(self, exc.message)
            return
        self.hide()
        self.applied.emit(count)


class ReviewNotesBox(QWidget):
    """The detail pane's list of a selected item's open review notes, each resolvable."""

    resolved = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.library = None
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 6, 0, 0)
        self.hide()

    def show_notes(self, library, notes) -> None:
        self.library = library
        while self.layout_.count():
            widget = self.layout_.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        for note in notes:
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            text = QLabel(self.tr("💬 <b>{0}</b>：{1}<br><small>（{2}，{3}）</small>").format(
                escape(note.author or self.tr("審閱者")), escape(note.text), escape(_clip(note.anchor, 30)),
                escape(note.source)))
            text.setWordWrap(True)
            text.setStyleSheet("background:#fff8d6; color:#1f1f1f; padding:3px;")
            done = QPushButton(self.tr("已處理"))
            done.clicked.connect(lambda _=False, nid=note.id: self._resolve(nid))
            line.addWidget(text, 1)
            line.addWidget(done)
            self.layout_.addWidget(row)
        self.setVisible(bool(notes))

    def _resolve(self, note_id: int) -> None:
        self.library.resolve_review_note(note_id)
        self.resolved.emit()


def _note_icon():
    """A small yellow note: the tree's marker for an item with open review notes."""
    from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.transparent)
    painter = QPainter(pixmap)
    painter.setBrush(QColor("#f5c400"))
    painter.setPen(QColor("#8a6d00"))
    painter.drawRoundedRect(1, 2, 13, 10, 2, 2)
    painter.drawLine(4, 12, 4, 15)
    painter.end()
    return QIcon(pixmap)


class MarkupReview:
    """The main window's part of it: 檔案 → 匯入處長修正…, a dropped marked-up file,
    the panel beside the tree, note markers in the tree and notes in the detail pane."""

    def __init__(self, window):
        self.window = window
        self.panel = MarkupPanel()
        self.panel.hide()
        window.editor_splitter.addWidget(self.panel)
        self.notes = ReviewNotesBox()
        window.detail.layout().addRow(self.notes)
        window.model.note_icon = _note_icon()
        # a section's notes under its content in 計畫資料與章節
        self.sections = window.plan_editor.sections
        self.section_notes = ReviewNotesBox()
        self.sections.heading.parentWidget().layout().addRow(self.section_notes)
        self.sections.list.currentRowChanged.connect(lambda _row: self.refresh())
        self.panel.locate.connect(window.locate)
        self.panel.applied.connect(self._applied)
        self.notes.resolved.connect(self.reload)
        self.section_notes.resolved.connect(self.reload)
        self._notes: tuple[int | None, list] = (None, [])  # (plan id, its open notes), read once per plan

    def reload(self) -> None:
        """:meth:`refresh` with the notes read again from the library (after they changed)."""
        self._notes = (None, [])
        self.refresh()

    def refresh(self) -> None:
        """Note markers of the shown plan, and the notes of the selected item."""
        document, model = self.window.document, self.window.model
        if self.panel.document is not document:
            self.panel.hide()  # the review belongs to the plan it was made for
        plan_id = document.plan.id if document else None
        if self._notes[0] != plan_id:  # a selection change reuses them: no query per arrow key
            self._notes = (plan_id, self.window.library.review_notes(plan_id) if document else [])
        notes = self._notes[1]
        marked = {n.target for n in notes if n.target}
        changed = marked ^ model.noted
        model.noted = marked
        for node_id in changed:
            if model.has_node(node_id):
                index = model.index_of(node_id)
                model.dataChanged.emit(index, index)
        node_id = self.window.detail.node_id
        self.notes.show_notes(self.window.library, [n for n in notes if node_id and n.target == node_id])
        section = self.sections.current_section() if document else None
        self.section_notes.show_notes(self.window.library, [n for n in notes if section is not None
                                                            and n.target == f"section:{section.id}"])

    def open_file(self, path) -> None:
        """Review the returned document at ``path`` against the open plan and list it."""
        from pathlib import Path

        from ..markup.review import review_document
        window = self.window
        if window.document is None:
            dialogs.show_error(window, window.tr("請先開啟要依處長修正的計畫，再匯入修正文件。"))
            return
        if window.document.locked:
            dialogs.show_error(window, window.tr("此計畫已核定（或唯讀），不能套用修正；如需修改，請先把狀態改回「陳核」或「草稿」。"))
            return
        path = Path(path)
        try:
            review = review_document(window.document.plan, path)
        except PlanDeskError as exc:
            dialogs.show_error(window, exc.message)
            return
        if not review.recognisable:
            if dialogs.ask(window, window.tr("{0} 只有約 {1}% 的項目與此計畫相符，可能是別的年度或別的計畫。要改為匯入成新計畫嗎？")
                           .format(path.name, round(review.matched * 100))):
                window.import_file(path)
            return
        window.tabs.setCurrentIndex(0)
        self.panel.show_review(window.document, review, path.name)
        width = sum(window.editor_splitter.sizes())
        window.editor_splitter.setSizes([int(width * 0.38), int(width * 0.24), int(width * 0.38)])

    def offer_drop(self, path) -> bool:
        """A dropped document with tracked changes or comments, while a plan is open:
        ask whether it corrects this plan. True when it was taken as corrections."""
        from ..markup.summary import has_markup
        window = self.window
        if window.document is None or window.document.locked or path.suffix.lower() not in (".docx", ".odt"):
            return False
        if not has_markup(path) or not dialogs.ask(window, window.tr(
                "{0} 含有修訂或註解：作為本計畫的修正匯入？（選「否」則照常匯入為新計畫）").format(path.name)):
            return False
        self.open_file(path)
        return True

    def _applied(self, count: int) -> None:
        self.reload()
        self.window.statusBar().showMessage(
            self.window.tr("已套用 {0} 處修正（可用「復原」一次還原）").format(count), 10000)


def choose_markup_file(window) -> None:
    """檔案 → 匯入處長修正…: pick the returned document, then review it (a hook, so tests answer it)."""
    from PySide6.QtWidgets import QFileDialog
    path, _ = QFileDialog.getOpenFileName(window, window.tr("匯入處長修正"), "",
                                          window.tr("Word／ODT 文件 (*.docx *.odt)"))
    if path:
        window.markup.open_file(path)
