"""The consistency checker: ``check_plan(plan, library=None) -> list[Finding]``.

Rules live in one module per group (years, dates, items, departments,
typography, letters, guard rails: title_length, invisible, leaf_department,
half-year review: review) and register themselves in :mod:`.registry`; a finding
names its rule, severity (錯誤/警告/提示), place (with computed numbering and a
machine target for the GUI) and what to fix, in one zh-TW sentence.
"""
from __future__ import annotations

from .registry import RULES, CheckContext, Finding, check_plan, rule_name, SEVERITIES
from . import dates, departments, items, letters, typography, years  # noqa: F401  (register rules)
from . import invisible, leaf_department, title_length  # noqa: F401
from . import review  # noqa: F401  (半年自行考核)

__all__ = ["RULES", "CheckContext", "Finding", "check_plan", "rule_name", "SEVERITIES"]
