"""The 執行狀態 drop-down of DOCX forms: each status cell gets a Word content
control (``w:sdt`` with ``w:dropDownList``) listing the six statuses. Typing over it
still works; LibreOffice keeps it through DOCX and ODT re-saving, and the chosen
value is read back as the cell's text."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lxml import etree

from .model import RESULT_STATUSES

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = "{%s}" % _W_NS
_PART = "word/document.xml"


def _control(alias: str) -> etree._Element:
    items = "".join(f'<w:listItem w:displayText="{s}" w:value="{s}"/>' for s in RESULT_STATUSES)
    return etree.fromstring(
        f'<w:sdt xmlns:w="{_W_NS}"><w:sdtPr><w:alias w:val="{alias}"/><w:dropDownList>{items}</w:dropDownList>'
        '</w:sdtPr><w:sdtContent><w:r><w:t xml:space="preserve"></w:t></w:r></w:sdtContent></w:sdt>')


def add_status_lists(path: Path, column: int, alias: str) -> None:
    """Put the drop-down into ``column`` of every body row of the first table of the
    DOCX at ``path`` (a file PlanDesk has just written; rewritten in place)."""
    with zipfile.ZipFile(path) as source:
        members = [(info, source.read(info.filename)) for info in source.infolist()]
    parts = dict((info.filename, data) for info, data in members)
    root = etree.fromstring(parts[_PART])
    table = root.find(f".//{_W}tbl")
    for row in table.findall(f"{_W}tr") if table is not None else []:
        if row.find(f"{_W}trPr/{_W}tblHeader") is not None:
            continue
        cells = row.findall(f"{_W}tc")
        paragraph = cells[column].find(f"{_W}p") if column < len(cells) else None
        if paragraph is not None:
            paragraph.append(_control(alias))
    parts[_PART] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info, _ in members:
            target.writestr(info, parts[info.filename])
    path.write_bytes(buffer.getvalue())
