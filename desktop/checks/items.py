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


@rule("item-department")
def missing_department(ctx):
    for node, has_dept, _ in _with_inherited(ctx.plan):
        if is_action_item(node) and not has_dept:
            yield ctx.finding("item-department", WARNING, node.id,
                              "這個具體作法沒有承辦部門，請指定主辦（或承辦）部門。")


@rule("item-period")
def missing_period(ctx):
    for node, _, has_period in _with_inherited(ctx.plan):
        if is_action_item(node) and not has_period:
            yield ctx.finding("item-period", WARNING, node.id,
                              "這個具體作法沒有執行期間，請填入期間（例如「隨時辦理」）。")


@rule("empty-node")
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


@rule("duplicate-text")
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
