"""Format-neutral document blocks: what the layout step produces and every writer renders.

A :class:`Document` is a list of paragraphs and tables plus the layout profile.
Tables are grids: each position holds a :class:`Cell` (where a cell starts) or a
:class:`Covered` marker (a position hidden by a vertical or horizontal span), so
DOCX (``w:vMerge``/``w:gridSpan``) and ODT (``CoveredTableCell``) can both be
written in one pass without recomputing spans.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field


RUN_MARKS = ("underline", "strike")


@dataclass
class Para:
    """One paragraph. ``style`` names a size/format in the profile:
    title, date_line, heading, body, note, table, table_header.

    ``token`` is a numbering token printed before ``text`` with a hanging indent
    (the wrapped lines align with the text, not the token) unless ``hang`` is
    False (narrow heading cells, where a hanging indent would leave a sliver).
    ``indent_em`` is an
    extra left indent in character widths; ``first_line_em`` indents an
    unnumbered paragraph's first line. ``keep_next`` keeps the paragraph on the
    page of the next block (headings, a table's intro line).

    ``runs`` ("rich runs"), when given, is how ``text`` prints: ``(text, mark)``
    pieces whose mark is "" or one of :data:`RUN_MARKS` (a 對照表's 修正處加底線).
    """
    text: str
    style: str = "body"
    token: str = ""
    bold: bool = False
    align: str = "left"  # left | center | right | justify
    indent_em: float = 0.0
    first_line_em: float = 0.0
    hang: bool = True
    runs: list[tuple[str, str]] | None = None
    keep_next: bool = False


@dataclass
class Cell:
    paragraphs: list[Para] = field(default_factory=list)
    rowspan: int = 1
    colspan: int = 1
    align: str = "top"  # vertical alignment: top | center


@dataclass
class Covered:
    """A grid position hidden by ``origin``'s span. ``first_col`` is True at the
    origin's left-most column (DOCX writes a ``w:vMerge`` continuation there)."""
    origin: Cell
    first_col: bool


@dataclass
class Table:
    widths: list[float]            # relative column widths
    header: list[list[Cell | Covered]] = field(default_factory=list)   # repeated on every page
    rows: list[list[Cell | Covered]] = field(default_factory=list)
    tall_rows: set[int] = field(default_factory=set)  # rows taller than a page: these may split


@dataclass
class Document:
    """The blocks plus what the files say about themselves: ``title`` and
    ``author`` (the office) go into DOCX core properties and ODT meta.xml, from
    where LibreOffice also copies them into the PDF."""
    profile: dict
    blocks: list[Para | Table] = field(default_factory=list)
    footer: str = ""  # with {PAGE} and {NUMPAGES} placeholders
    title: str = ""
    author: str = ""
    language: str = "zh-TW"


def rich_para(runs: list[tuple[str, str]], style: str = "table") -> Para:
    """A paragraph made of ``(text, mark)`` runs; its plain ``text`` is their concatenation."""
    return Para("".join(text for text, _ in runs), style=style, runs=[(t, m) for t, m in runs if t])


def text_width_em(text: str) -> float:
    """Printed width of ``text`` in character widths (full-width = 1, half-width = ½)."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in text)


def split_fields(template: str) -> list[tuple[str, str]]:
    """Split a footer template into ("text", s) and ("field", PAGE|NUMPAGES) pieces."""
    out: list[tuple[str, str]] = []
    rest = template
    while rest:
        starts = [(rest.find("{" + name + "}"), name) for name in ("PAGE", "NUMPAGES")]
        starts = [(pos, name) for pos, name in starts if pos >= 0]
        if not starts:
            out.append(("text", rest))
            break
        pos, name = min(starts)
        if pos:
            out.append(("text", rest[:pos]))
        out.append(("field", name))
        rest = rest[pos + len(name) + 2:]
    return out


def grid(rows: list[list[Cell | None]]) -> list[list[Cell | Covered]]:
    """Fill a grid whose hidden positions are None with :class:`Covered` markers
    pointing at the cell whose span hides them."""
    out = [list(r) for r in rows]
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if not isinstance(cell, Cell):
                continue
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    if dr or dc:
                        out[r + dr][c + dc] = Covered(cell, dc == 0)
    return out
