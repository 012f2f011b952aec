"""Invisible and bidi control characters pasted from web pages or e-mail: an RLO
makes 「反向文字」 display and print reversed, zero-width spaces break search.
The check panel offers one-click cleanup (desktop.checks.fixes.strip_invisible_op)."""
from __future__ import annotations

from ..sanitize import INVISIBLE_NAMES, invisible_chars
from .registry import WARNING, rule

RULE_ID = "invisible-chars"


def _names(found: list[str]) -> str:
    return "、".join(INVISIBLE_NAMES[ch] for ch in found)


@rule(RULE_ID, "隱形控制字元")
def invisible_characters(ctx):
    for field in ctx.fields:
        found = invisible_chars(field.text)
        if found:
            yield ctx.finding(RULE_ID, WARNING, field,
                              f"這段文字含有看不見的控制字元（{_names(found)}），會使顯示或列印錯亂，"
                              "請按「清除隱形字元」移除。")
    for node in ctx.plan.walk():
        for dept in node.departments:
            found = invisible_chars(dept.name)
            if found:
                yield ctx.finding(RULE_ID, WARNING, node.id,
                                  f"部門名稱含有看不見的控制字元（{_names(found)}），"
                                  "請按「清除隱形字元」移除。")
