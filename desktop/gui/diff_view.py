"""新舊對照表 view: compare the open plan with another (by default the same
office's previous year); 上年度 and 本年度 side by side with the changed
characters marked as in the printed 對照表 (deleted struck through, new
underlined); save them as DOCX/ODT."""
from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtWidgets import (QComboBox, QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton,
                               QTextBrowser, QVBoxLayout)

from ..diff import compare_plans
from ..diff.marks import STRIKE, UNDERLINE
from ..diff.table import row_sides, write_diff_table
from ..errors import PlanDeskError
from . import dialogs

FILTERS = {"docx": "Word 文件 (*.docx)", "odt": "ODF 文字文件 (*.odt)"}
# the printed marks, plus a tint so they are seen at a glance on screen
MARK_CSS = {STRIKE: "text-decoration: line-through; color: #a01010; background-color: #fbe1e1;",
            UNDERLINE: "text-decoration: underline; color: #0b5a1e; background-color: #dcf3dc;"}
_LABEL_CSS = {"新增": "#0b5a1e", "刪除": "#a01010", "修正": "#7a4b00", "移動": "#1c3f94"}


def lines_html(lines) -> str:
    """Lines of marked runs as HTML: the place in grey, marks styled as :data:`MARK_CSS`."""
    out = []
    for k, line in enumerate(lines):
        parts = []
        for text, mark in line:
            text = html.escape(text)
            parts.append(f"<span style='{MARK_CSS[mark]}'>{text}</span>" if mark in MARK_CSS else text)
        body = "".join(parts)
        out.append(f"<span style='color:#666666'>{body}</span>" if k == 0 else body)
    return "<br>".join(out)


def rows_html(entries) -> str:
    """The rows as one HTML table: 說明 | 上年度 | 本年度."""
    head = "".join(f"<th bgcolor='#e8e8e8'>{h}</th>" for h in ("說明", "上年度", "本年度"))
    rows = []
    for e in entries:
        label = f"<b style='color:{_LABEL_CSS[e.label]}'>{e.label}</b><br>{html.escape(e.detail)}"
        old_side, new_side = row_sides(e)
        rows.append(f"<tr><td width='20%'>{label}</td><td width='40%'>{lines_html(old_side)}</td>"
                    f"<td width='40%'>{lines_html(new_side)}</td></tr>")
    return (f"<table width='100%' border='1' cellspacing='0' cellpadding='5' style='border-color:#bbbbbb'>"
            f"<tr>{head}</tr>{''.join(rows)}</table>")


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
        self.comparison = None
        self.entries = []
        self.setWindowTitle(self.tr("新舊對照表"))
        self.resize(1180, 720)
        self.other_combo = QComboBox()
        plans = library.list_plans()
        for p in plans:
            if p.id != plan_id:
                self.other_combo.addItem(f"{p.office} {p.year} 年度（{p.status}）#{p.id}", p.id)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
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
        layout.addWidget(self.browser, 1)
        layout.addLayout(bottom)
        default = default_other(plans, self.plan)
        if default is not None:
            self.other_combo.setCurrentIndex(self.other_combo.findData(default))
        self.other_combo.currentIndexChanged.connect(lambda _i: self.compare())
        self.compare()

    def compare(self) -> None:
        other_id = self.other_combo.currentData()
        if other_id is None:
            self.old, self.comparison, self.entries = None, None, []
            self.summary.setText(self.tr("計畫庫中沒有其他計畫可比較。"))
            self.browser.clear()
        else:
            self.old = self.library.load_plan(other_id)
            self.comparison = compare_plans(self.old, self.plan)
            self.entries = self.comparison.rows
            self.summary.setText(self.comparison.summary())
            self.browser.setHtml(rows_html(self.entries) if self.entries else "")
        self.save_button.setEnabled(self.old is not None)

    def save_to(self, path: str | Path) -> Path:
        """Write the 對照表 to ``path`` (.docx or .odt)."""
        path = Path(path)
        fmt = path.suffix.lower().lstrip(".")
        if fmt not in FILTERS:
            raise PlanDeskError(self.tr("對照表只能存成 .docx 或 .odt，請改用其中之一的副檔名。"))
        if self.old is None:
            raise PlanDeskError(self.tr("請先選擇要比較的計畫。"))
        return write_diff_table(self.old, self.plan, self.comparison, fmt, path)

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
