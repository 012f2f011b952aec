"""DOCX and ODT export: content in order, table structure, page, fonts, footer.

The exported files are read back as XML (not through the writers' own code), so
these tests see what Word or LibreOffice would read.
"""
from __future__ import annotations

import re
import zipfile

import pytest
from lxml import etree

from conftest import FIXTURE_NAMES, fixture_path
from export_helpers import NS, _w, _xml, odt_para_text, paragraphs, table_grid, texts_of
from desktop.exchange import read_plan_file
from desktop.export import export_plan
from desktop.numbering import node_tokens

FORMATS = ["docx", "odt"]


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """Each fixture exported once in each format (shared by the tests of this module)."""
    out = {}
    folder = tmp_path_factory.mktemp("export")
    for name in FIXTURE_NAMES:
        plan = read_plan_file(fixture_path(name))
        for fmt in FORMATS:
            out[name, fmt] = (plan, export_plan(plan, fmt, folder / f"{name}.{fmt}"))
    return out


def assert_in_order(full: str, pieces: list[tuple[str, list[str]]]) -> None:
    """Each (main, extras): main found after the previous main; extras after main."""
    cursor = 0
    for main, extras in pieces:
        if main:
            found = full.find(main, cursor)
            assert found >= 0, f"{main[:40]!r} missing or out of order"
            cursor = found
        for extra in extras:
            assert full.find(extra, cursor) >= 0, f"{extra!r} not after {main[:30]!r}"


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_every_node_department_and_period_in_order(exported, name, fmt):
    plan, path = exported[name, fmt]
    full = "\n".join(paragraphs(path, fmt))
    tokens = node_tokens(plan)
    pieces = []
    for node in plan.walk():
        extras = [d.name for d in node.departments] + ([node.period] if node.period else [])
        for part in (node.title, node.text):
            if part:
                pieces.append((part, []))
        if pieces and extras:
            pieces[-1] = (pieces[-1][0], extras)
        assert tokens[node.id] in full
    assert_in_order(full, pieces)
    for section in plan.sections:
        assert section.heading in full
        for para in section.paragraphs:
            assert para.text in full
    assert plan.title in full and plan.date_line in full


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_table_header_repeats_and_headings_span_their_items(exported, name, fmt):
    plan, path = exported[name, fmt]
    grid, header_rows = table_grid(path, fmt)
    assert header_rows == 1
    assert [t.replace("\n", "") for t in texts_of(grid[0])] == plan.columns  # long labels: a paragraph a line
    body = grid[1:]
    assert all(len(row) == len(grid[0]) for row in body)
    tokens = node_tokens(plan)
    for col, heads in ((0, plan.tree), (1, [s for top in plan.tree for s in top.children])):
        cells = [row[col] for row in body if row[col] is not None]
        # one merged cell per heading, in order, together covering every body row
        assert [c[0] for c in cells] == [tokens[n.id] + n.title for n in heads]
        assert sum(c[1] for c in cells) == len(body)
    assert all(row[0][1] > 1 for row in body if row[0] is not None)


def test_docx_and_odt_have_the_same_table(exported):
    for name in FIXTURE_NAMES:
        assert table_grid(exported[name, "docx"][1], "docx") == table_grid(exported[name, "odt"][1], "odt")


def test_sub_strategy_headings_get_their_own_column(exported):
    plan, path = exported["hualien-108", "docx"]
    grid, _ = table_grid(path, "docx")
    assert len(_xml(path, "word/document.xml").findall(f".//{_w('gridCol')}")) == 6
    assert grid[0][1][2] == 2  # 執行策略 header spans the strategy and sub-strategy columns
    first = plan.tree[0].children[0].children[0]  # 1. 訂定申辦業務標準作業流程 (title + text)
    row = next(r for r in grid if r[3] is not None and r[3][0] == first.text)
    assert row[2][0] == "1." + first.title
    # a sub-heading with items below it is merged over all of their rows
    second = plan.tree[0].children[0].children[1]
    cell = next(r[2] for r in grid if r[2] is not None and r[2][0] == "2." + second.title)
    assert cell[1] == len(second.children)
    # 甲、乙 sub-items are paragraphs of their item's cell, not rows of their own
    parent = next(n for n in plan.walk() if n.departments and n.children
                  and not any(c.departments for c in n.children))
    cell = next(r[3][0] for r in grid if r[3] is not None and parent.text in r[3][0])
    tokens = node_tokens(plan)
    assert cell.split("\n") == [tokens[parent.id] + parent.text] + [tokens[c.id] + c.text for c in parent.children]


