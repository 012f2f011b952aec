"""Round trip: each fixture exported by PlanDesk to DOCX and ODT and imported back
gives the same exchange JSON (numbering recomputed)."""
import pytest

from conftest import FIXTURE_NAMES, fixture_path

from desktop.exchange import plan_to_dict, read_plan_file


@pytest.mark.parametrize("fmt", ["docx", "odt"])
@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_export_then_import_gives_same_plan(name, fmt, tmp_path):
    export = pytest.importorskip("desktop.export")
    from desktop.importer import read_document

    plan = read_plan_file(fixture_path(name))
    target = export.export_plan(plan, fmt, tmp_path / f"{name}.{fmt}")
    back, report = read_document(target)
    assert plan_to_dict(back) == plan_to_dict(plan)
    # only the organization inference may be reported: nothing was left out
    assert all("推定為" in line for line in report), report


@pytest.mark.parametrize("profile", ["taiwater"])
def test_round_trip_with_the_other_profile(profile, tmp_path):
    """The 台水 profile prints full-width tokens and no sub-strategy column."""
    export = pytest.importorskip("desktop.export")
    from desktop.importer import read_document

    plan = read_plan_file(fixture_path("taipei-114"))
    plan.profile = profile
    plan.organization = "台灣自來水公司"
    plan.title = "台灣自來水公司第一區管理處114年度提升服務效能執行計畫"
    plan.office = "第一區管理處"
    target = export.export_plan(plan, "docx", tmp_path / "water.docx")
    back, _report = read_document(target)
    assert plan_to_dict(back) == plan_to_dict(plan)
