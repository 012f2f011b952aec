"""PDF through LibreOffice: pages, text layer, the header row on later pages."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from conftest import fixture_path
from desktop.errors import PlanDeskError
from desktop.exchange import read_plan_file
from desktop.export import export_plan

needs_lo = pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftotext")),
                              reason="LibreOffice and poppler are installed by .ci/setup")


def _pdf_text(path, first=None, last=None) -> str:
    cmd = ["pdftotext", "-layout"]
    if first:
        cmd += ["-f", str(first), "-l", str(last or first)]
    return subprocess.run(cmd + [str(path), "-"], capture_output=True, text=True, check=True).stdout


@needs_lo
@pytest.mark.parametrize("via", ["pdf", "docx"])
def test_pdf_pages_text_and_repeated_header(tmp_path, via):
    """``pdf``: the PDF export itself; ``docx``: the DOCX as LibreOffice (like Word) lays it out."""
    from desktop.export.pdf import convert_to_pdf
    plan = read_plan_file(fixture_path("taipei-114"))
    if via == "pdf":
        path = export_plan(plan, "pdf", tmp_path / "plan.pdf")
    else:
        path = convert_to_pdf(export_plan(plan, "docx", tmp_path / "plan.docx"), tmp_path)
    assert path.read_bytes()[:5] == b"%PDF-"
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert 3 <= pages <= 15
    assert "(A4)" in info
    squeeze = lambda s: "".join(s.split())  # noqa: E731 - the text layer wraps lines anywhere
    text = squeeze(_pdf_text(path))
    for node in plan.walk():
        if node.text:
            assert squeeze(node.text)[:12] in text
    for page in range(2, pages + 1):
        page_text = squeeze(_pdf_text(path, page))
        if "持續辦理" in page_text:  # a page holding part of the table repeats its header
            assert all(label[:2] in page_text for label in plan.columns)
            assert page_text.index(plan.columns[2]) < page_text.index("持續辦理")
    assert squeeze(f"第 2 頁，共 {pages} 頁") in squeeze(_pdf_text(path, 2))
    assert not list(tmp_path.glob(".*tmp"))


def test_missing_libreoffice_says_how_to_install(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANDESK_SOFFICE", "")
    target = tmp_path / "plan.pdf"
    target.write_bytes(b"old")
    with pytest.raises(PlanDeskError, match="安裝 LibreOffice"):
        export_plan(read_plan_file(fixture_path("taipei-114")), "pdf", target)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.pdf"]


def test_converter_failure_is_reported(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANDESK_SOFFICE", "false")  # exits 1 without output
    with pytest.raises(PlanDeskError, match="未能產生 PDF"):
        export_plan(read_plan_file(fixture_path("taipei-114")), "pdf", tmp_path / "plan.pdf")
    assert not list(tmp_path.iterdir())


@pytest.mark.skipif(not __import__("sys").platform.startswith("linux"), reason="reads /proc")
def test_hung_converter_is_stopped_by_the_timeout(tmp_path, monkeypatch):
    """Like soffice, the fake launcher starts a child; the timeout ends both."""
    import os
    import time
    from desktop.export import pdf
    fake = tmp_path / "bin" / "soffice"
    fake.parent.mkdir()
    pid_file = tmp_path / "child.pid"
    fake.write_text(f"#!/bin/sh\nsleep 30 &\necho $! > {pid_file}\nwait\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PLANDESK_SOFFICE", str(fake))
    monkeypatch.setattr(pdf, "TIMEOUT_S", 1)
    target = tmp_path / "plan.pdf"
    with pytest.raises(PlanDeskError, match="超過 1 秒"):
        export_plan(read_plan_file(fixture_path("taipei-114")), "pdf", target)
    assert not target.exists()
    child = int(pid_file.read_text())
    for _ in range(50):
        try:
            os.kill(child, 0)
        except ProcessLookupError:
            break
        with open(f"/proc/{child}/stat") as fh:  # killed but not yet reaped by init counts as gone
            if fh.read().split()[2] == "Z":
                break
        time.sleep(0.05)
    else:
        pytest.fail("the converter's child process survived the timeout")


@needs_lo
def test_cli_exports_one_department_as_pdf(tmp_path):
    from conftest import cli_import, run_cli
    db = tmp_path / "lib.sqlite"
    plan_id = cli_import(db, "hualien-108")
    out = tmp_path / "資訊課.pdf"
    result = run_cli("--db", db, "export", plan_id, "--format", "pdf", "--department", "資訊課", "-o", out)
    assert result.returncode == 0, result.stderr
    text = "".join(_pdf_text(out).split())
    assert "資訊課" in text and "收費課" not in text
    plan = read_plan_file(fixture_path("hualien-108"))
    for node in plan.walk():
        if any(d.name == "資訊課" for d in node.departments):
            assert "".join(node.text.split())[:10] in text
