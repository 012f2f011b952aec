"""Forms filled by a script and re-saved by LibreOffice (docx→docx, docx→odt,
odt→docx) merge 100 %: every key survives and every character typed lands."""
import json

import pytest

from assessment_helpers import answer, fill, form_keys
from conftest import cli_import, run_cli
from test_import_libreoffice import SOFFICE, _convert

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
    resaved = _convert(sources, target_fmt, tmp_path)
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
