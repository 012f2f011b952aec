"""Document blocks → a Plan: title, date line, sections 壹貳參…, the plan table
(via :mod:`table_parser`), notes after it, sections after it.

Everything that cannot be placed goes into the report with where it came from.
"""
from __future__ import annotations

import re
import unicodedata

from ..errors import PlanDeskError
from ..model import DEFAULT_COLUMNS, Paragraph, Plan, Section
from ..profiles import load_profile
from ..sanitize import clean_line, clean_text
from .blocks import Block, Para, Table
from .columns import find_header, unexpected_columns_error
from .table_parser import TableParser
from .tokens import token_parts

_ORGANIZATIONS = [  # printed form → canonical name; longest first
    ("台灣電力股份有限公司", "台灣電力公司"), ("臺灣電力股份有限公司", "台灣電力公司"),
    ("台灣電力公司", "台灣電力公司"), ("臺灣電力公司", "台灣電力公司"), ("台電公司", "台灣電力公司"),
    ("台灣自來水股份有限公司", "台灣自來水公司"), ("臺灣自來水股份有限公司", "台灣自來水公司"),
    ("台灣自來水公司", "台灣自來水公司"), ("臺灣自來水公司", "台灣自來水公司"),
    ("台水公司", "台灣自來水公司"), ("台電", "台灣電力公司"), ("台水", "台灣自來水公司"),
]
_OFFICE_SUFFIXES = [("區營業處", "台灣電力公司"), ("營業處", "台灣電力公司"), ("區處", "台灣電力公司"),
                    ("區管理處", "台灣自來水公司"), ("給水廠", "台灣自來水公司")]
_YEAR = re.compile(r"([0-9０-９]{2,3})\s*年")
_DATE = re.compile(r"訂定|修訂|核定|中華民國|[0-9０-９]{2,3}\s*年\s*[0-9０-９]{1,2}\s*月")
_HEADING_SPLIT = re.compile(r"[：:]")


def _section_heading(text: str) -> str | None:
    """The rest of a 壹、/貳、/参、 heading line, or None."""
    parsed = token_parts(text)
    if parsed and parsed[0] == "capital" and not parsed[1]:
        return parsed[3].strip()
    return None


def _paragraph(text: str) -> Paragraph:
    """一、 paragraphs are numbered (token stripped); other tokens stay in the text."""
    parsed = token_parts(text.strip())
    if parsed and parsed[0] == "chinese" and not parsed[1]:
        return Paragraph(parsed[3].strip(), True)
    return Paragraph(text.strip(), False)


def split_title(title: str, report: list[str]) -> tuple[str, str, int]:
    """(organization, office, ROC year) from 「台電公司台北市區營業處114年度…」."""
    match = _YEAR.search(title)
    if not match:
        report.append(f"標題「{title}」中找不到年度（例如 114 年度），年度未填，請匯入後補上。")
        return "", title.strip(), 0
    year = int(unicodedata.normalize("NFKC", match.group(1)))
    office = title[: match.start()].strip()
    organization = ""
    for printed, canonical in _ORGANIZATIONS:
        if office.startswith(printed):
            organization, office = canonical, office[len(printed):].strip()
            break
    if not organization:
        organization = next((org for suffix, org in _OFFICE_SUFFIXES if office.endswith(suffix)), "")
        if organization:
            report.append(f"標題沒有機關名稱，依「{office}」推定為{organization}，請核對。")
    return organization, office, year


