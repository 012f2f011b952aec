"""The embedded demo library: the three example plans shipped in
``templates/plans/examples`` and the five-面向 skeleton for new plans."""
from __future__ import annotations

import copy
from functools import lru_cache

from .exchange import read_plan_file
from .library import Library
from .model import Plan
from .paths import data_dir


def example_files() -> list:
    return sorted((data_dir("templates") / "plans" / "examples").glob("*.json"))


def seed_if_empty(library: Library) -> list[int]:
    """Load the example plans into a library that has no plans yet.
    Returns the new plan ids (empty when the library already had plans)."""
    if library.plan_count(include_deleted=True):
        return []
    return [library.add_plan(read_plan_file(path)) for path in example_files()]


@lru_cache(maxsize=1)
def _skeleton() -> Plan:
    return read_plan_file(data_dir("templates") / "plans" / "skeleton.json")


def skeleton_plan(organization: str = "", office: str = "", year: int | None = None) -> Plan:
    """A fresh copy of the five-面向 skeleton (基礎服務 … 開放創新) with its usual 執行策略."""
    from .ops import clone_nodes
    plan = copy.deepcopy(_skeleton())
    plan.tree = clone_nodes(plan.tree)
    plan.organization, plan.office = organization, office
    if year is not None:
        plan.title = plan.title.replace(str(plan.year), str(year))
        plan.year = year
    return plan