def test_items_without_sub_heading_span_the_sub_column(exported):
    plan, path = exported["xinying-111", "odt"]
    grid, _ = table_grid(path, "odt")
    untitled = [n for top in plan.tree for s in top.children for n in s.children if not n.title]
    assert untitled
    rows = [r for r in grid[1:] if r[2] is not None and r[2][2] == 2]
    assert len(rows) >= len(untitled)
    assert all(r[3] is None for r in rows)


@pytest.mark.parametrize("fmt", FORMATS)
def test_roles_print_lead_first_and_assistants_in_brackets(exported, fmt):
    plan, path = exported["xinying-111", fmt]
    grid, _ = table_grid(path, fmt)
    mixed = [n for n in plan.walk() if {d.role for d in n.departments} == {"主辦", "協辦"}]
    assert mixed
    for node in mixed:
        lead = [d.name for d in node.departments if d.role == "主辦"]
        assist = [f"({d.name})" for d in node.departments if d.role == "協辦"]
        row = next(r for r in grid if any(c and node.text and c[0].endswith(node.text) for c in r))
        assert row[-2][0].split("\n") == lead + assist


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_page_is_a4_portrait_with_profile_margins(exported, name):
    _, docx_path = exported[name, "docx"]
    size = _xml(docx_path, "word/document.xml").find(f".//{_w('pgSz')}")
    assert abs(int(size.get(_w("w"))) - 11906) <= 2 and abs(int(size.get(_w("h"))) - 16838) <= 2
    margins = _xml(docx_path, "word/document.xml").find(f".//{_w('pgMar')}")
    assert abs(int(margins.get(_w("left"))) - 1134) <= 2  # 2.0 cm
    _, odt_path = exported[name, "odt"]
    props = _xml(odt_path, "styles.xml").find(".//style:page-layout-properties", NS)
    assert props.get(f"{{{NS['fo']}}}page-width") == "21cm"
    assert props.get(f"{{{NS['fo']}}}page-height") == "29.7cm"


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_docx_fonts_on_every_run_and_style_without_theme_fonts(exported, name):
    _, path = exported[name, "docx"]
    body = _xml(path, "word/document.xml")
    runs = list(body.iter(_w("r")))
    assert runs
    for run in runs:
        fonts = run.find(f"{_w('rPr')}/{_w('rFonts')}")
        assert fonts.get(_w("eastAsia")) == "標楷體" and fonts.get(_w("ascii")) == "Times New Roman"
    styles = etree.tostring(_xml(path, "word/styles.xml"), encoding="unicode")
    assert "Theme=" not in styles
    assert 'w:eastAsia="標楷體"' in styles


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_odt_fonts_on_every_style(exported, name):
    _, path = exported[name, "odt"]
    content = _xml(path, "content.xml")
    decls = {f.get(f"{{{NS['style']}}}name") for f in content.iter(f"{{{NS['style']}}}font-face")}
    assert {"標楷體", "Times New Roman"} <= decls
    props = list(content.iter(f"{{{NS['style']}}}text-properties"))
    assert props
    for prop in props:
        assert prop.get(f"{{{NS['style']}}}font-name-asian") == "標楷體"
        assert prop.get(f"{{{NS['style']}}}font-name") == "Times New Roman"


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_footer_has_page_number_fields(exported, name):
    _, docx_path = exported[name, "docx"]
    with zipfile.ZipFile(docx_path) as zf:
        footer = next(zf.read(n).decode() for n in zf.namelist() if re.match(r"word/footer\d*\.xml", n))
    assert "第 " in footer and " 頁，共 " in footer
    assert re.search(r"<w:instrText[^>]*> PAGE </w:instrText>", footer)
    assert re.search(r"<w:instrText[^>]*> NUMPAGES </w:instrText>", footer)
    _, odt_path = exported[name, "odt"]
    styles = _xml(odt_path, "styles.xml")
    footer_el = styles.find(".//style:master-page/style:footer", NS)
    assert footer_el.find(".//text:page-number", NS) is not None
    assert footer_el.find(".//text:page-count", NS) is not None
    assert odt_para_text(footer_el.find("text:p", NS)).startswith("第 ")


