"""One-click fixes the checker offers (each one operation, so one undo step)."""
from __future__ import annotations

from ..findreplace import find_pattern, replace_operation
from ..model import Plan
from ..ops import Operation
from ..sanitize import INVISIBLE

STRIP_INVISIBLE_LABEL = "清除隱形字元"


def strip_invisible_op(plan: Plan) -> Operation | None:
    """One operation removing every invisible/bidi control character from the
    plan's texts and department names (find & replace's own fields and operation);
    None when there is none."""
    return replace_operation(plan, find_pattern(plan, INVISIBLE), "", STRIP_INVISIBLE_LABEL)
