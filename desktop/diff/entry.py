"""One row of the 新舊對照表 and the comparison that holds the rows."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Node

ADDED, REMOVED, CHANGED, MOVED = "added", "removed", "changed", "moved"
KINDS = (ADDED, REMOVED, CHANGED, MOVED)
LABELS = {ADDED: "新增", REMOVED: "刪除", CHANGED: "修正", MOVED: "移動"}
# what a row is about
ITEM, TITLE, DATE_LINE, SECTION, HEADING, PARAGRAPH, NOTE = (
    "item", "title", "date_line", "section", "heading", "paragraph", "note")


@dataclass
class DiffEntry:
    """One real change. See the package docstring for the meaning of each field."""
    change: str                      # added | removed | changed | moved
    field: str                       # item | title | date_line | section | heading | paragraph | note
    old_location: str | None
    new_location: str | None
    detail: str
    old_text: str = ""
    new_text: str = ""
    old_target: str | None = None    # node id, "section:<id>" or "plan:<field>"
    new_target: str | None = None
    old_node: Node | None = None
    new_node: Node | None = None
    count: int = 1                   # items in an added/removed subtree, the node included
    changes: tuple[str, ...] = ()    # item rows: text, departments, period, parent, order
    extras: list[tuple[str, str, str]] = field(default_factory=list)  # (label, old, new): departments, period

    @property
    def label(self) -> str:
        return LABELS[self.change]

    def as_dict(self) -> dict:
        return {"change": self.change, "field": self.field, "old": self.old_location,
                "new": self.new_location, "detail": self.detail, "count": self.count,
                "old_text": self.old_text, "new_text": self.new_text}


@dataclass
class Comparison:
    """All rows in the new plan's order, and how many items were only renumbered
    because of them (not rows: the 對照表 says so in one line)."""
    rows: list[DiffEntry]
    renumbered: int = 0

    def counts(self) -> dict[str, int]:
        return {kind: sum(1 for r in self.rows if r.change == kind) for kind in KINDS}

    def summary(self) -> str:
        """「新增 0 項、刪除 1 項、修正 1 項、移動 1 項；另有 8 項僅因此重新編號（未列出）。」"""
        if not self.rows:
            return "兩個計畫的內容相同。"
        text = "、".join(f"{LABELS[k]} {n} 項" for k, n in self.counts().items())
        if self.renumbered:
            text += f"；另有 {self.renumbered} 項僅因上列增刪或移動而重新編號（未列出）"
        return text + "。"

    def as_dict(self) -> dict:
        return {"counts": self.counts(), "renumbered": self.renumbered, "summary": self.summary(),
                "rows": [r.as_dict() for r in self.rows]}
