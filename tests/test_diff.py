"""新舊對照表: matching by content on hand-made pairs, incl. moves; JSON, DOCX/ODT."""
import copy
import json
import zipfile

import pytest

from conftest import cli_import, fixture_path, run_cli
from desktop.diff import diff_plans, match_nodes
from desktop.diff_table import table_rows
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


def test_inserted_item_renumbers_following_ones_as_moved():
    old, new = pair()
    new.tree[0].children[0].children.insert(0, Node(text="新的作法。", departments=[Department("業務組")]))
    assert kinds(diff_plans(old, new)) == [
        ("added", None, "一、(一)1."), ("moved", "一、(一)1.", "一、(一)2."),
        ("moved", "一、(一)2.", "一、(一)3."), ("moved", "一、(一)3.", "一、(一)4.")]


def test_removed_item():
    old, new = pair()
    del new.tree[0].children[0].children[2]
    entries = diff_plans(old, new)
    assert kinds(entries) == [("removed", "一、(一)3.", None)]
    assert entries[0].as_dict() == {"change": "removed", "old": "一、(一)3.", "new": None,
                                    "detail": "上年度有、本年度刪除的項目。"}


def test_moved_to_other_parent_and_edited_is_one_changed_entry():
    old, new = pair()
    item = new.tree[0].children[0].children.pop(1)
    item.text = "提升申辦案件處理效率，縮短時程。"
    item.period = "每月辦理"
    new.tree[1].children[0].children.append(item)
    entries = diff_plans(old, new)
    assert kinds(entries) == [("moved", "一、(一)3.", "一、(一)2."), ("changed", "一、(一)2.", "二、(一)2.")]
    assert entries[1].detail == ("文字修正；期間由「隨時辦理」改為「每月辦理」"
                                 "（並由 一、(一)2. 移至 二、(一)2.）。")


def test_department_and_period_changes():
    old, new = pair()
    leaf = new.tree[0].children[0].children[0]
    leaf.departments = [Department("業務組", "主辦"), Department("電務組", "協辦")]
    entries = diff_plans(old, new)
    assert kinds(entries) == [("changed", "一、(一)1.", "一、(一)1.")]
    assert "承辦部門由「業務組」改為「業務組（主辦）、電務組（協辦）」" in entries[0].detail


def test_swapped_top_levels_are_moves_not_delete_add():
    old, new = pair()
    new.tree.reverse()
    assert kinds(diff_plans(old, new)) == [("moved", "二、", "一、"), ("moved", "一、", "二、")]


def test_section_change():
    old, new = pair()
    new.sections[0].paragraphs[0].text = "依114年函辦理。"
    assert kinds(diff_plans(old, new)) == [("changed", "壹、計畫依據", "壹、計畫依據")]


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


def test_table_rows_in_new_order():
    old, new = pair()
    new.tree[0].children[0].children.insert(0, Node(text="新的作法。"))
    rows = table_rows(diff_plans(old, new))
    assert rows[0] == ["一、(一)1.\n新的作法。", "（無）", "新增"]
    assert rows[1][2].startswith("移動：")


@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_cli_diff_json_and_document(tmp_path, fmt):
    db = tmp_path / "cli.sqlite"
    src = cli_import(db, "xinying-111")
    new = run_cli("--db", db, "clone", src, "--year", "112").stdout.strip().splitlines()[-1]
    res = run_cli("--db", db, "diff", src, new, "--json")
    assert res.returncode == 0, res.stderr
    entries = json.loads(res.stdout)
    assert entries and all(set(e) == {"change", "old", "new", "detail"} for e in entries)
    assert {"change": "changed", "old": "二、(一)4.(3)", "new": "二、(一)4.(3)",
            "detail": "年份或標點修正。"} in entries
    out = tmp_path / f"table.{fmt}"
    res = run_cli("--db", db, "diff", src, new, "-o", out)
    assert res.returncode == 0, res.stderr
    with zipfile.ZipFile(out) as z:
        xml = z.read("word/document.xml" if fmt == "docx" else "content.xml").decode("utf-8")
    assert "本年度" in xml and "上年度" in xml and "說明" in xml and "新舊對照表" in xml
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
