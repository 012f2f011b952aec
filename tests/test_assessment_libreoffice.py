"""Forms filled by a script and re-saved by LibreOffice (docx→docx, docx→odt,
odt→docx) merge 100 %: every key survives and every character typed lands."""
import json

import pytest

from assessment_helpers import answer, fill, form_keys
from conftest import cli_import, run_cli
from libreoffice import SOFFICE, resave

CASES = [("docx", "docx"), ("docx", "odt"), ("odt", "docx")]


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize("source_fmt,target_fmt", CASES)
def test_libreoffice_resaved_forms_merge_completely(source_fmt, target_fmt, tmp_path):
    db = tmp_path / "lib.sqlite"
    plan_id = cli_import(db, "xinying-111")
    forms = tmp_path / "forms"
    result = run_cli("--db", db, "form", plan_id, "--period", "下半年", "-o", forms, "--format", source_fmt)
    assert result.returncode == 0, result.stderr
    sources = sorted(forms.iterdir())[:3]  # three departments keep LibreOffice's share of the run small
    expected = {}
    for path in sources:
        # the text depends on the item only, so two departments of one item agree (no conflict)
        answers = {k: answer(k, int(k[2:], 16) % 997) for k in form_keys(path)}
        fill(path, answers)
        expected.update(answers)
    resaved = resave(sources, target_fmt, tmp_path)
    assert all(p.suffix == f".{target_fmt}" and p.is_file() for p in resaved)
    merged = run_cli("--db", db, "merge-form", plan_id, *resaved, "--json")
    assert merged.returncode == 0, merged.stderr
    report = json.loads(merged.stdout)
    assert report["notes"] == []
    landed = {r["key"]: (r["text"], r["status"]) for r in report["rows"] if r["kind"] == "new"}
    assert report["counts"] == {"new": report["counts"]["new"], "changed": 0, "unchanged": 0,
                                "unmatched": 0, "conflict": 0, "blank": 0}
    assert landed == expected
    stats = json.loads(run_cli("--db", db, "report", plan_id, "--period", "下半年", "--json").stdout)
    assert stats["filled"] == len(expected)
    assert sum(stats["by_status"].values()) == len(expected)


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_report_as_pdf_has_results_and_statistics(tmp_path):
    from test_export_pdf import _pdf_text
    db = tmp_path / "lib.sqlite"
    plan_id = cli_import(db, "taipei-114")
    form = tmp_path / "form.docx"
    department = "業務組"
    assert run_cli("--db", db, "form", plan_id, "--period", "上半年", "--department", department,
                   "-o", form).returncode == 0
    keys = form_keys(form)
    fill(form, {keys[0]: ("已完成系統上線", "已完成")})
    assert run_cli("--db", db, "merge-form", plan_id, form).returncode == 0
    pdf = tmp_path / "成果.pdf"
    result = run_cli("--db", db, "report", plan_id, "--period", "上半年", "-o", pdf)
    assert result.returncode == 0, result.stderr
    text = _pdf_text(pdf).replace(" ", "")
    assert "執行情形" in text and "【已完成】" in text and "已完成系統上線" in text
    assert "考核結果統計表（依面向）" in text and "考核結果統計表（依部門）" in text
