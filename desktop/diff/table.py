"""The 新舊對照表 as a document: 本年度 | 上年度 | 說明, rows in the new plan's order,
changed characters underlined in 本年度 and struck through in 上年度, written by
the exporters in the plan's official layout (fonts, A4, repeated header)."""
from __future__ import annotations

from pathlib import Path

from ..model import Plan
from .entry import ADDED, CHANGED, REMOVED, Comparison, DiffEntry
from .marks import PLAIN, STRIKE, UNDERLINE, Run, mark_changes, split_lines, whole

HEADERS = ["本年度", "上年度", "說明"]
WIDTHS = [4.0, 4.0, 2.0]
NONE = "（無）"


def _runs(entry: DiffEntry, old: str, new: str) -> tuple[list[Run], list[Run]]:
    """(old side, new side) of one text, marked once for both."""
    if entry.change == CHANGED:
        return mark_changes(old, new)
    if entry.change == ADDED:
        return [], whole(new, UNDERLINE)
    if entry.change == REMOVED:
        return whole(old, STRIKE), []
    return whole(old, PLAIN), whole(new, PLAIN)


def row_sides(entry: DiffEntry) -> tuple[list[list[Run]], list[list[Run]]]:
    """(上年度, 本年度) of a row as lines of marked runs: the place, the text, then the
    changed departments and period (「承辦部門：…」)."""
    texts = [_runs(entry, entry.old_text, entry.new_text)]
    extras = [(label, _runs(entry, old, new)) for label, old, new in entry.extras]
    sides = []
    for side, location in ((0, entry.old_location), (1, entry.new_location)):
        if location is None:
            sides.append([[(NONE, PLAIN)]])
            continue
        lines = [[(location, PLAIN)]]
        lines += [line for line in split_lines(texts[0][side]) if line]
        lines += [[(f"{label}：", PLAIN)] + (runs[side] or [("無", PLAIN)]) for label, runs in extras]
        sides.append(lines)
    return sides[0], sides[1]


def explanation(entry: DiffEntry) -> str:
    """說明 cell: 新增/刪除 with the size of a subtree; 修正/移動 with what changed."""
    if entry.change in (ADDED, REMOVED) and entry.count == 1:
        return entry.label
    return f"{entry.label}：{entry.detail}"


def table_rows(entries: list[DiffEntry]) -> list[list]:
    """One row per entry: 本年度 and 上年度 as rich lines, the 說明 text."""
    rows = []
    for entry in entries:
        old_side, new_side = row_sides(entry)
        rows.append([new_side, old_side, explanation(entry)])
    return rows


def table_title(old: Plan, new: Plan) -> str:
    name = new.title or f"{new.office}{new.year}年度提升服務效能執行計畫"
    return f"{name}新舊對照表（{new.year} 年度與 {old.year} 年度）"


def write_diff_table(old: Plan, new: Plan, comparison: Comparison, fmt: str, target: str | Path) -> Path:
    """Write the 對照表 as ``fmt`` (docx/odt) to ``target`` atomically, in ``new``'s
    layout profile; the summary line (counts, renumbered items) under the title."""
    from ..export import write_table_document
    return write_table_document(table_title(old, new), HEADERS, table_rows(comparison.rows), fmt, target,
                                profile=new.profile, widths=WIDTHS, intro=comparison.summary())
