"""The year a source plan really stands for, read from its text before rolling it.

A published plan may be half-rolled: titled 108 while its date line, periods and
考核 dates all say 109. Shifting every year by "new year − title year" would then
put every period a year late. So the evidence is gathered first:

* the title's year (what the plan calls itself),
* the body's votes: the date line's year (a plan set in October or later is
  next year's), each period's earliest year, each 考核 paragraph's earliest
  year (letters cited there do not count). Years more than
  :data:`_PLAUSIBLE` from the title's are not votes (「每10年」, old laws).

The body year is the year most votes name (ties go to the title's year); it
overrides the title only with at least :data:`_ENOUGH` votes. Where it differs
from the title, the title rolls from its own year and everything else from the
body year, each to the new year.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..model import Plan
from ..yeartext import find_dates, find_years, years_outside_letters

DATE_LINE, PERIODS, ASSESSMENT = "日期列", "執行期間", "考核日期"
_PLAUSIBLE = 2
_ENOUGH = 2
_NEXT_YEARS_PLAN_FROM = 10  # a plan dated 108年12月 is the plan for 109


@dataclass
class SourceYear:
    """What the source plan's text says about its year."""
    stated: int                      # the plan's year as stored
    title: int | None                # the year written in the title
    body: int | None                 # the year the body's votes name (None: no evidence)
    votes: dict[str, Counter] = field(default_factory=dict)  # source → Counter(year → votes)

    @property
    def year(self) -> int:
        """The year the plan evidently stands for: its body's, else its title's, else as stored."""
        return self.body or self.title or self.stated

    @property
    def title_year(self) -> int:
        """The year the title's years roll from."""
        return self.title or self.year

    @property
    def disagrees(self) -> bool:
        return self.body is not None and self.body != (self.title or self.stated)

    def evidence(self) -> str:
        """「日期列 109 年、執行期間 12 處 109 年、考核日期 109 年」"""
        parts = []
        for source, counter in self.votes.items():
            for year, count in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])):
                parts.append(f"{source} {count} 處為 {year} 年" if count > 1 else f"{source}為 {year} 年")
        return "、".join(parts)

    def message(self) -> str:
        """One zh-TW paragraph for the clerk; empty when the years agree."""
        if not self.disagrees:
            return ""
        named = f"計畫名稱寫的是 {self.title} 年度" if self.title else f"計畫年度登記為 {self.stated} 年"
        return (f"年份不一致：{named}，但內文（{self.evidence()}）顯示這是 {self.body} 年度的計畫。"
                f"順延時以各處實際所指的年份為準：內文的 {self.body} 年改為新年度，"
                f"計畫名稱的 {self.title_year} 年也改為新年度，不會一律加同樣的年數。")

    def as_dict(self) -> dict:
        return {"stated": self.stated, "title": self.title, "body": self.body, "year": self.year,
                "disagrees": self.disagrees, "message": self.message(),
                "votes": {source: {str(y): n for y, n in sorted(c.items())} for source, c in self.votes.items()}}


def source_year(plan: Plan) -> SourceYear:
    """Read ``plan``'s year from its title, date line, periods and 考核 dates."""
    title_years = [m.roc for m in find_years(plan.title)]
    votes: dict[str, Counter] = {DATE_LINE: Counter(), PERIODS: Counter(), ASSESSMENT: Counter()}
    dates = find_dates(plan.date_line)
    if dates:
        late = dates[0].value is not None and dates[0].value.month >= _NEXT_YEARS_PLAN_FROM
        votes[DATE_LINE][dates[0].roc + late] += 1
    for node in plan.walk():
        years = [m.roc for m in find_years(node.period)]
        if years:
            votes[PERIODS][min(years)] += 1
    for section in plan.sections:
        if "考核" not in section.heading:
            continue
        for text in [p.text for p in section.paragraphs] + section.notes:
            years = [m.roc for m in years_outside_letters(text)]
            if years:
                votes[ASSESSMENT][min(years)] += 1
    title = title_years[0] if title_years else None
    preferred = title or plan.year
    votes = {source: Counter({y: n for y, n in counter.items() if abs(y - preferred) <= _PLAUSIBLE})
             for source, counter in votes.items()}
    votes = {source: counter for source, counter in votes.items() if counter}
    total = sum(votes.values(), Counter())
    body = None
    if total:
        body = max(total, key=lambda y: (total[y], y == preferred, -abs(y - preferred)))
        if body != preferred and total[body] < _ENOUGH:
            body = preferred  # one stray period does not outvote the title
    return SourceYear(plan.year, title, body, votes)
