"""Clone: a new 草稿 plan with everything copied, the source untouched; CLI clone."""
import json
from pathlib import Path

import pytest

from conftest import cli_import, fixture_path, run_cli
from desktop.clone import build_clone, clone_plan, preview_clone
from desktop.errors import PlanDeskError
from desktop.exchange import plan_to_dict, read_plan_file
from desktop.ops import EditPlan
from desktop.document import PlanDocument


def _shape(plan):
    def node(n):
        return (n.title, n.text, [(d.name, d.role) for d in n.departments], n.period, n.numbered,
                n.skip, [node(c) for c in n.children])
    return [node(n) for n in plan.tree]


@pytest.mark.parametrize("name", ["hualien-108", "taipei-114", "xinying-111"])
def test_clone_copies_everything_with_fresh_ids(library, name):
    source_id = library.add_plan(read_plan_file(fixture_path(name)))
    before = plan_to_dict(library.load_plan(source_id))
    new_id, proposals = clone_plan(library, source_id, library.load_plan(source_id).year + 1, rollover=False)
    assert proposals == []
    source, clone = library.load_plan(source_id), library.load_plan(new_id)
    assert plan_to_dict(source) == before  # untouched
    assert new_id != source_id and clone.status == "草稿" and clone.year == source.year + 1
    assert _shape(clone) == _shape(source)
    assert clone.columns == source.columns and clone.profile == source.profile
    assert [(s.heading, s.kind, [p.text for p in s.paragraphs], s.notes) for s in clone.sections] == \
        [(s.heading, s.kind, [p.text for p in s.paragraphs], s.notes) for s in source.sections]
    old_ids = {n.id for n in source.walk()} | {s.id for s in source.sections}
    new_ids = {n.id for n in clone.walk()} | {s.id for s in clone.sections}
    assert not old_ids & new_ids


def test_clone_rolls_years(library):
    source_id = library.add_plan(read_plan_file(fixture_path("hualien-108")))
    new_id, proposals = clone_plan(library, source_id, 109)
    clone = library.load_plan(new_id)
    assert clone.title == "花蓮區營業處 109 年度提升服務效能執行計畫"
    assert clone.date_line.startswith("\u3000") and "108" not in clone.date_line
    basis = clone.sections[0].paragraphs[0].text
    assert "108 年 2月 22 日電配售部業字第 1080004356 號函" in basis and "「台電公司 109 年度" in basis
    assert len(proposals) == 8
    # 「自 108 年元月起兌領獎單位變更」 is a past event: proposed as "keep", so kept
    kept = [p for p in proposals if not p.accept]
    assert [(p.location, p.old) for p in kept] == [("五、(二)(2)乙、 內容", "108")]
    assert "過去開始的事" in kept[0].note
    assert any("自 108 年元月起兌領獎單位" in n.text for n in clone.walk())


def test_clone_of_approved_plan_is_a_draft(library):
    source_id = library.add_plan(read_plan_file(fixture_path("taipei-114")))
    doc = PlanDocument.open(library, source_id)
    doc.apply(EditPlan({"status": "核定"}))
    new_id, _ = clone_plan(library, source_id, 115)
    assert library.load_plan(new_id).status == "草稿"
    assert library.load_plan(source_id).status == "核定"


def test_preview_subset_accepted(library):
    source_id = library.add_plan(read_plan_file(fixture_path("taipei-114")))
    preview = preview_clone(library, source_id, 115)
    plan = build_clone(preview, [p for p in preview.proposals if p.location == "計畫名稱"])
    assert "115年度" in plan.title
    assert "「台電公司114年度" in plan.sections[0].paragraphs[0].text
    everything = build_clone(preview)
    leaf = next(n for n in everything.walk() if n.departments)
    leaf.departments.append(leaf.departments[0])
    assert "114年度" in preview.source.title  # the preview's source is never changed
    assert "115年度" in everything.sections[0].paragraphs[0].text
    assert len(preview.source.find(leaf.id)[0].departments) == len(leaf.departments) - 1


def test_bad_year_and_missing_plan(library):
    with pytest.raises(PlanDeskError, match="年度"):
        clone_plan(library, 1, 0)
    with pytest.raises(PlanDeskError, match="沒有編號 42"):
        clone_plan(library, 42, 115)


