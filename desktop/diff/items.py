"""Rows for the table's items: added and removed subtrees, edits, real moves.

An item is *moved* when its parent is another item than last year's, or when
its order among the siblings that stayed under the same parent changed. The
latter is decided by a longest increasing subsequence of the siblings' old
positions: the largest set that kept its order counts as "not moved", so moving
one item up three places is one row, not four. Numbers that change only because
of such rows are counted, not listed.
"""
from __future__ import annotations

from ..model import Department, Node, Plan
from ..plantext import Locator
from .entry import ADDED, CHANGED, ITEM, MOVED, REMOVED, DiffEntry
from .match import content_key, flatten, match_items, node_text

TEXT, DEPARTMENTS, PERIOD, PARENT, ORDER = "text", "departments", "period", "parent", "order"


def longest_increasing(values: list[int]) -> set[int]:
    """Indexes (into ``values``) of one longest strictly increasing subsequence."""
    tails: list[int] = []          # index of the smallest tail of each length
    before: list[int] = [-1] * len(values)
    for i, value in enumerate(values):
        lo, hi = 0, len(tails)
        while lo < hi:
            mid = (lo + hi) // 2
            if values[tails[mid]] < value:
                lo = mid + 1
            else:
                hi = mid
        before[i] = tails[lo - 1] if lo else -1
        if lo == len(tails):
            tails.append(i)
        else:
            tails[lo] = i
    out: set[int] = set()
    i = tails[-1] if tails else -1
    while i >= 0:
        out.add(i)
        i = before[i]
    return out


def departments_text(departments: list[Department]) -> str:
    """One line for a department list, as the 對照表 writes it: 「電費組、資訊組（協辦）」."""
    return "、".join(d.name if d.role == "承辦" else f"{d.name}（{d.role}）" for d in departments)


def _sibling_lists(plan: Plan) -> list[tuple[str | None, list[Node]]]:
    return [(None, plan.tree)] + [(n.id, n.children) for n in plan.walk() if n.children]


def _reordered(old: Plan, new: Plan, pairs: dict[str, str], old_parent: dict[str, str | None]) -> set[str]:
    """New ids of items that stayed under the same parent but left their order."""
    back = {new_id: old_id for old_id, new_id in pairs.items()}
    old_index = {n.id: i for _, siblings in _sibling_lists(old) for i, n in enumerate(siblings)}
    out: set[str] = set()
    for parent_id, siblings in _sibling_lists(new):
        stayed = [n.id for n in siblings if n.id in back
                  and _mapped(old_parent[back[n.id]], pairs) == parent_id]
        kept = longest_increasing([old_index[back[i]] for i in stayed])
        out.update(i for k, i in enumerate(stayed) if k not in kept)
    return out


def _mapped(old_parent_id: str | None, pairs: dict[str, str]) -> str | None:
    """The old parent's counterpart in the new plan ("" when it has none: surely another parent)."""
    if old_parent_id is None:
        return None
    return pairs.get(old_parent_id, "")


def subtree_text(node: Node, loc: Locator, include) -> tuple[str, int]:
    """The node's text and, one line each, the descendants ``include`` accepts
    (with their own numbers); and how many items that is."""
    lines = [node_text(node)]
    count = 1

    def visit(children):
        nonlocal count
        for child in children:
            if include(child):
                count += 1
                lines.append(loc.tokens.get(child.id, "") + node_text(child).replace("\n", " "))
                visit(child.children)

    visit(node.children)
    return "\n".join(line for line in lines if line), count


def _edits(old: Node, new: Node) -> tuple[list[str], list[str], list[tuple[str, str, str]]]:
    """(changed fields, their words for the 說明 column, (label, old, new) of departments/period)."""
    fields, words, extras = [], [], []
    if (old.title, old.text) != (new.title, new.text):
        fields.append(TEXT)
        same = content_key(node_text(old)) == content_key(node_text(new))
        words.append("年份或標點修正" if same else "文字修正")
    before, after = departments_text(old.departments), departments_text(new.departments)
    if before != after:
        fields.append(DEPARTMENTS)
        words.append(f"承辦部門由「{before or '無'}」改為「{after or '無'}」")
        extras.append(("承辦部門", before, after))
    if old.period != new.period:
        fields.append(PERIOD)
        words.append(f"期間由「{old.period or '無'}」改為「{new.period or '無'}」")
        extras.append(("執行期間", old.period, new.period))
    return fields, words, extras


def _subtree_entry(change: str, node: Node, loc: Locator, unmatched: set[str]) -> DiffEntry:
    text, count = subtree_text(node, loc, lambda n: n.id in unmatched)
    where = loc.node(node.id)
    what = "本年度新增的項目" if change == ADDED else "上年度有、本年度刪除的項目"
    detail = what + (f"（連同其下 {count - 1} 項，共 {count} 項）。" if count > 1 else "。")
    if change == ADDED:
        return DiffEntry(ADDED, ITEM, None, where, detail, new_text=text, new_target=node.id,
                         new_node=node, count=count)
    return DiffEntry(REMOVED, ITEM, where, None, detail, old_text=text, old_target=node.id,
                     old_node=node, count=count)


def item_rows(old: Plan, new: Plan, old_loc: Locator, new_loc: Locator) -> tuple[list[tuple[float, DiffEntry]], int]:
    """(position in the new plan's item order, row) for every item row, and how
    many items were only renumbered."""
    old_items, new_items = flatten(old), flatten(new)
    pairs = match_items(old, new, old_items, new_items)
    old_parent = {i.node.id: (i.parent.id if i.parent else None) for i in old_items}
    new_parent = {i.node.id: (i.parent.id if i.parent else None) for i in new_items}
    new_order = {i.node.id: i.order for i in new_items}
    new_nodes = {i.node.id: i.node for i in new_items}
    reordered = _reordered(old, new, pairs, old_parent)
    gone = {i.node.id for i in old_items if i.node.id not in pairs}
    matched_new = set(pairs.values())
    fresh = {i.node.id for i in new_items if i.node.id not in matched_new}
    out: list[tuple[float, DiffEntry]] = []
    renumbered = 0
    anchor = -1.0
    for item in old_items:
        node = item.node
        if node.id in gone:
            if old_parent[node.id] not in gone:  # a removed subtree is one row, at its root
                out.append((anchor + 0.5 + item.order * 1e-6, _subtree_entry(REMOVED, node, old_loc, gone)))
            continue
        new_node = new_nodes[pairs[node.id]]
        anchor = float(new_order[new_node.id])
        fields, words, extras = _edits(node, new_node)
        old_at, new_at = old_loc.node(node.id), new_loc.node(new_node.id)
        if _mapped(old_parent[node.id], pairs) != new_parent[new_node.id]:
            fields.append(PARENT)
            move = f"由 {old_at} 移至 {new_at}"
        elif new_node.id in reordered:
            fields.append(ORDER)
            move = f"同層順序調整，由 {old_at} 移至 {new_at}"
        else:
            move = ""
        if words:
            detail, change = "；".join(words) + (f"（並{move}）" if move else "") + "。", CHANGED
        elif move:
            detail, change = move + "。", MOVED
        else:
            renumbered += old_at != new_at
            continue
        out.append((anchor, DiffEntry(change, ITEM, old_at, new_at, detail, node_text(node), node_text(new_node),
                                      node.id, new_node.id, node, new_node, changes=tuple(fields),
                                      extras=extras)))
    for item in new_items:
        if item.node.id in fresh and new_parent[item.node.id] not in fresh:
            out.append((float(item.order), _subtree_entry(ADDED, item.node, new_loc, fresh)))
    return out, renumbered
