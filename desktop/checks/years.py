"""Year agreement: title, plan year, periods and the years written in the body.

The typical published mistake is a half-rolled plan: a 108 title over a body
that still says 107, or periods that name last year.
"""
from __future__ import annotations

import re

from ..yeartext import find_dates, find_letters, find_years, years_outside_letters
from .registry import ERROR, HINT, WARNING, rule

# 「108 年度提升服務效能執行計畫」: the plan naming itself (or the head office's plan of the year)
_PLAN_NAME = re.compile(r"[ \u3000]*年度[^「」。，]{0,8}?(?:提升)?服務效能")
_DEADLINE = re.compile(r"[ \u3000]*年[ \u3000]*[0-9０-９]{1,2}[ \u3000]*月[ \u3000]*[0-9０-９]{1,2}[ \u3000]*日")


def _letter_spans(text):
    return [(l.start, l.end) for l in find_letters(text)]


@rule("year-title", "計畫名稱年度")
def title_year(ctx):
    plan = ctx.plan
    title = next((f for f in ctx.fields if f.ref.kind == "plan" and f.ref.attr == "title"), None)
    years = find_years(plan.title)
    if title is None or not years:
        yield ctx.finding("year-title", HINT, "plan:title",
                          f"計畫名稱沒有寫年度，請在名稱中寫明「{plan.year} 年度」。", "計畫名稱")
        return
    for mention in years:
        if mention.roc != plan.year:
            yield ctx.finding("year-title", ERROR, title,
                              f"計畫名稱寫的是 {mention.written} 年，但計畫年度是 {plan.year} 年，請統一兩者。")


@rule("year-plan-name", "引用計畫年度")
def plan_name_year(ctx):
    """「X 年度提升服務效能…」 in the body must name the plan's year."""
    for field in ctx.fields:
        if field.ref.kind == "plan" and field.ref.attr == "title":
            continue
        for mention in years_outside_letters(field.text):
            if mention.roc != ctx.plan.year and _PLAN_NAME.match(field.text, mention.end):
                yield ctx.finding("year-plan-name", ERROR, field,
                                  f"這裡寫「{mention.written} 年度」計畫，但本計畫是 {ctx.plan.year} 年度，請改為 {ctx.plan.year} 年度。")


@rule("year-period", "執行期間年份")
def period_year(ctx):
    year = ctx.plan.year
    for field in ctx.fields:
        if field.ref.attr != "period" or field.ref.kind != "node":
            continue
        for mention in find_years(field.text):
            if mention.roc < year:
                yield ctx.finding("year-period", ERROR, field,
                                  f"執行期間寫的是 {mention.written} 年，早於計畫年度 {year} 年，請改為本年度的期間。")
            elif mention.roc > year + 1:
                yield ctx.finding("year-period", ERROR, field,
                                  f"執行期間寫的是 {mention.written} 年，晚於計畫年度 {year} 年的次年，請確認年份。")
            elif mention.roc == year + 1 and not _DEADLINE.match(field.text, mention.end):
                yield ctx.finding("year-period", WARNING, field,
                                  f"執行期間寫的是 {mention.written} 年，但計畫年度是 {year} 年，請確認是否應為 {year} 年。")


@rule("year-stale-date", "日期年份未更新")
def stale_dates(ctx):
    """Dates in the text sections (deadlines such as 考核結果送達日) before the plan year
    (last year's text not updated) or after the next year (rolled twice). Letters and
    the basis section are exempt."""
    basis = {s.id for s in ctx.basis_sections()}
    for field in ctx.fields:
        if field.ref.kind != "section" or field.ref.owner in basis:
            continue
        spans = _letter_spans(field.text)
        for d in find_dates(field.text):
            if any(s <= d.start < e for s, e in spans):
                continue
            shown = field.text[d.start:d.end]
            if d.roc < ctx.plan.year:
                yield ctx.finding("year-stale-date", WARNING, field,
                                  f"「{shown}」早於計畫年度 {ctx.plan.year} 年，可能是上年度的日期未更新，請確認。")
            elif d.roc > ctx.plan.year + 1:
                yield ctx.finding("year-stale-date", WARNING, field,
                                  f"「{shown}」晚於計畫年度 {ctx.plan.year} 年的次年，年份可能多改了，請確認。")
