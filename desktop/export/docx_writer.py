"""Render :class:`Document` blocks as DOCX with python-docx.

python-docx makes the package (styles, fonts, page, footer, metadata); the body
is generated as WordprocessingML text and streamed into ``word/document.xml``
row by row (docx_stream): python-docx's cell API (``cell.merge``) is quadratic
and its row API copies, far too slow for a 1,350-item plan, and parsing the
whole body into a tree took ~1 GB for the largest plan PlanDesk accepts. Fonts are set on the styles *and* on every run,
with the ``*Theme`` font attributes removed, because Word otherwise ignores
``w:eastAsia`` and shows the theme's 新細明體.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from docx import Document as open_docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt

from .blocks import Cell, Covered, Document, Para, Table, split_fields
from .docx_package import tidy_package
from .docx_stream import save_with_body
from .units import cell_padding_cm, column_widths_cm, indents_pt, line_spacing, size_pt, spacing_pt

_JC = {"left": "left", "center": "center", "right": "right", "justify": "both"}
_TWIPS_PER_CM = 567


def _fonts(profile: dict) -> str:
    latin = quoteattr(profile["fonts"]["latin"])
    asian = quoteattr(profile["fonts"]["east_asian"])
    return f'<w:rFonts w:ascii={latin} w:hAnsi={latin} w:eastAsia={asian} w:cs={latin}/>'


# a rich run's mark, and the rPr child it must precede (CT_RPr's sequence order)
_MARKS = {"underline": ('<w:u w:val="single"/>', "<w:lang "), "strike": ("<w:strike/>", "<w:sz ")}


def _marked(rpr: str, mark: str) -> str:
    """Run properties with a rich run's mark inserted where the schema wants it."""
    if not mark:
        return rpr
    element, before = _MARKS[mark]
    anchor = before if before in rpr else "</w:rPr>"
    return rpr.replace(anchor, element + anchor, 1)


class _BodyXml:
    """The body's XML text for one document, made piece by piece."""

    def __init__(self, doc: Document):
        self.doc, self.profile = doc, doc.profile
        self.fonts = _fonts(self.profile)
        self._rpr: dict[tuple[str, bool], str] = {}

    def rpr(self, style: str, bold: bool) -> str:
        key = (style, bold)
        if key not in self._rpr:
            half_points = int(round(size_pt(self.profile, style) * 2))
            b = "<w:b/><w:bCs/>" if bold else ""
            self._rpr[key] = (f'<w:rPr>{self.fonts}{b}<w:sz w:val="{half_points}"/>'
                              f'<w:szCs w:val="{half_points}"/><w:lang w:val="en-US" w:eastAsia="zh-TW"/></w:rPr>')
        return self._rpr[key]

    def run_text(self, text: str) -> str:
        parts = []
        for i, line in enumerate(text.split("\n")):
            if i:
                parts.append("<w:br/>")
            for j, chunk in enumerate(line.split("\t")):
                if j:
                    parts.append("<w:tab/>")
                if chunk:
                    parts.append(f'<w:t xml:space="preserve">{escape(chunk)}</w:t>')
        return "".join(parts)

    def para(self, para: Para) -> str:
        left, first = indents_pt(self.profile, para)
        ind = ""
        if left or first:
            first_attr = f'w:hanging="{int(-first * 20)}"' if first < 0 else f'w:firstLine="{int(first * 20)}"'
            ind = f'<w:ind w:left="{int(left * 20)}" {first_attr}/>'
        spacing = int(round(240 * line_spacing(self.profile, para.style)))
        before, after = spacing_pt(self.profile, para.style)
        rpr = self.rpr(para.style, para.bold)
        keep = "<w:keepNext/>" if para.keep_next else ""
        ppr = (f'<w:pPr>{keep}<w:spacing w:before="{int(before * 20)}" w:after="{int(after * 20)}" '
               f'w:line="{spacing}" w:lineRule="auto"/>'
               f'{ind}<w:jc w:val="{_JC[para.align]}"/>{rpr}</w:pPr>')
        runs = ""
        if para.token:
            runs += f"<w:r>{rpr}{self.run_text(para.token)}</w:r>"
        for text, mark in para.runs or [(para.text, "")]:
            if text:
                runs += f"<w:r>{_marked(rpr, mark)}{self.run_text(text)}</w:r>"
        return f"<w:p>{ppr}{runs}</w:p>"

    def cell(self, cell: Cell | Covered, widths: list[int], col: int, header: bool) -> str:
        if isinstance(cell, Covered):
            if not cell.first_col:
                return ""  # hidden by a horizontal span: DOCX writes nothing here
            span = cell.origin.colspan
            width = sum(widths[col:col + span])
            grid_span = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
            return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{grid_span}<w:vMerge/></w:tcPr>'
                    f'<w:p><w:pPr>{self.rpr("table", False)}</w:pPr></w:p></w:tc>')
        width = sum(widths[col:col + cell.colspan])
        props = [f'<w:tcW w:w="{width}" w:type="dxa"/>']
        if cell.colspan > 1:
            props.append(f'<w:gridSpan w:val="{cell.colspan}"/>')
        if cell.rowspan > 1:
            props.append('<w:vMerge w:val="restart"/>')
        if header and self.profile["table"].get("header_shading"):
            props.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{self.profile["table"]["header_shading"]}"/>')
        props.append(f'<w:vAlign w:val="{cell.align}"/>')
        paras = "".join(self.para(p) for p in cell.paragraphs) or self.para(Para("", style="table"))
        return f'<w:tc><w:tcPr>{"".join(props)}</w:tcPr>{paras}</w:tc>'

    def table(self, table: Table) -> Iterator[str]:
        widths = [int(w * _TWIPS_PER_CM) for w in column_widths_cm(self.profile, table.widths)]
        border = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                         for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
        pad_v, pad_h = (int(v * _TWIPS_PER_CM) for v in cell_padding_cm(self.profile))
        yield (f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
               f'<w:tblBorders>{border}</w:tblBorders><w:tblLayout w:type="fixed"/>'
               f'<w:tblCellMar><w:top w:w="{pad_v}" w:type="dxa"/><w:left w:w="{pad_h}" w:type="dxa"/>'
               f'<w:bottom w:w="{pad_v}" w:type="dxa"/><w:right w:w="{pad_h}" w:type="dxa"/></w:tblCellMar>'
               '<w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>'
               + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths) + "</w:tblGrid>")
        for header, rows in ((True, table.header), (False, table.rows)):
            for r, row in enumerate(rows):
                # No row splits across pages, unless it is taller than a page.
                tr_pr = ("<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" if header else
                         "" if r in table.tall_rows else "<w:trPr><w:cantSplit/></w:trPr>")
                cells = "".join(self.cell(c, widths, i, header) for i, c in enumerate(row))
                yield f"<w:tr>{tr_pr}{cells}</w:tr>"
        yield "</w:tbl>"

    def blocks(self) -> Iterator[str]:
        """The body's content, a paragraph or a table row at a time."""
        for block in self.doc.blocks:
            if isinstance(block, Para):
                yield self.para(block)
            else:
                yield from self.table(block)
                yield self.para(Para("", style="table"))  # Word needs a paragraph after a table


