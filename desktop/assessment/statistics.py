"""The 考核結果統計表 figures: items, filled items and items by status, for the
whole plan, per department and per 面向. An item counts for every department it
names (主辦 and 協辦), so department rows may add up to more than the total."""
from __future__ import annotations

from ..model import Plan
from .items import ReviewItem, review_items
from .model import RESULT_STATUSES, Result


def _empty() -> dict:
    return {"items": 0, "filled": 0, "by_status": {s: 0 for s in RESULT_STATUSES}}


def _count(bucket: dict, result: Result | None) -> None:
    bucket["items"] += 1
    if result is not None and result.filled:
        bucket["filled"] += 1
        if result.status:
            bucket["by_status"][result.status] += 1


def completion_rate(bucket: dict) -> float | None:
    """已完成 among the items that apply (不適用 left out); None when none apply."""
    applicable = bucket["items"] - bucket["by_status"]["不適用"]
    return bucket["by_status"]["已完成"] / applicable if applicable else None


def period_statistics(plan: Plan, period: str, items: list[ReviewItem] | None = None) -> dict:
    """``{"period", "items", "filled", "by_status", "by_department", "by_aspect"}``."""
    items = review_items(plan) if items is None else items
    total = _empty()
    by_department: dict[str, dict] = {}
    by_aspect: dict[str, dict] = {}
    for item in items:
        result = plan.review.result(item.node.id, period)
        _count(total, result)
        _count(by_aspect.setdefault(item.aspect, _empty()), result)
        for name in dict.fromkeys(d.name for d in item.departments if d.name):
            _count(by_department.setdefault(name, _empty()), result)
    return {"period": period, **total, "by_department": by_department, "by_aspect": by_aspect}
