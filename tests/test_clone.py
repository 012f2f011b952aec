"""Clone: a new 草稿 plan with everything copied, the source untouched; CLI clone."""
import json

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
    proposals = json.loads("\n".join(lines[:-1]))
    assert {p["kind"] for p in proposals} == {"year", "date", "letter"}
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
