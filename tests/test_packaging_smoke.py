"""The smoke test itself: it passes against a program that behaves like
PlanDesk (the source tree behind a launcher script) and fails, saying why,
against one that does not. The real bundle is smoke-tested by .ci/bundle."""
import sys

import pytest

from conftest import ROOT
from packaging_helpers import load

smoke = load("smoke_test")


def launcher(tmp_path, body: str):
    script = tmp_path / "plandesk"
    script.write_text(f"#!{sys.executable}\n{body}\n", encoding="utf-8")
    script.chmod(0o755)
    return script


@pytest.mark.skipif(sys.platform == "win32", reason="launcher is a shebang script")
def test_smoke_test_passes_against_the_real_program(tmp_path, capsys):
    exe = launcher(tmp_path, f"import sys; sys.path.insert(0, {str(ROOT)!r})\n"
                             "from desktop.cli import main; sys.exit(main())")
    assert smoke.main(["--exe", str(exe), "--skip-pdf"]) == 0, capsys.readouterr().out
    out = capsys.readouterr().out
    assert "ok   version: PlanDesk" in out and "ok   import + export json" in out
    assert "ok   gui offscreen start and clean exit" in out and "smoke test passed" in out


@pytest.mark.skipif(sys.platform == "win32", reason="launcher is a shebang script")
def test_smoke_test_fails_on_a_wrong_version_and_on_a_missing_build(tmp_path, capsys):
    exe = launcher(tmp_path, "print('PlanDesk 9.9.9')")
    assert smoke.main(["--exe", str(exe)]) == 1
    assert "FAIL --version should print PlanDesk" in capsys.readouterr().out
    assert smoke.main(["--exe", str(tmp_path / "nothing-here")]) == 1
    assert "no built executable" in capsys.readouterr().out


def test_item_titles_are_collected_depth_first():
    tree = [{"title": "基礎服務", "children": [{"title": "一致", "children": [{"title": "流程"}]}]},
            {"title": "資訊公開", "children": []}]
    assert smoke.titles(tree) == ["基礎服務", "一致", "流程", "資訊公開"]
