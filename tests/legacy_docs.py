"""Hand-made legacy plans for the importer tests, typed the way a clerk does.

A document is a list of blocks: a string is a paragraph, a :class:`Grid` is a
table. A grid row lists one entry per visual column: a list of paragraphs
starts a cell, ``UP`` merges with the cell above, ``LEFT`` with the cell to the
left. The same spec is written as DOCX (python-docx) and ODT (odfpy).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

UP, LEFT = "UP", "LEFT"


@dataclass
class Auto:
    """A paragraph numbered by Word's automatic list numbering at ``level`` (0 = 一、)."""
    text: str
    level: int


# Word numbering for Auto paragraphs: 一、 (一) 1. (1) 甲、 like the 台電 profile.
_LEVELS = [("taiwaneseCountingThousand", "%1、"), ("taiwaneseCountingThousand", "(%2)"),
           ("decimal", "%3."), ("decimal", "(%4)"), ("ideographTraditional", "%5、")]
NUMBERING_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:abstractNum w:abstractNumId="7">' + "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate(_LEVELS)) +
    '</w:abstractNum><w:num w:numId="9"><w:abstractNumId w:val="7"/></w:num></w:numbering>').encode()


@dataclass
class Grid:
    rows: list[list]
    header_rows: int = 0  # rows marked "repeat as header row"
    widths: list[float] = field(default_factory=list)


def _spans(grid: Grid):
    """(row, col, paragraphs, rowspan, colspan) for every cell origin."""
    out = []
    for r, row in enumerate(grid.rows):
        for c, entry in enumerate(row):
            if entry in (UP, LEFT):
                continue
            colspan = 1
            while c + colspan < len(row) and row[c + colspan] == LEFT:
                colspan += 1
            rowspan = 1
            while r + rowspan < len(grid.rows) and grid.rows[r + rowspan][c] == UP:
                rowspan += 1
            out.append((r, c, entry, rowspan, colspan))
    return out


def _auto_number(paragraph, level: int) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    numpr = OxmlElement("w:numPr")
    for tag, value in (("w:ilvl", level), ("w:numId", 9)):
        el = OxmlElement(tag)
        el.set(qn("w:val"), str(value))
        numpr.append(el)
    paragraph._p.get_or_add_pPr().append(numpr)


def _add(container, item, first=None):  # noqa: D401 - python-docx document or cell
    """Add a str or Auto paragraph (``first``: reuse this empty paragraph)."""
    text = item.text if isinstance(item, Auto) else item
    paragraph = first if first is not None else container.add_paragraph()
    paragraph.text = text
    if isinstance(item, Auto):
        _auto_number(paragraph, item.level)


def _docx_table(container, grid: Grid) -> None:
    from docx.oxml import OxmlElement

    table = container.add_table(rows=len(grid.rows), cols=len(grid.rows[0]))
    table.style = "Table Grid"
    for r in range(grid.header_rows):
        table.rows[r]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for r, c, paras, rowspan, colspan in _spans(grid):
        cell = table.cell(r, c)
        for k, item in enumerate(paras or [""]):
            if isinstance(item, Grid):
                _docx_table(cell, item)  # a table inside the cell (a layout box)
            else:
                _add(cell, item, cell.paragraphs[0] if k == 0 else None)
        if rowspan > 1 or colspan > 1:
            cell.merge(table.cell(r + rowspan - 1, c + colspan - 1))


def _uses_auto(items) -> bool:
    for item in items:
        if isinstance(item, Auto):
            return True
        if isinstance(item, Grid) and _uses_auto(p for row in item.rows for e in row
                                                 if isinstance(e, list) for p in e):
            return True
    return False


def write_docx(blocks: list, path: Path) -> Path:
    import docx

    document = docx.Document()
    for block in blocks:
        if isinstance(block, Grid):
            _docx_table(document, block)
        else:
            _add(document, block)
    document.save(path)
    if _uses_auto(blocks):
        rewrite_part(path, path.with_suffix(".tmp"), "word/numbering.xml", NUMBERING_XML).replace(path)
    return path


def _odt_table(grid: Grid, name: str, para):
    from odf.table import CoveredTableCell, Table, TableColumn, TableHeaderRows, TableRow, TableCell

    width = len(grid.rows[0])
    table = Table(name=name)
    table.addElement(TableColumn(numbercolumnsrepeated=width))
    origins = {(r, c): (paras, rs, cs) for r, c, paras, rs, cs in _spans(grid)}
    header = TableHeaderRows() if grid.header_rows else None
    if header is not None:
        table.addElement(header)
    for r in range(len(grid.rows)):
        tr = TableRow()
        for c in range(width):
            if (r, c) in origins:
                paras, rs, cs = origins[(r, c)]
                cell = TableCell(numberrowsspanned=rs, numbercolumnsspanned=cs, valuetype="string")
                for k, item in enumerate(paras or [""]):
                    cell.addElement(_odt_table(item, f"{name}.{r}.{c}.{k}", para)
                                    if isinstance(item, Grid) else para(item))
            else:
                cell = CoveredTableCell()
            tr.addElement(cell)
        (header if header is not None and r < grid.header_rows else table).addElement(tr)
    return table


