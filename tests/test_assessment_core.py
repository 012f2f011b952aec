"""Half-year review data: due dates from the plan text, exchange plandesk-plan/2,
clone, undo (a merge is one step), approved plans, storage."""
import json
from datetime import date

import pytest

from conftest import fixture_path, run_cli
from desktop.assessment.due_dates import dates_from_text, due_of, plan_due_dates
from desktop.assessment.items import review_items
from desktop.assessment.model import Result, ReviewPeriod, default_periods
from desktop.assessment.ops import SetPeriods, SetResults
from desktop.document import PlanDocument
from desktop.errors import PlanDeskError
from desktop.exchange import plan_from_dict, plan_to_dict, read_plan_file
from desktop.ops import DeleteNodes


@pytest.mark.parametrize("text,year,expected", [
    ("填報考核結果統計表，分別於 108 年 7 月 5 日及 109 年 1 月 6 日前送業務處備查", 108,
     [date(2019, 7, 5), date(2020, 1, 6)]),
    ("考核結果應分別於１１１年７月８日及１１２年１月６日前填報業務處", 111, [date(2022, 7, 8), date(2023, 1, 6)]),
    ("各廠所資料請於本年度 6 月及 12 月結束後之次月 4 日前提供", 114, [date(2025, 7, 4), date(2026, 1, 4)]),
    ("於 6月、12月結束後次月10日前送出", 113, [date(2024, 7, 10), date(2025, 1, 10)]),
])
def test_due_dates_from_text(text, year, expected):
    found = dates_from_text(text, default_periods(), year)
    assert [found.get("上半年"), found.get("下半年")] == expected


def test_due_dates_need_a_date_for_every_period():
    assert dates_from_text("於 108 年 7 月 5 日前送業務處", default_periods(), 108) == {}
    assert dates_from_text("108 年 7 月 5 日及 109 年 1 月 6 日辦理說明會", default_periods(), 108) == {}


def test_plan_due_dates_from_fixtures_and_the_clerks_date_wins():
    hualien = read_plan_file(fixture_path("hualien-108"))
    assert plan_due_dates(hualien) == {"上半年": date(2019, 7, 5), "下半年": date(2020, 1, 6)}
    assert plan_due_dates(read_plan_file(fixture_path("xinying-111")))["上半年"] == date(2022, 7, 8)
    taipei = read_plan_file(fixture_path("taipei-114"))
    assert due_of(taipei, taipei.review.periods[0]).value is None
    hualien.review.periods[0].due = "2019-07-10"
    due = due_of(hualien, hualien.review.periods[0])
    assert (due.value, due.source) == (date(2019, 7, 10), "設定")


def _with_results(plan):
    items = review_items(plan)
    for i, item in enumerate(items[:5]):
        plan.review.results[(item.node.id, "上半年")] = Result(
            item.node.id, "上半年", f"第 {i} 項執行情形\n第二段", "已完成" if i % 2 else "落後",
            12.5 if i == 0 else None, "件" if i == 0 else "", "服務中心", "2019-07-01T09:00:00")
    plan.review.periods[1].due = "2020-01-06"
    return plan


def test_exchange_v2_round_trip_is_lossless(tmp_path):
    plan = _with_results(read_plan_file(fixture_path("hualien-108")))
    data = plan_to_dict(plan)
    assert data["format"] == "plandesk-plan/2"
    assert data["review_periods"][1] == {"name": "下半年", "start_month": 7, "end_month": 12, "due": "2020-01-06"}
    again = plan_from_dict(json.loads(json.dumps(data)))
    assert plan_to_dict(again) == data
    texts = sorted((r.text, r.status, r.quantity, r.unit, r.reporter, r.reported_at)
                   for r in again.review.results.values())
    assert texts == sorted((r.text, r.status, r.quantity, r.unit, r.reporter, r.reported_at)
                           for r in plan.review.results.values())
    # through the library and the CLI as well
    path = tmp_path / "v2.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "lib.sqlite"
    plan_id = run_cli("--db", db, "import", path).stdout.split()[-1]
    out = tmp_path / "out.json"
    assert run_cli("--db", db, "export", plan_id, "--format", "json", "-o", out).returncode == 0
    assert json.loads(out.read_text(encoding="utf-8")) == data


