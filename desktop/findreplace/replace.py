"""Replacing found matches: ONE core operation (EditNode / EditPlan / SetSections
in a Compound), so a whole 全部取代 is a single undo step."""
from __future__ import annotations

import copy

from ..errors import PlanDeskError
from ..model import Plan
from ..ops import Compound, EditNode, EditPlan, Operation, SetSections
from .matches import DEPARTMENTS, Match, read_field


def _replaced(text: str, matches: list[Match], replacement: str) -> str:
    for m in sorted(matches, key=lambda m: m.start, reverse=True):  # right to left: offsets stay valid
        text = text[:m.start] + replacement + text[m.end:]
    return text


def replace_operation(plan: Plan, matches: list[Match], replacement: str,
                      label: str = "取代") -> Operation | None:
    """One operation replacing every match in ``matches`` by ``replacement``; None
    when there is nothing to replace. Refuses when a field changed since it was found."""
    by_ref: dict[FieldRef, list[Match]] = {}
    for m in matches:
        by_ref.setdefault(m.ref, []).append(m)
    node_values: dict[str, dict] = {}
    plan_values: dict[str, str] = {}
    sections = None
    for ref, found in by_ref.items():
        try:
            current = read_field(plan, ref)
        except (KeyError, IndexError, StopIteration):
            current = None
        if current != found[0].text:
            raise PlanDeskError("計畫在尋找之後已有修改，請按「尋找」重新找一次再取代。")
        new = _replaced(current, found, replacement)
        if ref.kind == "plan":
            plan_values[ref.attr] = new
        elif ref.kind == "node" and ref.attr == DEPARTMENTS:
            values = node_values.setdefault(ref.owner, {})
            departments = values.setdefault(DEPARTMENTS, copy.deepcopy(plan.find(ref.owner)[0].departments))
            departments[ref.index].name = new
        elif ref.kind == "node":
            node_values.setdefault(ref.owner, {})[ref.attr] = new
        else:
            if sections is None:
                sections = Plan(sections=copy.deepcopy(plan.sections))  # a scratch holder to edit
            ref.set(sections, new)
    ops: list[Operation] = [EditNode(node_id, values, label) for node_id, values in node_values.items()]
    if plan_values:
        ops.append(EditPlan(plan_values, label))
    if sections is not None:
        ops.append(SetSections(sections.sections, label))
    return Compound(ops, label) if ops else None
