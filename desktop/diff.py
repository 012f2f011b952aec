"""Year-over-year comparison (新舊對照表): what was added, removed, changed, moved.

Items are matched by content, never by position: first identical texts (years
written in them ignored, so a rolled 「108年度」 still matches 「109年度」), then
similar texts (difflib), then untitled items at the same place under matched
parents. A renumbered item is therefore "moved", not "removed + added"; an item
both moved and edited is one "changed" entry whose detail names the move.
Children that only move along with their parent are not reported again.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

from .model import Node, Plan, Section
from .plantext import Locator
from .yeartext import YEAR_RE

ADDED, REMOVED, CHANGED, MOVED = "added", "removed", "changed", "moved"
LABELS = {ADDED: "新增", REMOVED: "刪除", CHANGED: "修正", MOVED: "移動"}
SIMILAR = 0.6  # difflib ratio above which two texts are the same item reworded
_FUZZY_LIMIT = 400  # unmatched items per side compared pairwise; beyond that same depth only


@dataclass
class DiffEntry:
    change: str
    old_location: str | None
    new_location: str | None
    detail: str
    old_text: str = ""
    new_text: str = ""
    old_target: str | None = None   # node id or "section:<id>"
    new_target: str | None = None

    @property
    def label(self) -> str:
        return LABELS[self.change]

    def as_dict(self) -> dict:
        return {"change": self.change, "old": self.old_location, "new": self.new_location,
                "detail": self.detail}


def content_key(text: str) -> str:
    """Width, spaces, punctuation and the years written do not make content different."""
    text = YEAR_RE.sub("#", unicodedata.normalize("NFKC", text))
    return re.sub(r"[\s。，,、；;：:.「」『』()（）]+", "", text)


def _node_text(node: Node) -> str:
    return "\n".join(part for part in (node.title, node.text) if part)


def _departments(node: Node) -> str:
    return "、".join(d.name if d.role == "承辦" else f"{d.name}（{d.role}）" for d in node.departments)


@dataclass
class _Item:
    node: Node
    parent: Node | None
    depth: int
    order: int
    key: str


def _flatten(plan: Plan) -> list[_Item]:
    out: list[_Item] = []

    def visit(nodes, parent, depth):
        for node in nodes:
            out.append(_Item(node, parent, depth, len(out), content_key(_node_text(node))))
            visit(node.children, node, depth + 1)

    visit(plan.tree, None, 0)
    return out


def match_nodes(old: Plan, new: Plan) -> dict[str, str]:
    """Map old node id → new node id for items that are the same item."""
    return _match(old, new, _flatten(old), _flatten(new))


def _match(old: Plan, new: Plan, old_items: list[_Item], new_items: list[_Item]) -> dict[str, str]:
    pairs: dict[str, str] = {}
    taken: set[str] = set()
    # 1. identical content; a text found several times goes to the copy with the
    #    same parent text and depth, then the nearest in document order
    by_key: dict[str, tuple[list[_Item], list[_Item]]] = {}
    for side, items in ((0, old_items), (1, new_items)):
        for item in items:
            if item.key:
                by_key.setdefault(item.key, ([], []))[side].append(item)
    parent_key = {i.node.id: i.key for i in (*old_items, *new_items)}
    scored = []
    for olds, news in by_key.values():
        for o in olds:
            for n in news:
                same_parent = parent_key.get(o.parent.id if o.parent else "") == \
                    parent_key.get(n.parent.id if n.parent else "")
                scored.append((-(2 * same_parent + (o.depth == n.depth)), abs(o.order - n.order),
                               o.order, o.node.id, n.node.id))
    for *_, old_id, new_id in sorted(scored):
        if old_id not in pairs and new_id not in taken:
            pairs[old_id] = new_id
            taken.add(new_id)
    # 2. similar content (reworded items)
    rest_old = [i for i in old_items if i.node.id not in pairs and i.key]
    rest_new = [i for i in new_items if i.node.id not in taken and i.key]
    wide = len(rest_old) <= _FUZZY_LIMIT and len(rest_new) <= _FUZZY_LIMIT
    scored = []
    for n in rest_new:
        # difflib caches facts about its second sequence: keep it fixed, vary the first
        matcher = difflib.SequenceMatcher(None, "", n.key, autojunk=False)
        for o in rest_old:
            if not wide and n.depth != o.depth:
                continue
            matcher.set_seq1(o.key)
            if matcher.real_quick_ratio() < SIMILAR or matcher.quick_ratio() < SIMILAR:
                continue
            ratio = matcher.ratio() - (0.05 if n.depth != o.depth else 0)
            if ratio >= SIMILAR:
                scored.append((ratio, -o.order, -n.order, o.node.id, n.node.id))
    for _, _, _, old_id, new_id in sorted(scored, reverse=True):
        if old_id not in pairs and new_id not in taken:
            pairs[old_id] = new_id
            taken.add(new_id)
    # 3. untitled items: the same place under matched parents
    new_parent_children = {None: new.tree, **{i.node.id: i.node.children for i in new_items}}
    for item in old_items:
        if item.node.id in pairs or item.key:
            continue
        parent_new = pairs.get(item.parent.id) if item.parent else None
        if item.parent is not None and parent_new is None:
            continue
        siblings = item.parent.children if item.parent else old.tree
        index = siblings.index(item.node)
        candidates = new_parent_children.get(parent_new, [])
        if index < len(candidates):
            cand = candidates[index]
            if cand.id not in taken and not content_key(_node_text(cand)):
                pairs[item.node.id] = cand.id
                taken.add(cand.id)
    return pairs


def _node_entries(old: Plan, new: Plan, old_loc: Locator, new_loc: Locator) -> list[tuple[float, DiffEntry]]:
    old_items, new_items = _flatten(old), _flatten(new)
    pairs = _match(old, new, old_items, new_items)
    new_order = {i.node.id: i.order for i in new_items}
    new_nodes = {i.node.id: i.node for i in new_items}
    new_parent = {i.node.id: (i.parent.id if i.parent else None) for i in new_items}
    out: list[tuple[float, DiffEntry]] = []
    anchor = -1.0
    for item in old_items:
        node = item.node
        if node.id not in pairs:
            out.append((anchor + 0.5 + item.order * 1e-6, DiffEntry(
                REMOVED, old_loc.node(node.id), None, "上年度有、本年度刪除的項目。",
                old_text=_node_text(node), old_target=node.id)))
            continue
        new_node = new_nodes[pairs[node.id]]
        anchor = float(new_order[new_node.id])
        parent_old = pairs.get(item.parent.id) if item.parent else None
        moved = (parent_old != new_parent[new_node.id]
                 or old_loc.tokens[node.id] != new_loc.tokens[new_node.id]
                 or old_loc.depths[node.id] != new_loc.depths[new_node.id])
        edits = _edits(node, new_node)
        old_at, new_at = old_loc.node(node.id), new_loc.node(new_node.id)
        move_text = (f"編號由 {old_at} 改為 {new_at}" if parent_old == new_parent[new_node.id]
                     else f"由 {old_at} 移至 {new_at}")
        if edits:
            detail = "；".join(edits) + (f"（並{move_text}）" if moved else "") + "。"
            change = CHANGED
        elif moved:
            detail, change = move_text + "。", MOVED
        else:
            continue
        out.append((anchor, DiffEntry(change, old_at, new_at, detail, _node_text(node), _node_text(new_node),
                                      node.id, new_node.id)))
    matched_new = set(pairs.values())
    for item in new_items:
        if item.node.id not in matched_new:
            out.append((float(item.order), DiffEntry(
                ADDED, None, new_loc.node(item.node.id), "本年度新增的項目。",
                new_text=_node_text(item.node), new_target=item.node.id)))
    return out


def _edits(old: Node, new: Node) -> list[str]:
    out = []
    if (old.title, old.text) != (new.title, new.text):
        same = content_key(_node_text(old)) == content_key(_node_text(new))
        out.append("年份或標點修正" if same else "文字修正")
    if _departments(old) != _departments(new):
        out.append(f"承辦部門由「{_departments(old) or '無'}」改為「{_departments(new) or '無'}」")
    if old.period != new.period:
        out.append(f"期間由「{old.period or '無'}」改為「{new.period or '無'}」")
    return out


def _section_text(section: Section) -> str:
    return "\n".join([p.text for p in section.paragraphs] + section.notes)


def _section_entries(old: Plan, new: Plan, old_loc: Locator, new_loc: Locator) -> list[DiffEntry]:
    """Text sections matched by heading; in the new plan's order, removed ones last."""
    old_by_key = {content_key(s.heading): s for s in old.sections}
    out, seen = [], set()
    for section in new.sections:
        key = content_key(section.heading)
        before = old_by_key.get(key)
        where = new_loc.section(section.id)
        if before is None:
            out.append(DiffEntry(ADDED, None, where, "本年度新增的章節。", "", _section_text(section),
                                 None, f"section:{section.id}"))
            continue
        seen.add(key)
        if _section_text(before) != _section_text(section) or before.heading != section.heading:
            same = content_key(_section_text(before)) == content_key(_section_text(section))
            out.append(DiffEntry(CHANGED, old_loc.section(before.id), where,
                                 "年份或標點修正。" if same else "文字修正。",
                                 _section_text(before), _section_text(section),
                                 f"section:{before.id}", f"section:{section.id}"))
    for section in old.sections:
        if content_key(section.heading) not in seen:
            out.append(DiffEntry(REMOVED, old_loc.section(section.id), None, "上年度有、本年度刪除的章節。",
                                 _section_text(section), "", f"section:{section.id}", None))
    return out


def diff_plans(old: Plan, new: Plan) -> list[DiffEntry]:
    """Entries in the new plan's order: text sections, then the table's items."""
    old_loc, new_loc = Locator(old), Locator(new)
    sections = _section_entries(old, new, old_loc, new_loc)
    table = new.table_section()
    nodes = [e for _, e in sorted(_node_entries(old, new, old_loc, new_loc), key=lambda pair: pair[0])]
    # items go where the table is: after the sections that precede it
    if table is None:
        return sections + nodes
    order = [f"section:{s.id}" for s in new.sections]
    table_at = order.index(f"section:{table.id}")
    head = [e for e in sections if e.new_target and order.index(e.new_target) < table_at]
    tail = [e for e in sections if e not in head]
    return head + nodes + tail
