"""新舊對照表: matching by content on hand-made pairs, incl. moves; JSON, DOCX/ODT."""
import copy
import json
import re
import zipfile

import pytest

from conftest import cli_import, fixture_path, run_cli
from desktop.diff import compare_plans, diff_plans, mark_changes, match_nodes
from desktop.diff.table import table_rows
from desktop.exchange import read_plan_file
from desktop.model import Department, Node, Paragraph, Plan, Section
from desktop.rollover import apply_proposals, propose


def pair():
    old = Plan(year=113, title="113年度計畫")
    old.sections = [Section("計畫依據", paragraphs=[Paragraph("依113年函辦理。")]), Section("表", kind="table")]
    old.tree = [
        Node(title="基礎服務", children=[
            Node(title="服務一致", children=[
                Node(text="訂定標準作業流程，維持一致性。", departments=[Department("業務組")], period="隨時辦理"),
                Node(text="提升申辦案件處理效率。", departments=[Department("業務組")], period="隨時辦理"),
                Node(text="加強人員專業訓練課程。", departments=[Department("人資組")], period="每年一次"),
            ]),
        ]),
        Node(title="服務遞送", children=[
            Node(title="網路服務", children=[Node(text="推廣線上申辦服務項目。", departments=[Department("業務組")])]),
        ]),
    ]
    return old, copy.deepcopy(old)


def kinds(entries):
    return [(e.change, e.old_location, e.new_location) for e in entries]


def test_identical_plans_have_no_entries():
    old, new = pair()
    assert diff_plans(old, new) == []
    assert compare_plans(old, new).summary() == "兩個計畫的內容相同。"


def test_inserted_item_is_one_row_and_the_renumbered_are_counted():
    old, new = pair()
    new.tree[0].children[0].children.insert(0, Node(text="新的作法。", departments=[Department("業務組")]))
    comparison = compare_plans(old, new)
    assert kinds(comparison.rows) == [("added", None, "一、(一)1.")]
    assert comparison.renumbered == 3
    assert "另有 3 項僅因上列增刪或移動而重新編號" in comparison.summary()


def test_removed_item():
    old, new = pair()
    del new.tree[0].children[0].children[2]
    entries = diff_plans(old, new)
    assert kinds(entries) == [("removed", "一、(一)3.", None)]
    assert entries[0].as_dict() == {"change": "removed", "field": "item", "old": "一、(一)3.", "new": None,
                                    "detail": "上年度有、本年度刪除的項目。", "count": 1,
                                    "old_text": "加強人員專業訓練課程。", "new_text": ""}
    assert entries[0].old_node is old.tree[0].children[0].children[2] and entries[0].new_node is None


def test_removed_subtree_is_one_row_naming_its_size():
    old, new = pair()
    del new.tree[0]  # 基礎服務 with its strategy and three items
    comparison = compare_plans(old, new)
    assert kinds(comparison.rows) == [("removed", "一、", None)]
    row = comparison.rows[0]
    assert row.count == 5 and "連同其下 4 項，共 5 項" in row.detail
    assert row.old_text.splitlines() == ["基礎服務", "(一)服務一致", "1.訂定標準作業流程，維持一致性。",
                                         "2.提升申辦案件處理效率。", "3.加強人員專業訓練課程。"]
    assert comparison.renumbered == 3  # 服務遞送 and its two descendants: 二、 → 一、


def test_added_subtree_is_one_row():
    old, new = pair()
    new.tree.append(Node(title="服務評價", children=[Node(title="滿意度", children=[Node(text="辦理調查。")])]))
    entries = diff_plans(old, new)
    assert kinds(entries) == [("added", None, "三、")]
    assert entries[0].count == 3 and entries[0].new_text.splitlines() == ["服務評價", "(一)滿意度", "1.辦理調查。"]


