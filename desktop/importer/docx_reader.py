"""DOCX (WordprocessingML) → document blocks, read from the raw XML.

Raw XML rather than python-docx: python-docx repeats the same ``w:tc`` for a
merged cell and hides gridBefore/vMerge details; here each cell is read once.
"""
from __future__ import annotations

from ..errors import PlanDeskError
from . import limits
from .blocks import Block, Para, cell_paragraphs
from .container import Package
from .docx_numbering import Numbering, read_part
from .xmlsafe import parse_xml

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Containers whose children are read as if they were in the parent.
_TRANSPARENT = {W + "sdt", W + "sdtContent", W + "customXml", W + "smartTag", W + "ins",
                W + "moveTo"}
_SKIP = {W + "del", W + "moveFrom", W + "instrText", W + "delText", _MC_FALLBACK,
         W + "rPr", W + "pPr", W + "sdtPr", W + "footnoteReference", W + "commentReference"}


class _Reader:
    def __init__(self, name: str, numbering: Numbering):
        self.numbering = numbering
        self.budget = limits.Budget(name)

    def para_text(self, p) -> str:
        out: list[str] = []

        def visit(el) -> None:
            for child in el:
                tag = child.tag
                if not isinstance(tag, str) or tag in _SKIP:
                    continue
                if tag == W + "t":
                    out.append(child.text or "")
                elif tag == W + "tab":
                    out.append("\t")
                elif tag == W + "br":
                    if child.get(W + "type") in (None, "textWrapping"):
                        out.append("\n")
                elif tag == W + "cr":
                    out.append("\n")
                elif tag == W + "noBreakHyphen":
                    out.append("-")
                elif tag == W + "p":  # a paragraph in a text box inside this one
                    if out and not out[-1].endswith("\n"):
                        out.append("\n")
                    visit(child)
                else:
                    visit(child)

        self.budget.paragraph()
        visit(p)
        return self.numbering.token(p) + "".join(out)

    def blocks(self, container) -> list[Block]:
        out: list[Block] = []
        for child in container:
            tag = child.tag
            if tag == W + "p":
                out.append(Para(self.para_text(child)))
            elif tag == W + "tbl" and self.is_box(child):
                for tc in (tc for tr in self.rows(child) for tc in self.cells(tr)):
                    out.extend(self.blocks(tc))  # a one-column frame around the content
            elif tag == W + "tbl":
                out.append(self.table(child))
            elif tag in _TRANSPARENT:
                out.extend(self.blocks(child))
        return out

    def is_box(self, tbl) -> bool:
        """A table of one column used as a frame: its content is read as the body."""
        rows = list(self.rows(tbl))
        return bool(rows) and all(len(list(self.cells(tr))) == 1 for tr in rows)

    def rows(self, tbl):
        for child in tbl:
            if child.tag == W + "tr":
                yield child
            elif child.tag in _TRANSPARENT:
                yield from self.rows(child)

    def cells(self, tr):
        for child in tr:
            if child.tag == W + "tc":
                yield child
            elif child.tag in _TRANSPARENT:
                yield from self.cells(child)

    def table(self, tbl):
        grid = self.budget.grid()
        for tr in self.rows(tbl):
            grid.new_row()
            grid.skip(_int(tr.find(W + "trPr"), "gridBefore"))
            for tc in self.cells(tr):
                tc_pr = tc.find(W + "tcPr")
                span = _int(tc_pr, "gridSpan") or 1
                vmerge = tc_pr.find(W + "vMerge") if tc_pr is not None else None
                paras = cell_paragraphs(self.blocks(tc))
                if vmerge is not None and vmerge.get(W + "val", "continue") == "continue":
                    grid.place_continued(paras, span)
                else:
                    grid.place(paras, span)
        return grid.table


def _int(parent, name: str) -> int:
    if parent is None:
        return 0
    el = parent.find(W + name)
    try:
        return max(0, int(el.get(W + "val"))) if el is not None else 0
    except (TypeError, ValueError):
        return 0


_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def main_part(package: Package) -> str:
    """The main document part named by ``_rels/.rels`` (usually word/document.xml)."""
    if package.has("_rels/.rels"):
        rels = parse_xml(package.read("_rels/.rels"), package.name, "_rels/.rels")
        for rel in rels.iter(_RELS + "Relationship"):
            if (rel.get("Type") or "").endswith("/officeDocument") and rel.get("Target"):
                return rel.get("Target").lstrip("/")
    return "word/document.xml"


def read_docx(package: Package) -> list[Block]:
    part = main_part(package)
    root = read_part(package, part)
    body = root.find(W + "body")
    if body is None:
        raise PlanDeskError(f"{package.name} 沒有文件本文，請用 Word 開啟確認內容後另存新檔再匯入。")
    return _Reader(package.name, Numbering(package)).blocks(body)


def read_margins(package: Package) -> list[str]:
    """Header and footer lines (not placed in the plan; listed in the report)."""
    reader = _Reader(package.name, Numbering(package))
    out = []
    for part in sorted(package.infos):
        if part.startswith(("word/header", "word/footer")) and part.endswith(".xml"):
            out.extend(reader.para_text(p) for p in read_part(package, part).iter(W + "p"))
    return out


def read_notes(package: Package) -> list[str]:
    """Footnote and endnote texts (not placed in the plan; listed in the report)."""
    out = []
    reader = _Reader(package.name, Numbering(package))
    for part, tag in (("word/footnotes.xml", "footnote"), ("word/endnotes.xml", "endnote")):
        if not package.has(part):
            continue
        root = read_part(package, part)
        for note in root.iter(W + tag):
            if note.get(W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            text = "".join(reader.para_text(p) for p in note.iter(W + "p")).strip()
            if text:
                out.append(text)
    return out
