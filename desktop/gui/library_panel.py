"""The plan library panel: plans grouped by office and year with their status;
new (skeleton or empty), duplicate, rename, delete (to the recycle bin) and restore."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QHBoxLayout, QHeaderView, QInputDialog, QMenu, QToolButton, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from ..demo import skeleton_plan
from ..library import Library
from ..model import Plan
from ..ops import EditPlan
from ..yeartext import roc_iso_date
from . import dialogs
from .edits import apply_edit

PlanIdRole = Qt.UserRole + 1


def roc_time(iso: str) -> str:
    """'2026-12-02T13:05:09' → '115/12/02 13:05' for the status tooltip."""
    return f"{roc_iso_date(iso)} {iso[11:16]}".rstrip()


class LibraryPanel(QWidget):
    plan_chosen = Signal(int)
    plan_removed = Signal(int)

    def __init__(self, library: Library, parent=None):
        super().__init__(parent)
        self.library = library
        self.document_for = None  # callable(plan_id) -> PlanDocument, set by the window
        self.read_only = False
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("計畫"), self.tr("狀態")])
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeToContents)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemClicked.connect(self._activated)
        self.tree.setContextMenuPolicy(Qt.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.button_row = QHBoxLayout()
        self.panel_actions: list = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.button_row)
        layout.addWidget(self.tree)
        self.refresh()

    def add_actions(self, actions: list, short_labels: list[str]) -> None:
        """Buttons above the list (short labels) and the right-click menu (full labels)."""
        for action, label in zip(actions, short_labels):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setText(label)
            action.changed.connect(lambda b=button, t=label: b.setText(t))  # keep the short label
            self.button_row.addWidget(button)
        self.button_row.addStretch(1)
        self.panel_actions = actions

    def _context_menu(self, pos) -> None:
        if self.panel_actions:
            menu = QMenu(self)
            menu.addActions(self.panel_actions)
            menu.exec(self.tree.viewport().mapToGlobal(pos))

    # --- listing ------------------------------------------------------------------------------
    def refresh(self, select: int | None = None) -> None:
        """Rebuild the list: 單位 → 年度 → 計畫 (status in the second column)."""
        select = select if select is not None else self.current_plan_id()
        self.tree.clear()
        offices: dict[str, QTreeWidgetItem] = {}
        years: dict[tuple[str, int], QTreeWidgetItem] = {}
        histories = self.library.status_histories()
        for summary in self.library.list_plans():
            office = summary.office or self.tr("（未填單位）")
            if office not in offices:
                offices[office] = QTreeWidgetItem(self.tree, [office])
                offices[office].setExpanded(True)
            key = (office, summary.year)
            if key not in years:
                years[key] = QTreeWidgetItem(offices[office], [self.tr("{0} 年度").format(summary.year)])
                years[key].setExpanded(True)
            history = histories.get(summary.id, [])
            status = summary.status
            if history and summary.status != "草稿":  # when it was submitted or approved, e.g. 核定 115/03/12
                status = f"{summary.status} {roc_iso_date(history[-1][1])}"
            item = QTreeWidgetItem(years[key], [summary.title or self.tr("（未命名計畫）"), status])
            item.setData(0, PlanIdRole, summary.id)
            item.setToolTip(0, summary.title)
            item.setToolTip(1, self.tr("狀態紀錄：") + "\n" + "\n".join(
                f"{roc_time(at)}　{name}" for name, at in history))
            if summary.id == select:
                self.tree.setCurrentItem(item)

    def current_plan_id(self) -> int | None:
        item = self.tree.currentItem()
        return item.data(0, PlanIdRole) if item is not None else None

    def items(self) -> list[QTreeWidgetItem]:
        """Plan rows (not the office/year group rows)."""
        out = []
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop(0)
            if item.data(0, PlanIdRole) is not None:
                out.append(item)
            stack[0:0] = [item.child(i) for i in range(item.childCount())]
        return out

    def _activated(self, item, _column=0) -> None:
        plan_id = item.data(0, PlanIdRole)
        if plan_id is not None:
            self.plan_chosen.emit(plan_id)

    # --- commands -------------------------------------------------------------------------------
    def writable(self) -> bool:
        if self.read_only:
            dialogs.show_error(self, self.library.warning if self.library.read_only else self.tr(
                "計畫庫以唯讀方式開啟（另一個 PlanDesk 正在使用它），無法新增或刪除計畫。"))
            return False
        return True

    def _add(self, plan: Plan) -> int:
        plan_id = self.library.add_plan(plan)
        self.refresh(select=plan_id)
        self.plan_chosen.emit(plan_id)
        return plan_id

    def new_plan(self, empty: bool = False, office: str | None = None, year: int | None = None) -> int | None:
        """A new plan from the five-面向 skeleton (or empty) for the current office."""
        if not self.writable():
            return None
        base = self.library.load_plan(self.current_plan_id()) if self.current_plan_id() else None
        office = office if office is not None else (base.office if base else "")
        organization = base.organization if base else ""
        year = year if year is not None else ((base.year + 1) if base else 0)
        plan = skeleton_plan(organization, office, year or None)
        if empty:
            plan.tree = []
        if base is not None:
            plan.profile = base.profile
        return self._add(plan)

    def duplicate(self) -> int | None:
        plan_id = self.current_plan_id()
        if plan_id is None or not self.writable():
            return None
        plan = self.library.load_plan(plan_id)
        plan.title = self.tr("{0}（複本）").format(plan.title)
        plan.status = "草稿"
        return self._add(plan)

    def rename(self, title: str | None = None) -> None:
        """Change the plan title (one undoable EditPlan on the plan's document)."""
        plan_id = self.current_plan_id()
        if plan_id is None:
            return
        document = self.document_for(plan_id)
        if title is None:
            title, ok = QInputDialog.getText(self, self.tr("重新命名計畫"), self.tr("計畫名稱："),
                                             text=document.plan.title)
            if not ok:
                return
        if apply_edit(self, document, EditPlan({"title": title}, self.tr("重新命名計畫"))) is None:
            return
        self.refresh(select=plan_id)

    def delete(self, confirm: bool = True) -> None:
        """Move the plan to the recycle bin (檔案 → 資源回收筒 restores it)."""
        plan_id = self.current_plan_id()
        if plan_id is None or not self.writable():
            return
        title = self.tree.currentItem().text(0)
        if confirm and not dialogs.ask(self, self.tr("要刪除「{0}」嗎？刪除後可從「檔案 → 資源回收筒」復原。").format(title)):
            return
        self.library.delete_plan(plan_id)
        self.refresh()
        self.plan_removed.emit(plan_id)

    def restore(self) -> int | None:
        """Pick a deleted plan and bring it back."""
        if not self.writable():
            return None
        live = {p.id for p in self.library.list_plans()}
        deleted = [p for p in self.library.list_plans(include_deleted=True) if p.id not in live]
        if not deleted:
            dialogs.show_info(self, self.tr("資源回收筒是空的。"))
            return None
        labels = [f"{p.office} {p.year} {p.title}" for p in deleted]
        choice, ok = QInputDialog.getItem(self, self.tr("資源回收筒"), self.tr("要復原的計畫："),
                                          labels, 0, False)
        if not ok:
            return None
        plan_id = deleted[labels.index(choice)].id
        self.library.restore_plan(plan_id)
        self.refresh(select=plan_id)
        self.plan_chosen.emit(plan_id)
        return plan_id
