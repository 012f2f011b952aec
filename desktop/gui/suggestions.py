"""Values offered in editable combos: common 執行期間 of the plan and its office."""
from __future__ import annotations

from ..library import Library
from ..model import Plan

COMMON_PERIODS = ["隨時辦理", "持續辦理", "每年1次", "每半年1次", "每季辦理", "每月辦理"]


def period_choices(library: Library, plan: Plan) -> list[str]:
    """Common values first, then the ones this plan and its office's other plans use."""
    seen = list(COMMON_PERIODS)
    used = [n.period for n in plan.walk() if n.period]
    for value in used + sorted(library.office_periods(plan.office)):
        if value not in seen:
            seen.append(value)
    return seen
