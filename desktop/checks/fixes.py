"""One-click fixes the checker offers (each one operation, so one undo step)."""
from __future__ import annotations

import copy
from dataclasses import replace

from ..model import Plan
from ..ops import Compound, EditNode, EditPlan, Operation, SetSections
from ..plantext import text_fields
from ..sanitize import strip_invisible

STRIP_INVISIBLE_LABEL = "清除隱形字元"


def strip_invisible_op(plan: Plan) -> Operation | None:
    """One operation removing every invisible/bidi control character from the
    plan's text fields and department names; None when there is none."""
    ops: list[Operation] = []
    plan_values: dict[str, str] = {}
    sections = copy.deepcopy(plan.sections)
    sections_dirty = False
    node_values: dict[str, dict] = {}
    for field in text_fields(plan):
        clean = strip_invisible(field.text)
        if clean == field.text:
            continue
        ref = field.ref
        if ref.kind == "plan":
            plan_values[ref.attr] = clean
        elif ref.kind == "node":
            node_values.setdefault(ref.owner, {})[ref.attr] = clean
        else:
            holder = Plan(sections=sections)
            ref.set(holder, clean)
            sections_dirty = True
    for node in plan.walk():
        names = [strip_invisible(d.name) for d in node.departments]
        if names != [d.name for d in node.departments]:
            node_values.setdefault(node.id, {})["departments"] = [
                replace(d, name=n) for d, n in zip(node.departments, names)]
    if plan_values:
        ops.append(EditPlan(plan_values, STRIP_INVISIBLE_LABEL))
    if sections_dirty:
        ops.append(SetSections(sections, STRIP_INVISIBLE_LABEL))
    ops.extend(EditNode(node_id, values, STRIP_INVISIBLE_LABEL) for node_id, values in node_values.items())
    return Compound(ops, STRIP_INVISIBLE_LABEL) if ops else None
