"""The 考核 view of the open plan: per period each item's 執行狀態 (a chip) and
執行情形, filters (未填報, 落後, department), writing 執行情形 directly (typing is
one undo step per run, like the detail editor), making every department's form,
merging returned forms (button, or a drop on the main window while this tab is
shown; always through the merge preview; one merge is one undo step), exporting the 成果, and the due-date reminder."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDoubleSpinBox, QHBoxLayout, QLabel,
                               QLineEdit, QPlainTextEdit, QPushButton, QSplitter, QTableView, QVBoxLayout,
                               QWidget)

from ..assessment.due_dates import due_of
from ..assessment.items import department_names, review_items
from ..assessment.model import RESULT_STATUSES, Result
from ..assessment.ops import SetPeriods, SetResults
from ..document import PlanDocument
from ..errors import PlanDeskError
from ..ops import Change
from . import dialogs
from .edits import apply_edit
from .assessment_model import COL_ITEM, COL_STATUS, COL_TEXT, AssessmentModel, NodeIdRole, StatusChipDelegate
from .fields import DocumentUndoFilter
from .roc_date_edit import RocDateEdit

ALL, NOT_FILLED, LATE = "全部項目", "未填報", "落後"
FORM_SUFFIXES = (".docx", ".odt")
REMIND_DAYS = 21      # the reminder shows this many days before the due date …
OVERDUE_DAYS = 180    # … and keeps saying 已逾期 for this long after it
CLERK = "業務組"       # reporter of what is typed here rather than merged from a form


def _dialogs():
    """The forms/merge dialogs, imported on first use (with the importer and the export
    layer behind them) so the main window starts as fast as before."""
    from . import assessment_dialogs
    return assessment_dialogs


def _buddy(text: str, widget: QWidget) -> QLabel:
    """A label that names ``widget`` for screen readers and focuses it with its mnemonic."""
    label = QLabel(text)
    label.setBuddy(widget)
    widget.setAccessibleName(text)
    return label


class AssessmentView(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("assessment_view")
        self.document: PlanDocument | None = None
        self.today = date.today()  # the reminder's "now"; tests set it
        self._node_id: str | None = None
        self._loading = False
        self._stale = False  # changes arrived while hidden
        self._items = []     # the plan's review items, as of the last refresh

        self.period = QComboBox()
        self.filter = QComboBox()
        self.filter.addItems([ALL, NOT_FILLED, LATE])
        self.department = QComboBox()
        self.due = RocDateEdit()
        self.due.setCalendarPopup(True)
        self.due.setToolTip(self.tr("送交業務處的期限；預設取自計畫「考核作業」的文字"))
        self.make_forms_button = QPushButton(self.tr("產生填報表…"))
        self.merge_button = QPushButton(self.tr("合併填報表…"))
        self.report_button = QPushButton(self.tr("匯出成果…"))
        bar = QHBoxLayout()
        for label, widget in ((self.tr("考核期間"), self.period), (self.tr("顯示"), self.filter),
                              (self.tr("部門"), self.department), (self.tr("送交期限"), self.due)):
            bar.addWidget(_buddy(label, widget))
            bar.addWidget(widget)
        bar.addStretch(1)
        for button in (self.make_forms_button, self.merge_button, self.report_button):
            bar.addWidget(button)

        self.reminder = QLabel()
        self.reminder.setObjectName("assessment_reminder")
        self.reminder.setWordWrap(True)
        self.reminder.setStyleSheet("background:#fff4c2; color:#5a4300; border:1px solid #e0c060; padding:4px;")
        self.reminder.hide()
        self.counts = QLabel()

        self.model = AssessmentModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setItemDelegateForColumn(COL_STATUS, StatusChipDelegate(self.table))
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.setColumnWidth(0, 130)
        self.table.setColumnWidth(COL_ITEM, 330)
        self.table.setColumnWidth(2, 150)
        self.table.setColumnWidth(COL_STATUS, 92)
        self.table.setColumnWidth(COL_TEXT, 380)
        self.table.setWordWrap(False)

        self.item_label = QLabel()
        self.item_label.setWordWrap(True)
        self.status = QComboBox()
        self.status.addItem(self.tr("（未選）"), "")
        for status in RESULT_STATUSES:
            self.status.addItem(status, status)
        self.quantity = QDoubleSpinBox()
        self.quantity.setRange(0, 1e9)
        self.quantity.setDecimals(2)
        self.quantity.setSpecialValueText(self.tr("（無）"))
        self.unit = QLineEdit()
        self.unit.setPlaceholderText(self.tr("單位，例如 件"))
        self.unit.setMaximumWidth(110)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("在此填寫執行情形（可分多段）"))
        editor = QWidget()
        editor_layout = QVBoxLayout(editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addWidget(self.item_label)
        line = QHBoxLayout()
        for label, widget in ((self.tr("執行狀態"), self.status), (self.tr("量化成果"), self.quantity)):
            line.addWidget(_buddy(label, widget))
            line.addWidget(widget)
        line.addWidget(self.unit)
        self.unit.setAccessibleName(self.tr("量化成果單位"))
        self.text.setAccessibleName(self.tr("執行情形"))
        self.table.setAccessibleName(self.tr("考核項目表"))
        line.addStretch(1)
        editor_layout.addLayout(line)
        editor_layout.addWidget(self.text, 1)

        splitter = QSplitter(Qt.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(editor)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.reminder)
        layout.addWidget(self.counts)
        layout.addWidget(splitter, 1)

        self.period.currentIndexChanged.connect(self._period_changed)
        self.filter.currentIndexChanged.connect(self.refresh)
        self.department.currentIndexChanged.connect(self.refresh)
        self.due.dateChanged.connect(self._due_changed)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        # Ctrl+Z in the fields undoes through the plan (a typing run is one step)
        DocumentUndoFilter(self, self._end_typing).watch(self.text, self.unit, self.quantity)
        self.text.textChanged.connect(lambda: self._commit(typing=True))
        self.status.currentIndexChanged.connect(lambda: self._commit())
        self.quantity.valueChanged.connect(lambda: self._commit(typing=True))
        self.unit.textEdited.connect(lambda: self._commit(typing=True))
        self.make_forms_button.clicked.connect(self.make_forms)
        self.merge_button.clicked.connect(lambda: self.merge_files(_dialogs().ask_merge_files(self)))
        self.report_button.clicked.connect(self.export_report)
        self._show_editor(None)

    # --- document ------------------------------------------------------------------------------
    def set_document(self, document: PlanDocument | None) -> None:
        self.document = document
        self._loading = True
        self.period.clear()
        self.department.clear()
        if document is not None:
            self.period.addItems([p.name for p in document.plan.review.periods])
            self.department.addItem(self.tr("全部部門"), "")
            for name in department_names(review_items(document.plan)):
                self.department.addItem(name, name)
        self._loading = False
        for widget in (self.make_forms_button, self.merge_button, self.report_button, self.due):
            widget.setEnabled(document is not None)
        self.merge_button.setEnabled(document is not None and not document.read_only)
        self._period_changed()

    @property
    def plan(self):
        return self.document.plan if self.document else None

    def current_period(self):
        return self.plan.review.period(self.period.currentText()) if self.plan else None

    def on_change(self, change: Change) -> None:
        """The shown plan changed (the main window passes on its tree model's changes)."""
        if self.isHidden():  # another tab is shown: catch up when this one is, not on every keystroke
            self._stale = True
            return
        if self._stale:
            self._stale = False
            self._period_changed()
            return
        if change.periods:
            self._period_changed()  # the due date shown follows undo/redo too
            return
        if change.nodes or change.removed or change.reordered or len(change.results) > 1:
            self.refresh()
            return
        for node_id, _ in change.results:
            self.model.refresh_node(node_id)
            if node_id == self._node_id:
                self._show_editor(node_id)
        self._update_counts()

    # --- filters and rows -----------------------------------------------------------------------
    def _period_changed(self) -> None:
        if self._loading:
            return
        period = self.current_period()
        self._loading = True
        if period is not None:
            due = due_of(self.plan, period).value
            self.due.setDate(QDate(due.year, due.month, due.day) if due else QDate.currentDate())
        self._loading = False
        self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self._period_changed()

    def _visible_items(self):
        """The review items the filters show."""
        plan, period = self.plan, self.current_period()
        if plan is None or period is None:
            return []
        wanted_dept = self.department.currentData() or ""
        mode = self.filter.currentText()
        out = []
        for item in self._items:
            result = plan.review.result(item.node.id, period.name)
            if wanted_dept and not item.has_department(wanted_dept):
                continue
            if mode == NOT_FILLED and result is not None and result.filled:
                continue
            if mode == LATE and (result is None or result.status != "落後"):
                continue
            out.append(item)
        return out

    def refresh(self) -> None:
        """Re-filter the rows, keeping the selected item when it is still shown."""
        if self._loading:
            return
        keep = self._node_id
        period = self.current_period()
        # the plan's items change only with its tree: kept for the result edits in between
        self._items = review_items(self.plan) if self.plan else []
        self.model.set_rows(self.plan, period.name if period else "", self._visible_items())
        row = self.model.row_of(keep) if keep else -1
        if row >= 0:
            self.table.selectRow(row)
        self._show_editor(keep if row >= 0 else None)  # the period may have changed under the same row
        self._update_counts()

    def _update_counts(self) -> None:
        period = self.current_period()
        if period is None:
            self.counts.clear()
            self.reminder.hide()
            return
        items = self._items
        filled = sum(1 for i in items if (r := self.plan.review.result(i.node.id, period.name)) and r.filled)
        self.counts.setText(self.tr("共 {0} 項，已填報 {1} 項，未填報 {2} 項；目前顯示 {3} 項").format(
            len(items), filled, len(items) - filled, self.model.rowCount()))
        text = self._reminder_text(period, len(items) - filled)
        self.reminder.setText(text)
        self.reminder.setVisible(bool(text))

    def _reminder_text(self, period, missing: int) -> str:
        """「上半年考核結果應於 7 月 5 日前送業務處：尚有 12 項未填報」 near (or past) the due date."""
        due = due_of(self.plan, period).value
        if due is None:
            return ""
        days = (due - self.today).days
        if not missing or days > REMIND_DAYS or -days > OVERDUE_DAYS:
            return ""
        when = f"{due.month} 月 {due.day} 日"
        if days < 0:
            return self.tr("{0}考核結果已超過 {1} 送業務處的期限：尚有 {2} 項未填報").format(period.name, when, missing)
        return self.tr("{0}考核結果應於 {1}前送業務處：尚有 {2} 項未填報").format(period.name, when, missing)

    # --- editing ---------------------------------------------------------------------------------
    def _end_typing(self) -> None:
        if self.document is not None:
            self.document.break_merge()

    def _row_changed(self, current, _previous) -> None:
        self._end_typing()  # typing in the next item is its own undo step
        node_id = current.data(NodeIdRole) if current.isValid() else None
        self._show_editor(node_id)

    def _show_editor(self, node_id: str | None) -> None:
        self._node_id = node_id
        period = self.current_period()
        result = self.plan.review.result(node_id, period.name) if node_id and period else None
        self._loading = True
        row = self.model.row_of(node_id) if node_id else -1
        self.item_label.setText(self.model.items[row].label if row >= 0 else self.tr("請在上方選擇項目"))
        if result is None or self.text.toPlainText() != result.text:
            self.text.setPlainText(result.text if result else "")
        self.status.setCurrentIndex(max(0, self.status.findData(result.status if result else "")))
        self.quantity.setValue(result.quantity if result and result.quantity is not None else 0)
        if self.unit.text() != (result.unit if result else ""):
            self.unit.setText(result.unit if result else "")
        editable = row >= 0 and self.document is not None and not self.document.read_only
        for widget in (self.text, self.status, self.quantity, self.unit):
            widget.setEnabled(editable)
        self._loading = False

    def _commit(self, typing: bool = False) -> None:
        """Write the editor's values for the selected item (typing runs merge into one undo step)."""
        if self._loading or not self._node_id or self.document is None:
            return
        period = self.current_period().name
        old = self.plan.review.result(self._node_id, period)
        quantity = self.quantity.value() or None
        new = Result(self._node_id, period, self.text.toPlainText(), self.status.currentData() or "",
                     quantity, self.unit.text().strip(), CLERK, date.today().isoformat())
        if new.same_content(old):
            return
        value = new if new.filled or quantity is not None else None
        op = SetResults({(self._node_id, period): value}, self.tr("填寫執行情形"))
        apply_edit(self, self.document, op, merge_key=("result", self._node_id, period) if typing else None)

    def _due_changed(self, qdate: QDate) -> None:
        period = self.current_period()
        if self._loading or period is None or self.document is None:
            return
        chosen = date(qdate.year(), qdate.month(), qdate.day())
        if due_of(self.plan, period).value == chosen:
            return
        periods = [replace(p, due=chosen.isoformat()) if p.name == period.name else p
                   for p in self.plan.review.periods]
        apply_edit(self, self.document, SetPeriods(periods))

    # --- forms, merge, report -----------------------------------------------------------------
    def make_forms(self, target: tuple[Path, str] | None = None) -> list[Path]:
        if self.plan is None:
            return []
        target = target or _dialogs().ask_forms_target(self)
        if target is None:
            return []
        from ..assessment.form_writer import write_forms  # the export layer: loaded when first used
        folder, fmt = target
        department = self.department.currentData() or None
        try:
            written = write_forms(self.plan, self.current_period(), folder, fmt,
                                  [department] if department else None)
        except PlanDeskError as exc:
            dialogs.show_error(self, exc.message)
            return []
        dialogs.show_info(self, self.tr("已產生 {0} 份填報表，存放在 {1}。").format(len(written), folder))
        return written

    def merge_files(self, paths: list[Path]) -> bool:
        """Preview the merge of ``paths`` and, when the clerk agrees, apply it as one undo step."""
        if not paths or self.document is None:
            return False
        from ..assessment.merge import preview_merge  # the importer: loaded when first used
        try:
            preview = preview_merge(self.plan, paths)
        except PlanDeskError as exc:
            dialogs.show_error(self, exc.message)
            return False
        if not _dialogs().ask_merge(self, preview):
            return False
        op = preview.operation()
        if op is None:
            return False
        return apply_edit(self, self.document, op) is not None

    def export_report(self, target: Path | None = None) -> Path | None:
        if self.plan is None:
            return None
        period = self.current_period()
        target = target or _dialogs().ask_report_target(
            self, f"{self.plan.office}{self.plan.year}年度{period.name}考核成果.docx")
        if target is None:
            return None
        from ..assessment.report import write_report
        try:
            return write_report(self.plan, period, target)
        except PlanDeskError as exc:
            dialogs.show_error(self, exc.message)
            return None
