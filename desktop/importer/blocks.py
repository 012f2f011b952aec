"""Format-neutral document blocks: what the DOCX and ODT readers produce and the
one plan parser consumes.

A table is kept as a grid: every grid slot points at the :class:`Cell` that
covers it, so a vertically or horizontally merged cell is ONE object seen from
several slots; the parser reads a cell only at its origin slot.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Para:
    """One paragraph of text (line breaks inside it are ``\\n``)."""
    text: str


@dataclass(eq=False)
class Cell:
    """One table cell: its paragraphs (empty ones kept, they align columns)."""
    paras: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(p.strip() for p in self.paras)

    def lines(self) -> list[str]:
        return [p for p in self.paras if p.strip()]


@dataclass
class Table:
    """Rows of grid slots; ``grid[r][c]`` is the covering cell or None (no cell there)."""
    grid: list[list[Cell | None]] = field(default_factory=list)

    @property
    def width(self) -> int:
        return max((len(r) for r in self.grid), default=0)

    def origin(self, r: int, c: int) -> bool:
        """True when slot (r, c) is where its cell starts (first row and column it covers)."""
        cell = self.slot(r, c)
        if cell is None:
            return False
        return self.slot(r - 1, c) is not cell and self.slot(r, c - 1) is not cell

    def slot(self, r: int, c: int) -> Cell | None:
        if r < 0 or c < 0 or r >= len(self.grid) or c >= len(self.grid[r]):
            return None
        return self.grid[r][c]

    def row_cells(self, r: int) -> list[Cell]:
        """The cells that start in row ``r``, left to right (each merged cell once)."""
        return [cell for c, cell in enumerate(self.grid[r]) if cell is not None and self.origin(r, c)]

    def all_text(self) -> list[str]:
        """Every cell's paragraphs once, row by row (for reporting a table that is not the plan)."""
        return [line for r in range(len(self.grid)) for cell in self.row_cells(r) for line in cell.lines()]


Block = Para | Table


def cell_paragraphs(blocks: list[Block]) -> list[str]:
    """A cell's paragraphs from the blocks read inside it; a nested table contributes its cells' lines."""
    return [line for block in blocks for line in ([block.text] if isinstance(block, Para) else block.all_text())]


class GridBuilder:
    """Builds a :class:`Table` grid row by row from either format's cell markup.

    ``place`` starts a cell (with spans), ``place_continued`` links a DOCX
    ``vMerge`` continuation to the cell above, ``place_covered`` fills an ODT
    covered slot from the span that covers it. Text found in a continuation or
    covered cell is appended to the cell it belongs to, so nothing is lost.
    """

    def __init__(self, max_rows: int, max_columns: int, too_big):
        self.table = Table()
        self.max_rows, self.max_columns, self.too_big = max_rows, max_columns, too_big
        self._pending: dict[tuple[int, int], Cell] = {}

    def new_row(self) -> None:
        if len(self.table.grid) >= self.max_rows:
            raise self.too_big(f"表格超過 {self.max_rows} 列")
        self.table.grid.append([])

    @property
    def _row(self) -> list[Cell | None]:
        return self.table.grid[-1]

    def _put(self, cell: Cell | None, colspan: int) -> None:
        if len(self._row) + colspan > self.max_columns:
            raise self.too_big(f"表格超過 {self.max_columns} 欄")
        self._row.extend([cell] * colspan)

    def skip(self, count: int) -> None:
        """Grid columns with no cell (DOCX gridBefore/gridAfter)."""
        self._put(None, max(0, count))

    def place(self, paras: list[str], colspan: int = 1, rowspan: int = 1,
              covered_follow: bool = False) -> Cell:
        """Start a cell. With ``covered_follow`` (ODT) the slots it spans are filled
        later by covered cells; otherwise (DOCX gridSpan) they are filled now."""
        cell = Cell(list(paras))
        r, c = len(self.table.grid) - 1, len(self._row)
        colspan = max(1, min(colspan, self.max_columns))
        rowspan = max(1, min(rowspan, self.max_rows))
        for dr in range(rowspan):
            for dc in range(colspan):
                if dr or (covered_follow and dc):
                    self._pending[(r + dr, c + dc)] = cell
        self._put(cell, 1 if covered_follow else colspan)
        return cell

    def _merge_into(self, cell: Cell | None, paras: list[str], colspan: int) -> None:
        if cell is None:
            self.place(paras, colspan)
            return
        cell.paras.extend(p for p in paras if p.strip())
        self._put(cell, colspan)

    def place_continued(self, paras: list[str], colspan: int = 1) -> None:
        above = self.table.slot(len(self.table.grid) - 2, len(self._row))
        self._merge_into(above, paras, colspan)

    def place_covered(self, paras: list[str], colspan: int = 1) -> None:
        r, c = len(self.table.grid) - 1, len(self._row)
        for dc in range(max(1, colspan)):
            cover = self._pending.pop((r, c + dc), None)
            self._merge_into(cover, paras if dc == 0 else [], 1)