class _Builder:
    def __init__(self, report: list[str]):
        self.report = report
        self.plan = Plan()
        self.front: list[str] = []
        self.section: Section | None = None
        self.table_section: Section | None = None
        self.after_table = False  # paragraphs right after the plan table are its notes

    def heading(self, rest: str) -> None:
        head, body = rest, ""
        split = _HEADING_SPLIT.search(rest)
        if split and split.start() <= 15:
            head, body = rest[: split.start()].strip(), rest[split.end():].strip()
        self.section = Section(heading=head)
        self.plan.sections.append(self.section)
        self.after_table = False
        if body:
            self.section.paragraphs.append(_paragraph(body))

    def paragraph(self, text: str) -> None:
        if not text.strip():
            return
        rest = _section_heading(text.strip())
        if rest is not None:
            self.heading(rest)
        elif self.section is None:
            self.front.append(text.strip())
        elif self.after_table:
            self.section.notes.append(text.strip())
        else:
            self.section.paragraphs.append(_paragraph(text))

    def other_table(self, table: Table, number: int) -> None:
        lines = table.all_text()
        if not lines:
            return
        if self.section is None:
            self.report.append(f"第 {number} 個表格不是計畫表且在第一個章節之前（{'／'.join(lines)}），未匯入。")
            return
        self.section.paragraphs.extend(Paragraph(line.strip(), False) for line in lines)
        self.report.append(f"第 {number} 個表格不是計畫表，其文字已放入「{self.section.heading}」章節的段落。")

    def plan_table(self) -> None:
        if self.section is None:
            self.report.append("計畫表之前沒有章節標題（例如「肆、執行策略及具體作法」），已建立未命名的表格章節。")
            self.section = Section()
            self.plan.sections.append(self.section)
        if self.table_section is None:
            self.table_section = self.section
            self.section.kind = "table"
        self.after_table = True

    def front_matter(self) -> None:
        title_lines, rest = [], []
        for line in self.front:
            if not self.plan.date_line and _DATE.search(line) and title_lines:
                self.plan.date_line = line
            elif not self.plan.date_line and not rest:
                title_lines.append(line)
            else:
                rest.append(line)
        self.plan.title = "".join(title_lines)
        for line in rest:
            self.report.append(f"標題與第一個章節之間的文字「{line}」無法歸類，未匯入。")
        if not self.plan.title:
            self.report.append("文件開頭找不到計畫標題，標題未填，請匯入後補上。")
        org, office, year = split_title(self.plan.title, self.report) if self.plan.title else ("", "", 0)
        self.plan.organization, self.plan.office, self.plan.year = org, office, year


def parse_blocks(blocks: list[Block], name: str) -> tuple[Plan, list[str]]:
    """Turn ``blocks`` into a plan and the report of what could not be placed."""
    report: list[str] = []
    builder = _Builder(report)
    tables = [b for b in blocks if isinstance(b, Table)]
    if not tables:
        raise PlanDeskError(f"{name} 裡沒有表格，找不到「執行策略及具體作法」計畫表；請確認選的是年度執行計畫文件。")
    headers = [find_header(t) for t in tables]
    if not any(headers):
        plan_like = max(tables, key=lambda t: (t.width, len(t.grid)))
        raise unexpected_columns_error(name, plan_like)
    profile_name = "taipower"
    parser: TableParser | None = None
    columns_used = None
    table_number = 0
    for block in blocks:
        if isinstance(block, Para):
            builder.paragraph(block.text)
            continue
        table_number += 1
        columns = headers[table_number - 1]
        if columns is None or (builder.table_section is not None and builder.section is not builder.table_section):
            builder.other_table(block, table_number)
            continue
        if parser is None:
            levels = load_profile(profile_name)["numbering"]["levels"]
            parser = TableParser(levels, report)
            columns_used = columns
        elif builder.section.notes:  # text between two plan tables: keep it as notes
            report.append(f"兩個計畫表之間的文字已放入表格附註：{'／'.join(builder.section.notes)}")
        builder.plan_table()
        parser.add_table(block, columns, table_number)
    builder.front_matter()
    plan = builder.plan
    plan.tree = parser.finish()
    plan.columns = columns_used.labels_list(DEFAULT_COLUMNS)
    if plan.organization == "台灣自來水公司":
        plan.profile = "taiwater"
    _sanitize(plan)
    return plan, report


def _sanitize(plan: Plan) -> None:
    """Only text the model accepts (control characters from Word removed)."""
    for attr in ("organization", "office", "title", "date_line"):
        setattr(plan, attr, clean_line(getattr(plan, attr)))
    plan.columns = [clean_line(c) for c in plan.columns]
    for section in plan.sections:
        section.heading = clean_line(section.heading)
        section.notes = [clean_text(n) for n in section.notes]
        for para in section.paragraphs:
            para.text = clean_text(para.text)
    for node in plan.walk():
        node.title, node.text, node.period = clean_line(node.title), clean_text(node.text), clean_line(node.period)
        for dept in node.departments:
            dept.name = clean_line(dept.name)