def test_cli_clone(tmp_path):
    db = tmp_path / "cli.sqlite"
    source_id = cli_import(db, "xinying-111")
    res = run_cli("--db", db, "clone", source_id, "--year", "112", "--json")
    assert res.returncode == 0, res.stderr
    lines = res.stdout.strip().splitlines()
    new_id = int(lines[-1])
    report = json.loads("\n".join(lines[:-1]))
    proposals = report["proposals"]
    assert {p["kind"] for p in proposals} == {"year", "date", "letter"}
    assert report["source_year"]["year"] == 111 and not report["source_year"]["disagrees"]
    listed = run_cli("--db", db, "list", "--json")
    years = {p["id"]: (p["year"], p["status"]) for p in json.loads(listed.stdout)}
    assert years[new_id] == (112, "草稿")
    plain = run_cli("--db", db, "clone", source_id, "--year", "112", "--no-rollover")
    assert plain.returncode == 0 and plain.stdout.strip().isdigit()
    bad = run_cli("--db", db, "clone", "99", "--year", "112")
    assert bad.returncode == 2 and "沒有編號 99" in bad.stderr


def test_cli_status_history_and_lock(tmp_path):
    db = tmp_path / "cli.sqlite"
    plan_id = cli_import(db, "taipei-114")
    assert run_cli("--db", db, "status", plan_id, "陳核").returncode == 0
    res = run_cli("--db", db, "status", plan_id, "核定", "--json")
    history = json.loads(res.stdout)
    assert [h["status"] for h in history] == ["草稿", "陳核", "核定"] and all(h["at"] for h in history)
    new_id = run_cli("--db", db, "clone", plan_id, "--year", "115").stdout.strip().splitlines()[-1]
    assert [h["status"] for h in json.loads(run_cli("--db", db, "status", new_id, "--json").stdout)] == ["草稿"]
    bad = run_cli("--db", db, "status", plan_id, "完成")
    assert bad.returncode == 2
    assert run_cli("--db", db, "status", "55").returncode == 2


TAIWATER = Path(__file__).parent / "fixtures" / "taiwater-1-108.json"


def test_cli_clone_of_a_plan_titled_one_year_with_a_body_of_the_next(tmp_path):
    """台水第一區: titled 108, body 109 throughout. Cloned to 110, not one year is off."""
    from desktop.checks import check_plan
    from desktop.library import Library
    db = tmp_path / "cli.sqlite"
    source_id = run_cli("--db", db, "import", TAIWATER).stdout.strip().splitlines()[-1]
    res = run_cli("--db", db, "clone", source_id, "--year", "110", "--json")
    assert res.returncode == 0, res.stderr
    lines = res.stdout.strip().splitlines()
    report = json.loads("\n".join(lines[:-1]))
    evidence = report["source_year"]
    assert (evidence["title"], evidence["body"], evidence["disagrees"]) == (108, 109, True)
    assert evidence["votes"] == {"日期列": {"109": 1}, "執行期間": {"109": 9}, "考核日期": {"109": 2}}
    assert "計畫名稱寫的是 108 年度" in evidence["message"] and "109 年度的計畫" in evidence["message"]
    rolled = {(p["old"], p["new"]) for p in report["proposals"] if p["kind"] == "year" and p["accept"]}
    assert rolled == {("108", "110"), ("109", "110"), ("110", "111")}  # title 108 and body 109 both to 110
    library = Library.open(db)
    clone = library.load_plan(int(lines[-1]))
    assert clone.year == 110 and "110年度" in clone.title
    periods = [n.period for n in clone.walk() if n.period and n.period != "隨時辦理"]
    assert len(periods) == 9 and all(p.startswith("110年") for p in periods)
    assessment = clone.sections[-1].paragraphs
    assert "110年7月10日前" in assessment[0].text and "111年1月10日前" in assessment[0].text
    assert "110年11月" in assessment[1].text
    texts = " ".join(n.text for n in clone.walk())
    assert "自109年1月起" in texts and "108年已完成" in texts  # past events kept
    assert "111年" not in texts and "109年度" not in texts
    findings = [f.rule for f in check_plan(clone, library) if f.rule.startswith("year-")]
    library.close()
    assert findings == []
    plain = run_cli("--db", db, "clone", source_id, "--year", "110")
    assert plain.stdout.startswith("年份不一致：計畫名稱寫的是 108 年度")
    assert "109（保留）" in plain.stdout
