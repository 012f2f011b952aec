"""Review a returned document against the plan it came from: ``review_document``.

Tracked changes and comments are located through the two readings (see
:mod:`.views`, :mod:`.locate`); edits made without tracking are found by
comparing the rejected reading — the document as the 處長 received it plus any
untracked edits — with the plan, through the 對照表 matching (:mod:`.compare`).
"""
from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path

from ..model import Node, Plan
from ..plantext import FieldRef, Locator
from . import markers
from .compare import match_items, moved_items, node_text, section_pairs, section_text
from .entries import FieldPatch, Placement, ReviewEntry
from .locate import NODE_FIELDS, Marked, merge, node_value, pair_nodes, parent_ids, stripped
from .revision import COMMENT, INSERT
from .sections import SectionPatch, pair_paragraphs, text_at
from .views import read_readings

RECOGNISABLE = 0.5  # below this share of matching items the document is another plan


@dataclass
class Review:
    plan: Plan
    entries: list[ReviewEntry]
    matched: float                 # share of the plan's items found in the document

    @property
    def recognisable(self) -> bool:
        return self.matched >= RECOGNISABLE




def _content(node: Node) -> list[tuple]:
    """An item's subtree as field values, to recognise it elsewhere."""
    return [tuple(node_value(n, f) for f in NODE_FIELDS) for n in node.walk()]


def _top(nodes: list[Node], chosen: set[str], parent_of: dict[str, str | None]) -> list[Node]:
    """Chosen nodes whose parent is not chosen (a subtree is one entry)."""
    return [n for n in nodes if n.id in chosen and parent_of.get(n.id) not in chosen]


