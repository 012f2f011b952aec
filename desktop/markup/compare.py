"""The one door to the 對照表 matching (:mod:`desktop.diff`): which item of the plan
is which item of the returned document, and which matched items really moved.

Kept to a few small functions over ``desktop.diff`` (``match_nodes``, the rows of
``diff_plans``) so a change of the diff module means adapting a few lines here.
"""
from __future__ import annotations

from ..diff import departments_text, diff_plans, match_nodes, node_text, pair_sections, section_text
from ..model import Plan


def match_items(plan: Plan, returned: Plan) -> dict[str, str]:
    """plan node id → returned node id, for items that are the same item."""
    return match_nodes(plan, returned)


def section_pairs(plan: Plan, returned: Plan) -> dict[str, str]:
    """plan section id → returned section id, by heading (as the 對照表 matches them)."""
    return {plan_id: section.id for plan_id, (_, section) in pair_sections(plan, returned).items()}


__all__ = ["departments_text", "match_items", "moved_items", "node_text", "section_pairs", "section_text"]


def moved_items(plan: Plan, returned: Plan) -> list[str]:
    """Plan node ids of items that really moved: to another parent, or out of the
    longest run of siblings kept in order (renumbering alone is not a move)."""
    return [row.old_target for row in diff_plans(plan, returned)
            if row.field == "item" and row.old_node is not None and row.new_node is not None
            and {"parent", "order"} & set(row.changes)]
