"""What a reader sees on paper: every fixture exported as DOCX and ODT, laid out by
LibreOffice (as Word would) into a PDF, and read back with ``pdftotext -layout``.

No page ends with a heading or a table's intro line, no title or header line holds
a lone character, and every item row shows its effective department (its own or
its parent's, merged over the rows it covers) on the row's page.
"""
from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace

import pytest

from conftest import FIXTURE_NAMES, fixture_path
from desktop.exchange import read_plan_file
from desktop.export import export_plan
from desktop.export.blocks import Cell, Covered, Para, Table
from desktop.export.layout import plan_document
from desktop.export.linebreak import cjk_count

pytestmark = pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftotext")),
                                reason="LibreOffice and poppler are installed by .ci/setup")

FORMATS = ["docx", "odt"]
LONG_TITLE = "台灣自來水股份有限公司第一區管理處108年度提升服務效能執行計畫"


def squeeze(text: str) -> str:
    return "".join(text.split())


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """(plan, pages of ``pdftotext -layout`` text) per fixture and format; one
    LibreOffice run per file."""
    from desktop.export.pdf import convert_to_pdf
    folder = tmp_path_factory.mktemp("print")
    out = {}
    for name in FIXTURE_NAMES + ["long-title"]:
        plan = read_plan_file(fixture_path("taipei-114" if name == "long-title" else name))
        if name == "long-title":  # a title longer than a line, as 台水第一區 writes it
            plan = replace(plan, title=LONG_TITLE, profile="taiwater")
        for fmt in FORMATS:
            source = export_plan(plan, fmt, folder / f"{name}-{fmt}.{fmt}")
            pdf = convert_to_pdf(source, folder)
            text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                                  check=True).stdout
            out[name, fmt] = (plan, [p for p in text.split("\f") if p.strip()])
    return out


def _content_lines(page: str) -> list[str]:
    """The page's non-empty lines without the footer (page number)."""
    lines = [line for line in page.splitlines() if line.strip()]
    return lines[:-1] if lines and "頁" in lines[-1] or lines and lines[-1].strip().startswith("-") else lines


ALL = [(n, f) for n in FIXTURE_NAMES + ["long-title"] for f in FORMATS]


@pytest.mark.parametrize("name,fmt", ALL)
def test_no_page_ends_with_a_heading_or_a_tables_intro_line(printed, name, fmt):
    plan, pages = printed[name, fmt]
    doc = plan_document(plan)
    kept = [squeeze(b.token + b.text) for b in doc.blocks if isinstance(b, Para) and b.keep_next]
    assert any(b.style == "heading" for b in doc.blocks if isinstance(b, Para) and b.keep_next)
    for number, page in enumerate(pages[:-1], 1):
        shown = squeeze("".join(_content_lines(page)))
        stranded = [k for k in kept if shown.endswith(k)]
        assert not stranded, f"page {number} of {name}.{fmt} ends with {stranded[0]!r}"


def _header_regions(page: str, labels: list[str]) -> list[list[str]]:
    """Runs of lines made only of pieces of the header labels (the header row as
    pdftotext prints it, wrapped labels on lines of their own)."""
    regions, run = [], []
    for line in page.splitlines():
        chunks = line.split()
        if chunks and all(any(c in label for label in labels) for c in chunks):
            run.append(line)
            continue
        if sum(1 for label in labels if label[:2] in squeeze("".join(run))) >= 2:
            regions.append(run)
        run = []
    return regions


@pytest.mark.parametrize("name,fmt", ALL)
def test_no_title_or_header_line_holds_a_lone_character(printed, name, fmt):
    plan, pages = printed[name, fmt]
    title, lines = squeeze(plan.title), _content_lines(pages[0])
    shown = ""
    for line in lines:
        shown += squeeze(line)
        assert cjk_count(squeeze(line)) > 2, f"title line {line.strip()!r}"
        if len(shown) >= len(title):
            break
    assert shown == title
    labels = [squeeze(label) for label in plan.columns]
    header_pages = 0
    for page in pages:
        for region in _header_regions(page, labels):
            header_pages += 1
            for line in region:
                lone = [c for c in line.split() if cjk_count(c) == 1 and c not in labels]
                assert not lone, f"header line {line.strip()!r} leaves {lone} alone"
    assert header_pages >= 2  # the header repeats on every page of the table


def _rows(plan) -> list[tuple[str, list[str], Cell]]:
    """(the item's first printed characters, its effective department lines, the
    department cell showing them) per table row with content, from the layout's
    own grid."""
    table = next(b for b in plan_document(plan).blocks if isinstance(b, Table))
    out = []
    for row in table.rows:
        content, dept = row[-3], row[-2]
        if isinstance(content, Covered):
            content = content.origin
        origin = dept.origin if isinstance(dept, Covered) else dept
        if content.paragraphs and (content.paragraphs[0].token + content.paragraphs[0].text).strip():
            first = content.paragraphs[0]
            out.append((squeeze(first.token + first.text)[:7], [p.text for p in origin.paragraphs], origin))
    return out


@pytest.mark.parametrize("name,fmt", [(n, f) for n in FIXTURE_NAMES for f in FORMATS])
def test_every_item_row_shows_its_effective_department(printed, name, fmt):
    plan, pages = printed[name, fmt]
    rows = _rows(plan)
    inherited = [node for node in plan.walk() if node.departments and node.children
                 and any(not c.departments for c in node.children)]
    if name == "taipei-114":
        assert inherited  # 優化電費查詢及繳費作業 gives 電費組 / 持續辦理 to its items
    page, line = 0, 0
    shown_on: dict[int, int] = {}  # department cell → the page it is printed on
    for prefix, departments, cell in rows:
        assert departments, f"row {prefix!r} of {name} has no department"
        while True:
            lines = pages[page].splitlines()
            hit = next((i for i in range(line, len(lines)) if prefix in squeeze(lines[i])), None)
            if hit is not None:
                line = hit
                break
            page, line = page + 1, 0
            assert page < len(pages), f"row {prefix!r} not found in {name}.{fmt}"
        if id(cell) not in shown_on:  # the cell starts here: its first line is level with the item's
            assert squeeze(departments[0]) in squeeze(lines[line]), (prefix, departments, lines[line])
            shown_on[id(cell)] = page
        else:  # merged over this row too: on the same page, so the reader sees it
            assert shown_on[id(cell)] == page, (prefix, departments, "merged cell printed on another page")