class _Builder:
    def __init__(self, plan: Plan, readings):
        self.plan = plan
        self.revs = {r.k: r for r in readings.revisions}
        points = {r.k for r in readings.revisions if r.kind == COMMENT}
        self.base_m = Marked(readings.rejected, points)
        self.new_m = Marked(readings.accepted, points)
        self.base, self.new = stripped(readings.rejected), stripped(readings.accepted)
        self.base_nodes = {n.id: n for n in self.base.walk()}  # the plain copies, by id
        self.new_nodes = {n.id: n for n in self.new.walk()}
        self.pairs_bn = pair_nodes(self.base_m, self.new_m)
        self.back_nb = {n: b for b, n in self.pairs_bn.items()}
        self.pairs_ob = match_items(plan, self.base)
        self.back_bo = {b: o for o, b in self.pairs_ob.items()}
        self.loc_o, self.loc_b, self.loc_n = Locator(plan), Locator(self.base), Locator(self.new)
        self.parent_b, self.parent_n = parent_ids(self.base), parent_ids(self.new)
        self.order_n = {n.id: i for i, n in enumerate(self.new_m.nodes)}
        self.order_b: dict[str, float] = {}
        last = -1.0
        for i, node in enumerate(self.base_m.nodes):
            pair = self.pairs_bn.get(node.id)
            last = float(self.order_n[pair]) if pair else last + 1e-3
            self.order_b[node.id] = last
        self.entries: list[ReviewEntry] = []
        # items sort where the table is among the sections
        self.table_at = next((i for i, s in enumerate(self.new.sections) if s.kind == "table"),
                             len(self.new.sections))

    # --- ids and places ---------------------------------------------------------------
    def plan_id_b(self, base_id: str) -> str:
        return self.back_bo.get(base_id, base_id)

    def plan_id_n(self, new_id: str) -> str:
        return self.plan_id_b(self.back_nb[new_id]) if new_id in self.back_nb else new_id

    def where_b(self, base_id: str) -> str:
        return self.loc_o.node(self.back_bo[base_id]) if base_id in self.back_bo else self.loc_b.node(base_id)

    def place(self, reading: Plan, parent_of: dict, node_id: str, to_plan) -> Placement:
        parent = parent_of[node_id]
        siblings = reading.find(parent)[0].children if parent else reading.tree
        index = next(i for i, s in enumerate(siblings) if s.id == node_id)
        return Placement(to_plan(parent) if parent else None, [to_plan(s.id) for s in reversed(siblings[:index])])

    def stamp(self, entry: ReviewEntry, marks) -> ReviewEntry:
        first = next((self.revs[m] for m in marks if m in self.revs), None)
        if first is not None:
            entry.author, entry.date = first.author, first.date
        entry.marks = set(marks)
        return entry

    # --- tracked changes and comments in fields -----------------------------------------
    def field_entries(self, pieces, owner: str, field_name: str, where: str, target, order,
                      all_value=None, none_value=None) -> FieldPatch | None:
        marks = [m for _t, m, _i in pieces if m is not None]
        if not marks:
            return None
        kinds = {m: self.revs[m].kind for m in marks if self.revs[m].kind != COMMENT}
        patch = FieldPatch(owner, field_name, pieces, kinds, copy.deepcopy(all_value), copy.deepcopy(none_value))
        for position, mark in enumerate(dict.fromkeys(marks)):
            rev = self.revs[mark]
            text = "".join(t for t, m, _i in pieces if m == mark)
            if rev.kind == COMMENT:
                entry = ReviewEntry("comment", where, field_name, rev.anchor, rev.text, target=target)
            elif rev.kind == INSERT:
                entry = ReviewEntry("insert", where, field_name, "", text, target=target, patch=patch)
            else:
                entry = ReviewEntry("delete", where, field_name, text, "", target=target, patch=patch)
            entry.order = (*order, position)
            self.entries.append(self.stamp(entry, [mark]))
        return patch

    def node_fields(self) -> None:
        for base_id, new_id in self.pairs_bn.items():
            new_node = self.new_nodes[new_id]
            base_node = self.base_nodes[base_id]
            for index, name in enumerate(NODE_FIELDS):
                pieces = merge(self.base_m.segs[(base_id, name)], self.new_m.segs[(new_id, name)])
                lists = (new_node.departments, base_node.departments) if name == "departments" else (None, None)
                self.field_entries(pieces, self.plan_id_b(base_id), name, self.where_b(base_id),
                                   self.plan_id_b(base_id), (self.table_at, self.order_n[new_id], index),
                                   *lists)

    # --- whole items: inserted, deleted, moved ------------------------------------------
    def items(self) -> None:
        gone = _top(self.base_m.nodes, {n for n, w in self.base_m.whole.items() if w}
                    | (set(self.parent_b) - set(self.pairs_bn)), self.parent_b)
        came = _top(self.new_m.nodes, {n for n, w in self.new_m.whole.items() if w}
                    | (set(self.parent_n) - set(self.back_nb)), self.parent_n)
        arrivals = {id(n): _content(self.new_nodes[n.id]) for n in came}
        for node in gone:
            plain = self.base_nodes[node.id]
            # deleted here and inserted there with the same content: a move (LibreOffice and
            # ODT keep no move marks; Word's move-from/move-to pair the same way)
            twin = next((n for n in came if arrivals[id(n)] == _content(plain)), None)
            target = self.plan_id_b(node.id)
            if twin is not None:
                came.remove(twin)
                entry = ReviewEntry("move", self.where_b(node.id), "item", self.where_b(node.id),
                                    self.loc_n.node(twin.id), target=target,
                                    place=self.place(self.new, self.parent_n, twin.id, self.plan_id_n))
                entry.order = (self.table_at, self.order_n[twin.id], -1)
                marks = self.new_m.marks(twin) + self.base_m.marks(node)
                self.entries.append(self.stamp(entry, [m for m in marks if self.revs[m].kind != COMMENT]))
                self.comments_in(twin)
                continue
            entry = ReviewEntry("delete", self.where_b(node.id), "item", node_text(plain), "", target=target)
            entry.order = (self.table_at, self.order_b[node.id], -1)
            self.entries.append(self.stamp(entry, self.base_m.marks(node)))
        for node in came:
            plain = self.new_nodes[node.id]
            entry = ReviewEntry("insert", self.loc_n.node(node.id), "item", "", node_text(plain), target=node.id,
                                node=copy.deepcopy(plain),
                                place=self.place(self.new, self.parent_n, node.id, self.plan_id_n))
            entry.order = (self.table_at, self.order_n[node.id], -1)
            self.entries.append(self.stamp(entry, [m for m in self.new_m.marks(node)
                                                   if self.revs[m].kind != COMMENT]))
            self.comments_in(node)

    def comments_in(self, node: Node) -> None:
        """Comments on an item that exists in the accepted reading only."""
        for n in node.walk():
            for index, name in enumerate(NODE_FIELDS):
                pieces = [(s.text, s.mark, True) for s in self.new_m.segs[(n.id, name)]
                          if s.mark is not None and self.revs[s.mark].kind == COMMENT]
                self.field_entries(pieces, n.id, name, self.loc_n.node(n.id), n.id,
                                   (self.table_at, self.order_n[n.id], index))

    # --- untracked edits: the plan against the rejected reading -------------------------
    def untracked(self) -> None:
        plan_nodes = list(self.plan.walk())
        plan_parent = parent_ids(self.plan)
        for node in plan_nodes:
            base_id = self.pairs_ob.get(node.id)
            if base_id is None:
                continue
            base_node = self.base_nodes[base_id]
            order = (self.table_at, self.order_b[base_id], 10)
            for index, name in enumerate(NODE_FIELDS):
                before, after = node_value(node, name), node_value(base_node, name)
                if before != after:
                    value = copy.deepcopy(base_node.departments) if name == "departments" else after
                    entry = ReviewEntry("change", self.loc_o.node(node.id), name, before, after,
                                        target=node.id, values={name: value})
                    entry.order = (*order, index)
                    self.entries.append(entry)
        for node in _top(plan_nodes, {n.id for n in plan_nodes} - set(self.pairs_ob), plan_parent):
            entry = ReviewEntry("remove", self.loc_o.node(node.id), "item", node_text(node), "", target=node.id)
            following = self._next_order(node, plan_parent)
            entry.order = (self.table_at, following - 5e-4, 0)
            self.entries.append(entry)
        extra = {n.id for n in self.base_m.nodes} - set(self.back_bo) - {
            n for n, w in self.base_m.whole.items() if w}
        for node in _top(self.base_m.nodes, extra, self.parent_b):
            plain = self.base_nodes[node.id]
            entry = ReviewEntry("add", self.loc_b.node(node.id), "item", "", node_text(plain), target=node.id,
                                node=copy.deepcopy(plain),
                                place=self.place(self.base, self.parent_b, node.id, self.plan_id_b))
            entry.order = (self.table_at, self.order_b[node.id], 0)
            self.entries.append(entry)
        for plan_id in moved_items(self.plan, self.base):
            base_id = self.pairs_ob[plan_id]
            entry = ReviewEntry("move", self.loc_o.node(plan_id), "item", self.loc_o.node(plan_id),
                                self.loc_b.node(base_id), target=plan_id,
                                place=self.place(self.base, self.parent_b, base_id, self.plan_id_b))
            entry.order = (self.table_at, self.order_b[base_id], 0)
            self.entries.append(entry)

    def _next_order(self, node: Node, parent_of: dict) -> float:
        """Where a removed plan item would sit in the document: before its next kept item."""
        seen = False
        for other in self.plan.walk():
            if other.id == node.id:
                seen = True
            elif seen and other.id in self.pairs_ob and parent_of.get(other.id) != node.id:
                return self.order_b[self.pairs_ob[other.id]]
        return float(len(self.order_n))

    # --- sections and the plan's own fields ---------------------------------------------
    def plan_fields(self) -> None:
        for index, name in enumerate(("title", "date_line")):
            pieces = merge(markers.segments(getattr(self.base_m.plan, name), self.base_m.points),
                           markers.segments(getattr(self.new_m.plan, name), self.new_m.points))
            where = "計畫名稱" if name == "title" else "日期列"
            self.field_entries(pieces, "plan", name, where, None, (-1, 0, index))
            if getattr(self.plan, name) != getattr(self.base, name):
                entry = ReviewEntry("change", where, name, getattr(self.plan, name), getattr(self.base, name),
                                    values={name: getattr(self.base, name)})
                entry.order = (-1, 1, index)
                self.entries.append(entry)

    def section_fields(self) -> None:
        pairs = section_pairs(self.plan, self.base)
        back = {b: o for o, b in pairs.items()}
        base_sections, new_sections = self.base_m.plan.sections, self.new_m.plan.sections
        if len(base_sections) != len(new_sections):
            return  # a tracked section heading split the document differently: left to the untracked comparison
        for index, (bs, ns) in enumerate(zip(base_sections, new_sections)):
            owner = back.get(bs.id)
            if owner is None or bs.kind == "table":
                continue
            where = self.loc_o.section(owner)
            target = f"section:{owner}"
            heading = self._slot(bs.heading, ns.heading, target, "heading", where, (index, 0, 0))
            olds, news = [p.text for p in bs.paragraphs], [p.text for p in ns.paragraphs]
            plan_section = next(s for s in self.plan.sections if s.id == owner)
            same = (len(plan_section.paragraphs), len(plan_section.notes)) == (len(olds), len(bs.notes))

            def where_in(attr: str, b: int | None, n: int | None) -> str:
                """「陸、實施步驟 二、」: the plan's paragraph, or where the new one sits."""
                if b is not None and same:
                    return self.loc_o.ref(FieldRef("section", owner, attr, b))
                if n is not None:
                    return self.loc_n.ref(FieldRef("section", ns.id, attr, n))
                return self.loc_b.ref(FieldRef("section", bs.id, attr, b))

            paragraphs = [(self._slot(text_at(olds, b), text_at(news, n), target, "paragraph",
                                      where_in("paragraph", b, n), (index, 1, i)),
                           (ns.paragraphs[n] if n is not None else bs.paragraphs[b]).numbered)
                          for i, (b, n) in enumerate(pair_paragraphs(olds, news, self.new_m.points))]
            notes = [self._slot(text_at(bs.notes, b), text_at(ns.notes, n), target, "note", where_in("note", b, n),
                                (index, 2, i))
                     for i, (b, n) in enumerate(pair_paragraphs(bs.notes, ns.notes, self.new_m.points))]
            patch = SectionPatch(owner, heading, paragraphs, notes)
            if patch.marks():
                for entry in self.entries:
                    if entry.target == target and entry.patch is not None:
                        entry.section_patch = patch
        for plan_section in self.plan.sections:
            base_section = next((s for s in self.base.sections if s.id == pairs.get(plan_section.id)), None)
            where = self.loc_o.section(plan_section.id)
            position = next(i for i, s in enumerate(self.plan.sections) if s is plan_section)
            if base_section is None:
                entry = ReviewEntry("remove", where, "section", section_text(plan_section), "",
                                    target=f"section:{plan_section.id}")
            elif plan_section.kind != "table" and section_text(plan_section) != section_text(base_section):
                entry = ReviewEntry("change", where, "section", section_text(plan_section),
                                    section_text(base_section), target=f"section:{plan_section.id}",
                                    section=copy.deepcopy(base_section))
            else:
                continue
            entry.order = (position, 9, 0)
            self.entries.append(entry)
        for position, base_section in enumerate(self.base.sections):
            if base_section.id not in back:
                entry = ReviewEntry("add", self.loc_b.section(base_section.id), "section", "",
                                    section_text(base_section), section=copy.deepcopy(base_section))
                entry.order = (position, 9, 0)
                self.entries.append(entry)

    def _slot(self, base_text, new_text, target, name, where, order) -> FieldPatch:
        b = markers.segments(base_text or "", self.base_m.points)
        n = markers.segments(new_text or "", self.new_m.points)
        pieces = merge(b, n)
        return self.field_entries(pieces, target, name, where, target, order) or \
            FieldPatch(target, name, pieces, {})


def review_document(plan: Plan, path: str | Path) -> Review:
    """Everything the returned document at ``path`` would change in ``plan``, in document order."""
    readings = read_readings(Path(path))
    builder = _Builder(plan, readings)
    builder.node_fields()
    builder.items()
    builder.untracked()
    builder.plan_fields()
    builder.section_fields()
    entries = sorted(builder.entries, key=lambda e: e.order)
    total = max(len(list(plan.walk())), len(builder.base_m.nodes), 1)
    return Review(plan, entries, len(builder.pairs_ob) / total)
