"""Read exported DOCX/ODT files back as plain XML (not through the writers' own
code), so tests see what Word or LibreOffice would read."""
from __future__ import annotations

import zipfile

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W,
      "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
      "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
      "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
      "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
      "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"}
def _xml(path, member):
    with zipfile.ZipFile(path) as zf:
        return etree.fromstring(zf.read(member))


def _w(name):
    return f"{{{W}}}{name}"


def docx_para_text(p) -> str:
    out = []
    for el in p.iter(_w("t"), _w("br"), _w("tab")):
        out.append(el.text or "" if el.tag == _w("t") else "\n" if el.tag == _w("br") else "\t")
    return "".join(out)


def odt_para_text(p) -> str:
    out = []

    def walk(el):
        if el.text:
            out.append(el.text)
        for child in el:
            tag = etree.QName(child).localname
            if tag == "line-break":
                out.append("\n")
            elif tag == "tab":
                out.append("\t")
            elif tag == "s":
                out.append(" " * int(child.get(f"{{{NS['text']}}}c", "1")))
            else:
                walk(child)
            if child.tail:
                out.append(child.tail)
    walk(p)
    return "".join(out)


def paragraphs(path, fmt) -> list[str]:
    """Every paragraph's text in document order (tables included)."""
    if fmt == "docx":
        body = _xml(path, "word/document.xml")
        return [docx_para_text(p) for p in body.iter(_w("p"))]
    root = _xml(path, "content.xml")
    return [odt_para_text(p) for p in root.iter(f"{{{NS['text']}}}p", f"{{{NS['text']}}}h")]


def table_grid(path, fmt) -> tuple[list[list], int]:
    """The first table as a full grid read from the file's own span markup:
    a started cell is [text, rowspan, colspan], a covered position is None.
    Also returns the number of header rows."""
    grid: list[list] = []
    if fmt == "docx":
        tbl = _xml(path, "word/document.xml").find(f".//{_w('tbl')}")
        trs = tbl.findall(_w("tr"))
        headers = sum(1 for tr in trs if tr.find(f"{_w('trPr')}/{_w('tblHeader')}") is not None)
        started: dict[int, list] = {}
        for tr in trs:
            row, col = [], 0
            for tc in tr.findall(_w("tc")):
                span_el = tc.find(f"{_w('tcPr')}/{_w('gridSpan')}")
                colspan = int(span_el.get(_w("val"))) if span_el is not None else 1
                vmerge = tc.find(f"{_w('tcPr')}/{_w('vMerge')}")
                if vmerge is not None and vmerge.get(_w("val")) != "restart":
                    started[col][1] += 1
                    row.extend([None] * colspan)
                else:
                    text = "\n".join(docx_para_text(p) for p in tc.findall(_w("p")))
                    started[col] = [text, 1, colspan]
                    row.extend([started[col]] + [None] * (colspan - 1))
                col += colspan
            grid.append(row)
        return grid, headers
    table = _xml(path, "content.xml").find(f".//{{{NS['table']}}}table")
    header_rows = table.findall(f"{{{NS['table']}}}table-header-rows/{{{NS['table']}}}table-row")
    for tr in header_rows + table.findall(f"{{{NS['table']}}}table-row"):
        row = []
        for tc in tr:
            if etree.QName(tc).localname == "covered-table-cell":
                row.append(None)
                continue
            text = "\n".join(odt_para_text(p) for p in tc.findall(f"{{{NS['text']}}}p"))
            row.append([text, int(tc.get(f"{{{NS['table']}}}number-rows-spanned", "1")),
                        int(tc.get(f"{{{NS['table']}}}number-columns-spanned", "1"))])
        grid.append(row)
    return grid, len(header_rows)


def texts_of(row: list) -> list[str]:
    return [c[0] for c in row if c is not None]
