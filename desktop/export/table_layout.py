"""The plan tree as a table grid: one row per action item, spans for headings.

Column 0 holds the 面向 (level-0 nodes), column 1 the strategies (level 1), and —
when the profile allows it and the plan has titled items under its strategies
(「1. 訂定申辦業務標準作業流程」 in the seeds) — a sub-column for those sub-strategy
headings. Each heading cell is merged vertically over all rows of its descendants.

Departments and a period stored on a parent print on its children's rows, merged
over them as hand-made plans do: each row knows which node its 部門/期間 come from,
and consecutive rows with the same source share one cell.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..model import Department, Node, Plan
from .blocks import Cell, Para, Table, grid, text_width_em
from .column_widths import BOLD, ColumnText, fit_widths, inner_em, tall_rows
from .linebreak import label_lines
from .units import column_widths_cm


@dataclass
class _Row:
    """One table row before spans are computed: the headings it sits under, the
    node it prints and its content, and the nodes its departments and period come
    from (the node itself or the nearest ancestor that has them)."""
    heads: list[Node | None]
    node: Node | None = None  # the item (or heading) the row prints
    content: list[Para] = field(default_factory=list)
    dept_source: Node | None = None
    period_source: Node | None = None


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
        self.parent: dict[str, Node] = {c.id: n for n in plan.walk() for c in n.children}

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

    def source(self, node: Node | None, attr: str) -> Node | None:
        """``node`` or its nearest ancestor whose ``attr`` (departments/period) is set."""
        while node is not None and not getattr(node, attr):
            node = self.parent.get(node.id)
        return node

    def make_row(self, heads: list[Node | None], node: Node | None, content: list[Para]) -> _Row:
        return _Row(list(heads), node, content, self.source(node, "departments"), self.source(node, "period"))

    def add_row(self, heads: list[Node | None], node: Node | None, content: list[Para]) -> None:
        self.rows.append(self.make_row(heads, node, content))

    def departments_cell(self, node: Node | None) -> list[Para]:
        if node is None:
            return []
        return [Para(line, style="table", align="center")
                for line in department_lines(node.departments, self.profile)]

    @staticmethod
    def period_cell(node: Node | None) -> list[Para]:
        return [Para(node.period, style="table", align="center")] if node is not None else []

    def visit(self, node: Node, depth: int, heads: list[Node | None], indent: float = 0.0) -> None:
        """Rows for ``node``; ``indent`` (in character widths) keeps rows of nested items
        under their parent item's text."""
        if depth < self.n_heads and (depth < 2 or node.title):
            # A heading column cell: the node's own text (if any) is a row under it.
            heads = heads[:depth] + [node] + [None] * (self.n_heads - depth - 1)
            before = len(self.rows)
            # An untitled heading shows its text in the heading cell already.
            text = [Para(node.text, style="table")] if node.text and node.title else []
            if text or (_has_own_content(node) and not node.children):
                self.add_row(heads, node, text)
            for child in node.children:
                self.visit(child, depth + 1, heads)
            added = self.rows[before:]
            if not text and node.children and (
                    (node.departments and all(r.dept_source is not node for r in added))
                    or (node.period and all(r.period_source is not node for r in added))):
                # Its children carry their own: the heading's own entries get a row.
                self.rows.insert(before, self.make_row(heads, node, []))
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
        self.body = self.grid_rows()
        self.header = self.header_row()
        widths = self.widths()
        absolute = column_widths_cm(self.profile, widths)
        self.break_labels(absolute)
        return Table(widths=widths, header=[self.header], rows=self.body,
                     tall_rows=tall_rows(self.profile, self.body, absolute))

    def break_labels(self, widths_cm: list[float]) -> None:
        """A label too wide for its column becomes one paragraph per printed line,
        broken at its natural point (the importer joins them back)."""
        for c, cell in enumerate(self.header):
            if isinstance(cell, Cell):
                para = cell.paragraphs[0]
                width = inner_em(self.profile, sum(widths_cm[c:c + cell.colspan])) / BOLD
                cell.paragraphs = [replace(para, text=line) for line in label_lines(para.text, width)]

    def widths(self) -> list[float]:
        """Widths in cm measured from the text of the header and body built so far
        (see :mod:`.column_widths`): heading columns, 具體作法, 部門, 期間."""
        profile_cols, fractions = [0, 1, 2, 3, 4], [1.0] * 5
        if self.sub:
            share = self.profile["table"].get("sub_strategy_share", 0.45)
            profile_cols[1:2], fractions[1:2] = [1, 1], [share, 1 - share]
        columns = [ColumnText() for _ in profile_cols]
        one_per_line = (self.n_heads + 1, self.n_heads + 2)  # 部門, 期間
        for c, cell in enumerate(self.header[:len(columns)]):
            if isinstance(cell, Cell) and cell.colspan == 1:
                columns[c].labels.extend(p.text for p in cell.paragraphs)
        for row in self.body:
            for c, cell in enumerate(row[:len(columns)]):
                if not isinstance(cell, Cell) or cell.colspan > 1:
                    continue
                if c < self.n_heads:
                    columns[c].wrapped.extend(p.token + p.text for p in cell.paragraphs)
                elif c in one_per_line:
                    columns[c].lines.extend(p.text for p in cell.paragraphs)
        return fit_widths(self.profile, columns, profile_cols, fractions)

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
            cells.append(self.source_cell(r, "dept_source", self.departments_cell))
            cells.append(self.source_cell(r, "period_source", self.period_cell))
            raw.append(cells)
        return grid(raw)

    def source_cell(self, r: int, attr: str, paragraphs) -> Cell | None:
        """The 部門/期間 cell of row ``r``: merged over the following rows whose
        entries come from the same node; None where the cell above covers it."""
        source = getattr(self.rows[r], attr)
        if source is not None and r and getattr(self.rows[r - 1], attr) is source:
            return None
        span = 1
        while source is not None and r + span < len(self.rows) and getattr(self.rows[r + span], attr) is source:
            span += 1
        return Cell(paragraphs(source), rowspan=span)


def plan_table(plan: Plan, tokens: dict[str, str], profile: dict) -> Table:
    """The table of ``plan`` as a grid with spans and a repeating header row."""
    return _TableBuilder(plan, tokens, profile).build()
