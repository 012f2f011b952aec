"""The plan tree as a table grid: one row per action item, spans for headings.

Column 0 holds the 面向 (level-0 nodes), column 1 the strategies (level 1), and —
when the profile allows it and the plan has titled items under its strategies
(「1. 訂定申辦業務標準作業流程」 in the seeds) — a sub-column for those sub-strategy
headings. Each heading cell is merged vertically over all rows of its descendants.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Department, Node, Plan
from .blocks import Cell, Para, Table, grid, text_width_em


@dataclass
class _Row:
    """One table row before spans are computed: the headings it sits under and its cells."""
    heads: list[Node | None]
    content: list[Para] = field(default_factory=list)
    departments: list[Para] = field(default_factory=list)
    period: list[Para] = field(default_factory=list)


def _has_own_content(node: Node) -> bool:
    return bool(node.text or node.departments or node.period)


def _owns_rows_below(node: Node) -> bool:
    """A descendant carries departments or a period, so it needs rows of its own."""
    return any(d.departments or d.period for c in node.children for d in c.walk())


def department_lines(departments: list[Department], profile: dict) -> list[str]:
    """Department names as printed: 主辦 first, 協辦 in the profile's brackets when
    the plan distinguishes roles; one entry per line or one joined line."""
    fmt = profile["departments"]
    leads = [d.name for d in departments if d.role != "協辦"]
    assists = [fmt["assist_format"].format(d.name) for d in departments if d.role == "協辦"]
    lines = leads + assists
    if not fmt.get("one_per_line", True) and lines:
        return [fmt.get("separator", "、").join(lines)]
    return lines


class _TableBuilder:
    def __init__(self, plan: Plan, tokens: dict[str, str], profile: dict):
        self.plan, self.tokens, self.profile = plan, tokens, profile
        allow = profile["table"].get("sub_strategy_column", False)
        self.sub = allow and any(g.title for top in plan.tree for s in top.children for g in s.children)
        self.n_heads = 3 if self.sub else 2  # heading columns: 面向, strategy, [sub-strategy]
        self.rows: list[_Row] = []

    def heading(self, node: Node) -> list[Para]:
        tok = self.tokens.get(node.id, "")
        return [Para(node.title or node.text, style="table", token=tok, hang=False)]

    def item_paragraphs(self, node: Node, indent: float, with_children: bool) -> list[Para]:
        """The item's number and title/text, then (optionally) its 甲、乙 sub-items
        as separate paragraphs indented under the item's text."""
        tok = self.tokens.get(node.id, "")
        paras = []
        if node.title:
            paras.append(Para(node.title, style="table", token=tok, indent_em=indent))
            if node.text:
                paras.append(Para(node.text, style="table", indent_em=indent + text_width_em(tok)))
        elif node.text or tok:
            paras.append(Para(node.text, style="table", token=tok, indent_em=indent))
        if with_children:
            inner = indent + text_width_em(tok)
            for child in node.children:
                paras.extend(self.item_paragraphs(child, inner, True))
        return paras

    def add_row(self, heads: list[Node | None], node: Node | None, content: list[Para]) -> None:
        depts = period = []
        if node is not None:
            depts = [Para(line, style="table", align="center")
                     for line in department_lines(node.departments, self.profile)]
            period = [Para(node.period, style="table", align="center")] if node.period else []
        self.rows.append(_Row(list(heads), content, depts, period))

    def visit(self, node: Node, depth: int, heads: list[Node | None], indent: float = 0.0) -> None:
        """Rows for ``node``; ``indent`` (in character widths) keeps rows of nested items
        under their parent item's text."""
        if depth < self.n_heads and (depth < 2 or node.title):
            # A heading column cell: the node's own text (if any) is a row under it.
            heads = heads[:depth] + [node] + [None] * (self.n_heads - depth - 1)
            before = len(self.rows)
            if _has_own_content(node):
                # An untitled heading shows its text in the heading cell already.
                text = [Para(node.text, style="table")] if node.text and node.title else []
                self.add_row(heads, node, text)
            for child in node.children:
                self.visit(child, depth + 1, heads)
            if len(self.rows) == before:
                self.add_row(heads, None, [])
            return
        if _owns_rows_below(node):
            if _has_own_content(node) or node.title or self.tokens.get(node.id):
                self.add_row(heads, node, self.item_paragraphs(node, indent, False))
            inner = indent + text_width_em(self.tokens.get(node.id, ""))
            for child in node.children:
                self.visit(child, depth + 1, heads, inner)
        else:
            self.add_row(heads, node, self.item_paragraphs(node, indent, True))

    def build(self) -> Table:
        for top in self.plan.tree:
            self.visit(top, 0, [None] * self.n_heads)
        return Table(widths=self.widths(), header=[self.header_row()], rows=self.grid_rows())

    def widths(self) -> list[float]:
        w = list(self.profile["table"]["relative_widths"])
        if self.sub:
            share = self.profile["table"].get("sub_strategy_share", 0.45)
            w[1:2] = [w[1] * share, w[1] * (1 - share)]
        return w

    def header_row(self) -> list:
        labels = list(self.plan.columns)
        cells: list[Cell | None] = [Cell([Para(t, style="table_header", bold=True, align="center")],
                                         align="center") for t in labels]
        if self.sub:
            cells[1].colspan = 2
            cells.insert(2, None)
        return grid([cells])[0]

    def grid_rows(self) -> list[list]:
        raw: list[list[Cell | None]] = []
        for r, row in enumerate(self.rows):
            cells: list[Cell | None] = []
            for col in range(self.n_heads):
                head = row.heads[col]
                above = self.rows[r - 1].heads[col] if r else None
                if head is not None and above is head:
                    cells.append(None)  # covered by the cell started above
                    continue
                span = 1
                while head is not None and r + span < len(self.rows) and self.rows[r + span].heads[col] is head:
                    span += 1
                cells.append(Cell(self.heading(head) if head else [], rowspan=span))
            if self.sub and row.heads[2] is None:
                # No sub-strategy heading: the item text spans the sub-column too.
                cells[2] = Cell(row.content, colspan=2)
                cells.append(None)
            else:
                cells.append(Cell(row.content))
            cells.append(Cell(row.departments))
            cells.append(Cell(row.period))
            raw.append(cells)
        return grid(raw)


def plan_table(plan: Plan, tokens: dict[str, str], profile: dict) -> Table:
    """The table of ``plan`` as a grid with spans and a repeating header row."""
    return _TableBuilder(plan, tokens, profile).build()
