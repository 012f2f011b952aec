"""Titles longer than the layout profile allows: a pasted paragraph in a title
cell stretches the exported table over pages (6,000 characters: 8 → 37 pages)."""
from __future__ import annotations

from ..errors import PlanDeskError
from ..profiles import load_profile
from .registry import WARNING, rule


@rule("title-length", "標題過長")
def title_too_long(ctx):
    try:
        limit = load_profile(ctx.plan.profile).get("max_title_chars")
    except PlanDeskError:
        return  # an unknown profile is the exporter's to report
    if not limit:
        return
    for field in ctx.fields:
        if field.ref.attr == "title" and len(field.text) > limit:
            yield ctx.finding("title-length", WARNING, field,
                              f"標題有 {len(field.text)} 字，超過版面設定的上限 {limit} 字，"
                              "請縮短標題，把說明移到內容欄。")
