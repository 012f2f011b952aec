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
def test_smoke_test_passes_against_the_real_program(tmp_path, capsys, monkeypatch):
    """Every check, the GUI start included, runs the console program (plandesk-cli.exe):
    the windowed one (here a program that always fails) would hide its output."""
    exe = launcher(tmp_path, f"import sys; sys.path.insert(0, {str(ROOT)!r})\n"
                             "from desktop.cli import main; sys.exit(main())")
    (tmp_path / "windowed").mkdir()
    windowed = launcher(tmp_path / "windowed", "raise SystemExit(3)")
    monkeypatch.setattr(smoke, "executable", lambda console=True: exe if console else windowed)
    assert smoke.main(["--skip-pdf"]) == 0, capsys.readouterr().out
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


def test_pdf_check_finds_libreoffice_the_way_the_program_does(monkeypatch, tmp_path):
    monkeypatch.setenv("PLANDESK_SOFFICE", "")  # the program's own "no LibreOffice here"
    assert smoke.check_pdf(tmp_path / "plandesk", {}, tmp_path, 1) == "skipped (no LibreOffice on this machine)"
    from desktop.export import office_finder
    monkeypatch.setattr(office_finder, "find_soffice", lambda configured=None: r"C:\LO\program\soffice.exe")
    assert smoke.find_libreoffice() == r"C:\LO\program\soffice.exe"


def test_item_titles_are_collected_depth_first():
    tree = [{"title": "基礎服務", "children": [{"title": "一致", "children": [{"title": "流程"}]}]},
            {"title": "資訊公開", "children": []}]
    assert smoke.titles(tree) == ["基礎服務", "一致", "流程", "資訊公開"]
