"""Findings, the rule registry and the context rules share (computed once per check)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Callable, Iterator

from ..assessment.items import review_items
from ..model import Plan
from ..plantext import Locator, TextField, text_fields

ERROR, WARNING, HINT = "錯誤", "警告", "提示"
SEVERITIES = (ERROR, WARNING, HINT)


@dataclass
class Finding:
    rule: str
    severity: str
    location: str   # for people: 「一、(二)2.(3) 內容」 or 「壹、計畫依據 第1段」
    message: str    # one zh-TW sentence: what is wrong and what to do
    target: str     # node id, "section:<id>" or "plan:<field>"

    def as_dict(self) -> dict:
        return {"rule": self.rule, "severity": self.severity, "location": self.location,
                "message": self.message, "target": self.target}


class CheckContext:
    """The plan under check plus things several rules need (lazily computed)."""

    def __init__(self, plan: Plan, library=None, today: date | None = None):
        self.plan = plan
        self.library = library
        self.today = today or date.today()  # rules about deadlines (考核) compare with it

    @cached_property
    def locator(self) -> Locator:
        return Locator(self.plan)

    @cached_property
    def fields(self) -> list[TextField]:
        return list(text_fields(self.plan, self.locator))

    @cached_property
    def review_items(self) -> list:
        """The plan's 考核 items (desktop.assessment), shared by the review rules."""
        return review_items(self.plan)

    def finding(self, rule: str, severity: str, field_or_target, message: str,
                location: str | None = None) -> Finding:
        """A finding at a text field, a node id or a section/plan target."""
        if isinstance(field_or_target, TextField):
            return Finding(rule, severity, location or field_or_target.location, message,
                           field_or_target.ref.target)
        target = field_or_target
        if location is None:
            location = self.locator.node(target) if ":" not in target else target
        return Finding(rule, severity, location, message, target)

    def basis_sections(self):
        """Sections that state the plan's basis (計畫依據); the first section if none is named so."""
        named = [s for s in self.plan.sections if "依據" in s.heading]
        return named or [s for s in self.plan.sections[:1] if s.kind == "text"]

    @cached_property
    def previous_plan(self) -> Plan | None:
        """The same office's plan of the nearest earlier year in the library, if any."""
        if self.library is None or not self.plan.office:
            return None
        plan_id = self.library.previous_plan_id(self.plan.office, self.plan.year, self.plan.id)
        return self.library.load_plan(plan_id) if plan_id is not None else None


Rule = Callable[[CheckContext], Iterator[Finding]]
RULES: dict[str, Rule] = {}
RULE_NAMES: dict[str, str] = {}  # rule id → the Chinese name people see


def rule(rule_id: str, name: str = ""):
    """Register a rule function under ``rule_id`` (ids are stable: JSON uses them;
    ``name`` is what the GUI and the plain CLI show)."""
    def wrap(func: Rule) -> Rule:
        RULES[rule_id] = func
        if name:
            RULE_NAMES[rule_id] = name
        return func
    return wrap


def rule_name(rule_id: str) -> str:
    """The Chinese name of a rule (its id when it has none)."""
    return RULE_NAMES.get(rule_id, rule_id)


_ORDER = {s: i for i, s in enumerate(SEVERITIES)}


def check_plan(plan: Plan, library=None, today: date | None = None) -> list[Finding]:
    """Run every rule; findings sorted by severity, then in the order rules found them."""
    ctx = CheckContext(plan, library, today)
    findings: list[Finding] = []
    for func in RULES.values():
        findings.extend(func(ctx))
    return sorted(findings, key=lambda f: _ORDER[f.severity])
