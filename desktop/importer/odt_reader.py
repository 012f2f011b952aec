"""ODT (OpenDocument Text) → document blocks, read from content.xml.

Covered cells (``table:covered-table-cell``) are resolved to the spanning cell,
so a merged cell is read once; ``number-rows-repeated`` and
``number-columns-repeated`` are expanded within the row/column limits.
"""
from __future__ import annotations

from ..errors import PlanDeskError
from . import limits
from .blocks import Block, Para, cell_paragraphs
from .container import Package
from .odt_lists import ListNumbering
from .xmlsafe import parse_xml

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
SVG = "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}"

_PARAGRAPHS = {TEXT + "p", TEXT + "h"}
# Block containers read as if their children were in the parent.
_TRANSPARENT = {TEXT + "section", TEXT + "index-body", TEXT + "table-of-content", TEXT + "alphabetical-index",
                TEXT + "illustration-index", TEXT + "table-index", TEXT + "object-index",
                TEXT + "user-index", TEXT + "bibliography", TEXT + "numbered-paragraph"}
_SKIP_INLINE = {OFFICE + "annotation", OFFICE + "annotation-end", TEXT + "tracked-changes",
                SVG + "title", SVG + "desc", TEXT + "note-citation"}
_ROW_CONTAINERS = {TABLE + "table-rows", TABLE + "table-row-group", TABLE + "table-header-rows"}


class _Reader:
    def __init__(self, name: str, lists: ListNumbering):
        self.lists = lists
        self.budget = limits.Budget(name)

    def para_text(self, p) -> str:
        self.budget.paragraph()
        out: list[str] = [p.text or ""]

        def visit(el) -> None:
            for child in el:
                tag = child.tag
                if isinstance(tag, str) and tag not in _SKIP_INLINE:
                    if tag == TEXT + "s":
                        out.append(" " * min(_int(child, TEXT + "c", 1), 1000))
                    elif tag == TEXT + "tab":
                        out.append("\t")
                    elif tag == TEXT + "line-break":
                        out.append("\n")
                    elif tag in _PARAGRAPHS:  # text box or note body inside the paragraph
                        if out and out[-1] and not out[-1].endswith("\n"):
                            out.append("\n")
                        out.append(child.text or "")
                        visit(child)
                    else:
                        out.append(child.text or "")
                        visit(child)
                out.append(child.tail or "")

        visit(p)
        return "".join(out)

    def blocks(self, container) -> list[Block]:
        out: list[Block] = []
        for child in container:
            tag = child.tag
            if tag in _PARAGRAPHS:
                out.append(Para(self.para_text(child)))
            elif tag == TABLE + "table" and self.is_box(child):
                for row in self.rows(child):
                    out.extend(self.blocks(row.find(TABLE + "table-cell")))  # a frame around the content
            elif tag == TABLE + "table":
                out.append(self.table(child))
            elif tag == TEXT + "list":
                out.extend(self.list_blocks(child, None, 0))
            elif tag in _TRANSPARENT:
                out.extend(self.blocks(child))
        return out

    def list_blocks(self, lst, style: str | None, depth: int) -> list[Block]:
        """A (nested) list: the first paragraph of each item gets the list's token."""
        style = lst.get(TEXT + "style-name") or style
        if depth == 0:
            continues = lst.get(TEXT + "continue-numbering") == "true" or lst.get(TEXT + "continue-list")
            self.lists.start_list(style, bool(continues))
        out: list[Block] = []
        for item in lst:
            if item.tag not in (TEXT + "list-item", TEXT + "list-header"):
                continue
            numbered = item.tag == TEXT + "list-item"
            for child in item:
                if child.tag in _PARAGRAPHS:
                    token = self.lists.token(self.lists.style_for(style, child), depth + 1) if numbered else ""
                    numbered = False
                    out.append(Para(token + self.para_text(child)))
                elif child.tag == TEXT + "list":
                    out.extend(self.list_blocks(child, style, depth + 1))
                else:
                    out.extend(self.blocks([child]))
        return out

    def is_box(self, tbl) -> bool:
        """A table of one column used as a frame: its content is read as the body."""
        rows = list(self.rows(tbl))
        return bool(rows) and all(
            len(row) == 1 and row[0].tag == TABLE + "table-cell"
            and row.get(TABLE + "number-rows-repeated", "1") == "1"
            and row[0].get(TABLE + "number-columns-repeated", "1") == "1" for row in rows)

    def rows(self, parent):
        for child in parent:
            if child.tag == TABLE + "table-row":
                yield child
            elif child.tag in _ROW_CONTAINERS:
                yield from self.rows(child)

    def table(self, tbl):
        grid = self.budget.grid()
        for row in self.rows(tbl):
            repeat = _int(row, TABLE + "number-rows-repeated", 1)
            if repeat > limits.MAX_ROWS:
                raise self.budget.too_big(f"表格超過 {limits.MAX_ROWS} 列")
            cells = [(c, cell_paragraphs(self.blocks(c))) for c in row
                     if c.tag in (TABLE + "table-cell", TABLE + "covered-table-cell")]
            for _ in range(repeat):
                grid.new_row()
                for cell, paras in cells:
                    for _ in range(min(_int(cell, TABLE + "number-columns-repeated", 1),
                                       limits.MAX_COLUMNS + 1)):
                        colspan = _int(cell, TABLE + "number-columns-spanned", 1)
                        if cell.tag == TABLE + "covered-table-cell":
                            grid.place_covered(paras)
                        else:
                            grid.place(paras, colspan, _int(cell, TABLE + "number-rows-spanned", 1),
                                       covered_follow=True)
        return grid.table


def _int(el, attr: str, default: int) -> int:
    try:
        return max(1, int(el.get(attr, default)))
    except (TypeError, ValueError):
        return default


def read_odt(package: Package) -> list[Block]:
    root = parse_xml(package.read("content.xml"), package.name, "content.xml")
    text = root.find(f"{OFFICE}body/{OFFICE}text")
    if text is None:
        raise PlanDeskError(f"{package.name} 不是文字文件（可能是試算表或簡報），請選擇 .odt 文字文件。")
    roots = [root]
    if package.has("styles.xml"):
        roots.append(parse_xml(package.read("styles.xml"), package.name, "styles.xml"))
    return _Reader(package.name, ListNumbering(roots)).blocks(text)


def read_margins(package: Package) -> list[str]:
    """Header and footer lines of the page styles (not placed in the plan; reported)."""
    if not package.has("styles.xml"):
        return []
    root = parse_xml(package.read("styles.xml"), package.name, "styles.xml")
    reader = _Reader(package.name, ListNumbering([root]))
    style = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
    out = []
    for page in root.iter(style + "master-page"):
        for margin in page:
            if margin.tag.startswith((style + "header", style + "footer")):
                out.extend(reader.para_text(p) for p in margin.iter(*_PARAGRAPHS))
    return out