@pytest.mark.parametrize("fmt", FORMATS)
def test_taiwater_profile_numbering_footer_and_columns(tmp_path, fmt):
    plan = read_plan_file(fixture_path("hualien-108"))
    plan.profile = "taiwater"
    plan.columns = ["構面", "推動策略", "具體措施", "主（協）辦單位", "辦理期程"]
    path = export_plan(plan, fmt, tmp_path / f"water.{fmt}")
    grid, _ = table_grid(path, fmt)
    assert [t.replace("\n", "") for t in texts_of(grid[0])] == plan.columns  # long labels: a paragraph a line
    assert len(grid[0]) == 5 and all(c[2] == 1 for c in grid[0])  # no sub-strategy column
    full = "\n".join(paragraphs(path, fmt))
    assert "（一）服務一致及正確性" in full and "(一)" not in full.replace("(所)", "")
    footer_xml = _xml(path, "word/footer1.xml" if fmt == "docx" else "styles.xml")
    footer_text = etree.tostring(footer_xml, encoding="unicode")
    assert "- " in footer_text and "第 " not in footer_text
    assert "DEEAF6" in footer_text.upper() or "DEEAF6" in etree.tostring(
        _xml(path, "word/document.xml" if fmt == "docx" else "content.xml"), encoding="unicode").upper()


@pytest.mark.parametrize("fmt", FORMATS)
def test_control_characters_emoji_and_long_text(tmp_path, fmt):
    plan = read_plan_file(fixture_path("taipei-114"))
    nodes = list(plan.walk())
    nodes[2].text = "第一行\x0b第二行\x0c第三行\x01\x1f結束"
    nodes[3].text = "線上申辦 😀🚀 服務 👍🏽"
    nodes[4].text = "長" * 100_000
    nodes[5].departments[0].name = "業務組\x07"
    plan.sections[0].paragraphs[0].text = "依據\x0b函頒"
    path = export_plan(plan, fmt, tmp_path / f"odd.{fmt}")
    full = "\n".join(paragraphs(path, fmt))
    assert "第一行\n第二行\n第三行結束" in full
    assert "線上申辦 😀🚀 服務 👍🏽" in full
    assert "長" * 100_000 in full
    assert "依據\n函頒" in full
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffd]", full)


@pytest.mark.parametrize("fmt", FORMATS)
def test_empty_plan_exports(tmp_path, fmt):
    from desktop.model import Plan, Section
    for plan in (Plan(), Plan(title="空白計畫", sections=[Section(heading="執行策略", kind="table")])):
        path = export_plan(plan, fmt, tmp_path / f"empty.{fmt}")
        assert zipfile.is_zipfile(path)
        if plan.sections:
            grid, headers = table_grid(path, fmt)
            assert headers == 1 and len(grid) == 1


@pytest.mark.parametrize("fmt", FORMATS)
def test_department_export_keeps_only_that_departments_items(tmp_path, fmt):
    from desktop.filtering import only_department
    plan = read_plan_file(fixture_path("hualien-108"))
    part = only_department(plan, "收費課")
    path = export_plan(part, fmt, tmp_path / f"dept.{fmt}")
    grid, _ = table_grid(path, fmt)
    dept_cells = [r[-2][0] for r in grid[1:]]
    assert dept_cells and all("收費課" in cell for cell in dept_cells)
    expected = sum(1 for n in plan.walk() if any(d.name == "收費課" for d in n.departments))
    assert len(dept_cells) == expected
    full = "\n".join(paragraphs(path, fmt))
    assert "服務中心\n隨時辦理" not in full


