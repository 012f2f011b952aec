"""The half-year review round trip through the real ``plandesk`` command:
form → a department fills it → merge-form → report."""
import json
from collections import Counter

import pytest

import legacy_docs
from assessment_helpers import answer, fill, form_keys
from conftest import cli_import, run_cli


@pytest.fixture
def hualien(tmp_path):
    db = tmp_path / "lib.sqlite"
    return db, cli_import(db, "hualien-108")


def _ok(*args):
    result = run_cli(*args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def _merge_json(db, plan_id, *files, dry_run=False):
    extra = ["--dry-run"] if dry_run else []
    return json.loads(_ok("--db", db, "merge-form", plan_id, *files, "--json", *extra))


def _filled_form(db, plan_id, tmp_path, department, fmt="docx", start=0):
    path = tmp_path / f"{department}.{fmt}"
    _ok("--db", db, "form", plan_id, "--period", "上半年", "--department", department, "-o", path)
    answers = {k: answer(k, start + i) for i, k in enumerate(form_keys(path))}
    fill(path, answers)
    return path, answers


def test_form_folder_has_one_form_per_department(hualien, tmp_path):
    db, plan_id = hualien
    out = _ok("--db", db, "form", plan_id, "--period", "下半年", "-o", tmp_path / "forms", "--format", "odt")
    files = out.split()
    assert len(files) == len(set(files)) > 10
    assert all(f.endswith(".odt") for f in files)
    from desktop.assessment.form_reader import read_form
    form = read_form(tmp_path / "forms" / "下半年-收費課.odt")
    assert (form.period, form.department) == ("下半年", "收費課")
    assert form.rows and all(r.key.startswith("K-") and not r.text and not r.status for r in form.rows)


def test_form_header_has_due_date_from_the_plan_text(hualien, tmp_path):
    from docx import Document
    from assessment_helpers import status_choices
    db, plan_id = hualien
    path = tmp_path / "f.docx"
    _ok("--db", db, "form", plan_id, "--period", "下半年", "--department", "收費課", "-o", path)
    rows = Document(str(path)).tables[0].rows
    assert status_choices(rows[0].cells[5]) == []
    assert all(status_choices(row.cells[5]) == ["已完成", "持續辦理", "進行中", "落後", "未執行", "不適用"]
               for row in rows[1:])
    from export_helpers import paragraphs
    lines = paragraphs(path, "docx")
    assert "送交期限：109 年 1 月 6 日前送業務組" in lines
    assert "考核期間：下半年（7 月至 12 月）" in lines


def test_merge_lands_every_row_and_report_counts(hualien, tmp_path):
    db, plan_id = hualien
    path, answers = _filled_form(db, plan_id, tmp_path, "服務中心")
    merged = _merge_json(db, plan_id, path)
    assert merged["applied"] is True
    assert merged["counts"]["new"] == len(answers)
    assert merged["counts"]["unmatched"] == merged["counts"]["conflict"] == 0
    assert merged["notes"] == []
    stats = json.loads(_ok("--db", db, "report", plan_id, "--period", "上半年", "--json"))
    assert set(stats) == {"period", "items", "filled", "by_status", "by_department", "by_aspect"}
    assert stats["period"] == "上半年"
    assert stats["filled"] == len(answers)
    assert stats["by_status"] == {s: Counter(st for _, st in answers.values())[s]
                                  for s in ["已完成", "持續辦理", "進行中", "落後", "未執行", "不適用"]}
    dept = stats["by_department"]["服務中心"]
    assert dept["items"] == dept["filled"] == len(answers)
    assert sum(a["items"] for a in stats["by_aspect"].values()) == stats["items"]
    assert sum(a["filled"] for a in stats["by_aspect"].values()) == len(answers)
    assert stats["by_department"]["收費課"]["filled"] <= stats["by_department"]["收費課"]["items"]
    from desktop.library import Library
    lib = Library.open(db)
    try:
        review = lib.load_plan(int(plan_id)).review
    finally:
        lib.close()
    assert sorted((r.text, r.status) for r in review.results.values()) == sorted(answers.values())
    assert _reporters(db, plan_id) == {"服務中心"}


def test_remerge_changes_nothing_and_dry_run_writes_nothing(hualien, tmp_path):
    db, plan_id = hualien
    path, answers = _filled_form(db, plan_id, tmp_path, "收費課")
    def backups():
        return len(json.loads(_ok("--db", db, "backups", "--json")))
    dry = _merge_json(db, plan_id, path, dry_run=True)
    assert dry["applied"] is False and dry["counts"]["new"] == len(answers)
    kept = backups()
    first = _merge_json(db, plan_id, path)
    assert first["counts"]["new"] == len(answers)
    assert backups() == kept + 1  # the library as it was before the merge is kept
    before = (db.read_bytes(), _ok("--db", db, "report", plan_id, "--period", "上半年", "--json"))
    again = _merge_json(db, plan_id, path)
    assert again["applied"] is False
    assert again["counts"]["unchanged"] == len(answers) and again["counts"]["new"] == 0
    assert backups() == kept + 1  # nothing applied, no backup
    assert _ok("--db", db, "report", plan_id, "--period", "上半年", "--json") == before[1]


def test_two_departments_writing_differently_is_a_conflict(hualien, tmp_path):
    db, plan_id = hualien
    a, answers_a = _filled_form(db, plan_id, tmp_path, "服務中心")
    b, answers_b = _filled_form(db, plan_id, tmp_path, "收費課", start=1000)
    shared = set(answers_a) & set(answers_b)
    assert shared, "hualien-108 has items both departments handle"
    merged = _merge_json(db, plan_id, a, b)
    conflicts = [r for r in merged["rows"] if r["kind"] == "conflict"]
    assert {r["key"] for r in conflicts} == shared
    assert all("不同的內容" in r["message"] for r in conflicts)
    assert merged["counts"]["new"] == len(answers_a) + len(answers_b) - 2 * len(shared)
    # later: the second department sends its form alone; the first one's text stays
    _merge_json(db, plan_id, a)
    later = _merge_json(db, plan_id, b)
    assert {r["key"] for r in later["rows"] if r["kind"] == "conflict"} == shared
    assert all("服務中心" in r["message"] for r in later["rows"] if r["kind"] == "conflict")


def test_changed_text_of_the_same_department_updates(hualien, tmp_path):
    db, plan_id = hualien
    path, answers = _filled_form(db, plan_id, tmp_path, "收費課")
    _merge_json(db, plan_id, path)
    key = next(iter(answers))
    fill(path, {key: ("改寫後的執行情形", "落後")})
    merged = _merge_json(db, plan_id, path)
    assert merged["counts"]["changed"] == 1
    assert [r["key"] for r in merged["rows"] if r["kind"] == "changed"] == [key]


def test_lost_key_matches_by_content_and_stray_text_is_reported(hualien, tmp_path):
    from docx import Document
    db, plan_id = hualien
    path, answers = _filled_form(db, plan_id, tmp_path, "收費課")
    doc = Document(str(path))
    doc.tables[0].rows[1].cells[0].paragraphs[0].text = ""      # key deleted
    doc.tables[0].rows[2].cells[0].paragraphs[0].text = "K-zzzz"  # key garbled
    doc.tables[0].rows[2].cells[2].paragraphs[0].text = "部門自己加的一列"
    doc.tables[0].rows[3].cells[3].paragraphs[0].text = "改為全年辦理"  # 期間 edited
    doc.add_paragraph("補充說明：本課另有三件專案。")
    for para in doc.paragraphs:
        if para.text.startswith("填報單位："):
            para.add_run(" 聯絡人：王小明")
    doc.save(str(path))
    merged = _merge_json(db, plan_id, path)
    assert merged["counts"]["new"] == len(answers) - 1
    unmatched = [r for r in merged["rows"] if r["kind"] == "unmatched"]
    assert len(unmatched) == 1 and unmatched[0]["text"] == list(answers.values())[1][0]
    notes = "\n".join(merged["notes"])
    assert "補充說明：本課另有三件專案。" in notes and "「聯絡人：王小明」" in notes
    assert "第 3 列：「期間」欄被改成「改為全年辦理」" in notes
    assert _reporters(db, plan_id) == {"收費課"}  # not 「收費課 聯絡人：王小明」


def _reporters(db, plan_id):
    from desktop.library import Library
    lib = Library.open(db)
    try:
        return {r.reporter for r in lib.load_plan(int(plan_id)).review.results.values()}
    finally:
        lib.close()


def test_unknown_status_is_reported_and_text_still_lands(hualien, tmp_path):
    db, plan_id = hualien
    path, answers = _filled_form(db, plan_id, tmp_path, "收費課")
    key = next(iter(answers))
    fill(path, {key: ("辦理中，預計下月完成", "差不多")})
    merged = _merge_json(db, plan_id, path)
    row = next(r for r in merged["rows"] if r["key"] == key)
    assert row["kind"] == "new" and "差不多" in row["message"]


@pytest.mark.parametrize("make", ["ole", "encrypted", "doctype", "not-a-form"])
def test_bad_files_are_refused_and_nothing_is_merged(hualien, tmp_path, make):
    db, plan_id = hualien
    good, _ = _filled_form(db, plan_id, tmp_path, "收費課")
    bad = tmp_path / f"bad-{make}.docx"
    if make == "ole":
        legacy_docs.ole_file(bad, encrypted=False)
    elif make == "encrypted":
        legacy_docs.mark_encrypted(good, bad)
    elif make == "doctype":
        xml = b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x "y">]><w:document/>'
        legacy_docs.rewrite_part(good, bad, "word/document.xml", xml)
    else:
        _ok("--db", db, "export", plan_id, "--format", "docx", "-o", bad)
    result = run_cli("--db", db, "merge-form", plan_id, good, bad)
    assert result.returncode == 2
    assert bad.name in result.stderr and len(result.stderr.strip().splitlines()) == 1
    stats = json.loads(_ok("--db", db, "report", plan_id, "--period", "上半年", "--json"))
    assert stats["filled"] == 0


