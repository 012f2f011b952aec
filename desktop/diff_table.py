"""The 新舊對照表 as a document: 本年度 | 上年度 | 說明, rows in the new plan's order,
written by the exporters in the plan's official layout (fonts, A4, repeated header)."""
from __future__ import annotations

from pathlib import Path

from .diff import ADDED, REMOVED, DiffEntry
from .model import Plan

HEADERS = ["本年度", "上年度", "說明"]
WIDTHS = [4.0, 4.0, 2.0]


def _cell(location: str | None, text: str) -> str:
    if location is None:
        return "（無）"
    return f"{location}\n{text}" if text else location


def table_rows(entries: list[DiffEntry]) -> list[list[str]]:
    """One row per entry: the new text, the old text, and 新增/刪除/修正/移動 with the detail."""
    return [[_cell(e.new_location, e.new_text), _cell(e.old_location, e.old_text), explanation(e)]
            for e in entries]


def explanation(entry: DiffEntry) -> str:
    """說明 cell: 新增/刪除 say it all; 修正/移動 add what changed."""
    if entry.change in (ADDED, REMOVED):
        return entry.label
    return f"{entry.label}：{entry.detail}"


def table_title(old: Plan, new: Plan) -> str:
    name = new.title or f"{new.office}{new.year}年度提升服務效能執行計畫"
    return f"{name}新舊對照表（{new.year} 年度與 {old.year} 年度）"


def write_diff_table(old: Plan, new: Plan, entries: list[DiffEntry], fmt: str, target: str | Path) -> Path:
    """Write the 對照表 as ``fmt`` (docx/odt) to ``target`` atomically, in ``new``'s layout profile."""
    from .export import write_table_document
    return write_table_document(table_title(old, new), HEADERS, table_rows(entries), fmt, target,
                                profile=new.profile, widths=WIDTHS)
