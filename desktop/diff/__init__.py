"""Year-over-year comparison (新舊對照表): the rows a 處長 reads.

Public API (no Qt):

* :func:`diff_plans(old, new) <diff_plans>` → ``list[DiffEntry]``, the change rows
  in the new plan's order; :func:`compare_plans` → :class:`Comparison` (the rows
  plus how many items were only renumbered, and a one-line summary).
* :func:`match_nodes(old, new) <match_nodes>` → ``{old node id: new node id}``.
* :func:`mark_changes(old_text, new_text) <mark_changes>` → the characters that
  changed, as (text, style) runs.

Row structure (:class:`DiffEntry`):

``change``
    "added" | "removed" | "changed" | "moved" (``label`` is
    新增/刪除/修正/移動). Only real changes are rows: an item renumbered because
    of other rows is not one (``Comparison.renumbered`` counts them).
``field``
    what the row is about: "item" (a table item), "title", "date_line",
    "section" (a whole section added/removed), "heading", "paragraph", "note".
``old_node`` / ``new_node``
    the :class:`~desktop.model.Node` on each side for item rows (None on the
    side that lacks it); ``old_target`` / ``new_target`` the node id,
    ``section:<id>`` or ``plan:title``/``plan:date_line``.
``old_location`` / ``new_location``
    the place for people: 「一、(二)2.(3)」, 「壹、計畫依據 第1段」, 「計畫名稱」.
``old_text`` / ``new_text``
    the text on each side. An added or removed *subtree* is ONE row at its root:
    its text lists the items under it one per line and ``count`` is how many
    items it holds (the root included).
``changes``
    for item rows, which of "text", "departments", "period", "parent" (another
    parent item), "order" (a new order among surviving siblings) changed; an
    item both edited and moved is one "changed" row.
``extras``
    ``(label, old, new)`` for changed departments (承辦部門) and period (執行期間).
``detail``
    the 說明 sentence.
"""
from __future__ import annotations

from ..model import Plan
from ..plantext import Locator
from .entry import (ADDED, CHANGED, KINDS, LABELS, MOVED, REMOVED, Comparison, DiffEntry)
from .items import departments_text, item_rows
from .marks import mark_changes
from .match import content_key, match_nodes, node_text
from .texts import ITEMS, pair_sections, plan_field_rows, section_rows, section_text


def compare_plans(old: Plan, new: Plan) -> Comparison:
    """Every real change from ``old`` (上年度) to ``new`` (本年度), in the new plan's
    order: title, date line, then section by section with the table's items in
    the table section."""
    old_loc, new_loc = Locator(old), Locator(new)
    items, renumbered = item_rows(old, new, old_loc, new_loc)
    table = new.table_section()
    major = new.sections.index(table) + 1 if table is not None else len(new.sections) + 1
    keyed = plan_field_rows(old, new) + section_rows(old, new, old_loc, new_loc)
    keyed += [((major, ITEMS, position), row) for position, row in items]
    return Comparison([row for _, row in sorted(keyed, key=lambda pair: pair[0])], renumbered)


def diff_plans(old: Plan, new: Plan) -> list[DiffEntry]:
    """The change rows from ``old`` to ``new`` (see the module docstring)."""
    return compare_plans(old, new).rows


__all__ = ["ADDED", "CHANGED", "KINDS", "LABELS", "MOVED", "REMOVED", "Comparison", "DiffEntry",
           "compare_plans", "content_key", "departments_text", "diff_plans", "mark_changes", "match_nodes",
           "node_text", "pair_sections", "section_text"]
