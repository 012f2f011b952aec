"""`plandesk review`: a plan exported, marked up by the 處長 (tracked insertions and
deletions, a moved row, two comments, an edit without tracking) and sent back —
also after LibreOffice re-saved it — lists exactly those changes, and accepting
them changes the plan exactly so."""
import copy
import json

import pytest

from conftest import cli_import, fixture_json, run_cli
from libreoffice import SOFFICE, resave
from markup_docs import BOSS, DEPUTY, Markup, mark_up

WHEN = "2026-11-30T09:15:00"
REMOVED_ITEM = ("依「用戶與饋線連結分系統作業程序」於檢驗送電後填寫變壓器關聯資料表相關資料(含僅併聯不躉售)，"
                "並於裝(拆表)日次下班前影附「再生能源併聯相關介面初步 / 細部協商紀錄」併同「用戶與變壓器關聯資料表"
                "送管控部門維護 OMS 圖資。")


def _entry(kind, location, field, old, new, author=BOSS, date=WHEN):
    return {"kind": kind, "location": location, "field": field, "old": old, "new": new,
            "author": author, "date": date}


# In the returned document's order: sections before the table, then the items.
EXPECTED = [
    _entry("insert", "壹、計畫依據 第1段", "paragraph", "", "最新"),
    _entry("comment", "貳、計畫目標 第1段", "paragraph", "推動以人為本", "請補充具體指標", author=DEPUTY),
    _entry("insert", "一、(一)2.", "text", "", "並留存紀錄"),
    _entry("insert", "一、(一)4.", "departments", "", "、業務組"),
    # the row 3. now follows 5.: the 5th item of (一) in the returned document
    _entry("move", "一、(一)3.", "item", "一、(一)3.", "一、(一)5."),
    _entry("delete", "一、(二)1.", "text", "為強化與用電大戶溝通", ""),
    _entry("delete", "一、(三)3.", "item", REMOVED_ITEM, ""),
    _entry("comment", "一、(四)1.", "text", "用戶致電 1911 客服專線", "此項請併入(二)"),
    _entry("change", "二、(一)2.", "period", "持續辦理", "114年1月至12月", author="", date=""),
]


@pytest.fixture
def returned(tmp_path):
    """(db, plan id, the marked-up DOCX) for the taipei-114 example."""
    db, plan_id, exported = exported_plan(tmp_path, "taipei-114")
    return db, plan_id, mark_up(exported, tmp_path / "處長修正.docx")


def exported_plan(tmp_path, name: str):
    """(db, plan id, the plan exported as DOCX) for an example plan imported with the CLI."""
    db = tmp_path / "lib.sqlite"
    plan_id = cli_import(db, name)
    exported = tmp_path / "exported.docx"
    assert run_cli("--db", db, "export", plan_id, "--format", "docx", "-o", exported).returncode == 0
    return db, plan_id, exported