def _set_style_fonts(docx, profile: dict) -> None:
    """Latin + East Asian fonts on the defaults and every style; drop theme fonts."""
    styles = docx.styles.element
    latin, asian = profile["fonts"]["latin"], profile["fonts"]["east_asian"]
    for rfonts in styles.iter(qn("w:rFonts")):
        for attr in list(rfonts.attrib):
            if attr.endswith("Theme"):
                del rfonts.attrib[attr]
        rfonts.set(qn("w:ascii"), latin)
        rfonts.set(qn("w:hAnsi"), latin)
        rfonts.set(qn("w:eastAsia"), asian)
        rfonts.set(qn("w:cs"), latin)
    # Widow/orphan control for every paragraph.
    defaults = styles.find(f'{qn("w:docDefaults")}/{qn("w:pPrDefault")}')
    defaults.clear()
    defaults.append(parse_xml(f'<w:pPr {nsdecls("w")}><w:widowControl/></w:pPr>'))
    normal = docx.styles["Normal"]
    normal.font.name = latin
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), asian)
    normal.font.size = Pt(size_pt(profile, "body"))


def _page_setup(docx, profile: dict) -> None:
    page = profile["page"]
    section = docx.sections[0]
    short, long_ = Cm(21.0), Cm(29.7)
    landscape = page.get("orientation") == "landscape"
    section.page_width, section.page_height = (long_, short) if landscape else (short, long_)
    margins = page["margins_cm"]
    section.top_margin, section.bottom_margin = Cm(margins["top"]), Cm(margins["bottom"])
    section.left_margin, section.right_margin = Cm(margins["left"]), Cm(margins["right"])
    section.footer_distance = Cm(page.get("footer_distance_cm", 1.0))


def _footer(docx, doc: Document, body: _BodyXml) -> None:
    """Page numbers as PAGE / NUMPAGES field runs, e.g. 「第 X 頁，共 Y 頁」."""
    footer = docx.sections[0].footer
    paragraph = footer.paragraphs[0]
    rpr = body.rpr("footer", False)
    runs = []
    for kind, value in split_fields(doc.footer):
        if kind == "text":
            runs.append(f"<w:r>{rpr}{body.run_text(value)}</w:r>")
        else:
            runs.append(f'<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>'
                        f'<w:r>{rpr}<w:instrText xml:space="preserve"> {value} </w:instrText></w:r>'
                        f'<w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>'
                        f'<w:r>{rpr}<w:t>1</w:t></w:r>'
                        f'<w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>')
    new = parse_xml(f'<w:p {nsdecls("w")}><w:pPr><w:jc w:val="center"/></w:pPr>{"".join(runs)}</w:p>')
    paragraph._p.addprevious(new)
    paragraph._p.getparent().remove(paragraph._p)


def write_docx(doc: Document, target: Path) -> None:
    """Write ``doc`` to ``target`` (a fresh file; callers make it atomic)."""
    docx = open_docx()
    _set_style_fonts(docx, doc.profile)
    _page_setup(docx, doc.profile)
    body_xml = _BodyXml(doc)
    if doc.footer:
        _footer(docx, doc, body_xml)
    tidy_package(docx, doc)
    save_with_body(docx, body_xml.blocks(), target)