def test_moved_to_other_parent_and_edited_is_one_changed_entry():
    old, new = pair()
    item = new.tree[0].children[0].children.pop(1)
    item.text = "提升申辦案件處理效率，縮短時程。"
    item.period = "每月辦理"
    new.tree[1].children[0].children.append(item)
    comparison = compare_plans(old, new)
    entries = comparison.rows
    assert kinds(entries) == [("changed", "一、(一)2.", "二、(一)2.")]  # 3. → 2. is only renumbering
    assert comparison.renumbered == 1
    assert entries[0].changes == ("text", "period", "parent")
    assert entries[0].detail == ("文字修正；期間由「隨時辦理」改為「每月辦理」"
                                 "（並由 一、(一)2. 移至 二、(一)2.）。")
    assert entries[0].extras == [("執行期間", "隨時辦理", "每月辦理")]


def test_department_and_period_changes():
    old, new = pair()
    leaf = new.tree[0].children[0].children[0]
    leaf.departments = [Department("業務組", "主辦"), Department("電務組", "協辦")]
    entries = diff_plans(old, new)
    assert kinds(entries) == [("changed", "一、(一)1.", "一、(一)1.")]
    assert entries[0].changes == ("departments",)
    assert "承辦部門由「業務組」改為「業務組（主辦）、電務組（協辦）」" in entries[0].detail


def test_swapped_top_levels_are_one_move():
    old, new = pair()
    new.tree.reverse()
    comparison = compare_plans(old, new)
    assert kinds(comparison.rows) == [("moved", "二、", "一、")]
    assert comparison.rows[0].changes == ("order",)
    assert comparison.renumbered == 7  # 基礎服務 (now 二、) and all six items under the two


@pytest.mark.parametrize("order,moved", [
    ([4, 0, 1, 2, 3], ["一、(一)1."]),                    # the last item brought to the top: one move
    ([1, 2, 3, 4, 0], ["一、(一)5."]),                    # the first sent to the bottom: one move
    ([2, 1, 0, 3, 4], ["一、(一)1.", "一、(一)2."]),      # three reversed: two moves
    ([0, 1, 2, 3, 4], []),
])
def test_moves_among_siblings_are_the_fewest_that_explain_the_order(order, moved):
    old = Plan(year=113, sections=[Section("表", kind="table")])
    old.tree = [Node(title="基礎服務", children=[Node(title="服務一致", children=[
        Node(text=f"第{k}個作法，內容各不相同：{'甲乙丙丁戊'[k] * 6}。") for k in range(5)])])]
    new = copy.deepcopy(old)
    items = new.tree[0].children[0].children
    items[:] = [items[k] for k in order]
    rows = diff_plans(old, new)
    assert {r.change for r in rows} <= {"moved"}
    assert [r.new_location for r in rows] == moved


def test_title_date_line_and_section_paragraphs_are_rows():
    old, new = pair()
    old.date_line = "113年1月5日訂定"
    new.title = "114年度計畫"
    new.date_line = "114年1月6日訂定"
    new.sections[0].paragraphs[0].text = "依114年函辦理。"
    new.sections[0].paragraphs.append(Paragraph("並依經濟部函辦理。"))
    new.sections.insert(1, Section("計畫目標", paragraphs=[Paragraph("提升服務。")]))
    new.sections[2].notes = ["※ 本表每季檢討。"]
    entries = diff_plans(old, new)
    assert [(e.change, e.field, e.old_location, e.new_location) for e in entries] == [
        ("changed", "title", "計畫名稱", "計畫名稱"),
        ("changed", "date_line", "日期列", "日期列"),
        ("changed", "paragraph", "壹、計畫依據 第1段", "壹、計畫依據 第1段"),
        ("added", "paragraph", None, "壹、計畫依據 第2段"),
        ("added", "section", None, "貳、計畫目標"),
        ("added", "note", None, "參、表 附註1"),
    ]
    assert entries[0].detail == "年份或標點修正。" and entries[1].detail == "文字修正。"
    assert entries[0].new_target == "plan:title"
    removed = diff_plans(new, old)
    assert ("removed", "section", "貳、計畫目標", None) in [(e.change, e.field, e.old_location, e.new_location)
                                                        for e in removed]


