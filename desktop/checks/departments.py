"""Department names: one spelling per department, and names the office knows.

The roster is every name used in the office's plans (plus names added by
hand), so a name is only suspicious when no *other* plan of the office uses it.
"""
from __future__ import annotations

import difflib
import unicodedata
from collections import Counter

from .registry import HINT, WARNING, rule


def spelling_key(name: str) -> str:
    """Stray spaces and full/half width do not make another department."""
    return "".join(unicodedata.normalize("NFKC", name).split())


def _uses(plan):
    """(node, department name) in document order."""
    for node in plan.walk():
        for dept in node.departments:
            yield node, dept.name


@rule("department-spelling", "部門寫法不一")
def two_spellings(ctx):
    counts = Counter(name for _, name in _uses(ctx.plan))
    groups: dict[str, list[str]] = {}
    for name in counts:
        groups.setdefault(spelling_key(name), []).append(name)
    preferred = {}
    for names in groups.values():
        if len(names) > 1:
            # the most used spelling wins; ties go to the one without spaces
            best = max(names, key=lambda n: (counts[n], n == spelling_key(n)))
            preferred.update({n: best for n in names if n != best})
    for node, name in _uses(ctx.plan):
        if name in preferred:
            yield ctx.finding("department-spelling", WARNING, node.id,
                              f"部門「{name}」與「{preferred[name]}」寫法不一致（空格或全半形不同），請統一為「{preferred[name]}」。")


def _known_names(ctx) -> set[str]:
    """Names the office uses outside this plan: other plans' departments and
    hand-added roster names that this plan does not use."""
    lib, plan = ctx.library, ctx.plan
    own = {name for _, name in _uses(plan)}
    known = {name for name in lib.roster(plan.office) if name not in own}
    return known | lib.office_departments(plan.office, plan.id)


@rule("department-roster", "部門不在名單")
def not_in_roster(ctx):
    if ctx.library is None or not ctx.plan.office:
        return
    known = _known_names(ctx)
    if not known:
        return  # the office's first plan: nothing to compare with
    names = sorted(known)
    spelled = {spelling_key(n): n for n in names}
    reported = set()
    for node, name in _uses(ctx.plan):
        if name in known or name in reported:
            continue
        reported.add(name)
        if spelling_key(name) in spelled:
            same = spelled[spelling_key(name)]
            message = f"部門「{name}」與部門名單中的「{same}」寫法不一致（空格或全半形不同），請統一為「{same}」。"
            yield ctx.finding("department-spelling", WARNING, node.id, message)
        elif close := difflib.get_close_matches(name, names, n=1, cutoff=0.6):
            message = f"部門「{name}」不在本處部門名單中，是否為「{close[0]}」之誤？請確認後更正。"
            yield ctx.finding("department-roster", WARNING, node.id, message)
        else:
            message = f"部門「{name}」未出現在本處其他計畫或部門名單中，若是新部門請加入部門名單，否則請更正。"
            yield ctx.finding("department-roster", HINT, node.id, message)
