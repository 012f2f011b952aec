"""Per-department views of a plan (used by per-department export)."""
from __future__ import annotations

import copy

from .model import Node, Plan


def only_department(plan: Plan, department: str) -> Plan:
    """A copy of ``plan`` keeping only items where ``department`` is 主辦/協辦/承辦,
    with their ancestor headings (and the descendants of kept items)."""
    def keep(node: Node) -> Node | None:
        if any(d.name == department for d in node.departments):
            return copy.deepcopy(node)
        kids = [k for k in (keep(c) for c in node.children) if k is not None]
        if not kids:
            return None
        clone = copy.copy(node)
        clone.children = kids
        return clone

    out = copy.copy(plan)
    out.tree = [k for k in (keep(n) for n in plan.tree) if k is not None]
    return out