def test_report_document_has_results_column_and_statistics(hualien, tmp_path):
    db, plan_id = hualien
    path, answers = _filled_form(db, plan_id, tmp_path, "收費課")
    _merge_json(db, plan_id, path)
    for fmt in ("docx", "odt"):
        out = tmp_path / f"成果.{fmt}"
        _ok("--db", db, "report", plan_id, "--period", "上半年", "-o", out)
        from export_helpers import paragraphs
        text = "\n".join(paragraphs(out, fmt))
        assert "執行情形" in text and "考核結果統計表（依面向）" in text and "考核結果統計表（依部門）" in text
        for body, status in answers.values():
            assert body.split("\n")[0] in text and f"【{status}】" in text


def test_errors_are_one_sentence_exit_2(hualien, tmp_path):
    db, plan_id = hualien
    cases = [("form", plan_id, "--period", "第三季", "-o", tmp_path / "x"),
             ("form", plan_id, "--period", "上半年", "-o", tmp_path / "x.docx"),
             ("form", plan_id, "--period", "上半年", "--department", "不存在課", "-o", tmp_path / "x.docx"),
             ("report", plan_id, "--period", "上半年", "-o", tmp_path / "x.txt"),
             ("report", plan_id, "--period", "上半年"),
             ("merge-form", plan_id, tmp_path / "missing.docx")]
    for args in cases:
        result = run_cli("--db", db, *args)
        assert result.returncode == 2, args
        assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.strip().endswith("。"), args