def write_odt(blocks: list, path: Path) -> Path:
    from odf.opendocument import OpenDocumentText

    document = OpenDocumentText()
    para = _odt_paragraphs(document)
    for number, block in enumerate(blocks):
        document.text.addElement(_odt_table(block, f"Table{number}", para) if isinstance(block, Grid)
                                 else para(block))
    document.save(str(path))
    return path


def _odt_paragraphs(document):
    """A maker of ODT paragraphs: Auto ones go into a list with the profile-like list style."""
    from odf.style import ListLevelProperties
    from odf.text import List, ListItem, ListLevelStyleNumber, ListStyle, P

    style = ListStyle(name="PlanList")
    for level, (fmt, text) in enumerate(_LEVELS, start=1):
        prefix, suffix = text.split(f"%{level}")
        num = {"taiwaneseCountingThousand": "一, 二, 三, ...", "decimal": "1",
               "ideographTraditional": "甲, 乙, 丙, ..."}[fmt]
        lvl = ListLevelStyleNumber(level=level, numformat=num, numprefix=prefix, numsuffix=suffix)
        lvl.addElement(ListLevelProperties())
        style.addElement(lvl)
    document.automaticstyles.addElement(style)
    started = []

    def make(item):
        if not isinstance(item, Auto):
            return P(text=item)
        outer = List(stylename="PlanList")
        if started:
            outer.setAttribute("continuenumbering", "true")
        started.append(True)
        current = outer
        for _ in range(item.level):
            wrapper = ListItem()
            current.addElement(wrapper)
            current = List()
            wrapper.addElement(current)
        last = ListItem()
        last.addElement(P(text=item.text))
        current.addElement(last)
        return outer
    return make


def write(blocks: list, path: Path) -> Path:
    return write_docx(blocks, path) if path.suffix == ".docx" else write_odt(blocks, path)


# --- the plans a clerk typed ---------------------------------------------------

def six_column_layout_a() -> list:
    """新營-style: strategy header over two sub-columns, one row per sub-strategy, the
    (1)(2)… items as paragraphs of one cell with matching department/period lines
    (one department line split in two), an unnumbered item, 甲、乙 sub-items,
    full-width tokens, intro paragraph, a ※ note and sections after the table."""
    header = [["面向"], ["執行策略"], LEFT, ["具體作法"], ["主辦部門", "（協辦部門）"], ["執行方式"]]
    rows = [
        header,
        [["一、", "基礎", "服務"], ["（一）", "服務一致", "及正確性"], ["1. 訂定申辦業務", "標準作業流程"],
         ["訂定申辦業務標準作業流程，維持一致性。"], ["業務組"], ["隨時辦理"]],
        [UP, UP, ["2. 提升服務及", "時性"],
         ["(1) 提升申辦案件的處理效率。", "(2) 訂定各項用電申請適時供電日程，", "以達成加速供電目標。",
          "（3）客服中心受理後送案件。"],
         ["業務組", "業務組（工務段、", "電務組）", "服務中心", "/服務所"], ["隨時辦理", "隨時辦理", "每年一次"]],
        [UP, ["（二）服務友善性"], ["1. 提升服務設施合宜度"],
         ["(1) 進行環境美（綠）化。", "提供線上服務注意隱私。", "(2) 提供各種申辦書表：", "甲、 書寫桌椅。", "乙、 老花眼鏡。"],
         ["總務組", "各部門", "業務組"], ["隨時辦理", "隨時辦理", "每月檢視"]],
        [["二、服務遞送"], ["(一) 服務便捷性"], [""], ["提供多元化的繳費措施，具體作法如下：", "1. 行動支付。", "2. 超商補單。"],
         ["電費組"], ["持續辦理"]],
    ]
    return ["台電公司新營區處 111年度提升服務效能執行計畫", "111年 2月 22日訂定",
            "壹、計畫依據：", "一、經濟部函頒之計畫。", "二、依本公司函辦理。",
            "貳、計畫目標：", "為提升本處為民服務品質。",
            "參、執行策略及具體作法：", "透過前項服務內涵辦理。", Grid(rows, header_rows=1),
            "※ 本表每半年檢討一次。",
            "肆、實施步驟：", "本計畫陳處長核定後實施。",
            "伍、本計畫如有未盡事宜，得依實際需要修正。"]


