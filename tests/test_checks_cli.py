"""plandesk check: findings as text or JSON, exit 0 even with findings."""
import json

from conftest import cli_import, run_cli


def test_cli_check_after_clone(tmp_path):
    db = tmp_path / "cli.sqlite"
    source = cli_import(db, "taipei-114")
    new_id = run_cli("--db", db, "clone", source, "--year", "115").stdout.strip().splitlines()[-1]
    res = run_cli("--db", db, "check", new_id, "--json")
    assert res.returncode == 0, res.stderr
    findings = json.loads(res.stdout)
    assert all(set(f) >= {"rule", "severity", "location", "message"} for f in findings)
    letter = [f for f in findings if f["rule"] == "letter-repeat"]
    assert letter and letter[0]["location"] == "壹、計畫依據 第1段" and letter[0]["severity"] == "錯誤"
    text = run_cli("--db", db, "check", new_id)
    assert text.returncode == 0 and "請更新本年度來函文號" in text.stdout
    missing = run_cli("--db", db, "check", "77")
    assert missing.returncode == 2 and "沒有編號 77" in missing.stderr
