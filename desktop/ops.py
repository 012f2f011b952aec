"""Operations: the only way a plan changes.

Each operation applies itself to a :class:`Plan` and returns a :class:`Change`
(what changed, for storage and views) together with its inverse operation
(for undo). Operations hold ids, never object references, so an inverse stays
valid after other edits were undone and redone.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field, fields, replace
from typing import Any

from .errors import PlanDeskError
from .model import STATUSES, Department, Node, Plan, Section, new_id
from .sanitize import clean_line, clean_text

ROOT = ""  # parent id of top-level nodes in Change.reordered


@dataclass
class Change:
    """What an operation changed. ``nodes``: ids whose own fields were written;
    ``reordered``: parent ids (ROOT for the top level) whose child list changed;
    ``removed``: ids of nodes that no longer exist; ``plan``/``sections``: the
    plan's properties or its section list changed. ``origin``: who applied it
    (an editor skips the echo of its own edit), None for undo/redo and others."""
    label: str
    nodes: set[str] = field(default_factory=set)
    reordered: set[str] = field(default_factory=set)
    removed: set[str] = field(default_factory=set)
    plan: bool = False
    sections: bool = False
    results: set[tuple[str, str]] = field(default_factory=set)  # (node id, period) of 考核 results
    periods: bool = False  # the review periods changed
    origin: object = field(default=None, compare=False, repr=False)

    def merge(self, other: "Change") -> None:
        self.nodes |= other.nodes
        self.reordered |= other.reordered
        self.removed |= other.removed
        self.results |= other.results
        self.periods |= other.periods
        self.plan |= other.plan
        self.sections |= other.sections


class Operation:
    label = ""

    def apply(self, plan: Plan) -> tuple[Change, "Operation"]:
        raise NotImplementedError


def siblings_of(plan: Plan, parent_id: str | None) -> list[Node]:
    """The child list of ``parent_id`` (the top level for None); KeyError for no such item."""
    if not parent_id:
        return plan.tree
    return plan.find(parent_id)[0].children


def _parent_key(parent: Node | None) -> str:
    return parent.id if parent is not None else ROOT


_NODE_FIELDS = {"title": clean_line, "text": clean_text, "period": clean_line,
                "numbered": bool, "skip": int, "departments": None}


def _clean_departments(value) -> list[Department]:
    out, seen = [], set()
    for dept in value:
        name = clean_line(dept.name)
        if dept.role not in ("主辦", "協辦", "承辦"):
            raise PlanDeskError(f"部門「{name}」的角色應為主辦、協辦或承辦。")
        if name and name not in seen:
            seen.add(name)
            out.append(Department(name, dept.role))
    return out


@dataclass
class EditNode(Operation):
    """Set some fields of one node: title, text, period, numbered, skip, departments."""
    node_id: str
    values: dict[str, Any]
    label: str = "編輯項目"

    def apply(self, plan):
        node = plan.find(self.node_id)[0]
        old = {}
        for key, value in self.values.items():
            if key not in _NODE_FIELDS:
                raise PlanDeskError(f"項目沒有「{key}」這個欄位。")
            old[key] = copy.deepcopy(getattr(node, key))
            if key == "departments":
                value = _clean_departments(value)
            elif key == "skip" and int(value) < 0:
                raise PlanDeskError("編號層級不能小於 0。")
            else:
                value = _NODE_FIELDS[key](value)
            setattr(node, key, value)
        change = Change(self.label, nodes={node.id})
        if {"numbered", "skip"} & set(self.values):
            change.nodes |= {n.id for n in node.walk()}
        return change, EditNode(self.node_id, old, self.label)


@dataclass
class InsertNodes(Operation):
    """Insert subtrees (already built nodes) under ``parent_id`` at ``index``."""
    parent_id: str | None
    index: int
    nodes: list[Node]
    label: str = "新增項目"

    def apply(self, plan):
        siblings = siblings_of(plan, self.parent_id)
        if not 0 <= self.index <= len(siblings):
            raise PlanDeskError("插入的位置不存在，請重新選取項目後再試。")
        existing = {n.id for n in plan.walk()}
        inserted = copy.deepcopy(self.nodes)
        ids = set()
        for top in inserted:
            for n in top.walk():
                if n.id in existing or n.id in ids:
                    n.id = new_id()  # pasting the same subtree twice
                ids.add(n.id)
                n.title, n.text, n.period = clean_line(n.title), clean_text(n.text), clean_line(n.period)
                n.departments = _clean_departments(n.departments)
        siblings[self.index:self.index] = inserted
        change = Change(self.label, nodes=ids, reordered={self.parent_id or ROOT})
        return change, DeleteNodes([n.id for n in inserted], self.label)


@dataclass
class DeleteNodes(Operation):
    """Delete nodes with their subtrees."""
    node_ids: list[str]
    label: str = "刪除項目"

    def apply(self, plan):
        change = Change(self.label)
        restore: list[tuple[str | None, int, Node]] = []
        for node_id in self.node_ids:
            try:
                node, parent, siblings = plan.find(node_id)
            except KeyError:
                continue  # already removed with an ancestor in this batch
            index = siblings.index(node)
            restore.append((parent.id if parent else None, index, node))
            del siblings[index]
            change.removed |= {n.id for n in node.walk()}
            change.reordered.add(_parent_key(parent))
        inverse = Compound([InsertNodes(p, i, [n]) for p, i, n in reversed(restore)], self.label)
        return change, inverse


@dataclass
class MoveNode(Operation):
    """Move one subtree under ``parent_id`` (None: top level) at ``index``
    (counted in the new parent's children before the move)."""
    node_id: str
    parent_id: str | None
    index: int
    label: str = "移動項目"

    def apply(self, plan):
        node, old_parent, old_siblings = plan.find(self.node_id)
        if self.parent_id:
            if any(n.id == self.parent_id for n in node.walk()):
                raise PlanDeskError("不能把項目移到它自己底下，請選擇其他位置。")
        new_siblings = siblings_of(plan, self.parent_id)
        old_index = old_siblings.index(node)
        index = self.index
        if not 0 <= index <= len(new_siblings):
            raise PlanDeskError("移動的目的位置不存在，請重新選取後再試。")
        if new_siblings is old_siblings and index > old_index:
            index -= 1
        del old_siblings[old_index]
        new_siblings.insert(index, node)
        back_index = old_index + (1 if new_siblings is old_siblings and old_index > index else 0)
        change = Change(self.label, nodes={n.id for n in node.walk()},
                        reordered={_parent_key(old_parent), self.parent_id or ROOT})
        inverse = MoveNode(node.id, old_parent.id if old_parent else None, back_index, self.label)
        return change, inverse


@dataclass
class EditPlan(Operation):
    """Set plan properties: organization, office, year, title, date_line, columns, profile."""
    values: dict[str, Any]
    label: str = "修改計畫資料"

    def apply(self, plan):
        old = {}
        for key, value in self.values.items():
            if key in ("organization", "office", "title", "date_line", "profile"):
                value = clean_line(value)
            elif key == "year":
                value = int(value)
                if not 1 <= value <= 999:
                    raise PlanDeskError("年度應為民國年（例如 114）。")
            elif key == "columns":
                value = [clean_line(c) for c in value]
                if len(value) != 5:
                    raise PlanDeskError("表格欄位名稱應恰有 5 個。")
            elif key == "status":
                if value not in STATUSES:
                    raise PlanDeskError("狀態應為草稿、陳核或核定。")
            else:
                raise PlanDeskError(f"計畫沒有「{key}」這個欄位。")
            old[key] = copy.deepcopy(getattr(plan, key))
            setattr(plan, key, value)
        return Change(self.label, plan=True), EditPlan(old, self.label)


@dataclass
class SetSections(Operation):
    """Replace the whole section list (sections are few and small)."""
    sections: list[Section]
    label: str = "修改章節"

    def apply(self, plan):
        new = copy.deepcopy(self.sections)
        if sum(1 for s in new if s.kind == "table") != 1:
            raise PlanDeskError("計畫應恰有一個「執行策略及具體作法」表格章節，不能刪除或重複。")
        for s in new:
            s.heading = clean_line(s.heading)
            s.notes = [clean_text(n) for n in s.notes]
            for p in s.paragraphs:
                p.text = clean_text(p.text)
        old = plan.sections
        plan.sections = new
        return Change(self.label, sections=True), SetSections(old, self.label)


@dataclass
class Compound(Operation):
    """Several operations as one undo step."""
    ops: list[Operation]
    label: str = ""

    def apply(self, plan):
        change = Change(self.label)
        inverses = []
        done = []
        try:
            for op in self.ops:
                sub, inv = op.apply(plan)
                change.merge(sub)
                inverses.append(inv)
                done.append(inv)
        except Exception:
            for inv in reversed(done):  # leave the plan as it was
                inv.apply(plan)
            raise
        return change, Compound(list(reversed(inverses)), self.label)


# --- helpers that build operations for editor commands --------------------------

def indent(plan: Plan, node_id: str) -> MoveNode:
    """Make the node the last child of its previous sibling."""
    node, parent, siblings = plan.find(node_id)
    index = siblings.index(node)
    if index == 0:
        raise PlanDeskError("第一個項目前面沒有可以併入的項目，無法縮排。")
    target = siblings[index - 1]
    return MoveNode(node_id, target.id, len(target.children), "縮排")


def outdent(plan: Plan, node_id: str) -> MoveNode:
    """Make the node the sibling right after its parent."""
    node, parent, _ = plan.find(node_id)
    if parent is None:
        raise PlanDeskError("最上層的項目無法再凸排。")
    _, grand, parent_siblings = plan.find(parent.id)
    return MoveNode(node_id, grand.id if grand else None, parent_siblings.index(parent) + 1, "凸排")


def move_by(plan: Plan, node_id: str, delta: int) -> MoveNode:
    """Move among siblings: delta -1 up, +1 down."""
    node, parent, siblings = plan.find(node_id)
    index = siblings.index(node)
    target = index + delta
    if not 0 <= target < len(siblings):
        raise PlanDeskError("已經在最前面或最後面，無法再移動。")
    return MoveNode(node_id, parent.id if parent else None,
                    target + (1 if delta > 0 else 0), "上移" if delta < 0 else "下移")


def clone_nodes(nodes: list[Node]) -> list[Node]:
    """Deep copies with fresh ids (for copy/paste and plan cloning)."""
    out = copy.deepcopy(nodes)
    for top in out:
        for n in top.walk():
            n.id = new_id()
    return out