def test_marks_underline_new_and_strike_deleted_characters():
    before, after = mark_changes("每年辦理一次調查。", "每半年辦理一次滿意度調查。")
    assert before == [("每年辦理一次調查。", "")]  # nothing was deleted
    assert "".join(t for t, _ in before) == "每年辦理一次調查。"
    assert "".join(t for t, _ in after) == "每半年辦理一次滿意度調查。"
    assert [t for t, m in after if m == "underline"] == ["半", "滿意度"]
    assert [t for t, m in before if m == "strike"] == []
    before, after = mark_changes("由業務組辦理", "由電務組辦理")
    assert ("業", "strike") in before and ("電", "underline") in after


def test_rolled_clone_of_fixture_matches_every_item():
    old = read_plan_file(fixture_path("hualien-108"))
    new = copy.deepcopy(old)
    apply_proposals(new, propose(new, 109))
    pairs = match_nodes(old, new)
    assert len(pairs) == sum(1 for _ in old.walk())
    assert all(old_id == new_id for old_id, new_id in pairs.items())
    changed = [e for e in diff_plans(old, new) if e.old_target and ":" not in e.old_target]
    assert kinds(changed) == [("changed", "五、(二)(2)乙、", "五、(二)(2)乙、")]
    assert changed[0].detail == "年份或標點修正。"


def test_table_rows_in_new_order_with_marks():
    old, new = pair()
    new.tree[0].children[0].children.insert(0, Node(text="新的作法。"))
    new.tree[0].children[0].children[1].text = "訂定標準作業流程，維持服務一致性。"
    rows = table_rows(diff_plans(old, new))
    assert rows[0] == [[[("一、(一)1.", "")], [("新的作法。", "underline")]], [[("（無）", "")]], "新增"]
    new_side, old_side, note = rows[1]
    assert note == "修正：文字修正。"
    assert ("服務", "underline") in new_side[1] and not any(m == "strike" for line in old_side for _, m in line)


def _hualien_edited(db):
    """hualien-108 in a CLI library, and a copy with one item removed, one edited, one moved."""
    from desktop.document import PlanDocument
    from desktop.library import Library
    from desktop.ops import DeleteNodes, EditNode, MoveNode
    src = cli_import(db, "hualien-108")
    new = cli_import(db, "hualien-108")
    library = Library.open(db)
    doc = PlanDocument.open(library, int(new))
    friendly = doc.plan.tree[0].children[1].children[0]             # 一、(二)1. 提升服務設施合宜度
    doc.apply(DeleteNodes([friendly.children[2].id]))               # (3) 暫停服務櫃檯應標示代理人…
    item = friendly.children[5]
    doc.apply(EditNode(item.id, {"text": item.text.replace("確保設施品質", "每季檢查並確保設施品質")}))
    doc.apply(MoveNode(friendly.children[11].id, friendly.id, 0))  # 身障車位 to the top
    library.close()
    return src, new


def test_cli_diff_hualien_case_counts_only_real_changes(tmp_path):
    db = tmp_path / "cli.sqlite"
    src, new = _hualien_edited(db)
    res = run_cli("--db", db, "diff", src, new, "--json")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["counts"] == {"added": 0, "removed": 1, "changed": 1, "moved": 1}
    assert [(r["change"], r["old"], r["new"]) for r in data["rows"]] == [
        ("moved", "一、(二)1.(13)", "一、(二)1.(1)"),
        ("removed", "一、(二)1.(3)", None),
        ("changed", "一、(二)1.(7)", "一、(二)1.(7)"),
    ]
    assert data["renumbered"] == 3 and "另有 3 項" in data["summary"]  # (1) (2) (14)
    plain = run_cli("--db", db, "diff", src, new)
    assert plain.stdout.strip().splitlines()[-1] == data["summary"]


