"""Which item of last year's plan is which item of this year's.

Items are matched by content, never by position: first identical texts (years
written in them ignored, so a rolled 「108年度」 still matches 「109年度」), then
similar texts (difflib), then untitled items at the same place under matched
parents. Renumbering therefore never makes an item "removed + added".
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

from ..model import Node, Plan
from ..yeartext import YEAR_RE

SIMILAR = 0.6  # difflib ratio above which two texts are the same item reworded
_FUZZY_LIMIT = 400  # unmatched items per side compared pairwise; beyond that same depth only


def content_key(text: str) -> str:
    """Width, spaces, punctuation and the years written do not make content different."""
    text = YEAR_RE.sub("#", unicodedata.normalize("NFKC", text))
    return re.sub(r"[\s。，,、；;：:.「」『』()（）]+", "", text)


def node_text(node: Node) -> str:
    return "\n".join(part for part in (node.title, node.text) if part)


@dataclass
class Item:
    node: Node
    parent: Node | None
    depth: int
    order: int
    key: str


def flatten(plan: Plan) -> list[Item]:
    out: list[Item] = []

    def visit(nodes, parent, depth):
        for node in nodes:
            out.append(Item(node, parent, depth, len(out), content_key(node_text(node))))
            visit(node.children, node, depth + 1)

    visit(plan.tree, None, 0)
    return out


def match_nodes(old: Plan, new: Plan) -> dict[str, str]:
    """Map old node id → new node id for items that are the same item."""
    return match_items(old, new, flatten(old), flatten(new))


def match_items(old: Plan, new: Plan, old_items: list[Item], new_items: list[Item]) -> dict[str, str]:
    """``match_nodes`` on items already flattened (the caller needs them too)."""
    pairs: dict[str, str] = {}
    taken: set[str] = set()
    # 1. identical content; a text found several times goes to the copy with the
    #    same parent text and depth, then the nearest in document order
    by_key: dict[str, tuple[list[Item], list[Item]]] = {}
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
            if cand.id not in taken and not content_key(node_text(cand)):
                pairs[item.node.id] = cand.id
                taken.add(cand.id)
    return pairs