def test_a_cell_merged_over_two_rows_lands_on_both_items(hualien, tmp_path):
    from docx import Document
    db, plan_id = hualien
    path, answers = _filled_form(db, plan_id, tmp_path, "收費課")
    doc = Document(str(path))
    table = doc.tables[0]
    for row in (1, 2):
        for col in (4, 5):
            for para in table.rows[row].cells[col].paragraphs:
                para.text = ""
    text = table.cell(1, 4).merge(table.cell(2, 4))
    text.paragraphs[0].text = "兩項合併辦理，已於 5 月完成"
    table.cell(1, 5).merge(table.cell(2, 5)).paragraphs[0].text = "已完成"
    doc.save(str(path))
    merged = _merge_json(db, plan_id, path)
    keys = list(answers)[:2]
    rows = {r["key"]: r for r in merged["rows"]}
    assert all(rows[k]["kind"] == "new" and rows[k]["text"] == "兩項合併辦理，已於 5 月完成"
               and rows[k]["status"] == "已完成" for k in keys)


def test_form_says_which_items_no_form_covers(tmp_path):
    from conftest import fixture_path
    from desktop.exchange import dumps, read_plan_file
    plan = read_plan_file(fixture_path("taipei-114"))
    leaf = next(n for n in plan.walk() if n.departments and not n.children)
    leaf.departments = []  # taipei's leaves carry their own departments: nothing to inherit
    path = tmp_path / "p.json"
    path.write_text(dumps(plan), encoding="utf-8")
    db = tmp_path / "lib.sqlite"
    plan_id = run_cli("--db", db, "import", path).stdout.split()[-1]
    result = run_cli("--db", db, "form", plan_id, "--period", "上半年", "-o", tmp_path / "forms")
    assert result.returncode == 0
    assert "有 1 個項目沒有承辦部門" in result.stderr
