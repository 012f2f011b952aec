"""新舊對照表 view: compare the open plan with another (by default the same
office's previous year), list the differences, save them as DOCX/ODT."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QComboBox, QDialog, QFileDialog, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout)

from ..diff import diff_plans
from ..diff_table import table_rows, write_diff_table
from ..errors import PlanDeskError
from . import dialogs

FILTERS = {"docx": "Word 文件 (*.docx)", "odt": "ODF 文字文件 (*.odt)"}


def default_other(plans, plan) -> int | None:
    """The same office's nearest earlier year; else any other plan of the office; else any plan."""
    others = [p for p in plans if p.id != plan.id]
    earlier = [p for p in others if p.office == plan.office and p.year < plan.year]
    if earlier:
        return max(earlier, key=lambda p: (p.year, p.id)).id
    same = [p for p in others if p.office == plan.office]
    pick = same or others
    return pick[0].id if pick else None


class DiffView(QDialog):
    def __init__(self, library, plan_id: int, parent=None):
        super().__init__(parent)
        self.library = library
        self.plan = library.load_plan(plan_id)
        self.old = None
        self.entries = []
        self.setWindowTitle(self.tr("新舊對照表"))
        self.resize(980, 620)
        self.other_combo = QComboBox()
        plans = library.list_plans()
        for p in plans:
            if p.id != plan_id:
                self.other_combo.addItem(f"{p.office} {p.year} 年度（{p.status}）#{p.id}", p.id)
        self.summary = QLabel()
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("說明"), self.tr("本年度"), self.tr("上年度"),
                                              self.tr("差異"), self.tr("內容")])
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.Stretch)
        self.table.setColumnWidth(3, 220)
        self.table.setWordWrap(True)
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.save_button = QPushButton(self.tr("另存對照表…"))
        self.save_button.clicked.connect(self.save_dialog)
        close = QPushButton(self.tr("關閉"))
        close.clicked.connect(self.accept)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("與此計畫比較（上年度）：")))
        top.addWidget(self.other_combo, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        default = default_other(plans, self.plan)
        if default is not None:
            self.other_combo.setCurrentIndex(self.other_combo.findData(default))
        self.other_combo.currentIndexChanged.connect(lambda _i: self.compare())
        self.compare()

    def compare(self) -> None:
        other_id = self.other_combo.currentData()
        if other_id is None:
            self.old, self.entries = None, []
            self.summary.setText(self.tr("計畫庫中沒有其他計畫可比較。"))
        else:
            self.old = self.library.load_plan(other_id)
            self.entries = diff_plans(self.old, self.plan)
            counts = {}
            for e in self.entries:
                counts[e.label] = counts.get(e.label, 0) + 1
            self.summary.setText(self.tr("差異：") + ("、".join(f"{k} {v} 項" for k, v in counts.items())
                                                      or self.tr("兩個計畫內容相同")))
        self.table.setRowCount(len(self.entries))
        for row, (entry, cells) in enumerate(zip(self.entries, table_rows(self.entries))):
            values = [entry.label, entry.new_location or "—", entry.old_location or "—",
                      entry.detail, entry.new_text or entry.old_text]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(f"{cells[0]}\n\n{cells[1]}" if column == 4 else value)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        self.save_button.setEnabled(self.old is not None)

    def showEvent(self, event) -> None:
        # row heights depend on the stretched column's final width, known only once shown
        super().showEvent(event)
        self.table.resizeRowsToContents()

    def save_to(self, path: str | Path) -> Path:
        """Write the 對照表 to ``path`` (.docx or .odt)."""
        path = Path(path)
        fmt = path.suffix.lower().lstrip(".")
        if fmt not in FILTERS:
            raise PlanDeskError(self.tr("對照表只能存成 .docx 或 .odt，請改用其中之一的副檔名。"))
        if self.old is None:
            raise PlanDeskError(self.tr("請先選擇要比較的計畫。"))
        return write_diff_table(self.old, self.plan, self.entries, fmt, path)

    def save_dialog(self) -> None:
        name = f"{self.plan.office}{self.plan.year}年度新舊對照表.docx"
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("另存對照表"), name, ";;".join(FILTERS.values()))
        if not path:
            return
        if not Path(path).suffix:
            path += ".odt" if chosen == FILTERS["odt"] else ".docx"
        try:
            self.save_to(path)
        except PlanDeskError as exc:
            dialogs.show_error(self, exc.message)
            return
        dialogs.show_info(self, self.tr("對照表已存成 {0}。").format(path))


def run_diff_view(parent, library, plan_id: int) -> None:
    view = DiffView(library, plan_id, parent)
    try:
        view.exec()
    finally:
        view.deleteLater()
