"""Review edits as document operations, so they persist, undo and redo like any
edit; a whole merge is one :class:`SetResults` and so one undo step."""
from __future__ import annotations

from dataclasses import dataclass, replace

from ..errors import PlanDeskError
from ..model import Plan
from ..ops import Change, Operation
from ..sanitize import clean_line, clean_text
from .model import RESULT_STATUSES, Result, ReviewPeriod


def clean_result(result: Result) -> Result:
    if result.status and result.status not in RESULT_STATUSES:
        raise PlanDeskError(f"執行狀態「{result.status}」不正確，請選擇 {'、'.join(RESULT_STATUSES)} 其中之一。")
    return replace(result, text=clean_text(result.text), unit=clean_line(result.unit),
                   reporter=clean_line(result.reporter))


@dataclass
class SetResults(Operation):
    """Write results; a ``(node_id, period)`` key mapped to None removes that result.
    Allowed on an approved (核定) plan: reporting on a plan does not change the plan."""
    values: dict[tuple[str, str], Result | None]
    label: str = "填寫執行情形"
    review_only = True

    def apply(self, plan: Plan):
        results = plan.review.results
        cleaned = {k: clean_result(v) if v is not None else None for k, v in self.values.items()}
        old = {key: results.get(key) for key in cleaned}
        for key, value in cleaned.items():
            if value is None:
                results.pop(key, None)
            else:
                results[key] = value
        return Change(self.label, results=set(cleaned)), SetResults(old, self.label)


@dataclass
class SetPeriods(Operation):
    """Replace the review periods (names, months, due dates)."""
    periods: list[ReviewPeriod]
    label: str = "變更考核期間"
    review_only = True

    def apply(self, plan: Plan):
        names = [p.name for p in self.periods]
        if len(set(names)) != len(names) or not all(names):
            raise PlanDeskError("考核期間的名稱不能空白或重複，請修改後再試。")
        old = plan.review.periods
        plan.review.periods = [replace(p) for p in self.periods]
        return Change(self.label, periods=True), SetPeriods(old, self.label)
