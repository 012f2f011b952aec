"""Review notes: a 處長's comment kept on its item after the review, until resolved.

Notes live beside the plan (never in its text), so exports leave them out."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class ReviewNote:
    target: str | None      # node id, section:<id>, or None for the plan itself
    location: str
    field: str
    author: str
    date: str
    anchor: str
    text: str
    source: str = ""
    id: int | None = None
    resolved: str | None = None

    def as_dict(self) -> dict:
        return {"id": self.id, "location": self.location, "field": self.field, "author": self.author,
                "date": self.date, "anchor": self.anchor, "text": self.text, "source": self.source,
                "resolved": self.resolved}


def notes_from(entries, source: str) -> list[ReviewNote]:
    """The comment entries of a review as notes."""
    return [ReviewNote(e.target, e.location, e.field, e.author, e.date, e.old, e.new, source)
            for e in entries if e.kind == "comment"]


HEADERS = ["位置", "審閱者", "註解", "所標示的文字", "處理"]


def write_notes(plan, notes: list[ReviewNote], target) -> None:
    """The notes as a one-table document (only when asked: they never go into the plan's export)."""
    from pathlib import Path

    from ..errors import PlanDeskError
    from ..export import write_table_document
    from .entries import by_whom
    target = Path(target)
    fmt = target.suffix.lower().lstrip(".")
    if fmt not in ("docx", "odt"):
        raise PlanDeskError(f"審閱註解只能存成 .docx 或 .odt，「{target.name}」的副檔名不符，請改用其中之一。")
    rows = [[n.location, by_whom(n.author, n.date), n.text, n.anchor,
             "已處理" if n.resolved else "未處理"] for n in notes]
    title = f"{plan.title or plan.office}審閱註解"
    write_table_document(title, HEADERS, rows, fmt, target, profile=plan.profile, widths=[2, 1.4, 3, 3, 1])
