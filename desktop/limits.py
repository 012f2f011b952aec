"""The largest plan PlanDesk takes in — and therefore can also write out and
read back. The JSON reader, the DOCX/ODT importer, the library and the
exporters all check against these numbers, so nothing accepted in one place
is refused in another (a real plan has ~150 items of a few hundred characters).
"""
from __future__ import annotations

from .errors import PlanDeskError
from .model import Plan

MAX_NODES = 20_000             # items in the tree
MAX_DEPTH = 12                 # tree levels (the numbering has six)
MAX_CHILDREN = 999             # items under one parent (一 … 九百九十九 is as far as numbering goes)
MAX_FIELD_CHARS = 100_000      # one title, item text, paragraph or note
MAX_PLAN_CHARS = 4_000_000     # all the plan's text together
MAX_SECTIONS = 200
MAX_FILE_BYTES = 50 * 1024 * 1024   # a JSON, DOCX or ODT file to import

# What an exported plan of the largest size takes, measured on DOCX (the most
# verbose: ~2.8 KB of document.xml per item row); the importer must accept it.
XML_BYTES_PER_NODE = 4_000
XML_BYTES_PER_CHAR = 6         # UTF-8 CJK (3) after XML escaping and run markup
MAX_XML_PART_BYTES = MAX_NODES * XML_BYTES_PER_NODE + MAX_PLAN_CHARS * XML_BYTES_PER_CHAR

# PDF conversion time grows with the document: the converter's base timeout
# covers an ODT up to this size (real plans are ~40 KB), larger ones get more.
PDF_BYTES_PER_BASE_TIMEOUT = 256 * 1024


def pdf_timeout(odt_bytes: int, base_s: float) -> float:
    return base_s * max(1.0, odt_bytes / PDF_BYTES_PER_BASE_TIMEOUT)


def too_big(name: str, what: str) -> PlanDeskError:
    return PlanDeskError(f"{name} 超出 PlanDesk 能處理的計畫大小（{what}），請確認內容，或把計畫分成幾份。")


def check_field(name: str, text: str) -> None:
    if len(text) > MAX_FIELD_CHARS:
        raise too_big(name, f"有一段文字長達 {len(text):,} 字，上限 {MAX_FIELD_CHARS:,} 字")


def check_node_count(name: str, count: int) -> None:
    if count > MAX_NODES:
        raise too_big(name, f"{count:,} 個項目，上限 {MAX_NODES:,} 個")


def check_children(name: str, count: int) -> None:
    if count > MAX_CHILDREN:
        raise too_big(name, f"同一層有 {count:,} 個項目，上限 {MAX_CHILDREN} 個")


def check_depth(name: str, depth: int) -> None:
    if depth > MAX_DEPTH:
        raise too_big(name, f"項目超過 {MAX_DEPTH} 層")


def check_plan(plan: Plan, name: str) -> None:
    """Refuse a plan beyond any limit, with one sentence naming which."""
    if len(plan.sections) > MAX_SECTIONS:
        raise too_big(name, f"{len(plan.sections)} 個章節，上限 {MAX_SECTIONS} 個")
    total, count = 0, 0
    texts = [plan.title, plan.date_line, plan.organization, plan.office, *plan.columns]
    for section in plan.sections:
        texts += [section.heading, *(p.text for p in section.paragraphs), *section.notes]
    check_children(name, len(plan.tree))
    stack = [(node, 1) for node in plan.tree]
    while stack:  # iterative: a hostile depth must not overflow the stack here
        node, depth = stack.pop()
        count += 1
        check_depth(name, depth)
        texts += [node.title, node.text, node.period]
        check_children(name, len(node.children))
        stack.extend((child, depth + 1) for child in node.children)
    check_node_count(name, count)
    for text in texts:
        check_field(name, text)
        total += len(text)
    if total > MAX_PLAN_CHARS:
        raise too_big(name, f"全部文字共 {total:,} 字，上限 {MAX_PLAN_CHARS:,} 字")


def check_file_size(name: str, size: int) -> None:
    if size > MAX_FILE_BYTES:
        raise PlanDeskError(f"{name} 太大（{size // (1024 * 1024)} MB，上限 {MAX_FILE_BYTES // (1024 * 1024)} MB），"
                            "請確認是 PlanDesk 計畫檔，或刪除文件中的圖片後再匯入。")
