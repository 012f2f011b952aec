"""What the review lists: one entry per tracked change, untracked edit or comment,
and, for each, what accepting it does to the plan (:mod:`.apply` builds the operations)."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Node, Section
from ..yeartext import roc_iso_date

KINDS = ("insert", "delete", "change", "add", "remove", "move", "comment")
LABELS = {"insert": "插入", "delete": "刪除", "change": "修改", "add": "新增項目", "remove": "刪除項目",
          "move": "移動", "comment": "註解"}
FIELD_NAMES = {"title": "標題", "text": "內容", "departments": "承辦部門", "period": "執行期間",
               "item": "整個項目", "heading": "章節標題", "paragraph": "段落", "note": "附註",
               "section": "章節", "date_line": "日期列"}


@dataclass
class FieldPatch:
    """One field whose accepted value depends on which marks are taken: the merged
    segments (text, mark, -) of both readings; ``owner`` is a plan node id,
    ``section:<id>``/``<index>`` of a paragraph or note, or ``plan``."""
    owner: str
    field: str
    pieces: list[tuple[str, int | None, bool]]
    kinds: dict[int, str]                       # mark → insert/delete
    all_value: object = None                    # the accepted reading's value (departments list)
    none_value: object = None                   # the rejected reading's value

    def text(self, taken: set[int]) -> str:
        out = []
        for text, mark, _ in self.pieces:
            if mark is None:
                out.append(text)
            elif self.kinds.get(mark) == "insert" and mark in taken:
                out.append(text)
            elif self.kinds.get(mark) == "delete" and mark not in taken:
                out.append(text)
        return "".join(out)

    def marks(self) -> set[int]:
        return {m for _t, m, _i in self.pieces if m is not None and m in self.kinds}


@dataclass
class Placement:
    """Where an item goes: under ``parent`` (a plan node id, None for the top) right
    after the first of ``after`` (plan node ids, nearest first) that is there."""
    parent: str | None
    after: list[str]


@dataclass
class ReviewEntry:
    kind: str
    location: str
    field: str
    old: str = ""
    new: str = ""
    author: str = ""
    date: str = ""
    target: str | None = None          # plan node id or section:<id>, to jump to and to note on
    order: tuple = ()
    marks: set[int] = field(default_factory=set)
    patch: FieldPatch | None = None    # tracked text in one field
    node: Node | None = None           # an item to insert (add / insert / move)
    place: Placement | None = None
    values: dict | None = None         # untracked field values to set
    section: Section | None = None     # untracked section edit: the section as returned
    section_patch: object = None       # tracked text in a section: its SectionPatch

    @property
    def label(self) -> str:
        return LABELS[self.kind]

    def as_dict(self) -> dict:
        return {"kind": self.kind, "location": self.location, "field": self.field, "old": self.old,
                "new": self.new, "author": self.author, "date": self.date}


def by_whom(author: str, when: str) -> str:
    """「王處長 115/11/30」: who made a change or note and on which day (either may be unknown)."""
    return " ".join(part for part in (author, roc_iso_date(when) if when else "") if part)
