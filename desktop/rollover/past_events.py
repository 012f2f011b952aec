"""Years in past-event phrases: 「自108年元月起…」「108年起」「於108年…完成」「108年已…」
「前一年度(108年)」. Such a year tells what already happened, so rolling it would
put a false date into next year's plan: it is proposed as "keep", with the reason."""
from __future__ import annotations

import re

_S = r"[ \u3000]*"
_N = r"[0-9０-９一二三四五六七八九十元]{1,3}"
# what may follow the year's 年 inside the phrase: 度, a month, a day, 初/底/中/份
_TAIL = rf"{_S}年(?:度)?{_S}(?:{_N}{_S}月(?:份)?{_S}(?:{_N}{_S}日)?)?{_S}(?:初|底|中|間|上半年|下半年)?{_S}"
_STARTED = re.compile(_TAIL + "(?:開始)?起")
_ALREADY = re.compile(_TAIL + "(?:即)?已")
_CLAUSE_END = re.compile(r"[。；;！!？?\n]")
_PREVIOUS = re.compile(r"(?:前一年度?|上一年度?|上年度|去年度?|前年度?)[^。；;\n]{0,3}$")
_WINDOW = 24  # characters of a clause searched for 起 / 完成 after the year


def _clause_after(text: str, end: int) -> str:
    tail = text[end:end + _WINDOW]
    stop = _CLAUSE_END.search(tail)
    return tail[:stop.start()] if stop else tail


def _clause_before(text: str, start: int) -> str:
    head = text[max(0, start - _WINDOW):start]
    stops = list(_CLAUSE_END.finditer(head))
    return head[stops[-1].end():] if stops else head


def past_event_reason(text: str, start: int, end: int) -> str | None:
    """Why the year written at ``text[start:end]`` names a past event (zh-TW), or None."""
    before, after = _clause_before(text, start), _clause_after(text, end)
    year = text[start:end]
    if _STARTED.match(text, end) or (re.search(rf"自{_S}$", before) and "起" in after):
        return f"「自{year}年…起」「{year}年起」說的是過去開始的事，預設保留原年份。"
    if _ALREADY.match(text, end):
        return f"「{year}年已…」說的是已經發生的事，預設保留原年份。"
    if re.search(rf"於{_S}$", before) and "完成" in after and "前" not in after.split("完成")[0]:
        return f"「於{year}年…完成」說的是已完成的事，預設保留原年份。"
    if _PREVIOUS.search(before):
        return f"「前一年度」所指的 {year} 年是過去的年份，預設保留原年份。"
    return None
