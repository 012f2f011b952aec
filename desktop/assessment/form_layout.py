"""What a department return form says, shared by the writer and the reader so
the reader recognises every line the writer put there."""
from __future__ import annotations

import re

from .items import ReviewItem

KEY_HEADER = "編號"
CONTEXT_HEADER = "面向／策略"
ITEM_HEADER = "具體作法"
PERIOD_HEADER = "期間"
TEXT_HEADER = "執行情形"
STATUS_HEADER = "執行狀態"
HEADERS = [KEY_HEADER, CONTEXT_HEADER, ITEM_HEADER, PERIOD_HEADER, TEXT_HEADER, STATUS_HEADER]
WIDTHS = [1.3, 2.6, 4.6, 1.4, 5.4, 1.6]

PLAN_LABEL = "計畫："
DEPARTMENT_LABEL = "填報單位："
PERIOD_LABEL = "考核期間："
DUE_LABEL = "送交期限："
HELP_LABEL = "填寫說明："

PERIOD_RE = re.compile(rf"{PERIOD_LABEL}\s*(\S+?)(?:（|\(|\s|$)")
DEPARTMENT_RE = re.compile(rf"{DEPARTMENT_LABEL}\s*(.+?)\s*$")
TITLE_SUFFIX = "自行考核執行情形填報表"


def form_row(item: ReviewItem, department: str) -> list[str] | None:
    """The cells the form gives ``item`` for ``department`` (None: not its item)."""
    roles = [d.role for d in item.departments if d.name == department]
    if not roles:
        return None
    role = "" if roles[0] == "承辦" else f"\n（{roles[0]}）"
    return [item.key, "\n".join(item.context) + role, item.label, item.node.period, "", ""]
