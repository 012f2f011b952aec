"""Due dates of the review periods, as the plan's 考核作業 text states them.

Two ways plans write them: explicit dates in period order (「分別於 108 年 7 月 5 日及
109 年 1 月 6 日前」) or a rule relative to each period's end (「於本年度 6 月及 12 月
結束後之次月 4 日前」). A date the clerk set on the period wins over both.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from ..model import Plan
from ..yeartext import ROC_OFFSET, find_dates
from .model import ReviewPeriod

_RELATIVE = re.compile(r"((?:\d{1,2}\s*月\s*[及、與和]?\s*)+)結束後之?\s*次月\s*(\d{1,2})\s*日")
_MONTH = re.compile(r"(\d{1,2})\s*月")


@dataclass
class Due:
    value: date | None
    source: str  # 「設定」 the clerk's date, 「計畫」 from the plan's text, "" none known


def _review_texts(plan: Plan) -> list[str]:
    """Paragraphs about 考核, those of a section headed 考核… first."""
    first, rest = [], []
    for section in plan.sections:
        texts = [p.text for p in section.paragraphs] + list(section.notes)
        if "考核" in section.heading:
            first += texts
        else:
            rest += [t for t in texts if "考核" in t]
    return first + rest


def dates_from_text(text: str, periods: list[ReviewPeriod], year: int) -> dict[str, date]:
    """Period name → due date stated in ``text`` (an ROC-year plan ``year``)."""
    plain = unicodedata.normalize("NFKC", text)
    match = _RELATIVE.search(plain)
    if match:
        day = int(match.group(2))
        months = {int(m) for m in _MONTH.findall(match.group(1))}
        out = {}
        for period in periods:
            if period.end_month in months:
                month = period.end_month % 12 + 1
                west = year + ROC_OFFSET + (1 if period.end_month == 12 else 0)
                try:
                    out[period.name] = date(west, month, day)
                except ValueError:
                    continue
        return out
    if "前" not in plain:
        return {}
    found = [d.value for d in find_dates(plain) if d.value is not None]
    if len(found) == len(periods):
        return {p.name: d for p, d in zip(periods, found)}
    return {}


def plan_due_dates(plan: Plan) -> dict[str, date]:
    """Due dates stated in the plan's 考核 paragraphs (the first paragraph that states any)."""
    for text in _review_texts(plan):
        found = dates_from_text(text, plan.review.periods, plan.year)
        if found:
            return found
    return {}


def due_of(plan: Plan, period: ReviewPeriod, stated: dict[str, date] | None = None) -> Due:
    """When ``period``'s results are due: the clerk's date, else the plan's text."""
    if period.due:
        try:
            return Due(date.fromisoformat(period.due), "設定")
        except ValueError:
            pass
    stated = plan_due_dates(plan) if stated is None else stated
    value = stated.get(period.name)
    return Due(value, "計畫" if value else "")


def period_end(plan: Plan, period: ReviewPeriod) -> date:
    """The last day of ``period`` in the plan's year."""
    west = plan.year + ROC_OFFSET
    if period.end_month == 12:
        return date(west, 12, 31)
    return date.fromordinal(date(west, period.end_month + 1, 1).toordinal() - 1)
