"""Filling returned forms the way a department would: by a script writing into the
table cells of the DOCX (python-docx) or ODT (odfpy) form."""
from __future__ import annotations

from pathlib import Path

from docx import Document
from odf import teletype
from odf.opendocument import load
from odf.table import Table, TableCell, TableRow
from odf.text import P

from desktop.assessment import form_layout as F
from desktop.assessment.model import RESULT_STATUSES



def answer(key: str, n: int) -> tuple[str, str]:
    """A department's 執行情形 (several paragraphs, mixed widths and symbols) and 執行狀態."""
    text = (f"本期辦理第 {n} 項：完成宣導 {n * 3} 場（「{key}」& <核對>），達成率 100%。\n"
            f"第二段：預計 7 月底前完成檢討①，並持續追蹤—ＡＢＣ。")
    return text, RESULT_STATUSES[n % len(RESULT_STATUSES)]


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def status_choices(cell) -> list[str]:
    """The values the cell's drop-down offers ([] without one)."""
    return [item.get(W + "value") for item in cell._tc.iter(W + "listItem")]


def fill_docx(path: Path, answers: dict[str, tuple[str, str]]) -> None:
    """Type ``answers`` (key → (text, status)) into a DOCX form and save it. Every
    other status is picked in the drop-down (as Word does), the rest typed over it."""
    doc = Document(str(path))
    table = doc.tables[0]
    header = [c.text for c in table.rows[0].cells]
    key_col, text_col, status_col = (header.index(h) for h in (F.KEY_HEADER, F.TEXT_HEADER, F.STATUS_HEADER))
    for n, row in enumerate(table.rows[1:]):
        cells = row.cells
        key = cells[key_col].text.strip()
        if key not in answers:
            continue
        text, status = answers[key]
        lines = text.split("\n")
        cells[text_col].paragraphs[0].text = lines[0]
        for line in lines[1:]:
            cells[text_col].add_paragraph(line)
        chosen = next(cells[status_col]._tc.iter(W + "sdtContent"), None) if n % 2 else None
        if chosen is not None:
            next(chosen.iter(W + "t")).text = status
        else:
            cells[status_col].paragraphs[0].text = status
    doc.save(str(path))


def _set_cell(cell, text: str) -> None:
    for child in list(cell.childNodes):
        cell.removeChild(child)
    for line in text.split("\n"):
        cell.addElement(P(text=line))


def fill_odt(path: Path, answers: dict[str, tuple[str, str]]) -> None:
    doc = load(str(path))
    table = doc.getElementsByType(Table)[0]
    rows = table.getElementsByType(TableRow)
    header = [teletype.extractText(c) for c in rows[0].getElementsByType(TableCell)]
    key_col, text_col, status_col = (header.index(h) for h in (F.KEY_HEADER, F.TEXT_HEADER, F.STATUS_HEADER))
    for row in rows[1:]:
        cells = row.getElementsByType(TableCell)
        key = teletype.extractText(cells[key_col]).strip()
        if key in answers:
            text, status = answers[key]
            _set_cell(cells[text_col], text)
            _set_cell(cells[status_col], status)
    doc.save(str(path))


def fill(path: Path, answers: dict[str, tuple[str, str]]) -> None:
    (fill_odt if path.suffix == ".odt" else fill_docx)(path, answers)


def form_keys(path: Path) -> list[str]:
    from desktop.assessment.form_reader import read_form
    return [row.key for row in read_form(path).rows]
