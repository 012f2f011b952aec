"""Render :class:`Document` blocks as ODT (OpenDocument text) with odfpy.

Spans use ``numberrowsspanned``/``numbercolumnsspanned`` plus a
``CoveredTableCell`` at every hidden position; the header row sits in
``TableHeaderRows`` so it repeats on every page; East Asian fonts go into
``fontnameasian`` of every style, as LibreOffice and Word read them there.
The package itself (manifest, meta.xml) is written by :mod:`.odt_package`.
"""
from __future__ import annotations

from pathlib import Path

from odf import teletype
from odf.opendocument import OpenDocumentText
from odf.style import (FontFace, Footer, FooterStyle, HeaderFooterProperties, MasterPage, PageLayout,
                       PageLayoutProperties, ParagraphProperties, Style, TableCellProperties,
                       TableColumnProperties, TableProperties, TableRowProperties, TextProperties)
from odf.table import CoveredTableCell, Table as OdfTable, TableCell, TableColumn, TableHeaderRows, TableRow
from odf.text import P, PageCount, PageNumber, Span

from .blocks import Cell, Covered, Document, Para, Table, split_fields
from .odt_package import save_odt
from .units import cell_padding_cm, column_widths_cm, indents_pt, line_spacing, size_pt, spacing_pt

_ALIGN = {"left": "start", "center": "center", "right": "end", "justify": "justify"}
_VALIGN = {"top": "top", "center": "middle", "bottom": "bottom"}  # ODF says "middle"


def _add_text(element, text: str) -> None:
    """Plain text directly; line breaks, tabs and runs of spaces via teletype."""
    if "\n" in text or "\t" in text or "  " in text:
        teletype.addTextToElement(element, text)
    elif text:
        element.addText(text)