def test_plans_without_review_data_stay_v1_and_v1_is_read():
    data = json.loads(fixture_path("taipei-114").read_text(encoding="utf-8"))
    assert data["format"] == "plandesk-plan/1"
    plan = plan_from_dict(data)
    assert plan.review.results == {} and plan.review.periods == default_periods()
    assert plan_to_dict(plan)["format"] == "plandesk-plan/1"


@pytest.mark.parametrize("mutate,message", [
    (lambda d: d["tree"][0]["children"][0]["children"][0].__setitem__("results", []), "results 是不認得的欄位"),
    (lambda d: d.__setitem__("format", "plandesk-plan/3"), "format"),
])
def test_v1_files_cannot_carry_v2_fields(mutate, message):
    data = json.loads(fixture_path("taipei-114").read_text(encoding="utf-8"))
    mutate(data)
    with pytest.raises(PlanDeskError, match=message):
        plan_from_dict(data)


@pytest.mark.parametrize("bad,message", [
    ({"period": "第三季", "text": "x"}, "考核期間"),
    ({"period": "上半年", "status": "完成了"}, "status"),
    ({"period": "上半年", "quantity": "12"}, "應為數字"),
])
def test_v2_results_are_validated(bad, message):
    data = plan_to_dict(_with_results(read_plan_file(fixture_path("taipei-114"))))
    _first_with_results(data["tree"])["results"] = [bad]
    with pytest.raises(PlanDeskError, match=message):
        plan_from_dict(data)


def _first_with_results(nodes):
    for n in nodes:
        if "results" in n:
            return n
        found = _first_with_results(n["children"])
        if found:
            return found
    return None


def test_clone_does_not_copy_results(tmp_path):
    db = tmp_path / "lib.sqlite"
    path = tmp_path / "v2.json"
    path.write_text(json.dumps(plan_to_dict(_with_results(read_plan_file(fixture_path("hualien-108")))),
                               ensure_ascii=False), encoding="utf-8")
    plan_id = run_cli("--db", db, "import", path).stdout.split()[-1]
    clone = run_cli("--db", db, "clone", plan_id, "--year", "109")
    new_id = clone.stdout.split()[-1]
    report = lambda pid: json.loads(run_cli("--db", db, "report", pid, "--period", "上半年", "--json").stdout)
    assert report(plan_id)["filled"] == 5
    assert report(new_id)["filled"] == 0
    out = tmp_path / "clone.json"
    run_cli("--db", db, "export", new_id, "--format", "json", "-o", out)
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert exported["format"] == "plandesk-plan/1" and "review_periods" not in exported


def test_merge_operation_is_one_undo_step_and_survives_reopen(library):
    plan = read_plan_file(fixture_path("hualien-108"))
    plan_id = library.add_plan(plan)
    doc = PlanDocument.open(library, plan_id)
    items = review_items(doc.plan)[:3]
    doc.apply(SetResults({(i.node.id, "上半年"): Result(i.node.id, "上半年", f"情形{n}", "進行中", reporter="收費課")
                          for n, i in enumerate(items)}, "合併 1 份填報表"))
    assert len(library.load_plan(plan_id).review.results) == 3
    assert doc.undo_label() == "合併 1 份填報表"
    doc.undo()
    assert library.load_plan(plan_id).review.results == {} == doc.plan.review.results
    doc.redo()
    assert {r.text for r in library.load_plan(plan_id).review.results.values()} == {"情形0", "情形1", "情形2"}


def test_results_editable_on_an_approved_plan_but_not_the_plan(library):
    from desktop.ops import EditPlan
    plan_id = library.add_plan(read_plan_file(fixture_path("taipei-114")))
    doc = PlanDocument.open(library, plan_id)
    doc.apply(EditPlan({"status": "核定"}, "核定"))
    item = review_items(doc.plan)[0]
    doc.apply(SetResults({(item.node.id, "下半年"): Result(item.node.id, "下半年", "已辦理", "已完成")}))
    doc.apply(SetPeriods([ReviewPeriod("上半年", 1, 6, "2025-07-04"), ReviewPeriod("下半年", 7, 12)]))
    reloaded = library.load_plan(plan_id).review
    assert reloaded.result(item.node.id, "下半年").text == "已辦理"
    assert reloaded.periods[0].due == "2025-07-04"
    with pytest.raises(PlanDeskError, match="已核定"):
        doc.apply(DeleteNodes([item.node.id]))