def review_json(db, plan_id, path):
    result = run_cli("--db", db, "review", plan_id, path, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def plan_json(db, plan_id, tmp_path):
    out = tmp_path / f"plan-{plan_id}.json"
    assert run_cli("--db", db, "export", plan_id, "--format", "json", "-o", out).returncode == 0
    return json.loads(out.read_text(encoding="utf-8"))


def expected_plan():
    """taipei-114 with every change of ``mark_up`` applied by hand."""
    data = copy.deepcopy(fixture_json("taipei-114"))
    basis = data["sections"][0]["paragraphs"][0]
    basis["text"] = basis["text"].replace("函頒之", "函頒之最新")
    tree = data["tree"]
    first = tree[0]["children"][0]["children"]          # 一、(一)
    first[1]["text"] = first[1]["text"].replace("皆會細心說明", "皆會細心說明並留存紀錄")
    first[3]["departments"] = ["設計組", "業務組"]
    first.insert(4, first.pop(2))                        # 3. after 5.
    second = tree[0]["children"][1]["children"]         # 一、(二)
    second[0]["text"] = second[0]["text"].replace("為強化與用電大戶溝通", "")
    third = tree[0]["children"][2]["children"]          # 一、(三)
    assert third[2]["text"] == REMOVED_ITEM
    del third[2]
    tree[1]["children"][0]["children"][1]["period"] = "114年1月至12月"  # 二、(一)2.
    return data


def comparable(data):
    """The plan's content without the computed numbering tokens (moves renumber)."""
    data = copy.deepcopy(data)

    def strip(nodes):
        for node in nodes:
            node.pop("number", None)
            strip(node["children"])

    strip(data["tree"])
    return data


def test_review_lists_every_tracked_change_comment_and_untracked_edit(returned):
    db, plan_id, path = returned
    assert review_json(db, plan_id, path) == EXPECTED
    listing = run_cli("--db", db, "review", plan_id, path)
    assert listing.returncode == 0
    lines = listing.stdout.strip().splitlines()
    assert len(lines) == len(EXPECTED) and lines[4].startswith("5\t移動\t一、(一)3.")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_review_is_the_same_after_libreoffice_saved_the_document(returned, tmp_path):
    db, plan_id, path = returned
    for fmt in ("docx", "odt"):
        [resaved] = resave([path], fmt, tmp_path)
        assert review_json(db, plan_id, resaved) == EXPECTED, fmt


def test_accepting_all_gives_the_corrected_plan_and_keeps_comments_as_notes(returned, tmp_path):
    db, plan_id, path = returned
    result = run_cli("--db", db, "review", plan_id, path, "--accept-all")
    assert result.returncode == 0, result.stderr
    assert "7 處" in result.stdout and "2 則註解" in result.stdout
    assert comparable(plan_json(db, plan_id, tmp_path)) == comparable(expected_plan())
    notes = json.loads(run_cli("--db", db, "notes", plan_id, "--json").stdout)
    assert [(n["location"], n["author"], n["anchor"], n["text"]) for n in notes] == [
        ("貳、計畫目標 第1段", DEPUTY, "推動以人為本", "請補充具體指標"),
        ("一、(四)1.", BOSS, "用戶致電 1911 客服專線", "此項請併入(二)")]
    history = json.loads(run_cli("--db", db, "status", plan_id, "--json").stdout)
    assert history[-1]["note"] == f"依 {path.name} 修正 (7 處)"
    # resolved notes are kept but no longer listed as open
    assert run_cli("--db", db, "notes", plan_id, "--resolve", notes[0]["id"]).returncode == 0
    still_open = json.loads(run_cli("--db", db, "notes", plan_id, "--json").stdout)
    everything = json.loads(run_cli("--db", db, "notes", plan_id, "--json", "--all").stdout)
    assert [n["id"] for n in still_open] == [notes[1]["id"]]
    assert len(everything) == 2 and everything[0]["resolved"]


def test_accepting_some_changes_applies_only_those(returned, tmp_path):
    db, plan_id, path = returned
    before = plan_json(db, plan_id, tmp_path)
    result = run_cli("--db", db, "review", plan_id, path, "--accept", "5,6")
    assert result.returncode == 0, result.stderr
    expected = copy.deepcopy(before)
    first = expected["tree"][0]["children"][0]["children"]
    first.insert(4, first.pop(2))
    second = expected["tree"][0]["children"][1]["children"]
    second[0]["text"] = second[0]["text"].replace("為強化與用電大戶溝通", "")
    assert comparable(plan_json(db, plan_id, tmp_path)) == comparable(expected)
    assert json.loads(run_cli("--db", db, "notes", plan_id, "--json").stdout) == []


def test_rejecting_everything_leaves_the_plan_unchanged(returned, tmp_path):
    db, plan_id, path = returned
    before = plan_json(db, plan_id, tmp_path)
    assert run_cli("--db", db, "review", plan_id, path).returncode == 0  # listing only
    result = run_cli("--db", db, "review", plan_id, path, "--accept", "2,8")  # the two comments
    assert result.returncode == 0, result.stderr
    assert "0 處" in result.stdout
    assert plan_json(db, plan_id, tmp_path) == before
    assert len(json.loads(run_cli("--db", db, "notes", plan_id, "--json").stdout)) == 2


def test_an_approved_plan_refuses_the_changes(returned, tmp_path):
    db, plan_id, path = returned
    assert run_cli("--db", db, "status", plan_id, "核定").returncode == 0
    before = plan_json(db, plan_id, tmp_path)
    result = run_cli("--db", db, "review", plan_id, path, "--accept-all")
    assert result.returncode == 2 and "已核定" in result.stderr
    assert plan_json(db, plan_id, tmp_path) == before
    assert json.loads(run_cli("--db", db, "notes", plan_id, "--json").stdout) == []


def test_a_document_of_another_plan_is_refused_with_the_import_offered(returned, tmp_path):
    db, plan_id, _path = returned
    other_id = cli_import(db, "hualien-108")
    other = tmp_path / "hualien.docx"
    assert run_cli("--db", db, "export", other_id, "--format", "docx", "-o", other).returncode == 0
    result = run_cli("--db", db, "review", plan_id, other, "--json")
    assert result.returncode == 2
    assert "相符" in result.stderr and "plandesk import" in result.stderr


def test_a_hostile_or_broken_file_gets_the_importers_answer(returned, tmp_path):
    db, plan_id, path = returned
    hostile = tmp_path / "hostile.docx"
    Markup(path).save(hostile)
    import zipfile
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["word/document.xml"] = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>' + \
        parts["word/document.xml"].split(b"?>", 1)[1]
    with zipfile.ZipFile(hostile, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    result = run_cli("--db", db, "review", plan_id, hostile)
    assert result.returncode == 2 and "DTD" in result.stderr
    broken = tmp_path / "broken.docx"
    broken.write_bytes(path.read_bytes()[:2000])
    result = run_cli("--db", db, "review", plan_id, broken)
    assert result.returncode == 2 and "損壞" in result.stderr


def test_a_plain_import_reports_the_markup_it_accepted_and_the_comments_it_left(returned):
    db, _plan_id, path = returned
    result = run_cli("--db", db, "import", path)
    assert result.returncode == 0, result.stderr
    report = result.stderr
    assert "已全部接受：6 處插入、7 處刪除" in report
    for deleted in ("「為強化與用電大戶溝通」", "「3.如遇停電事故", "「3.依「用戶與饋線連結分系統作業程序」",
                    "「維護組」"):
        assert deleted in report
    assert "2 則註解沒有匯入" in report


def test_notes_are_exported_only_when_asked(returned, tmp_path):
    from desktop.importer.blocks import Table
    from desktop.importer import read_blocks
    db, plan_id, path = returned
    assert run_cli("--db", db, "review", plan_id, path, "--accept", "2,8").returncode == 0
    plan_doc = tmp_path / "plan.docx"
    assert run_cli("--db", db, "export", plan_id, "--format", "docx", "-o", plan_doc).returncode == 0
    plan_text = "".join(line for b in read_blocks(plan_doc, []) if isinstance(b, Table) for line in b.all_text())
    assert "此項請併入(二)" not in plan_text and "請補充具體指標" not in plan_text
    notes_doc = tmp_path / "審閱註解.odt"
    assert run_cli("--db", db, "notes", plan_id, "-o", notes_doc).returncode == 0
    table = next(b for b in read_blocks(notes_doc, []) if isinstance(b, Table))
    rows = [[c.text for c in table.row_cells(r)] for r in range(len(table.grid))]
    assert rows[1][:3] == ["貳、計畫目標 第1段", f"{DEPUTY} 115/11/30", "請補充具體指標"]
    assert rows[2][:4] == ["一、(四)1.", f"{BOSS} 115/11/30", "此項請併入(二)", "用戶致電 1911 客服專線"]
    wrong = run_cli("--db", db, "notes", plan_id, "-o", tmp_path / "notes.pdf")
    assert wrong.returncode == 2 and ".docx 或 .odt" in wrong.stderr


def test_untracked_rows_added_and_removed_are_listed_and_accepting_gives_the_document(tmp_path):
    from desktop.exchange import plan_to_dict
    from desktop.importer import read_document
    db, plan_id, exported = exported_plan(tmp_path, "taipei-114")
    edited = (Markup(exported)
              .add_row("本處業務副處長領隊", "本處業務副處長領隊", "每季由本處經理帶隊")
              .remove_row("辦理教育訓練，強化服務人員(含外包客服人員)")
              .insert("確保客服員熟悉公司規定", "及服務禮儀")
              .save(tmp_path / "returned.docx"))
    entries = review_json(db, plan_id, edited)
    assert [(e["kind"], e["location"], e["field"]) for e in entries] == [
        ("add", "一、(二)4.", "item"),
        ("insert", "一、(四)2.", "text"),
        ("remove", "一、(四)3.", "item")]
    assert entries[0]["new"].startswith("每季由本處經理帶隊並偕同在地區處專人拜訪集團用戶")
    assert entries[2]["old"].startswith("辦理教育訓練，強化服務人員(含外包客服人員)")
    assert run_cli("--db", db, "review", plan_id, edited, "--accept-all").returncode == 0
    shown, _report = read_document(edited)
    assert comparable(plan_json(db, plan_id, tmp_path)) == comparable(plan_to_dict(shown))


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_whole_paragraphs_inserted_and_deleted_in_sections(tmp_path):
    db, plan_id, exported = exported_plan(tmp_path, "taipei-114")
    edited = (Markup(exported)
              .insert_paragraph("本處各部門，以日常業務直接", "含外包客服人員。")
              .delete_paragraph("本計畫陳本處單位主管核定並經業務處審定")
              .save(tmp_path / "returned.docx"))
    deleted = "本計畫陳本處單位主管核定並經業務處審定，將公開於本處對外網頁及服務場所，且確實執行。"
    expected = [_entry("insert", "參、實施對象 第2段", "paragraph", "", "含外包客服人員。"),
                _entry("delete", "陸、實施步驟 二、", "paragraph", deleted, "")]
    for path in (edited, *resave([edited], "odt", tmp_path)):
        assert review_json(db, plan_id, path) == expected, path.suffix
    assert run_cli("--db", db, "review", plan_id, edited, "--accept-all").returncode == 0
    sections = plan_json(db, plan_id, tmp_path)["sections"]
    assert [p["text"] for p in sections[2]["paragraphs"]][1:] == ["含外包客服人員。"]
    steps = [p["text"] for p in sections[5]["paragraphs"]]
    assert deleted not in steps and len(steps) == len(fixture_json("taipei-114")["sections"][5]["paragraphs"]) - 1


def test_a_tracked_new_row_is_one_inserted_item_placed_where_the_document_has_it(tmp_path):
    db, plan_id, exported = exported_plan(tmp_path, "taipei-114")
    edited = (Markup(exported)
              .insert_row("本處業務副處長領隊", "本處業務副處長領隊", "每季由本處經理帶隊")
              .save(tmp_path / "returned.docx"))
    entries = review_json(db, plan_id, edited)
    assert [(e["kind"], e["location"], e["field"], e["author"]) for e in entries] == [
        ("insert", "一、(二)4.", "item", BOSS)]
    assert entries[0]["new"].startswith("每季由本處經理帶隊並偕同")
    before = plan_json(db, plan_id, tmp_path)
    assert run_cli("--db", db, "review", plan_id, edited, "--accept", "1").returncode == 0
    strategy = plan_json(db, plan_id, tmp_path)["tree"][0]["children"][1]
    old = before["tree"][0]["children"][1]["children"]
    assert [c["text"][:8] for c in strategy["children"]] == [c["text"][:8] for c in old] + ["每季由本處經理帶"]
    assert strategy["children"][3]["departments"] == old[2]["departments"]


@pytest.mark.parametrize("name", ["hualien-108", "xinying-111"])
def test_the_other_example_plans_locate_each_change_on_the_item_it_was_made_in(name, tmp_path):
    """Changes put on items picked from the plan are reported at those items' numbered paths."""
    from desktop.exchange import read_plan_file
    from desktop.plantext import Locator
    from conftest import fixture_path
    db, plan_id, exported = exported_plan(tmp_path, name)
    plan = read_plan_file(fixture_path(name))
    where = Locator(plan).node
    every = "\n".join(n.title + "\n" + n.text for n in plan.walk())
    leaves = [n for n in plan.walk() if not n.children and len(n.text) > 20 and every.count(n.text[:12]) == 1]
    inserted, deleted, commented, edited = leaves[0], leaves[3], leaves[6], leaves[9]
    returned = (Markup(exported)
                .insert(inserted.text[:12], "（每季檢討）")
                .delete(deleted.text[:12])
                .comment(commented.text[:12], "請補充辦理期程")
                .edit(edited.text[:12], edited.text[:12] + "並")
                .save(tmp_path / "returned.docx"))
    entries = review_json(db, plan_id, returned)
    assert [(e["kind"], e["location"], e["field"], e["old"], e["new"]) for e in entries] == [
        ("insert", where(inserted.id), "text", "", "（每季檢討）"),
        ("delete", where(deleted.id), "text", deleted.text[:12], ""),
        ("comment", where(commented.id), "text", commented.text[:12], "請補充辦理期程"),
        ("change", where(edited.id), "text", edited.text, edited.text[:12] + "並" + edited.text[12:])]
    assert run_cli("--db", db, "review", plan_id, returned, "--accept-all").returncode == 0
    after = {n["text"] for n in _walk(plan_json(db, plan_id, tmp_path)["tree"])}
    assert inserted.text[:12] + "（每季檢討）" + inserted.text[12:] in after
    assert deleted.text[12:] in after and edited.text[:12] + "並" + edited.text[12:] in after


def _walk(nodes):
    for node in nodes:
        yield node
        yield from _walk(node["children"])