class _OdtBuilder:
    def __init__(self, doc: Document):
        self.doc, self.profile = doc, doc.profile
        self.odt = OpenDocumentText()
        self.latin = self.profile["fonts"]["latin"]
        self.asian = self.profile["fonts"]["east_asian"]
        self._para_styles: dict[tuple, Style] = {}
        self._cell_styles: dict[tuple, Style] = {}
        self._mark_styles: dict[str, Style] = {}
        self._tables = 0
        self._row_styles: dict[bool, Style] = {}

    def text_props(self, style: str, bold: bool) -> TextProperties:
        size = f"{size_pt(self.profile, style):g}pt"
        weight = "bold" if bold else "normal"
        return TextProperties(fontname=self.latin, fontnameasian=self.asian, fontnamecomplex=self.latin,
                              fontsize=size, fontsizeasian=size, fontsizecomplex=size,
                              fontweight=weight, fontweightasian=weight, fontweightcomplex=weight,
                              language="en", country="US", languageasian="zh", countryasian="TW")

    def setup(self) -> None:
        for name in (self.latin, self.asian):
            self.odt.fontfacedecls.addElement(FontFace(name=name, fontfamily=name, fontpitch="variable"))
        default = Style(name="Standard", family="paragraph")
        default.addElement(self.text_props("body", False))
        self.odt.styles.addElement(default)
        page = self.profile["page"]
        landscape = page.get("orientation") == "landscape"
        width, height = ("29.7cm", "21cm") if landscape else ("21cm", "29.7cm")
        m = page["margins_cm"]
        layout = PageLayout(name="PlanPage")
        layout.addElement(PageLayoutProperties(
            pagewidth=width, pageheight=height, printorientation=page.get("orientation", "portrait"),
            margintop=f"{m['top']}cm", marginbottom=f"{max(m['bottom'] - 1.0, 0.5)}cm",
            marginleft=f"{m['left']}cm", marginright=f"{m['right']}cm"))
        footer_style = FooterStyle()
        footer_style.addElement(HeaderFooterProperties(minheight="0.6cm", margintop="0.4cm"))
        layout.addElement(footer_style)
        self.odt.automaticstyles.addElement(layout)
        master = MasterPage(name="Standard", pagelayoutname=layout)
        if self.doc.footer:
            footer = Footer()
            para = P(stylename=self.para_style(Para("", style="footer", align="center")))
            for kind, value in split_fields(self.doc.footer):
                if kind == "text":
                    _add_text(para, value)
                elif value == "PAGE":
                    para.addElement(PageNumber(selectpage="current", text="1"))
                else:
                    para.addElement(PageCount(text="1"))
            footer.addElement(para)
            master.addElement(footer)
        self.odt.masterstyles.addElement(master)

    def para_style(self, para: Para) -> Style:
        left, first = indents_pt(self.profile, para)
        key = (para.style, para.bold, para.align, round(left, 2), round(first, 2), para.keep_next)
        style = self._para_styles.get(key)
        if style is None:
            style = Style(name=f"P{len(self._para_styles) + 1}", family="paragraph", parentstylename="Standard")
            before, after = spacing_pt(self.profile, para.style)
            keep = {"keepwithnext": "always"} if para.keep_next else {}
            style.addElement(ParagraphProperties(
                textalign=_ALIGN[para.align], marginleft=f"{left:.2f}pt", textindent=f"{first:.2f}pt",
                margintop=f"{before:g}pt", marginbottom=f"{after:g}pt", widows="2", orphans="2",
                lineheight=f"{round(line_spacing(self.profile, para.style) * 100)}%", **keep))
            style.addElement(self.text_props(para.style, para.bold))
            self.odt.automaticstyles.addElement(style)
            self._para_styles[key] = style
        return style

    def paragraph(self, para: Para) -> P:
        element = P(stylename=self.para_style(para))
        if not para.runs:
            _add_text(element, para.token + para.text)
            return element
        _add_text(element, para.token)
        for text, mark in para.runs:
            if mark:
                span = Span(stylename=self.mark_style(mark))
                _add_text(span, text)
                element.addElement(span)
            else:
                _add_text(element, text)
        return element

    def mark_style(self, mark: str) -> Style:
        """An automatic text style for a rich run's mark (underline or strike-through)."""
        if mark not in self._mark_styles:
            style = Style(name=f"T{len(self._mark_styles) + 1}", family="text")
            line = dict(style="solid", width="auto", color="font-color")
            prefix = "textunderline" if mark == "underline" else "textlinethrough"
            style.addElement(TextProperties(**{prefix + key: value for key, value in line.items()}))
            self.odt.automaticstyles.addElement(style)
            self._mark_styles[mark] = style
        return self._mark_styles[mark]

    def cell_style(self, header: bool, align: str) -> Style:
        key = (header, align)
        if key not in self._cell_styles:
            style = Style(name=f"C{len(self._cell_styles) + 1}", family="table-cell")
            pad_v, pad_h = cell_padding_cm(self.profile)
            props = dict(border="0.5pt solid #000000", verticalalign=_VALIGN[align],
                         paddingtop=f"{pad_v}cm", paddingbottom=f"{pad_v}cm",
                         paddingleft=f"{pad_h}cm", paddingright=f"{pad_h}cm")
            shading = self.profile["table"].get("header_shading")
            if header and shading:
                props["backgroundcolor"] = f"#{shading}"
            style.addElement(TableCellProperties(**props))
            self.odt.automaticstyles.addElement(style)
            self._cell_styles[key] = style
        return self._cell_styles[key]

    def row_style(self, keep: bool) -> Style:
        """Rows do not split across pages, unless taller than a page."""
        if keep not in self._row_styles:
            style = Style(name=f"R{len(self._row_styles) + 1}", family="table-row")
            style.addElement(TableRowProperties(keeptogether="always" if keep else "auto"))
            self.odt.automaticstyles.addElement(style)
            self._row_styles[keep] = style
        return self._row_styles[keep]

    def row(self, cells: list[Cell | Covered], header: bool, keep: bool = True) -> TableRow:
        row = TableRow(stylename=self.row_style(keep))
        for cell in cells:
            if isinstance(cell, Covered):
                row.addElement(CoveredTableCell())
                continue
            attrs = {"stylename": self.cell_style(header, cell.align), "valuetype": "string"}
            if cell.rowspan > 1:
                attrs["numberrowsspanned"] = cell.rowspan
            if cell.colspan > 1:
                attrs["numbercolumnsspanned"] = cell.colspan
            element = TableCell(**attrs)
            for para in cell.paragraphs or [Para("", style="table")]:
                element.addElement(self.paragraph(para))
            row.addElement(element)
        return row

    def table(self, table: Table) -> OdfTable:
        self._tables += 1
        name = f"Table{self._tables}"
        widths = column_widths_cm(self.profile, table.widths)
        style = Style(name=name, family="table")
        style.addElement(TableProperties(width=f"{sum(widths):.3f}cm", align="center"))
        self.odt.automaticstyles.addElement(style)
        element = OdfTable(name=name, stylename=style)
        for i, width in enumerate(widths):
            col_style = Style(name=f"{name}.C{i + 1}", family="table-column")
            col_style.addElement(TableColumnProperties(columnwidth=f"{width:.3f}cm"))
            self.odt.automaticstyles.addElement(col_style)
            element.addElement(TableColumn(stylename=col_style))
        header = TableHeaderRows()
        for cells in table.header:
            header.addElement(self.row(cells, True))
        element.addElement(header)
        for r, cells in enumerate(table.rows):
            element.addElement(self.row(cells, False, r not in table.tall_rows))
        return element

    def build(self) -> OpenDocumentText:
        self.setup()
        for block in self.doc.blocks:
            self.odt.text.addElement(self.paragraph(block) if isinstance(block, Para) else self.table(block))
        return self.odt


def write_odt(doc: Document, target: Path) -> None:
    """Write ``doc`` to ``target`` (a fresh file; callers make it atomic)."""
    save_odt(_OdtBuilder(doc).build(), doc, target)