def test_deleting_an_item_and_undoing_keeps_its_results(library):
    plan_id = library.add_plan(read_plan_file(fixture_path("taipei-114")))
    doc = PlanDocument.open(library, plan_id)
    item = review_items(doc.plan)[0]
    doc.apply(SetResults({(item.node.id, "上半年"): Result(item.node.id, "上半年", "保留我", "落後")}))
    doc.apply(DeleteNodes([item.node.id]))
    doc.undo()
    assert library.load_plan(plan_id).review.result(item.node.id, "上半年").text == "保留我"


def test_bad_status_is_refused_in_one_sentence(library):
    plan_id = library.add_plan(read_plan_file(fixture_path("taipei-114")))
    doc = PlanDocument.open(library, plan_id)
    item = review_items(doc.plan)[0]
    with pytest.raises(PlanDeskError, match="執行狀態「完成了」不正確"):
        doc.apply(SetResults({(item.node.id, "上半年"): Result(item.node.id, "上半年", "x", "完成了")}))
    assert library.load_plan(plan_id).review.results == {}


def _rules(findings, prefix="review-"):
    return sorted((f.rule, f.target, f.location.split()[-1]) for f in findings if f.rule.startswith(prefix))


def test_checker_rules_for_results():
    from desktop.checks import check_plan
    plan = read_plan_file(fixture_path("taipei-114"))
    items = review_items(plan)
    assert _rules(check_plan(plan, today=date(2025, 7, 1))) == []  # a draft is not carried out yet
    plan.status = "核定"
    assert _rules(check_plan(plan, today=date(2025, 6, 30))) == []  # no period has ended yet
    missing = _rules(check_plan(plan, today=date(2025, 7, 1)))
    assert missing == sorted(("review-missing", i.node.id, "上半年執行情形") for i in items)
    a, b, c, d = items[:4]
    plan.review.results.update({
        (a.node.id, "上半年"): Result(a.node.id, "上半年", "", "已完成"),
        (b.node.id, "上半年"): Result(b.node.id, "上半年", "落後", "落後"),
        (c.node.id, "上半年"): Result(c.node.id, "上半年", "因廠商延遲交貨，預計 8 月底完成", "落後"),
        (d.node.id, "上半年"): Result(d.node.id, "上半年", "已辦理完成 3 場", "已完成"),
    })
    found = _rules(check_plan(plan, today=date(2025, 7, 1)))
    assert ("review-done-empty", a.node.id, "上半年執行情形") in found
    assert ("review-late-unexplained", b.node.id, "上半年執行情形") in found
    assert not any(t in (c.node.id, d.node.id) for _, t, _ in found)
    assert not any(t in (a.node.id, b.node.id) and r == "review-missing" for r, t, _ in found)
    # an archived plan does not nag
    assert not any(r == "review-missing" for r, _, _ in _rules(check_plan(plan, today=date(2027, 3, 1))))


def test_remerging_text_with_control_characters_changes_nothing(library):
    from desktop.assessment.form_reader import FormRow, ReturnedForm
    from desktop.assessment.merge import preview_forms
    plan_id = library.add_plan(read_plan_file(fixture_path("taipei-114")))
    doc = PlanDocument.open(library, plan_id)
    item = review_items(doc.plan)[0]
    name = item.departments[0].name
    form = ReturnedForm("f.docx", "上半年", name, [FormRow(1, item.key, item.label, "第一行\x0b第二行\x07", "已完成")])
    first = preview_forms(doc.plan, [form])
    assert first.counts()["new"] == 1
    doc.apply(first.operation())
    assert doc.plan.review.result(item.node.id, "上半年").text == "第一行\n第二行"
    again = preview_forms(doc.plan, [form])
    assert again.counts()["unchanged"] == 1 and again.operation() is None