def five_column_layout_b() -> list:
    """台北-style: different header wording, one row per item, merged heading cells,
    a page-break header row typed again, a row whose period spans two lines."""
    header = [["服務內涵"], ["服務策略"], ["具體推動作法"], ["承辦單位"], ["辦理期程"]]
    rows = [
        header,
        [["一、提供在地化及客製化關懷服務"], ["(一)因應所轄地區之特性"], ["1. 提供到府、到點服務。"],
         ["業務組", "電費組"], ["持續辦理"]],
        [UP, UP, ["2. 細心說明抄表疑義。"], ["電費組"], ["持續辦理"]],
        header,
        [UP, ["(二)企業用戶專人服務"], ["1. 落實企業用戶專人服務。"], ["業務組"], ["114年1月", "至12月"]],
        [["二、法規及流程簡化"], ["(一)優化繳費作業"], ["提供多元化的繳費措施："], ["電費組"], ["持續辦理"]],
        [UP, UP, ["1. 超商補單繳費。"], [""], [""]],
        [UP, UP, ["2. 地方機關專屬帳號。"], [""], [""]],
    ]
    return ["台灣電力公司台北市區營業處114年度提升服務效能執行計畫", "中華民國114年1月20日訂定",
            "壹、計畫依據：依函頒計畫訂定。",
            "貳、執行策略及具體作法", Grid(rows, header_rows=1),
            "參、本計畫如有未盡事宜，得依實際需要修正或另行補充規定。"]


# --- bad files -----------------------------------------------------------------

def rewrite_part(source: Path, target: Path, part: str, data: bytes | None = None,
                 compress: int | None = None) -> Path:
    """Copy the zip ``source`` to ``target`` with ``part`` replaced (or added)."""
    import zipfile
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        names = src.namelist()
        for name in names:
            payload = data if name == part and data is not None else src.read(name)
            dst.writestr(name, payload, compress_type=compress if name == part and compress is not None
                         else (zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED))
        if part not in names and data is not None:
            dst.writestr(part, data)
    return target


def mark_encrypted(source: Path, target: Path) -> Path:
    """The zip with the 'encrypted' flag bit set on every entry (as a zip password does)."""
    import struct
    raw = bytearray(source.read_bytes())
    for signature, flag_offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (pos := raw.find(signature, start)) != -1:
            flags = struct.unpack_from("<H", raw, pos + flag_offset)[0]
            struct.pack_into("<H", raw, pos + flag_offset, flags | 1)
            start = pos + 4
    target.write_bytes(bytes(raw))
    return target


def ole_file(target: Path, encrypted: bool) -> Path:
    """A minimal OLE compound file header: a legacy .doc, or Word's encrypted .docx."""
    body = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504)
    if encrypted:
        body += "EncryptedPackage".encode("utf-16-le") + bytes(64)
    else:
        body += "WordDocument".encode("utf-16-le") + bytes(64)
    target.write_bytes(body)
    return target


def group_rows_layout() -> list:
    """面向 typed as a row spanning the whole table width, full-width digits in the
    tokens (１．), a decimal number that is not a token, and ※ notes after the table."""
    header = [["面向"], ["執行策略"], ["具體作法"], ["承辦部門"], ["執行期間"]]
    rows = [
        header,
        [["一、基礎服務"], LEFT, LEFT, LEFT, LEFT],
        [[""], ["（一）服務一致性"], ["１．訂定標準作業流程。", "２．12.5 億元預算執行。"], ["業務組", "會計組"], ["隨時辦理", "每季"]],
        [["二、服務遞送"], LEFT, LEFT, LEFT, LEFT],
        [[""], ["（一）服務便捷性"], ["１．推廣線上申辦。"], ["服務中心"], ["全年"]],
    ]
    return ["台灣自來水公司第九區管理處 113 年度提升服務效能執行計畫", "113 年 1 月 10 日訂定",
            "壹、執行策略及具體作法", Grid(rows), "※ 各部門應按季填報執行情形。", "註：本表依需要修正。"]


def word_auto_numbered() -> list:
    """Items and section paragraphs numbered by Word itself (no token in the text)."""
    header = [["面向"], ["執行策略"], ["具體作法"], ["承辦部門"], ["執行期間"]]
    rows = [
        header,
        [[Auto("基礎服務", 0)], [Auto("服務一致性", 1)],
         [Auto("訂定標準作業流程", 2), Auto("提升處理效率。", 3), Auto("管控處理時限。", 3), Auto("網路申辦。", 4)],
         ["", "業務組", "電務組", ""], ["", "隨時辦理", "每月", ""]],
        [UP, [Auto("服務友善性", 1)], [Auto("提升服務設施合宜度。", 2)], ["總務組"], ["全年"]],
    ]
    return ["某某區營業處 115 年度提升服務效能執行計畫", "115 年 1 月 5 日訂定",
            "壹、計畫依據：", Auto("依經濟部計畫辦理。", 0), Auto("依本公司函辦理。", 0),
            "貳、執行策略及具體作法", Grid(rows)]


def two_row_header() -> list:
    """Header cells merged over two rows, 執行策略 split into labelled sub-columns below."""
    rows = [
        [["面向"], ["執行策略"], LEFT, ["具體作法"], ["承辦部門"], ["執行期間"]],
        [UP, ["策略"], ["子策略"], UP, UP, UP],
        [["一、基礎服務"], ["(一)服務一致性"], ["1.標準作業"], ["(1)訂定流程。"], ["業務組"], ["隨時辦理"]],
    ]
    return ["某區營業處 110 年度提升服務效能執行計畫", "壹、執行策略及具體作法", Grid(rows)]
