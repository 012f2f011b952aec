"""Mixed half/full-width numbering and punctuation within one plan.

Printed plans mix 「（一）」 and 「(一)」 or 「，」 and 「,」 when pieces are pasted
from different sources; the plan's own, majority form is kept and the minority
form is reported where it occurs.
"""
from __future__ import annotations

import re

from .registry import HINT, rule

_CJK = "\u4e00-\u9fff"
# enumerators typed inside text: at a line start or after sentence punctuation
_ENUM = re.compile(r"(?:^|(?<=[\n。；;：:]))[ \u3000]*([(（][一二三四五六七八九十0-9０-９]{1,3}[)）]|[0-9０-９]{1,2}[.．、](?![0-9０-９]))")
# brackets around Chinese words: 「服務中心(所)」 vs 「（含外包人員）」
_PAREN = re.compile(rf"[(（][{_CJK}][^()（）]*[)）]")
# a comma or semicolon between Chinese characters
_PUNCT = re.compile(rf"(?<=[{_CJK}])[,;，；](?=[{_CJK}])")


def _is_full(token: str) -> bool:
    return any(ch in "（）．０１２３４５６７８９、，；" for ch in token)


def _mixed(ctx, rule_id, pattern, what, sample_of=lambda m: m.group(0)):
    hits = []  # (field, token, full?)
    for field in ctx.fields:
        if field.ref.attr == "period":
            continue
        for m in pattern.finditer(field.text):
            token = sample_of(m)
            hits.append((field, token, _is_full(token)))
    full = sum(1 for _, _, is_full in hits if is_full)
    half = len(hits) - full
    if not full or not half:
        return
    minority_full = full < half
    form, other = ("全形", "半形") if minority_full else ("半形", "全形")
    seen = set()
    for field, token, is_full in hits:
        if is_full == minority_full and (field.ref, token) not in seen:
            seen.add((field.ref, token))
            yield ctx.finding(rule_id, HINT, field,
                              f"「{token}」是{form}{what}，本計畫其他處多用{other}（{max(full, half)} 處），請統一寫法。")


@rule("mixed-numbering", "編號全半形混用")
def mixed_numbering(ctx):
    yield from _mixed(ctx, "mixed-numbering", _ENUM, "編號", lambda m: m.group(1))


@rule("mixed-punctuation", "括號標點全半形混用")
def mixed_punctuation(ctx):
    yield from _mixed(ctx, "mixed-punctuation", _PAREN, "括號")
    yield from _mixed(ctx, "mixed-punctuation", _PUNCT, "標點")
