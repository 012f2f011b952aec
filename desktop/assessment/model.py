"""What a half-year review holds: periods and, per (item, period), one result."""
from __future__ import annotations

from dataclasses import dataclass, field

RESULT_STATUSES = ("已完成", "持續辦理", "進行中", "落後", "未執行", "不適用")


@dataclass
class ReviewPeriod:
    """One review period. ``due`` is an ISO date (「2019-07-05」) set by the clerk,
    or "" to take it from the plan's 考核作業 text (see :mod:`.due_dates`)."""
    name: str
    start_month: int
    end_month: int
    due: str = ""


def default_periods() -> list[ReviewPeriod]:
    return [ReviewPeriod("上半年", 1, 6), ReviewPeriod("下半年", 7, 12)]


@dataclass
class Result:
    """An item's 執行情形 for one period. ``quantity`` with ``unit`` is the
    optional 量化成果; ``reporter`` is who reported it (a department or 「業務組」)."""
    node_id: str
    period: str
    text: str = ""
    status: str = ""
    quantity: float | None = None
    unit: str = ""
    reporter: str = ""
    reported_at: str = ""

    @property
    def key(self) -> tuple[str, str]:
        return (self.node_id, self.period)

    @property
    def filled(self) -> bool:
        return bool(self.text.strip() or self.status)

    def same_content(self, other: "Result | None") -> bool:
        """Equal in what a department reports (not who or when)."""
        return other is not None and (self.text, self.status, self.quantity, self.unit) == \
            (other.text, other.status, other.quantity, other.unit)


@dataclass
class Review:
    periods: list[ReviewPeriod] = field(default_factory=default_periods)
    results: dict[tuple[str, str], Result] = field(default_factory=dict)

    def period(self, name: str) -> ReviewPeriod | None:
        return next((p for p in self.periods if p.name == name), None)

    def result(self, node_id: str, period: str) -> Result | None:
        return self.results.get((node_id, period))
