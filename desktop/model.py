"""The plan domain: plain dataclasses, no Qt, no storage.

A plan's body is a tree of :class:`Node`. Numbering tokens are never stored:
``desktop.numbering`` computes them from position, depth and ``skip``.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Iterator

from .assessment.model import Review

STATUSES = ("草稿", "陳核", "核定")
ROLES = ("主辦", "協辦", "承辦")  # 承辦: the plan does not distinguish roles
DEFAULT_COLUMNS = ["面向", "執行策略", "具體作法", "承辦部門", "執行期間"]
DEFAULT_PROFILE = "taipower"


def new_id() -> str:
    """A fresh, globally unique id for a node, section or plan."""
    return uuid.uuid4().hex


@dataclass
class Department:
    name: str
    role: str = "承辦"


@dataclass
class Node:
    """One row-giving item of the plan tree (面向, 策略, 作法, 細項 …).

    ``skip`` is how many numbering levels this node skips below its parent's
    level (a published plan may number items "(1)" directly under "(一)").
    """
    title: str = ""
    text: str = ""
    departments: list[Department] = field(default_factory=list)
    period: str = ""
    numbered: bool = True
    skip: int = 0
    children: list["Node"] = field(default_factory=list)
    id: str = field(default_factory=new_id)

    def walk(self) -> Iterator["Node"]:
        """This node and all descendants, depth first, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Paragraph:
    text: str = ""
    numbered: bool = False


@dataclass
class Section:
    """A part of the plan around the table: 計畫依據, 計畫目標 … or the table itself."""
    heading: str = ""
    kind: str = "text"  # "text" | "table"
    paragraphs: list[Paragraph] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # ※ lines after the table
    id: str = field(default_factory=new_id)


@dataclass
class Plan:
    organization: str = ""
    office: str = ""
    year: int = 0
    title: str = ""
    date_line: str = ""
    status: str = "草稿"
    columns: list[str] = field(default_factory=lambda: list(DEFAULT_COLUMNS))
    profile: str = DEFAULT_PROFILE
    sections: list[Section] = field(default_factory=list)
    tree: list[Node] = field(default_factory=list)
    review: Review = field(default_factory=Review)  # 半年自行考核 periods and results
    id: int | None = None  # library row id, set by storage
    revision: int = 0      # the library's revision of this plan when it was read (storage)

    def walk(self) -> Iterator[Node]:
        """Every node of the tree in document order."""
        for top in self.tree:
            yield from top.walk()

    def table_section(self) -> Section | None:
        return next((s for s in self.sections if s.kind == "table"), None)

    def find(self, node_id: str) -> tuple[Node, Node | None, list[Node]]:
        """(node, parent or None, sibling list holding it). KeyError if absent."""
        stack: list[tuple[Node | None, list[Node]]] = [(None, self.tree)]
        while stack:
            parent, siblings = stack.pop()
            for node in siblings:
                if node.id == node_id:
                    return node, parent, siblings
                stack.append((node, node.children))
        raise KeyError(node_id)

    def path_of(self, node_id: str) -> list[int]:
        """Row indexes from the top level down to the node."""
        path: list[int] = []
        target = node_id
        while True:
            node, parent, siblings = self.find(target)
            path.insert(0, siblings.index(node))
            if parent is None:
                return path
            target = parent.id


def is_action_item(node: Node) -> bool:
    """A leaf that is a concrete 作法: it is what carries departments and a period."""
    return not node.children and bool(node.text or node.departments or node.period)
