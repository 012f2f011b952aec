"""複製為新年度計畫: choose the year, review each roll-over proposal with its
context (accept or reject one by one), then create the new 草稿 plan.

When the source's own years disagree (title 108, body 109) that is the first
thing the wizard says, and the new year it suggests follows the body."""
from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QDialog, QFormLayout, QHBoxLayout, QLabel, QListWidget,
                               QListWidgetItem, QPushButton, QSpinBox, QStackedWidget, QTextBrowser,
                               QVBoxLayout, QWidget)

from ..clone import create_clone, preview_clone
from ..errors import PlanDeskError
from ..rollover import source_year
from . import dialogs

_KIND_NAMES = {"year": "年份", "date": "日期", "letter": "來函"}


class CloneWizard(QDialog):
    """Two steps: year, then the proposals. ``new_id`` is set once created."""

    def __init__(self, library, plan_id: int, parent=None):
        super().__init__(parent)
        self.library = library
        self.plan_id = plan_id
        self.source = library.load_plan(plan_id)
        self.source_year = source_year(self.source)
        self.preview = None
        self.new_id: int | None = None
        self.setWindowTitle(self.tr("複製為新年度計畫"))
        self.resize(760, 520)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._year_page())
        self.pages.addWidget(self._review_page())
        self.back_button = QPushButton(self.tr("上一步"))
        self.next_button = QPushButton(self.tr("下一步"))
        self.cancel_button = QPushButton(self.tr("取消"))
        self.back_button.clicked.connect(lambda: self._go(0))
        self.next_button.clicked.connect(self.next_step)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.back_button, self.next_button, self.cancel_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self._go(0)

    # --- step 1: year --------------------------------------------------------------------
    def _year_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        year = self.source_year.year
        # the source's years disagree: say so before anything else
        self.disagreement = QLabel(self.source_year.message())
        self.disagreement.setWordWrap(True)
        self.disagreement.setStyleSheet(
            "QLabel { background: #fff4d6; color: #3d2c00; border: 1px solid #e0b040; padding: 8px; }")
        self.disagreement.setVisible(self.source_year.disagrees)
        form.addRow(self.disagreement)
        intro = QLabel(self.tr("以「{0}」（{1} 年度）為底稿，建立新的草稿計畫；原計畫不會變更。")
                       .format(self.source.title or self.source.office, year))
        intro.setWordWrap(True)
        form.addRow(intro)
        self.year_spin = QSpinBox()
        self.year_spin.setRange(1, 999)
        self.year_spin.setValue(min(999, year + 1))
        self.year_spin.setSuffix(self.tr(" 年度"))
        form.addRow(self.tr("新計畫年度（民國）："), self.year_spin)
        self.rollover_box = QCheckBox(self.tr("逐項檢視年份順延（本年度→新年度、次年→新年度次年）"))
        self.rollover_box.setChecked(True)
        form.addRow(self.rollover_box)
        rules = QLabel(self.tr(
            "年份順延的規則：\n"
            "．本年度改為新年度、次年改為新年度的次年（例如 {0} 年→{1} 年、{1} 年 1 月 6 日前→{2} 年 1 月 6 日前，西元年同理）；\n"
            "．早於本年度的年份不變（引用的法規、舊函）；\n"
            "．說明過去事件的年份（自…年起、…年已…、於…年完成、前一年度）預設保留，可逐項改為接受；\n"
            "．日期列的日期會清空，請於新計畫中填入訂定日期；\n"
            "．來函的日期與字號不變，但會提醒您更新本年度來函文號。\n"
            "下一步會逐項列出，您可以一項一項接受或不接受。").format(
                year, year + 1, year + 2))
        rules.setWordWrap(True)
        form.addRow(rules)
        self.year_spin.setMaximumWidth(160)
        return page

    # --- step 2: proposals ----------------------------------------------------------------
    def _review_page(self) -> QWidget:
        page = QWidget()
        self.review_intro = QLabel()
        self.review_intro.setWordWrap(True)
        self.proposal_list = QListWidget()
        self.proposal_list.currentRowChanged.connect(self._show_current)
        self.context_view = QTextBrowser()
        self.accept_button = QPushButton(self.tr("接受(&A)"))
        self.reject_button = QPushButton(self.tr("不接受(&R)"))
        self.accept_button.clicked.connect(lambda: self.decide(True))
        self.reject_button.clicked.connect(lambda: self.decide(False))
        decide = QHBoxLayout()
        decide.addStretch(1)
        decide.addWidget(self.accept_button)
        decide.addWidget(self.reject_button)
        right = QVBoxLayout()
        right.addWidget(self.context_view, 1)
        right.addLayout(decide)
        body = QHBoxLayout()
        body.addWidget(self.proposal_list, 1)
        body.addLayout(right, 1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.review_intro)
        layout.addLayout(body, 1)
        return page

    def _fill_proposals(self) -> None:
        self.proposal_list.clear()
        for proposal in self.preview.proposals:
            kind = self.tr(_KIND_NAMES.get(proposal.kind, proposal.kind))
            if proposal.changes_text:
                text = f"[{kind}] {proposal.location}：{proposal.old} → {proposal.new}"
                if not proposal.accept:
                    text += self.tr("（建議保留）")
            else:
                text = f"[{kind}] {proposal.location}：{self.tr('請更新本年度來函文號')}"
            item = QListWidgetItem(text)
            if proposal.changes_text:
                item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
                item.setCheckState(Qt.Checked if proposal.accept else Qt.Unchecked)
            else:
                item.setFlags(item.flags() & ~Qt.ItemIsUserCheckable)
            self.proposal_list.addItem(item)
        count = len(self.preview.proposals)
        kept = count - len(self.preview.proposed())
        text = (self.tr("共有 {0} 項年份順延提議；其中 {1} 項說明過去的事，建議保留原年份，其餘預設接受。"
                        "請逐項檢視，不適用的請按「不接受」，要改的請按「接受」。").format(count, kept) if kept else
                self.tr("共有 {0} 項年份順延提議；預設全部接受，請逐項檢視，不適用的請按「不接受」。").format(count))
        if not count:
            text = self.tr("沒有需要順延的年份，按「建立」即可建立新計畫。")
        if self.source_year.disagrees and self.preview.proposals:
            text = self.source_year.message() + "\n" + text
        self.review_intro.setText(text)
        if count:
            self.proposal_list.setCurrentRow(0)

    def _show_current(self, row: int) -> None:
        if self.preview is None or not 0 <= row < len(self.preview.proposals):
            self.context_view.clear()
            return
        p = self.preview.proposals[row]
        context = html.escape(p.context).replace("【", "<b style='background:#ffe08a; color:#000000'>").replace("】", "</b>")
        change = (f"<p>{html.escape(p.old)} → <b>{html.escape(p.new)}</b></p>" if p.changes_text else "")
        if p.changes_text and not p.accept:
            change += "<p><b style='color:#8a5a00'>" + html.escape(self.tr("建議保留原年份")) + "</b></p>"
        self.context_view.setHtml(
            f"<p><b>{html.escape(p.location)}</b>（{row + 1} / {len(self.preview.proposals)}）</p>"
            f"<p>{context}</p>{change}<p>{html.escape(p.note)}</p>")
        self.accept_button.setEnabled(p.changes_text)
        self.reject_button.setEnabled(p.changes_text)

    def decide(self, accept: bool) -> None:
        """Accept or reject the current proposal and move to the next one."""
        row = self.proposal_list.currentRow()
        item = self.proposal_list.item(row)
        if item is None:
            return
        if item.flags() & Qt.ItemIsUserCheckable:
            item.setCheckState(Qt.Checked if accept else Qt.Unchecked)
        if row + 1 < self.proposal_list.count():
            self.proposal_list.setCurrentRow(row + 1)

    def accepted_proposals(self) -> list:
        out = []
        for row, proposal in enumerate(self.preview.proposals if self.preview else []):
            item = self.proposal_list.item(row)
            if proposal.changes_text and item.checkState() == Qt.Checked:
                out.append(proposal)
        return out

    # --- navigation -----------------------------------------------------------------------
    def _go(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        self.back_button.setEnabled(page > 0)
        self.next_button.setText(self.tr("建立") if page == 1 else self.tr("下一步"))

    def _confirm_year(self) -> bool:
        """A second plan for the same office and year is allowed, but asked about."""
        year = self.year_spin.value()
        existing = _same_office_year(self.library, self.source.office, year)
        if not existing:
            return True
        return dialogs.ask(self, self.tr("「{0}」已有 {1} 年度的計畫（編號 {2}），仍要再建立一份嗎？")
                           .format(self.source.office, year, "、".join(map(str, existing))))

    def next_step(self) -> None:
        try:
            if self.pages.currentIndex() == 0:
                if not self._confirm_year():
                    return
                self.preview = preview_clone(self.library, self.plan_id, self.year_spin.value(),
                                             self.rollover_box.isChecked())
                self._fill_proposals()
                self._go(1)
            else:
                self.new_id = create_clone(self.library, self.preview, self.accepted_proposals())
                self.accept()
        except PlanDeskError as exc:
            dialogs.show_error(self, exc.message)


def _same_office_year(library, office: str, year: int) -> list[int]:
    return [p.id for p in library.list_plans() if p.office == office and p.year == year]


def run_clone_wizard(parent, library, plan_id: int) -> int | None:
    """Show the wizard; the new plan's id, or None when cancelled."""
    wizard = CloneWizard(library, plan_id, parent)
    try:
        wizard.exec()
        return wizard.new_id
    finally:
        wizard.deleteLater()  # owned by ``parent``: do not keep one hidden dialog per use
