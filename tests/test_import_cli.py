"""``plandesk import FILE.docx|FILE.odt [--dry-run]`` end to end."""
import json

import legacy_docs
from conftest import run_cli


def test_import_docx_prints_id_and_report(tmp_path):
    path = legacy_docs.write(legacy_docs.five_column_layout_b(), tmp_path / "台北.docx")
    db = tmp_path / "lib.sqlite"
    result = run_cli("--db", db, "import", path)
    assert result.returncode == 0, result.stderr
    plan_id = int(result.stdout.strip().splitlines()[-1])
    assert "重複的標題列" in result.stderr  # the report goes to stderr
    listed = json.loads(run_cli("--db", db, "list", "--json").stdout)
    assert [(p["id"], p["office"], p["year"]) for p in listed] == [(plan_id, "台北市區營業處", 114)]


def test_dry_run_writes_nothing(tmp_path):
    path = legacy_docs.write(legacy_docs.six_column_layout_a(), tmp_path / "新營.odt")
    db = tmp_path / "lib.sqlite"
    result = run_cli("--db", db, "import", path, "--dry-run")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["office"] == "新營區處" and data["tree"][0]["title"] == "基礎服務"
    assert json.loads(run_cli("--db", db, "list", "--json").stdout) == []
