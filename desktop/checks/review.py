"""半年自行考核 results: an item of an approved plan still without 執行情形 after its period ended,
已完成 with no text, 落後 without an explanation."""
from __future__ import annotations

from datetime import timedelta

from ..assessment.due_dates import period_end
from .items import normalized
from .registry import WARNING, rule

_FOLLOW_UP = timedelta(days=366)  # periods ended longer ago belong to an archived plan
_EXPLANATION = 6                  # fewer characters do not explain a delay


def _results(ctx):
    """(item, period name, result or None) for every item and period."""
    items = ctx.review_items
    for period in ctx.plan.review.periods:
        for item in items:
            yield item, period, ctx.plan.review.result(item.node.id, period.name)


@rule("review-missing", "考核未填報")
def missing_result(ctx):
    if ctx.plan.status != "核定":
        return  # only an approved plan is carried out and reviewed
    for item, period, result in _results(ctx):
        ended = period_end(ctx.plan, period)
        if ended < ctx.today <= ended + _FOLLOW_UP and (result is None or not result.filled):
            yield ctx.finding("review-missing", WARNING, item.node.id,
                              f"{period.name}已結束，這個項目還沒有填報執行情形，請向辦理部門催收或直接填寫。",
                              f"{ctx.locator.node(item.node.id)} {period.name}執行情形")


@rule("review-done-empty", "已完成未寫執行情形")
def done_without_text(ctx):
    for item, period, result in _results(ctx):
        if result is not None and result.status == "已完成" and not result.text.strip():
            yield ctx.finding("review-done-empty", WARNING, item.node.id,
                              "標為「已完成」但沒有寫執行情形，請補上辦理成果。",
                              f"{ctx.locator.node(item.node.id)} {period.name}執行情形")


@rule("review-late-unexplained", "落後未說明原因")
def late_without_explanation(ctx):
    for item, period, result in _results(ctx):
        if result is not None and result.status == "落後" and len(normalized(result.text)) < _EXPLANATION:
            yield ctx.finding("review-late-unexplained", WARNING, item.node.id,
                              "標為「落後」但沒有說明原因，請補上落後原因與改善措施。",
                              f"{ctx.locator.node(item.node.id)} {period.name}執行情形")
