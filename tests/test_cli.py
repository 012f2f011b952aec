"""The stable command line, run as a real subprocess."""
import json

from conftest import fixture_json, fixture_path, run_cli


def test_version():
    result = run_cli("--version")
    assert result.returncode == 0 and result.stdout.startswith("PlanDesk ")


def test_import_list_export_search(tmp_path):
    db = tmp_path / "lib.sqlite"
    ids = []
    for name in ("hualien-108", "taipei-114"):
        result = run_cli("--db", db, "import", fixture_path(name))
        assert result.returncode == 0, result.stderr
        ids.append(int(result.stdout.strip().splitlines()[-1]))
    listed = json.loads(run_cli("--db", db, "list", "--json").stdout)
    assert [(p["id"], p["office"], p["year"], p["status"]) for p in listed] == \
        [(ids[1], "台北市區營業處", 114, "草稿"), (ids[0], "花蓮區營業處", 108, "草稿")]
    plain = run_cli("--db", db, "list").stdout.splitlines()
    assert plain[0].split("\t")[:3] == [str(ids[1]), "台北市區營業處", "114"]

    out = tmp_path / "out.json"
    result = run_cli("--db", db, "export", ids[0], "--format", "json", "-o", out)
    assert result.returncode == 0, result.stderr
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert exported["title"] == fixture_json("hualien-108")["title"]
    assert len(exported["tree"]) == 5

    hits = json.loads(run_cli("--db", db, "search", "帳單", "--json").stdout)
    assert hits and {h["plan_id"] for h in hits} == set(ids)
    assert all("帳單" in h["snippet"] for h in hits)


def test_department_export_keeps_only_that_department(tmp_path):
    db = tmp_path / "lib.sqlite"
    plan_id = run_cli("--db", db, "import", fixture_path("xinying-111")).stdout.split()[-1]
    out = tmp_path / "dept.json"
    assert run_cli("--db", db, "export", plan_id, "--format", "json", "--department", "人資組",
                   "-o", out).returncode == 0
    data = json.loads(out.read_text(encoding="utf-8"))

    def items(nodes):
        for n in nodes:
            if not n["children"]:
                yield n
            yield from items(n["children"])
    leaves = list(items(data["tree"]))
    assert leaves and all(any((d if isinstance(d, str) else d["name"]) == "人資組"
                              for d in n["departments"]) for n in leaves)


def test_errors_are_one_sentence_exit_2(tmp_path):
    db = tmp_path / "lib.sqlite"
    bad = tmp_path / "壞掉.json"
    bad.write_text('{"format": "plandesk-plan/1", ', encoding="utf-8")
    result = run_cli("--db", db, "import", bad)
    assert result.returncode == 2
    assert "壞掉.json" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert json.loads(run_cli("--db", db, "list", "--json").stdout) == []

    missing = run_cli("--db", db, "export", "99", "--format", "json", "-o", tmp_path / "x.json")
    assert missing.returncode == 2 and "99" in missing.stderr and "Traceback" not in missing.stderr

    not_db = tmp_path / "word.sqlite"
    not_db.write_bytes(b"PK\x03\x04 not a database")
    result = run_cli("--db", not_db, "list")
    assert result.returncode == 2 and "不是 PlanDesk 計畫庫" in result.stderr
    assert not_db.read_bytes() == b"PK\x03\x04 not a database"

    debug = run_cli("--db", not_db, "--debug", "list")
    assert "Traceback" in debug.stderr


def test_default_library_is_created_with_demo_plans(tmp_path):
    env = {"XDG_DATA_HOME": str(tmp_path / "data")}
    listed = json.loads(run_cli("list", "--json", env=env).stdout)
    assert {p["office"] for p in listed} == {"花蓮區營業處", "台北市區營業處", "新營區處"}
    assert (tmp_path / "data" / "PlanDesk" / "PlanDesk" / "library.sqlite").is_file()
    # a second start does not load them again
    assert len(json.loads(run_cli("list", "--json", env=env).stdout)) == 3


def test_export_to_locked_target_keeps_old_file(tmp_path):
    db = tmp_path / "lib.sqlite"
    plan_id = run_cli("--db", db, "import", fixture_path("taipei-114")).stdout.split()[-1]
    target = tmp_path / "plan.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o444)
    result = run_cli("--db", db, "export", plan_id, "--format", "json", "-o", target)
    assert result.returncode == 2 and "唯讀" in result.stderr
    assert target.read_text(encoding="utf-8") == "old"


def test_gui_that_cannot_load_qt_says_so_in_one_sentence(tmp_path):
    fake = tmp_path / "fake" / "PySide6"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text(
        'raise ImportError("libEGL.so.1: cannot open shared object file")\n', encoding="utf-8")
    for args in ([], ["gui"]):
        result = run_cli("--db", tmp_path / "lib.sqlite", *args, env={"PYTHONPATH": str(tmp_path / "fake")})
        assert result.returncode == 2
        assert result.stderr.count("\n") == 1 and "無法載入圖形介面元件" in result.stderr
        assert "libEGL" in result.stderr and "Traceback" not in result.stderr
