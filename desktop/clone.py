"""Next year's plan from last year's: a new 草稿 copy with reviewed roll-over.

The source plan is only read. The copy keeps everything (sections, tree,
departments, periods, layout profile, column labels) and gets fresh ids from
:meth:`Library.add_plan`, which stores it in one transaction.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Iterable

from .assessment.model import Review
from .errors import PlanDeskError
from .library import Library
from .model import Department, Node, Paragraph, Plan
from .rollover import Proposal, SourceYear, apply_proposals, propose, source_year


@dataclass
class ClonePreview:
    """The source plan, the year its text evidently stands for, and the roll-over
    proposals for year ``year``: what the wizard shows before anything is written."""
    source: Plan
    year: int
    proposals: list[Proposal] = field(default_factory=list)
    source_year: SourceYear | None = None

    def proposed(self) -> list[Proposal]:
        """The proposals proposed as "apply" (past events are proposed as "keep")."""
        return [p for p in self.proposals if p.accept]


def _copy_node(node: Node) -> Node:
    return Node(title=node.title, text=node.text, period=node.period, numbered=node.numbered,
                skip=node.skip, id=node.id,
                departments=[Department(d.name, d.role) for d in node.departments],
                children=[_copy_node(c) for c in node.children])


def copy_plan(plan: Plan) -> Plan:
    """An independent copy (ids kept, so proposals still find their fields);
    explicit rather than deepcopy, which is most of a large clone's time."""
    out = replace(plan, columns=list(plan.columns), tree=[_copy_node(n) for n in plan.tree])
    out.sections = [replace(s, paragraphs=[Paragraph(p.text, p.numbered) for p in s.paragraphs],
                            notes=list(s.notes)) for s in plan.sections]
    return out


def check_year(year: int) -> int:
    if not isinstance(year, int) or not 1 <= year <= 999:
        raise PlanDeskError(f"年度「{year}」不正確，請輸入民國年（例如 115）。")
    return year


def preview_clone(library: Library, plan_id: int, year: int, rollover: bool = True) -> ClonePreview:
    """Load the source, read its real year and compute its roll-over proposals
    (nothing is written)."""
    check_year(year)
    source = library.load_plan(plan_id)
    evidence = source_year(source)
    return ClonePreview(source, year, propose(source, year, evidence) if rollover else [], evidence)


def build_clone(preview: ClonePreview, accepted: Iterable[Proposal] | None = None) -> Plan:
    """The new plan in memory: the source copied, the ``accepted`` proposals
    applied (when None, those proposed as "apply"), year set, status 草稿, no library id."""
    plan = copy_plan(preview.source)
    chosen = preview.proposed() if accepted is None else list(accepted)
    apply_proposals(plan, chosen)
    plan.year = preview.year
    plan.status = "草稿"
    # the new year starts its half-year review empty: same periods, no results, no fixed due dates
    plan.review = Review(periods=[replace(p, due="") for p in plan.review.periods])
    plan.id = None
    return plan


def create_clone(library: Library, preview: ClonePreview,
                 accepted: Iterable[Proposal] | None = None) -> int:
    """Store the clone (one transaction, fresh ids) and return its id."""
    return library.add_plan(build_clone(preview, accepted))


def clone_plan(library: Library, plan_id: int, year: int, rollover: bool = True) -> tuple[int, list[Proposal]]:
    """Clone with the proposals proposed as "apply" applied (none with ``rollover=False``).
    Returns the new plan's id and all proposals that were made."""
    new_id, preview = clone_with_preview(library, plan_id, year, rollover)
    return new_id, preview.proposals


def clone_with_preview(library: Library, plan_id: int, year: int, rollover: bool = True) -> tuple[int, ClonePreview]:
    """:func:`clone_plan`, returning the whole preview (with what the source's text says of its year)."""
    preview = preview_clone(library, plan_id, year, rollover)
    return create_clone(library, preview), preview
