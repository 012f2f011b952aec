"""Header labels → the five column roles, whatever the office called them."""
from __future__ import annotations

import re
import unicodedata

from ..errors import PlanDeskError
from .blocks import Table

ROLES = ("aspect", "strategy", "practice", "departments", "period")

# Checked in this order: 「主辦部門（協辦部門）」 must not match 面向, 「執行方式」 not 策略.
_PATTERNS = [
    ("departments", re.compile(r"部門|單位|主辦|承辦|協辦|權責")),
    ("period", re.compile(r"期間|期限|期程|時程|執行方式|完成時間|辦理時間|辦理期|預定進度")),
    ("practice", re.compile(r"作法|做法|推動措施|執行措施|工作項目|實施內容")),
    ("strategy", re.compile(r"策略")),
    ("aspect", re.compile(r"面向|內涵|構面|服務項目|項目")),
]
_ROLE_NAMES = {"aspect": "面向", "strategy": "執行策略", "practice": "具體作法",
               "departments": "承辦部門", "period": "執行期間"}


def _norm(label: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", label))


def role_of(label: str) -> str | None:
    text = _norm(label)
    for role, pattern in _PATTERNS:
        if pattern.search(text):
            return role
    return None


class ColumnMap:
    """Which grid column plays which role, and the header labels as printed."""

    def __init__(self, roles: dict[str, list[int]], labels: dict[str, str], header_row: int,
                 signature: list[str]):
        self.roles, self.labels, self.header_row, self.signature = roles, labels, header_row, signature

    def sub_column(self) -> int | None:
        """The sub-strategy column: the strategy header's second sub-column, or the
        first of two 具體作法 sub-columns (headings left, texts right)."""
        cols = self.roles.get("strategy", [])
        if len(cols) > 1:
            return cols[1]
        cols = self.roles.get("practice", [])
        return cols[0] if len(cols) > 1 else None

    def columns_of(self, role: str) -> list[int]:
        """Grid columns whose cells are read for ``role`` (sub-column excluded)."""
        sub = self.sub_column()
        return [c for c in self.roles.get(role, []) if c != sub]

    def labels_list(self, defaults: list[str]) -> list[str]:
        return [self.labels.get(role, default) for role, default in zip(ROLES, defaults)]

    def is_repeat(self, table: Table, r: int) -> bool:
        """A later row that repeats the header labels (a hand-made page-break header)."""
        return r != self.header_row and _row_signature(table, r) == self.signature


def _row_signature(table: Table, r: int) -> list[str]:
    return [_norm(cell.text) for cell in table.row_cells(r)]


def map_header(table: Table, r: int) -> ColumnMap | None:
    """The column map if row ``r`` is a header row naming 具體作法 and a strategy or 面向."""
    roles: dict[str, list[int]] = {}
    labels: dict[str, str] = {}
    row = table.grid[r]
    last_role = None
    for c, cell in enumerate(row):
        if cell is None:
            continue
        if c > 0 and row[c - 1] is cell:  # the same header cell spanning sub-columns
            roles[last_role].append(c)
            continue
        if table.slot(r - 1, c) is cell:  # continues a cell from above: not a header here
            return None
        last_role = role_of(cell.text)
        if last_role is None or last_role in roles:
            return None
        roles[last_role] = [c]
        labels[last_role] = "".join(p.strip() for p in cell.paras)
    if "practice" not in roles or not ({"aspect", "strategy"} & roles.keys()):
        return None
    return ColumnMap(roles, labels, r, _row_signature(table, r))


def find_header(table: Table, search_rows: int = 3) -> ColumnMap | None:
    for r in range(min(search_rows, len(table.grid))):
        found = map_header(table, r)
        if found:
            return found
    return None


def unexpected_columns_error(name: str, table: Table) -> PlanDeskError:
    """The one sentence for a plan-like table whose header does not map."""
    labels = [cell.text or "（空白）" for cell in table.row_cells(0)] if table.grid else []
    unknown = [lab for lab in labels if role_of(lab) is None] or labels
    wanted = "、".join(_ROLE_NAMES.values())
    return PlanDeskError(f"{name} 的表格欄位「{'／'.join(unknown)}」對不上計畫表的欄位（{wanted}），"
                         f"請把表格第一列的標題改成這些名稱後再匯入。")
