"""The 成果 document: the plan in its official layout with a 執行情形 column,
followed by the 考核結果統計表 (per 面向 and per department)."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..errors import PlanDeskError
from ..export import FORMATS, write_document
from ..export.blocks import Cell, Document, Para, Table
from ..export.layout import plan_document, table_document
from ..export.table_layout import _TableBuilder
from ..model import Node, Plan
from ..numbering import node_tokens
from ..profiles import load_profile
from .model import RESULT_STATUSES, ReviewPeriod
from .statistics import completion_rate, period_statistics

RESULT_HEADER = "執行情形"
STATISTICS_TITLE = "考核結果統計表"


class _ResultTable(_TableBuilder):
    """The plan table with one more column: each row's 執行情形 for the period.
    Extends the export layer's builder rather than copying it, so the report
    keeps the plan's official spans, numbering and widths."""

    def __init__(self, plan: Plan, tokens: dict[str, str], profile: dict, period: str):
        super().__init__(plan, tokens, profile)
        self.period = period

    def widths(self) -> list[float]:
        w = super().widths()
        return w + [w[-3]]  # as wide as the 具體作法 column

    def header_row(self) -> list:
        return super().header_row() + [
            Cell([Para(RESULT_HEADER, style="table_header", bold=True, align="center")], align="center")]

    def grid_rows(self) -> list[list]:
        rows = super().grid_rows()
        for row, built in zip(rows, self.rows):
            row.append(Cell(self.result_paragraphs(built.node)))
        return rows

    def result_paragraphs(self, node: Node | None) -> list[Para]:
        result = self.plan.review.result(node.id, self.period) if node is not None else None
        if result is None or not result.filled:
            return []
        paras = [Para(f"【{result.status}】", style="table", bold=True)] if result.status else []
        paras += [Para(line, style="table") for line in result.text.split("\n")] if result.text else []
        if result.quantity is not None:
            paras.append(Para(f"量化成果：{result.quantity:g} {result.unit}".rstrip(), style="table"))
        return paras


def _percent(bucket: dict) -> str:
    rate = completion_rate(bucket)
    return "—" if rate is None else f"{rate * 100:.1f}%"


def statistics_rows(stats: dict, group: str) -> list[list[str]]:
    rows = []
    for name, bucket in stats[group].items():
        rows.append([name, str(bucket["items"]), str(bucket["filled"]),
                     *[str(bucket["by_status"][s]) for s in RESULT_STATUSES], _percent(bucket)])
    rows.append(["合計", str(stats["items"]), str(stats["filled"]),
                 *[str(stats["by_status"][s]) for s in RESULT_STATUSES], _percent(stats)])
    return rows


def report_document(plan: Plan, period: ReviewPeriod) -> Document:
    # The title as plan_document prints it: a long one breaks over two paragraphs.
    doc = plan_document(replace(plan, title=f"{plan.title}{period.name}自行考核成果"))
    profile = load_profile(plan.profile)
    table = _ResultTable(plan, node_tokens(plan), profile, period.name).build()
    table_at = next((i for i, b in enumerate(doc.blocks) if isinstance(b, Table)), None)
    if table_at is None:  # a plan without a table section still reports its items
        doc.blocks.append(table)
    else:
        doc.blocks[table_at] = table
    stats = period_statistics(plan, period.name)
    headers = ["", "項目數", "已填報", *RESULT_STATUSES, "完成率"]
    widths = [2.6] + [1.0] * (len(headers) - 2) + [1.4]  # 完成率 holds 「100.0%」 on one line
    for group, label in (("by_aspect", "面向"), ("by_department", "部門")):
        part = table_document(f"{STATISTICS_TITLE}（依{label}）", [label, *headers[1:]],
                              statistics_rows(stats, group), plan.profile, widths)
        doc.blocks += part.blocks
    doc.blocks.append(Para("完成率＝已完成項目數 ÷（項目數 − 不適用項目數）；一個項目由多個部門辦理時，"
                           "在每個部門各計一次。", style="note"))
    return doc


def write_report(plan: Plan, period: ReviewPeriod, target: str | Path, fmt: str | None = None) -> Path:
    """The 成果 report as ``fmt`` (default: the target's suffix: docx, odt or pdf)."""
    target = Path(target)
    fmt = fmt or target.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise PlanDeskError(f"成果文件只能存成 .docx、.odt 或 .pdf，「{target.name}」的副檔名不符，請改用其中之一。")
    return write_document(report_document(plan, period), fmt, target)
