"""The plan table → the node tree.

Rows are read top to bottom with a stack of open nodes. Heading columns (面向,
執行策略, sub-strategy) open nodes that close everything below their column;
具體作法 paragraphs open nodes by their numbering token's level, so layout (a)
(one row per sub-strategy, items as paragraphs) and layout (b) (one row per
item, headings in merged cells) build the same tree. Departments and periods
are matched to the row's items afterwards (``cells.align``); a department or
period cell merged over several rows applies whole to each of them, or is stored
once on the item or heading whose rows it covers exactly.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from ..model import Node
from . import cells as cellmod
from .blocks import Cell, Table
from .columns import ColumnMap
from .headings import HeadingLines, title_like
from .tokens import is_first, split_token

HEADING_RANKS = {"aspect": 0, "strategy": 1, "sub": 2}
PRACTICE = 3
_GLUE_AFTER = tuple("，、（(「『—-")
_GLUE_BEFORE = tuple("）)」』，。、；;")


@dataclass
class _Open:
    node: Node
    level: int
    rank: int


@dataclass
class _Pending:
    """A department or period cell and the items it belongs to (several rows when merged)."""
    cell: Cell
    rows: list[int]
    targets: list[list[tuple[Node, int]]] = field(default_factory=list)
    everything: list[tuple[Node, int]] = field(default_factory=list)  # all items of the first row


class TableParser:
    """Feed it one or more plan tables (a clerk may start a new table per page)."""

    def __init__(self, levels: list[dict], report: list[str]):
        self.levels, self.report = levels, report
        self.table: Table | None = None
        self.columns: ColumnMap | None = None
        self.tree: list[Node] = []
        self.stack: list[_Open] = []
        self.raw_departments: dict[str, list[str]] = {}
        self.raw_periods: dict[str, list[str]] = {}
        self.items: set[str] = set()  # ids of numbered nodes read from 具體作法 paragraphs
        self.heading_texts: set[str] = set()  # headings whose text came from 具體作法
        self.row_level: int | None = None  # level of the latest row's main item
        self.printed: dict[str, str] = {}  # heading id → its cell text, to spot it typed again
        self.row_number = 0
        self.where = "表格"
        self.unnumbered: set[str] = set()  # unnumbered items read from 具體作法
        self.restarts: set[str] = set()  # items printed with 1 / 一 / 甲 (numbering restarts)
        self.pending: dict[str, _Pending | None] = {"departments": None, "period": None}
        self.cell_nodes: dict[int, Node] = {}  # id of a heading cell → the heading it opened

    # --- opening nodes -------------------------------------------------------
    def _attach(self, node: Node, level: int | None, rank: int) -> _Open:
        parent = self.stack[-1] if self.stack else None
        parent_level = parent.level if parent else -1
        if level is None or level <= parent_level:
            level = parent_level + 1
        node.skip = level - parent_level - 1
        (parent.node.children if parent else self.tree).append(node)
        opened = _Open(node, level, rank)
        self.stack.append(opened)
        return opened

    def _close_to(self, rank: int, level: int | None = None) -> None:
        """Pop open nodes of deeper columns, and of this column at this level or deeper."""
        while self.stack:
            top = self.stack[-1]
            if top.rank > rank or (top.rank == rank and (level is None or top.level >= level)):
                self.stack.pop()
            else:
                break

    def heading_cell(self, cell: Cell, rank: int) -> Node | None:
        """A 面向/策略/sub-strategy cell: tokens open nodes, other lines continue the title."""
        lines = cell.lines()
        if not lines:
            return None
        printed = _squash(cell.text)
        if any(o.rank == rank and self.printed.get(o.node.id) == printed for o in self.stack):
            # the open heading typed again (a new table per page, or no merged cells)
            self.report.append(f"{self.where}第 {self.row_number} 列的「{cell.text}」與上方的標題相同，視為同一項。")
            return None
        self._close_to(rank)
        current: Node | None = None
        for line in lines:
            level, rest = split_token(line.strip(), self.levels)
            if level is None and current is not None:
                current.title += line.strip()
                continue
            self._close_to(rank, level if level is not None else 10**6)
            current = Node(title=rest.strip(), numbered=level is not None)
            self._attach(current, level, rank)
            self.printed[current.id] = printed
        self.cell_nodes[id(cell)] = current
        return current

    def practice_cell(self, paras: list[str]) -> list[tuple[Node, int, int]]:
        """具體作法 paragraphs → (node, first paragraph index, depth within this cell)."""
        created: list[tuple[Node, int, int]] = []
        depth_of: dict[str, int] = {}
        for index, para in enumerate(paras):
            text = para.strip()
            if not text:
                continue
            level, rest = split_token(text, self.levels)
            top = self.stack[-1] if self.stack else None
            if level is not None:
                self._close_to(PRACTICE, level)
                parent = self.stack[-1] if self.stack else None  # for the depth below
                node = Node(text=rest.strip())
                self._attach(node, level, PRACTICE)
                self.items.add(node.id)
                if is_first(text):
                    self.restarts.add(node.id)
            elif top is not None and top.rank < PRACTICE and not created and _blank(top.node):
                top.node.text = text  # the heading's own text (e.g. 1. title │ text)
                self.heading_texts.add(top.node.id)
                depth_of[top.node.id] = 0
                created.append((top.node, index, 0))
                continue
            elif top is not None and top.rank == PRACTICE and created and _glued(top.node.text, text):
                top.node.text += text
                continue
            elif (top is not None and top.rank == PRACTICE and created and created[-1][0] is top.node
                  and not top.node.title and not top.node.children and title_like(top.node.text)):
                top.node.title, top.node.text = top.node.text, text  # 「1. title」 then its text
                continue
            elif top is not None and top.rank < PRACTICE and created and created[-1][0] is top.node:
                top.node.text += "\n" + text  # more paragraphs of the heading's text
                continue
            else:  # an unnumbered item: sibling of the last item, or first child of the heading
                if not created:  # first line of a row: sibling of the last row's item, not its 甲、
                    while (self.stack and self.stack[-1].rank == PRACTICE and self.row_level is not None
                           and self.stack[-1].level > self.row_level):
                        self.stack.pop()
                    top = self.stack[-1] if self.stack else None
                sibling_level = None
                if top is not None and top.rank == PRACTICE:
                    sibling_level = self.stack.pop().level  # same level, so (2) after it is a sibling
                parent = self.stack[-1] if self.stack else None
                node = Node(text=text, numbered=False)
                self._attach(node, sibling_level, PRACTICE)
                self.unnumbered.add(node.id)
            parent_depth = depth_of.get(parent.node.id, -1) if parent else -1
            depth_of[node.id] = parent_depth + 1
            created.append((node, index, parent_depth + 1))
            if parent_depth + 1 == 0:
                self.row_level = self.stack[-1].level
        return created

    # --- rows ----------------------------------------------------------------
    def _cell(self, r: int, c: int | None) -> Cell | None:
        """The cell at (r, c) if it starts in this row (a vertical merge is read once)."""
        if c is None:
            return None
        cell = self.table.slot(r, c)
        return cell if cell is not None and self.table.slot(r - 1, c) is not cell else None

    def _role_cells(self, r: int, role: str, seen: set[int]) -> list[Cell]:
        """This row's new cells in ``role``'s columns, each cell once even when it
        spans several columns (seen holds ids of cells already read in the row)."""
        cols = [self.columns.sub_column()] if role == "sub" else self.columns.columns_of(role)
        out = []
        for c in cols:
            cell = self._cell(r, c)
            if cell is not None and id(cell) not in seen:
                seen.add(id(cell))
                out.append(cell)
        return out

    def row(self, r: int) -> None:
        self.row_number = r + 1
        # A cell spanning 面向/策略 and further columns is a heading row; one spanning
        # the sub-column and 具體作法 is item text (no sub-strategy on that row).
        wide = {id(c) for role in ("aspect", "strategy") for c in self._role_cells(r, role, set())}
        practice_cells = [c for c in self._role_cells(r, "practice", set()) if id(c) not in wide]
        seen = {id(cell) for cell in practice_cells}
        headings: list[Node] = []
        for role, rank in HEADING_RANKS.items():
            for cell in self._role_cells(r, role, seen):
                node = self.heading_cell(cell, rank)
                if node is not None:
                    headings.append(node)
        created = self.practice_cell([p for cell in practice_cells for p in cell.paras])
        top_depth = min((d for _n, _i, d in created), default=0)
        targets = [(n, i) for n, i, d in created if d == top_depth]
        if not targets and headings:
            targets = [(headings[-1], 0)]
        everything = [(n, i) for n, i, _d in created]
        for role in ("departments", "period"):
            self._collect(role, r, targets, seen, everything)

    def _collect(self, role: str, r: int, targets: list[tuple[Node, int]], seen: set[int],
                 everything: list[tuple[Node, int]]) -> None:
        cols = self.columns.columns_of(role)
        cell = self.table.slot(r, cols[0]) if cols else None
        if cell is not None and id(cell) in seen:
            cell = None  # a wide heading or item cell reaching into this column
        pending = self.pending[role]
        if pending is not None and cell is pending.cell:
            pending.rows.append(r)
            pending.targets.append(targets)
            return
        self._flush(role)
        if cell is not None:
            self.pending[role] = _Pending(cell, [r], [targets], everything)

    def _flush(self, role: str) -> None:
        pending = self.pending[role]
        self.pending[role] = None
        if pending is None:
            return
        lines = list(enumerate(pending.cell.paras))
        found = cellmod.entries(lines, joinable=role == "departments")
        if not found:
            return
        rows = f"第 {pending.rows[0] + 1} 列" if len(pending.rows) == 1 else \
            f"第 {pending.rows[0] + 1}–{pending.rows[-1] + 1} 列"
        label = "承辦部門" if role == "departments" else "執行期間"
        if len(pending.rows) > 1:
            self._merged(pending, found, role, rows, label)
            return
        targets = pending.targets[0]
        if len(found) != len(targets) and _lined_up(pending.cell, found, pending.everything):
            targets = pending.everything  # padded with empty lines to sit beside each item
        starts = [i for _n, i in targets]
        if not targets:
            self.report.append(f"表格{rows}的{label}「{'／'.join(t for _i, t in found)}」找不到對應的作法，未匯入，請匯入後補上。")
            return
        per, how = cellmod.align(starts, found)
        if how == "shared" and len(targets) > 1:
            self.report.append(f"表格{rows}的{label}「{found[0][1]}」由 {len(targets)} 個作法共用，已分別填入每個作法。")
        elif how == "position":
            self.report.append(f"表格{rows}的{label}有 {len(found)} 段、作法有 {len(targets)} 項，已依段落位置對應，請核對。")
        store = self.raw_departments if role == "departments" else self.raw_periods
        for (node, _i), texts in zip(targets, per):
            store.setdefault(node.id, []).extend(texts)

    def _merged(self, pending: _Pending, found: list[tuple[int, str]], role: str, rows: str, label: str) -> None:
        """A cell merged over several rows: never split line by line over them. It
        is stored once on the node owning all those rows, else on each row's items."""
        texts = [text for _i, text in found]
        owner = self._merged_owner(pending)
        targets = [owner] if owner is not None else \
            list({id(n): n for row_targets in pending.targets for n, _i in row_targets}.values())
        if not targets:
            self.report.append(f"表格{rows}的{label}「{'／'.join(texts)}」找不到對應的作法，未匯入，請匯入後補上。")
            return
        if len(targets) > 1:
            self.report.append(f"表格{rows}的{label}「{'／'.join(texts)}」是合併儲存格，已填入其中每個作法。")
        store = self.raw_departments if role == "departments" else self.raw_periods
        for node in targets:
            store.setdefault(node.id, []).extend(texts)

    def _merged_owner(self, pending: _Pending) -> Node | None:
        """The node whose rows the merged cell covers exactly: the first row's item
        when every later row's items are its descendants (its own row, then its
        children's), or a heading whose merged cell spans the very same rows."""
        first = [n for n, _i in pending.targets[0]]
        later = [n.id for row_targets in pending.targets[1:] for n, _i in row_targets]
        if len(first) == 1 and later and set(later) <= {d.id for d in first[0].walk()}:
            return first[0]
        top, bottom = pending.rows[0], pending.rows[-1]
        for role in ("sub", "strategy", "aspect"):  # the nearest heading first
            cols = [self.columns.sub_column()] if role == "sub" else self.columns.columns_of(role)
            for c in cols:
                if c is None:
                    continue
                cell = self.table.slot(top, c)
                if (cell is not None and id(cell) in self.cell_nodes and self.table.slot(top - 1, c) is not cell
                        and self.table.slot(bottom + 1, c) is not cell
                        and all(self.table.slot(r, c) is cell for r in pending.rows)):
                    return self.cell_nodes[id(cell)]
        return None

    def add_table(self, table: Table, columns: ColumnMap, number: int) -> None:
        """Read ``table`` (the ``number``-th plan table) below its header row."""
        self.table, self.columns = table, columns
        where = self.where = f"第 {number} 個表格" if number > 1 else "表格"
        for r in range(columns.header_row):
            lines = [c.text for c in table.row_cells(r) if c.text]
            if lines:
                self.report.append(f"{where}第 {r + 1} 列在標題列之前（{'／'.join(lines)}），未匯入。")
        for r in range(columns.header_row + 1, len(table.grid)):
            if r == columns.header_row + 1 and self._sub_header(r):
                labels = "／".join(c.text for c in table.row_cells(r) if c.text)
                self.report.append(f"{where}第 {r + 1} 列是標題的第二列（{labels}），已略過。")
                continue
            if self.columns.is_repeat(self.table, r):
                labels = "／".join(c.text for c in table.row_cells(r))
                self.report.append(f"表格第 {r + 1} 列是重複的標題列（{labels}），已略過。")
                continue
            self.row(r)
            self._stray(r, where)
        for role in ("departments", "period"):
            self._flush(role)

    def _sub_header(self, r: int) -> bool:
        """A second header row: short labels under a header spanning sub-columns
        (執行策略 → 策略 │ 子策略), every other cell merged down from the header."""
        header = self.table.grid[self.columns.header_row]
        labels = 0
        for c, cell in enumerate(self.table.grid[r]):
            above = header[c] if c < len(header) else None
            if cell is None or cell is above:
                continue
            spanned = above is not None and (c > 0 and header[c - 1] is above
                                             or c + 1 < len(header) and header[c + 1] is above)
            if not spanned or len(cell.text) > 8 or split_token(cell.text, self.levels)[0] is not None:
                return False
            labels += 1
        return labels > 0

    def _stray(self, r: int, where: str) -> None:
        """Text in columns the header does not cover (a row wider than the header)."""
        mapped = {c for cols in self.columns.roles.values() for c in cols}
        for c, cell in enumerate(self.table.grid[r]):
            if c not in mapped and cell is not None and self.table.origin(r, c) and cell.text:
                self.report.append(f"{where}第 {r + 1} 列第 {c + 1} 欄在標題範圍之外（{cell.text}），未匯入。")

    def finish(self) -> list[Node]:
        """Departments and periods onto their nodes; the finished tree."""
        label = self.columns.labels.get("departments", "")
        distinguish = "協辦" in label or any(cellmod.has_assist(e) for es in self.raw_departments.values()
                                            for e in es)
        for top in self.tree:
            for node in top.walk():
                for entry in self.raw_departments.get(node.id, []):
                    node.departments.extend(cellmod.departments(entry, distinguish))
                node.period = "".join(p.replace("\n", "") for p in self.raw_periods.get(node.id, []))
        HeadingLines(self.items, self.unnumbered, self.restarts, self.heading_texts).fix(self.tree)
        return self.tree

def _squash(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def _blank(node: Node) -> bool:
    return not node.text and not node.children


def _lined_up(cell: Cell, found: list[tuple[int, str]], items: list[tuple[Node, int]]) -> bool:
    """The clerk padded the cell with empty lines so each entry sits beside its item."""
    starts = {i for _n, i in items}
    return any(not p.strip() for p in cell.paras) and all(i in starts for i, _t in found)


def _glued(before: str, after: str) -> bool:
    """A paragraph that obviously continues the one before (Enter pressed mid-sentence)."""
    return before.endswith(_GLUE_AFTER) or after.startswith(_GLUE_BEFORE)
