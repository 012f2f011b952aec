"""A new item below a 執行策略 that has only a title yet (Enter, type, move on)
is not an action item to item-department, but it still needs a department."""
from __future__ import annotations

from ..model import is_action_item
from .registry import WARNING, rule

_ITEM_DEPTH = 2  # 面向 → 執行策略 → items: leaves above this are strategies still to fill


@rule("leaf-department", "項目缺承辦部門")
def leaf_without_department(ctx):
    def visit(nodes, depth, inherited):
        for node in nodes:
            has = inherited or bool(node.departments)
            if node.children:
                yield from visit(node.children, depth + 1, has)
            elif depth >= _ITEM_DEPTH and node.title.strip() and not has and not is_action_item(node):
                yield ctx.finding("leaf-department", WARNING, node.id,
                                  "這個項目只有標題，沒有承辦部門，請指定主辦（或承辦）部門。")
    yield from visit(ctx.plan.tree, 0, False)
