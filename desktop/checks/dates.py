"""The date line: present, a real date, in the plan year or the year before,
and not before the letter the plan cites as its basis."""
from __future__ import annotations

from ..yeartext import find_dates, find_letters, roc_date_text
from .registry import ERROR, HINT, rule


@rule("date-line", "訂定日期")
def date_line(ctx):
    plan = ctx.plan
    dates = find_dates(plan.date_line)
    if not dates:
        yield ctx.finding("date-line", HINT, "plan:date_line",
                          "日期列沒有完整的訂定日期，請填入「年 月 日」。", "日期列")
        return
    written = dates[0]
    shown = plan.date_line[written.start:written.end]
    if written.value is None:
        yield ctx.finding("date-line", ERROR, "plan:date_line",
                          f"日期列的「{shown}」不是存在的日期，請更正。", "日期列")
        return
    if written.roc not in (plan.year - 1, plan.year):
        yield ctx.finding("date-line", ERROR, "plan:date_line",
                          f"日期列的「{shown}」不在計畫年度 {plan.year} 年或前一年，請更正訂定日期。", "日期列")
    for section in ctx.basis_sections():
        for paragraph in section.paragraphs:
            for letter in find_letters(paragraph.text):
                if letter.date and letter.date.value and letter.date.value > written.value:
                    yield ctx.finding(
                        "date-line", ERROR, "plan:date_line",
                        f"日期列的「{shown}」早於計畫依據所引來函的日期（{roc_date_text(letter.date.value)}），"
                        "計畫不可能在來函之前訂定，請更正日期。", "日期列")