@pytest.mark.parametrize("fmt", FORMATS)
def test_read_only_target_keeps_old_file(tmp_path, fmt):
    from desktop.errors import PlanDeskError
    plan = read_plan_file(fixture_path("taipei-114"))
    target = tmp_path / f"plan.{fmt}"
    target.write_bytes(b"old content")
    target.chmod(0o444)
    with pytest.raises(PlanDeskError, match="唯讀"):
        export_plan(plan, fmt, target)
    assert target.read_bytes() == b"old content"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_locked_target_keeps_old_file(tmp_path, monkeypatch):
    """Windows refuses to replace a file open in Word with PermissionError."""
    import os
    from desktop.errors import PlanDeskError
    target = tmp_path / "plan.docx"
    target.write_bytes(b"old content")

    def locked(src, dst):
        raise PermissionError(13, "locked")
    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(PlanDeskError, match="開啟或鎖住"):
        export_plan(read_plan_file(fixture_path("taipei-114")), "docx", target)
    assert target.read_bytes() == b"old content"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_unknown_format_is_refused(tmp_path):
    from desktop.errors import PlanDeskError
    with pytest.raises(PlanDeskError, match="docx"):
        export_plan(read_plan_file(fixture_path("taipei-114")), "rtf", tmp_path / "x.rtf")


def test_cli_export_odt_by_department_and_read_only_target(tmp_path):
    from conftest import cli_import, run_cli
    db = tmp_path / "lib.sqlite"
    plan_id = cli_import(db, "hualien-108")
    out = tmp_path / "out.odt"
    result = run_cli("--db", db, "export", plan_id, "--format", "odt", "--department", "資訊課", "-o", out)
    assert result.returncode == 0, result.stderr
    rows = table_grid(out, "odt")[0][1:]
    assert rows and all("資訊課" in r[-2][0] for r in rows)
    out.chmod(0o444)
    result = run_cli("--db", db, "export", plan_id, "--format", "odt", "-o", out)
    assert result.returncode == 2 and "唯讀" in result.stderr


@pytest.mark.parametrize("fmt", FORMATS)
def test_missing_folder_or_directory_target_is_a_clear_error(tmp_path, fmt):
    from desktop.errors import PlanDeskError
    plan = read_plan_file(fixture_path("taipei-114"))
    with pytest.raises(PlanDeskError, match="找不到資料夾"):
        export_plan(plan, fmt, tmp_path / "no-such-folder" / f"plan.{fmt}")
    (tmp_path / f"taken.{fmt}").mkdir()
    with pytest.raises(PlanDeskError, match="無法寫入"):
        export_plan(plan, fmt, tmp_path / f"taken.{fmt}")
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"taken.{fmt}"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_table_intro_then_table_then_notes_then_next_section(tmp_path, fmt):
    plan = read_plan_file(fixture_path("taipei-114"))
    table_section = plan.table_section()
    table_section.notes = ["※ 本表所列期間\x0b以實際辦理為準。", "※ 第二則附註"]
    path = export_plan(plan, fmt, tmp_path / f"notes.{fmt}")
    full = "\n".join(paragraphs(path, fmt))
    intro = full.index(table_section.paragraphs[0].text)
    table_start = full.index(plan.columns[0] + "\n" + plan.columns[1])
    last_item = full.rindex(list(plan.walk())[-1].text)
    note1 = full.index("※ 本表所列期間\n以實際辦理為準。")
    note2 = full.index("※ 第二則附註")
    following = plan.sections[plan.sections.index(table_section) + 1].heading
    assert intro < table_start < last_item < note1 < note2 < full.index(following)
