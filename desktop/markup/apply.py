"""The accepted entries of a review as ONE operation on the plan (one undo step).

Field edits come first (they address items by id), then deletions, then the
items to insert or move in document order — each placed when it is applied,
after the nearest preceding sibling that is there by then.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass

from ..errors import PlanDeskError
from ..importer.cells import departments as parse_departments
from ..model import Node, Plan
from ..ops import (Compound, DeleteNodes, EditNode, EditPlan, InsertNodes, MoveNode, Operation, SetSections,
                   siblings_of)
from .entries import FieldPatch, Placement, ReviewEntry


@dataclass
class PlaceNode(Operation):
    """Insert ``node`` (or move the item ``move_id``) at ``place``, resolved on the plan as it is then."""
    place: Placement
    node: Node | None = None
    move_id: str | None = None
    label: str = "修正"

    def apply(self, plan: Plan):
        parent = self.place.parent
        try:
            siblings = siblings_of(plan, parent)
        except KeyError:
            raise PlanDeskError("要放入的項目所屬的上層項目沒有被接受，請一併接受該上層項目後再試。") from None
        ids = [s.id for s in siblings if s.id != self.move_id]
        index = next((ids.index(a) + 1 for a in self.place.after if a in ids), 0)
        if self.move_id is None:
            return InsertNodes(parent, index, [copy.deepcopy(self.node)], self.label).apply(plan)
        current = [s.id for s in siblings]
        if self.move_id in current and current.index(self.move_id) < index + 1:
            index += 1  # MoveNode counts positions before the node leaves its place
        return MoveNode(self.move_id, parent, index, self.label).apply(plan)


def _field_value(patch: FieldPatch, taken: set[int]):
    mine = patch.marks() & taken
    if patch.field != "departments":
        return patch.text(taken)
    if mine == patch.marks():
        return copy.deepcopy(patch.all_value)
    roles = {d.role for d in (patch.all_value or []) + (patch.none_value or [])}
    return parse_departments(patch.text(taken), distinguish=roles != {"承辦"})


def operation(plan: Plan, chosen: list[ReviewEntry], label: str) -> Operation:
    """One operation applying ``chosen`` (comments are not plan edits: see notes)."""
    chosen = [e for e in chosen if e.kind != "comment"]
    taken = set().union(*(e.marks for e in chosen)) if chosen else set()
    ops: list[Operation] = []
    node_values: dict[str, dict] = {}
    plan_values: dict[str, object] = {}
    patched: set[tuple[str, str]] = set()
    for patch in {id(e.patch): e.patch for e in chosen if e.patch is not None and e.section_patch is None}.values():
        patched.add((patch.owner, patch.field))
        value = _field_value(patch, taken)
        (plan_values if patch.owner == "plan" else node_values.setdefault(patch.owner, {}))[patch.field] = value
    for entry in chosen:
        if entry.kind == "change" and entry.values and entry.field != "section":
            owner = entry.target or "plan"
            if (owner, entry.field) in patched:
                continue  # the tracked edits of the same field already hold this text
            target = plan_values if entry.target is None else node_values.setdefault(entry.target, {})
            target.update(entry.values)
    ops += [EditNode(node_id, values, label) for node_id, values in node_values.items()]
    if plan_values:
        ops.append(EditPlan(plan_values, label))
    sections = _sections(plan, chosen, taken)
    if sections is not None:
        ops.append(SetSections(sections, label))
    gone = [e.target for e in chosen if e.kind in ("delete", "remove") and e.field == "item"]
    if gone:
        ops.append(DeleteNodes(gone, label))
    for entry in chosen:
        if entry.field != "item" or entry.place is None:
            continue
        if entry.kind == "move":
            ops.append(PlaceNode(entry.place, move_id=entry.target, label=label))
        elif entry.kind in ("insert", "add"):
            ops.append(PlaceNode(entry.place, node=entry.node, label=label))
    return Compound(ops, label)


def _sections(plan: Plan, chosen: list[ReviewEntry], taken: set[int]):
    """The plan's section list after the chosen section edits, or None when untouched."""
    touched = [e for e in chosen if e.field == "section" or e.section_patch is not None]
    if not touched:
        return None
    sections = copy.deepcopy(plan.sections)
    by_id = {s.id: s for s in sections}
    for patch in {id(e.section_patch): e.section_patch for e in chosen if e.section_patch is not None}.values():
        if patch.owner in by_id:
            patch.apply(by_id[patch.owner], taken)
    for entry in chosen:
        if entry.field != "section":
            continue
        owner = (entry.target or "").removeprefix("section:")
        if entry.kind == "change" and owner in by_id:
            returned = entry.section
            by_id[owner].heading, by_id[owner].paragraphs, by_id[owner].notes = (
                returned.heading, copy.deepcopy(returned.paragraphs), list(returned.notes))
        elif entry.kind == "remove" and owner in by_id and by_id[owner].kind != "table":
            sections.remove(by_id.pop(owner))
        elif entry.kind == "add" and entry.section.kind != "table":
            sections.append(copy.deepcopy(entry.section))
    return sections


def revision_label(source: str, count: int) -> str:
    return f"依 {source} 修正 ({count} 處)"


def accept_entries(document, chosen: list[ReviewEntry], source: str) -> int:
    """Apply ``chosen`` to the open ``document`` (desktop.document.PlanDocument) as one
    undo step, keep its comments as review notes and log the revision — all in one
    transaction. Returns how many plan edits were applied."""
    from .notes import notes_from
    plan = document.plan
    if plan.status == "核定":
        raise PlanDeskError("此計畫已核定，不能套用修正；如需修改，請先把狀態改回「陳核」或「草稿」。")
    edits = [e for e in chosen if e.kind != "comment"]
    label = revision_label(source, len(edits))
    library = document.library
    with library.transaction():
        library.add_review_notes(plan.id, notes_from(chosen, source))
        if edits:
            library.log_revision(plan.id, label)
            try:
                document.apply(operation(plan, edits, label))
            except KeyError:  # an item the review points at was deleted meanwhile (Compound undid the rest)
                raise PlanDeskError("計畫在審閱期間已被修改（有修正所指的項目已不存在），請重新匯入處長修正後再套用。") from None
    return len(edits)
