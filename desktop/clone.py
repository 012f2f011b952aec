"""Next year's plan from last year's: a new 草稿 copy with reviewed roll-over.

The source plan is only read. The copy keeps everything (sections, tree,
departments, periods, layout profile, column labels) and gets fresh ids from
:meth:`Library.add_plan`, which stores it in one transaction.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Iterable

from .errors import PlanDeskError
from .library import Library
from .model import Plan
from .rollover import Proposal, apply_proposals, propose


@dataclass
class ClonePreview:
    """The source plan and the roll-over proposals for year ``year``: what the
    wizard shows before anything is written."""
    source: Plan
    year: int
    proposals: list[Proposal] = field(default_factory=list)


def check_year(year: int) -> int:
    if not isinstance(year, int) or not 1 <= year <= 999:
        raise PlanDeskError(f"年度「{year}」不正確，請輸入民國年（例如 115）。")
    return year


def preview_clone(library: Library, plan_id: int, year: int, rollover: bool = True) -> ClonePreview:
    """Load the source and compute its roll-over proposals (nothing is written)."""
    check_year(year)
    source = library.load_plan(plan_id)
    return ClonePreview(source, year, propose(source, year) if rollover else [])


def build_clone(preview: ClonePreview, accepted: Iterable[Proposal] | None = None) -> Plan:
    """The new plan in memory: the source copied, the ``accepted`` proposals
    applied (all of them when None), year set, status 草稿, no library id."""
    plan = copy.deepcopy(preview.source)
    chosen = preview.proposals if accepted is None else list(accepted)
    apply_proposals(plan, chosen)
    plan.year = preview.year
    plan.status = "草稿"
    plan.id = None
    return plan


def create_clone(library: Library, preview: ClonePreview,
                 accepted: Iterable[Proposal] | None = None) -> int:
    """Store the clone (one transaction, fresh ids) and return its id."""
    return library.add_plan(build_clone(preview, accepted))


def clone_plan(library: Library, plan_id: int, year: int, rollover: bool = True) -> tuple[int, list[Proposal]]:
    """Clone with every proposal applied (or none with ``rollover=False``).
    Returns the new plan's id and the proposals that were made."""
    preview = preview_clone(library, plan_id, year, rollover)
    return create_clone(library, preview), preview.proposals
