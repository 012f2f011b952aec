"""Find and replace in one plan (Ctrl+F / Ctrl+H): every match of a text in
titles, contents, departments, periods, plan data and section paragraphs, in the
order they are printed; replacements built as ONE core operation (EditNode /
EditPlan / SetSections in a Compound) so a whole 全部取代 is a single undo step.
Qt-free; the dialog in ``desktop/gui/find_replace.py`` is thin.

This module finds; :mod:`.replace` builds the operation."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from ..model import Node, Plan
from ..plantext import FieldRef, Locator, text_fields

CONTEXT_CHARS = 16
DEPARTMENTS = "departments"  # FieldRef.attr of one department name (index: its place in the list)


@dataclass(frozen=True)
class Match:
    """``text[start:end]`` of the field ``ref`` matched; ``text`` is the whole field
    as it was when found (a replacement checks it is still so)."""
    ref: FieldRef
    start: int
    end: int
    text: str
    location: str  # for people: 「一、(二)2. 內容」

    @property
    def target(self) -> str:
        """What the window selects: a node id, ``section:<id>`` or ``plan:<field>``."""
        return self.ref.target

    @property
    def found(self) -> str:
        return self.text[self.start:self.end]

    def context(self) -> tuple[str, str, str]:
        """(text before, the match, text after), each side cut to a few characters."""
        left = max(0, self.start - CONTEXT_CHARS)
        right = min(len(self.text), self.end + CONTEXT_CHARS)
        before = ("…" if left else "") + self.text[left:self.start]
        after = self.text[self.end:right] + ("…" if right < len(self.text) else "")
        return before.replace("\n", " "), self.found, after.replace("\n", " ")


def read_field(plan: Plan, ref: FieldRef) -> str:
    """The current text of ``ref``, department names included."""
    if ref.attr == DEPARTMENTS:
        departments = plan.find(ref.owner)[0].departments
        return departments[ref.index].name if ref.index < len(departments) else ""
    return ref.get(plan)


def _fields(plan: Plan, locator: Locator) -> Iterator[tuple[FieldRef, str, str]]:
    """(ref, text, location) of every searchable string, each item's departments after its fields."""
    pending: Node | None = None

    def departments(node: Node | None):
        for i, dept in enumerate(node.departments if node else []):
            yield FieldRef("node", node.id, DEPARTMENTS, i), dept.name, f"{locator.node(node.id)} 承辦部門"

    for field in text_fields(plan, locator):
        if field.node is not pending:
            yield from departments(pending)
            pending = field.node
        yield field.ref, field.text, field.location
    yield from departments(pending)


def find(plan: Plan, query: str, match_case: bool = False) -> list[Match]:
    """Every occurrence of ``query`` (literal text) in ``plan``, in document order."""
    if not query:
        return []
    return find_pattern(plan, re.compile(re.escape(query), 0 if match_case else re.IGNORECASE))


def find_pattern(plan: Plan, pattern: re.Pattern) -> list[Match]:
    """Every match of the compiled ``pattern`` in ``plan``, in document order."""
    return [Match(ref, m.start(), m.end(), text, location)
            for ref, text, location in _fields(plan, Locator(plan))
            for m in pattern.finditer(text)]
