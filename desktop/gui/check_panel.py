"""檢查結果: the consistency checker's findings for the open plan.

Re-checking waits a moment after the last edit (typing fires many changes), and
choosing a finding emits ``locate`` with the node id or "section:<id>" so the
main window selects the place. Invisible control characters get a one-click
cleanup (one undo step on the plan's document).
"""
from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import (QHBoxLayout, QHeaderView, QLabel, QPushButton, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from ..checks import SEVERITIES, check_plan, rule_name
from ..checks.invisible import RULE_ID as INVISIBLE_RULE
from ..checks.fixes import strip_invisible_op
from ..errors import PlanDeskError
from . import dialogs
from .edits import apply_edit

# severity colours on a light list and on a dark one (both at least 4.5:1 against the base)
_COLORS = {"錯誤": "#b00020", "警告": "#8a4f00", "提示": "#355c9a"}
_DARK_COLORS = {"錯誤": "#ff7a8a", "警告": "#ffb74d", "提示": "#8ab4f8"}


def severity_color(severity: str, palette: QPalette) -> QColor:
    """The severity's colour readable on ``palette``'s list background."""
    dark = palette.color(QPalette.Base).lightness() < 128
    return QColor((_DARK_COLORS if dark else _COLORS).get(severity, palette.color(QPalette.Text).name()))
DELAY_MS = 400


class CheckPanel(QWidget):
    locate = Signal(str)

    def __init__(self, library, parent=None):
        super().__init__(parent)
        self.library = library
        self.document_for = None  # callable(plan_id) -> PlanDocument, set by the window
        self.plan = None
        self.findings = []
        self.summary = QLabel()
        self.cleanup_button = QPushButton(self.tr("清除隱形字元"))
        self.cleanup_button.setToolTip(self.tr("移除計畫中所有看不見的控制字元（如 RLO、零寬空格），可用 Ctrl+Z 復原"))
        self.cleanup_button.clicked.connect(self.strip_invisible)
        self.cleanup_button.hide()
        self.list = QTreeWidget()
        self.list.setAccessibleName(self.tr("檢查結果清單"))
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setHeaderLabels([self.tr("嚴重度"), self.tr("位置"), self.tr("說明"), self.tr("規則")])
        header = self.list.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeToContents)
        header.setStretchLastSection(False)
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.cleanup_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.list)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self._show_summary()

    def show_plan(self, plan) -> None:
        """Check ``plan`` soon (the first time at once, later after edits settle)."""
        first = plan is not self.plan
        self.plan = plan
        if first:
            self.refresh()
        else:
            self._timer.start()

    def refresh(self) -> None:
        self._timer.stop()
        if self.plan is None:
            self.findings = []
        else:
            try:
                try:
                    self.findings = check_plan(self.plan, self.library)
                except sqlite3.Error:
                    # the library was closed under us (window closing): library-free rules still hold
                    self.findings = check_plan(self.plan, None)
            except PlanDeskError as exc:
                self.findings = []
                self.summary.setText(exc.message)
                self.list.clear()
                return
        self.list.clear()
        for index, finding in enumerate(self.findings):
            item = QTreeWidgetItem([finding.severity, finding.location, finding.message,
                                    rule_name(finding.rule)])
            item.setData(0, Qt.UserRole, index)
            item.setForeground(0, QBrush(severity_color(finding.severity, self.list.palette())))
            item.setToolTip(2, finding.message)
            self.list.addTopLevelItem(item)
        self.cleanup_button.setVisible(any(f.rule == INVISIBLE_RULE for f in self.findings))
        self._show_summary()

    def strip_invisible(self) -> None:
        """Remove every invisible/bidi control character of the plan as one undo step."""
        if self.plan is None or self.document_for is None:
            return
        op = strip_invisible_op(self.plan)
        if op is None:
            return
        if apply_edit(self, self.document_for(self.plan.id), op) is None:
            return
        self.refresh()

    def _show_summary(self) -> None:
        if self.plan is None:
            self.summary.setText(self.tr("尚未開啟計畫。"))
            return
        if not self.findings:
            self.summary.setText(self.tr("沒有發現問題。"))
            return
        counts = [(s, sum(1 for f in self.findings if f.severity == s)) for s in SEVERITIES]
        self.summary.setText(self.tr("檢查結果：") + "、".join(f"{s} {n} 項" for s, n in counts if n))

    def target_of(self, finding) -> str:
        """Where choosing ``finding`` goes: its node or section; plan fields
        (title, date line) live on the plan-data page, reached through a section."""
        if finding.target.startswith("plan:") and self.plan is not None and self.plan.sections:
            return f"section:{self.plan.sections[0].id}"
        return finding.target

    def choose(self, row: int) -> None:
        """Select finding ``row`` and emit where it is."""
        self.list.setCurrentItem(self.list.topLevelItem(row))
        self.locate.emit(self.target_of(self.findings[row]))

    def _activated(self, item, _column=0) -> None:
        self.locate.emit(self.target_of(self.findings[item.data(0, Qt.UserRole)]))
