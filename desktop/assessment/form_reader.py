"""Reading a returned form: the importer's safe container and XML opening (broken
or hostile files are refused the same way), then the rows of the table whose
header names 編號, 執行情形 and 執行狀態. Text outside that table that the form
did not carry is kept as ``extras`` so the merge can report it."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import PlanDeskError
from ..importer import guarded, read_blocks
from ..importer.blocks import Para, Table
from . import form_layout as F


@dataclass
class FormRow:
    number: int          # 1-based row number in the form's table (for messages)
    key: str
    item: str            # the 具體作法 cell as returned
    text: str            # 執行情形
    status: str          # 執行狀態 as typed
    given: dict[str, str] = field(default_factory=dict)  # the other cells the form filled in, as returned


@dataclass
class ReturnedForm:
    name: str
    period: str = ""
    department: str = ""
    rows: list[FormRow] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)  # text outside the rows, not merged


def _cell_text(table: Table, r: int, c: int) -> str:
    """The text at (r, c). A cell merged down over several rows (one 執行情形 for two
    items) gives each row its text; the right part of a cell merged across gives none."""
    cell = table.slot(r, c) if c >= 0 else None
    if cell is None or table.slot(r, c - 1) is cell:
        return ""
    return "\n".join(cell.paras).strip()


def _columns(table: Table) -> dict[str, int] | None:
    if not table.grid:
        return None
    header = {_cell_text(table, 0, c).replace(" ", ""): c for c in range(len(table.grid[0]))}
    if not {F.KEY_HEADER, F.TEXT_HEADER, F.STATUS_HEADER} <= set(header):
        return None
    return {name: header.get(name, -1) for name in F.HEADERS}


def _read_table(form: ReturnedForm, table: Table, cols: dict[str, int]) -> None:
    for r in range(1, len(table.grid)):
        values = {name: _cell_text(table, r, c) for name, c in cols.items()}
        if values[F.KEY_HEADER] == F.KEY_HEADER and values[F.TEXT_HEADER] == F.TEXT_HEADER:
            continue  # a repeated header row
        known = set(cols.values())
        for c, cell in enumerate(table.grid[r]):
            if c not in known and cell is not None and table.origin(r, c) and cell.text:
                form.extras.append(f"表格第 {r} 列多出的欄位「{cell.text}」")
        form.rows.append(FormRow(r, values[F.KEY_HEADER].replace(" ", ""), values[F.ITEM_HEADER],
                                 values[F.TEXT_HEADER], values[F.STATUS_HEADER].strip(),
                                 {h: values[h] for h in (F.CONTEXT_HEADER, F.PERIOD_HEADER)}))


def _header_line(form: ReturnedForm, text: str) -> bool:
    """Take the period or department from a line the form carries; True if it is one."""
    line = text.strip()
    if not line:
        return True
    if line.startswith(F.PERIOD_LABEL):
        match = F.PERIOD_RE.match(line)
        form.period = match.group(1) if match else ""
        return True
    if line.startswith(F.DEPARTMENT_LABEL):
        match = F.DEPARTMENT_RE.match(line)
        form.department = match.group(1) if match else ""
        return True
    return (line.startswith((F.PLAN_LABEL, F.DUE_LABEL, F.HELP_LABEL)) or line.endswith(F.TITLE_SUFFIX)
            or line.replace(" ", "").startswith("第") and "頁" in line)


def read_form(path: str | Path) -> ReturnedForm:
    """The rows and header of a returned .docx/.odt form; PlanDeskError for a bad file."""
    path = Path(path)
    blocks = guarded(path, lambda: read_blocks(path, []), action="讀取")
    form = ReturnedForm(path.name)
    found = False
    for block in blocks:
        if isinstance(block, Para):
            if not _header_line(form, block.text):
                form.extras.append(block.text.strip())
            continue
        cols = _columns(block)
        if cols is None:
            form.extras.extend(block.all_text())
            continue
        found = True
        _read_table(form, block, cols)
    if not found:
        raise PlanDeskError(f"{path.name} 不是 PlanDesk 的考核填報表（找不到含「{F.KEY_HEADER}」「{F.TEXT_HEADER}」"
                            f"「{F.STATUS_HEADER}」欄的表格），請確認選擇了各部門交回的填報表。")
    return form
