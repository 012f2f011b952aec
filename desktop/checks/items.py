"""Table items: action items need a department and a period (inherited from a
merged cell above counts), nodes must not be empty, item texts not duplicated."""
from __future__ import annotations

import re
import unicodedata

from ..model import is_action_item
from .registry import ERROR, HINT, WARNING, rule

_MIN_DUPLICATE = 8  # shorter texts (「同上」) repeat legitimately


def _with_inherited(plan):
    """(node, departments inherited, period inherited) in document order."""
    def visit(nodes, depts, period):
        for node in nodes:
            d = depts or bool(node.departments)
            p = period or bool(node.period)
            yield node, d, p
            yield from visit(node.children, d, p)
    yield from visit(plan.tree, False, False)


def _items_missing(ctx, rule_id: str, which: int, message: str):
    """Action items with neither their own nor an inherited value (which: 1 departments, 2 period)."""
    for entry in _with_inherited(ctx.plan):
        if is_action_item(entry[0]) and not entry[which]:
            yield ctx.finding(rule_id, WARNING, entry[0].id, message)


@rule("item-department", "缺承辦部門")
def missing_department(ctx):
    yield from _items_missing(ctx, "item-department", 1,
                              "這個具體作法沒有承辦部門，請指定主辦（或承辦）部門。")


@rule("item-period", "缺執行期間")
def missing_period(ctx):
    yield from _items_missing(ctx, "item-period", 2,
                              "這個具體作法沒有執行期間，請填入期間（例如「隨時辦理」）。")


@rule("empty-node", "空白項目")
def empty_node(ctx):
    for node in ctx.plan.walk():
        if not (node.title.strip() or node.text.strip()):
            what = "底下有細項但沒有標題" if node.children else "沒有任何內容"
            severity = WARNING if node.children else ERROR
            yield ctx.finding("empty-node", severity, node.id,
                              f"這個項目{what}，請填入文字或刪除此項目。")


def normalized(text: str) -> str:
    """Width, spacing and trailing punctuation do not make two texts different."""
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"[\s。．.，,；;]+", "", text)


@rule("duplicate-text", "內容重複")
def duplicate_text(ctx):
    first: dict[str, str] = {}
    for node in ctx.plan.walk():
        key = normalized(node.text)
        if len(key) < _MIN_DUPLICATE:
            continue
        if key in first:
            yield ctx.finding("duplicate-text", HINT, node.id,
                              f"內容與 {ctx.locator.node(first[key])} 完全相同，請合併或修改其中一項。")
        else:
            first[key] = node.id
