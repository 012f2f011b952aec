"""The one door to the 對照表 matching (:mod:`desktop.diff`): which item of the plan
is which item of the returned document, and which matched items really moved.

Kept to one small function over ``diff.match_nodes`` so a rework of the diff
module means adapting a few lines here, not the review.
"""
from __future__ import annotations

import bisect

from ..diff import content_key, match_nodes
from ..model import Node, Plan


def match_items(plan: Plan, returned: Plan) -> dict[str, str]:
    """plan node id → returned node id, for items that are the same item."""
    return match_nodes(plan, returned)


def section_pairs(plan: Plan, returned: Plan) -> dict[str, str]:
    """plan section id → returned section id, by heading (as the 對照表 matches them)."""
    by_key = {content_key(s.heading): s.id for s in returned.sections}
    return {s.id: by_key[content_key(s.heading)] for s in plan.sections if content_key(s.heading) in by_key}


def moved_items(plan: Plan, returned: Plan, pairs: dict[str, str]) -> list[str]:
    """Plan node ids whose parent changed, or that left the longest run of siblings
    kept in order (renumbering alone is not a move)."""
    parent_of = parent_ids(returned)
    out: list[str] = []

    def visit(parent: Node | None, children: list[Node]) -> None:
        kept = [n for n in children if n.id in pairs]
        same = [n for n in kept if parent_of[pairs[n.id]] == (pairs.get(parent.id) if parent else None)]
        out.extend(n.id for n in kept if n not in same)
        order = {n.id: i for i, n in enumerate(_siblings(returned, parent_of, pairs[same[0].id]))} if same else {}
        stay = _longest_increasing([order[pairs[n.id]] for n in same])
        out.extend(n.id for i, n in enumerate(same) if i not in stay)
        for child in children:
            visit(child, child.children)

    visit(None, plan.tree)
    return out


def parent_ids(plan: Plan) -> dict[str, str | None]:
    """node id → its parent's id (None at the top)."""
    out: dict[str, str | None] = {}

    def visit(parent: Node | None, nodes: list[Node]) -> None:
        for node in nodes:
            out[node.id] = parent.id if parent else None
            visit(node, node.children)

    visit(None, plan.tree)
    return out


def _siblings(plan: Plan, parent_of: dict, node_id: str) -> list[Node]:
    parent = parent_of[node_id]
    return plan.find(parent)[0].children if parent else plan.tree


def _longest_increasing(values: list[int]) -> set[int]:
    """Indexes of one longest strictly increasing subsequence (patience sorting)."""
    tails: list[int] = []
    tail_index: list[int] = []
    previous = [-1] * len(values)
    for i, value in enumerate(values):
        at = bisect.bisect_left(tails, value)
        if at == len(tails):
            tails.append(value)
            tail_index.append(i)
        else:
            tails[at], tail_index[at] = value, i
        previous[i] = tail_index[at - 1] if at else -1
    out, i = set(), tail_index[-1] if tail_index else -1
    while i >= 0:
        out.add(i)
        i = previous[i]
    return out
