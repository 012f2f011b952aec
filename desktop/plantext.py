"""Every piece of text in a plan, addressable and located for people.

Roll-over, the checker and the comparison all walk the same fields (title, date
line, section headings/paragraphs/notes, node titles/texts/periods) and report
places the same way: a node path with its computed numbering (「一、(二)2.(3)」)
or a section heading with its token (「壹、計畫依據」). The machine target is the
node id, ``section:<id>`` or ``plan:<field>`` so the GUI can select the place.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from .model import Node, Plan, Section
from .numbering import node_tokens, paragraph_tokens, section_tokens

PLAN_FIELD_NAMES = {"title": "計畫名稱", "date_line": "日期列"}
NODE_FIELD_NAMES = {"title": "標題", "text": "內容", "period": "執行期間"}


@dataclass(frozen=True)
class FieldRef:
    """Where one string lives: ``kind`` plan/section/node, the owner's id,
    the attribute, and an index for paragraphs and notes."""
    kind: str
    owner: str
    attr: str
    index: int = -1

    @property
    def target(self) -> str:
        if self.kind == "node":
            return self.owner
        return f"{self.kind}:{self.owner}"

    def get(self, plan: Plan) -> str:
        return _getter(plan, self)

    def set(self, plan: Plan, value: str) -> None:
        if self.kind == "plan":
            setattr(plan, self.attr, value)
        elif self.kind == "node":
            setattr(plan.find(self.owner)[0], self.attr, value)
        else:
            section = _section(plan, self.owner)
            if self.attr == "heading":
                section.heading = value
            elif self.attr == "paragraph":
                section.paragraphs[self.index].text = value
            else:
                section.notes[self.index] = value


def _section(plan: Plan, section_id: str) -> Section:
    return next(s for s in plan.sections if s.id == section_id)


def _getter(plan: Plan, ref: FieldRef) -> str:
    if ref.kind == "plan":
        return getattr(plan, ref.attr)
    if ref.kind == "node":
        return getattr(plan.find(ref.owner)[0], ref.attr)
    section = _section(plan, ref.owner)
    if ref.attr == "heading":
        return section.heading
    if ref.attr == "paragraph":
        return section.paragraphs[ref.index].text
    return section.notes[ref.index]


@dataclass
class TextField:
    ref: FieldRef
    text: str
    location: str   # for people: 「一、(二)2.(3) 內容」, 「壹、計畫依據 第一段」
    section: Section | None = None
    node: Node | None = None


class Locator:
    """Numbered paths of one plan's nodes and sections, computed once."""

    def __init__(self, plan: Plan):
        self.plan = plan
        self.tokens = node_tokens(plan)  # node id → its own printed token
        self.paths: dict[str, str] = {}
        self.depths: dict[str, int] = {}

        def visit(nodes: list[Node], prefix: str, depth: int) -> None:
            for node in nodes:
                own = self.tokens.get(node.id) or f"〔{_short(node.title or node.text)}〕"
                self.paths[node.id] = prefix + own
                self.depths[node.id] = depth
                visit(node.children, prefix + own, depth + 1)

        visit(plan.tree, "", 0)
        self.section_names = {s.id: f"{tok}{s.heading}" for s, tok in
                              zip(plan.sections, section_tokens(plan))}
        # numbered paragraphs are named by their printed token (「陸、實施步驟 二、」)
        self.paragraph_tokens = {s.id: paragraph_tokens(plan, s.paragraphs) for s in plan.sections
                                 if any(p.numbered for p in s.paragraphs)}

    def node(self, node_id: str) -> str:
        return self.paths.get(node_id, "")

    def section(self, section_id: str) -> str:
        return self.section_names.get(section_id, "")

    def ref(self, ref: FieldRef) -> str:
        """Where ``ref`` is, in words."""
        if ref.kind == "plan":
            return PLAN_FIELD_NAMES.get(ref.attr, ref.attr)
        if ref.kind == "node":
            return f"{self.node(ref.owner)} {NODE_FIELD_NAMES[ref.attr]}"
        name = self.section(ref.owner)
        if ref.attr == "heading":
            return f"{name} 標題"
        if ref.attr == "paragraph":
            token = self.paragraph_tokens.get(ref.owner, [])
            printed = token[ref.index] if ref.index < len(token) else ""
            return f"{name} {printed}" if printed else f"{name} 第{ref.index + 1}段"
        return f"{name} 附註{ref.index + 1}"


def _short(text: str, size: int = 10) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[:size] + "…"


def text_fields(plan: Plan, locator: Locator | None = None) -> Iterator[TextField]:
    """Every non-empty string of the plan, in document order."""
    loc = locator or Locator(plan)
    for attr in ("title", "date_line"):
        ref = FieldRef("plan", attr, attr)
        if getattr(plan, attr):
            yield TextField(ref, getattr(plan, attr), loc.ref(ref))
    table_done = False
    for section in plan.sections:
        refs = [FieldRef("section", section.id, "heading")]
        refs += [FieldRef("section", section.id, "paragraph", i) for i in range(len(section.paragraphs))]
        refs += [FieldRef("section", section.id, "note", i) for i in range(len(section.notes))]
        for ref in refs:
            text = ref.get(plan)
            if text:
                yield TextField(ref, text, loc.ref(ref), section=section)
        if section.kind == "table" and not table_done:
            table_done = True
            yield from _node_fields(plan, loc)
    if not table_done:
        yield from _node_fields(plan, loc)


def _node_fields(plan: Plan, loc: Locator) -> Iterator[TextField]:
    for node in plan.walk():
        for attr in ("title", "text", "period"):
            text = getattr(node, attr)
            if text:
                ref = FieldRef("node", node.id, attr)
                yield TextField(ref, text, loc.ref(ref), node=node)
