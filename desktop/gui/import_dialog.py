"""「匯入舊計畫」: pick a .docx/.odt/.json, show the parsed tree and the import
report, then 「匯入」 (one library transaction) or 「取消」 (nothing written)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QLabel, QPlainTextEdit,
                               QTabWidget, QTreeWidget, QTreeWidgetItem, QVBoxLayout)

from ..cli.library_cmds import read_any
from ..model import Node, Plan
from ..numbering import node_tokens, section_tokens
from .busy import Cancelled, run_busy
from .tree_model import departments_text


class ImportPreview(QDialog):
    """The parsed plan (tree, sections) and the report, before anything is written."""

    def __init__(self, parent, plan: Plan, report: list[str], source: Path):
        super().__init__(parent)
        self.setWindowTitle(self.tr("匯入舊計畫 — {0}").format(source.name))
        self.resize(900, 640)
        layout = QVBoxLayout(self)
        nodes = sum(1 for _ in plan.walk())
        self.summary = QLabel(self.tr("{0} {1} 年度：{2}（{3} 個項目、{4} 個章節）").format(
            plan.office or self.tr("（未辨識單位）"), plan.year or "?", plan.title or self.tr("（無標題）"),
            nodes, len(plan.sections)))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        self.tabs = QTabWidget()
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("項目"), self.tr("承辦部門"), self.tr("執行期間")])
        self._fill_tree(plan)
        self.tabs.addTab(self.tree, self.tr("計畫表"))
        self.sections = QTreeWidget()
        self.sections.setHeaderLabels([self.tr("章節與段落")])
        self._fill_sections(plan)
        self.tabs.addTab(self.sections, self.tr("章節"))
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setPlainText("\n".join(report) if report else self.tr("文件的全部內容都已放入計畫。"))
        self.tabs.addTab(self.report, self.tr("匯入報告（{0}）").format(len(report)))
        if report:
            self.tabs.setCurrentWidget(self.report)  # read what was not placed first
        layout.addWidget(self.tabs)

        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(self.tr("匯入"), QDialogButtonBox.AcceptRole)
        self.cancel_button = self.buttons.addButton(self.tr("取消"), QDialogButtonBox.RejectRole)
        self.cancel_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _fill_tree(self, plan: Plan) -> None:
        tokens = node_tokens(plan)

        def add(parent, node: Node) -> None:
            label = tokens[node.id] + (node.title or node.text)
            if node.title and node.text:
                label += "：" + node.text
            item = QTreeWidgetItem(parent, [label, departments_text(node), node.period])
            item.setToolTip(0, label)
            item.setToolTip(1, item.text(1))
            for child in node.children:
                add(item, child)

        for top in plan.tree:
            add(self.tree, top)
        self.tree.expandAll()
        self.tree.setColumnWidth(0, 520)
        self.tree.setColumnWidth(1, 220)

    def _fill_sections(self, plan: Plan) -> None:
        for section, token in zip(plan.sections, section_tokens(plan)):
            item = QTreeWidgetItem(self.sections, [token + section.heading])
            for para in section.paragraphs:
                QTreeWidgetItem(item, [para.text])
            if section.kind == "table":
                QTreeWidgetItem(item, [self.tr("（計畫表）")])
            for note in section.notes:
                QTreeWidgetItem(item, [note])
        self.sections.expandAll()


def choose_file(parent) -> Path | None:
    """Ask for the file to import; None when the clerk cancels."""
    tr = QCoreApplication.translate
    name, _filter = QFileDialog.getOpenFileName(
        parent, tr("ImportPreview", "匯入舊計畫"), "",
        tr("ImportPreview", "計畫文件 (*.docx *.odt *.json);;Word (*.docx);;OpenDocument (*.odt);;PlanDesk JSON (*.json)"))
    return Path(name) if name else None


def run_import_dialog(parent, library, path: Path | None = None) -> int | None:
    """Pick (if needed), parse and preview a plan file; the new plan id, or None if cancelled.

    A bad file raises PlanDeskError (shown as one sentence by the caller); nothing
    is written unless 「匯入」 is pressed, and then in one transaction.
    """
    if path is None:
        path = choose_file(parent)
        if path is None:
            return None
    path = Path(path)
    try:  # a long Word file takes a while; reading changes nothing, so 取消 is harmless
        plan, report = run_busy(parent, QCoreApplication.translate("ImportDialog", "正在讀取 {0}…").format(path.name),
                                lambda: read_any(path), cancellable=True)
    except Cancelled:
        return None
    preview = ImportPreview(parent, plan, report, path)
    if preview.exec() != QDialog.Accepted:
        return None
    return library.add_plan(plan)