@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_cli_diff_document_marks_changed_characters(tmp_path, fmt):
    db = tmp_path / "cli.sqlite"
    src, new = _hualien_edited(db)
    out = tmp_path / f"table.{fmt}"
    res = run_cli("--db", db, "diff", src, new, "-o", out)
    assert res.returncode == 0, res.stderr
    with zipfile.ZipFile(out) as z:
        xml = z.read("word/document.xml" if fmt == "docx" else "content.xml").decode("utf-8")
    assert "本年度" in xml and "上年度" in xml and "說明" in xml and "新舊對照表" in xml
    assert "另有 3 項僅因上列增刪或移動而重新編號" in xml
    if fmt == "docx":
        runs = re.findall(r"<w:r>(.*?)</w:r>", xml)
        underlined = [re.sub(r"<[^>]+>", "", r) for r in runs if '<w:u w:val="single"/>' in r]
        struck = [re.sub(r"<[^>]+>", "", r) for r in runs if "<w:strike/>" in r]
        from docx import Document
        Document(str(out))  # still a document python-docx reads
    else:
        styles = dict(re.findall(r'<style:style style:name="(T\d+)" style:family="text"[^>]*>'
                                 r'<style:text-properties style:text-(underline|line-through)-style', xml))
        spans = re.findall(r'<text:span text:style-name="(T\d+)">([^<]*)</text:span>', xml)
        underlined = [t for name, t in spans if styles[name] == "underline"]
        struck = [t for name, t in spans if styles[name] == "line-through"]
    assert underlined == ["每季檢查並"]
    assert struck == ["暫停服務櫃檯應標示代理人或代理窗口。"]


def test_cli_diff_errors_and_same_plan(tmp_path):
    db = tmp_path / "cli.sqlite"
    src = cli_import(db, "xinying-111")
    new = run_cli("--db", db, "clone", src, "--year", "112").stdout.strip().splitlines()[-1]
    data = json.loads(run_cli("--db", db, "diff", src, new, "--json").stdout)
    assert {"change": "changed", "field": "item", "old": "二、(一)4.(3)", "new": "二、(一)4.(3)",
            "detail": "年份或標點修正。"}.items() <= next(r for r in data["rows"] if r["field"] == "item").items()
    same = run_cli("--db", db, "diff", src, src)
    assert same.returncode == 0 and same.stdout.strip() == "兩個計畫的內容相同。"
    bad = run_cli("--db", db, "diff", src, new, "-o", tmp_path / "table.pdf")
    assert bad.returncode == 2 and ".docx 或 .odt" in bad.stderr


def test_identical_twins_are_told_apart_by_their_parent():
    old, new = pair()
    twin = "加強人員專業訓練課程。"
    old.tree[1].children[0].children.append(Node(text=twin))
    new.tree[1].children[0].children.append(Node(text=twin))
    del new.tree[0].children[0].children[2]  # the first twin goes
    assert kinds(diff_plans(old, new)) == [("removed", "一、(一)3.", None)]
    new = copy.deepcopy(old)
    del new.tree[1].children[0].children[1]  # the second twin goes
    assert kinds(diff_plans(old, new)) == [("removed", "二、(一)2.", None)]


def test_a_number_is_marked_whole():
    before, after = mark_changes("分別於 108 年 7 月 5 日及 109 年 1 月 6 日前", "分別於 109 年 7 月 5 日及 110 年 1 月 6 日前")
    assert [t for t, m in before if m] == ["108", "109"] and [t for t, m in after if m] == ["109", "110"]


def test_documentation_sample_is_the_hualien_case():
    from desktop.diff.render import sample_pair
    old, new = sample_pair()
    items = [r for r in compare_plans(old, new).rows if r.field == "item"]
    assert [(r.change, r.old_location, r.new_location) for r in items] == [
        ("moved", "一、(一)2.(2)", "一、(一)2.(1)"), ("removed", "一、(一)2.(3)", None),
        ("changed", "一、(一)2.(1)", "一、(一)2.(2)")]


def test_two_sections_headed_alike_are_both_compared():
    """A section added before another of the same heading gives rows for both (each new
    section pairs with at most one old one): nothing is silently left out."""
    old = Plan(title="計畫", sections=[Section("說明", paragraphs=[Paragraph("甲")])])
    new = copy.deepcopy(old)
    new.sections.insert(0, Section("說明", paragraphs=[Paragraph("乙全新段落")]))
    rows = [(r.change, r.field, r.old_text, r.new_text) for r in compare_plans(old, new).rows]
    assert rows == [("changed", "paragraph", "甲", "乙全新段落"), ("added", "section", "", "說明\n甲")]
