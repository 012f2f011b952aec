"""PDF through LibreOffice headless (the ODT rendering converted by ``soffice``), or,
on a Windows PC with Word but no LibreOffice, the DOCX rendering printed by Word.

Each LibreOffice run gets its own temporary profile (``-env:UserInstallation``),
so a LibreOffice the clerk has open, or a second export at the same time, does
not block the conversion; a timeout stops a hung converter and what it started.
Where the programs are: :mod:`.office_finder`; how they are started: :mod:`.office_process`.
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from ..errors import PlanDeskError
from ..limits import pdf_timeout
from .blocks import Document
from .office_finder import find_soffice, find_word
from .office_process import run_converter

TIMEOUT_S = 180
INSTALL_HINT = ("請先安裝 LibreOffice（Windows／macOS 由 https://zh-tw.libreoffice.org 下載；"
                "Debian／Ubuntu 執行 sudo apt-get install libreoffice-writer），"
                "或在「設定」指定 LibreOffice 程式，再重新匯出 PDF。")


def temporary_folder(prefix: str) -> tempfile.TemporaryDirectory:
    """A temporary folder whose failed cleanup (a file still held by a virus scanner or
    a converter that has not quite exited) never hides the real result or error."""
    return tempfile.TemporaryDirectory(prefix=prefix, ignore_cleanup_errors=True)


def convert_to_pdf(source: Path, out_dir: Path, timeout: float | None = None,
                   soffice: str | None = None) -> Path:
    """Convert ``source`` (DOCX/ODT) with LibreOffice into ``out_dir``; returns the PDF's
    path. ``timeout`` defaults to :data:`TIMEOUT_S` seconds; ``soffice`` is the program
    the clerk picked (found automatically when None or gone)."""
    return convert_document(source, out_dir, "pdf", timeout, soffice)


def convert_document(source: Path, out_dir: Path, fmt: str, timeout: float | None = None,
                     soffice: str | None = None) -> Path:
    """``source`` opened and saved as ``fmt`` (pdf, docx, odt) by LibreOffice into
    ``out_dir`` (not the source's own folder), in a throw-away profile, with a
    timeout; the output is checked to exist (exit code 0 does not prove it)."""
    timeout = TIMEOUT_S if timeout is None else timeout
    program = find_soffice(soffice)
    if program is None:
        raise PlanDeskError("找不到 LibreOffice，無法產生 PDF；" + INSTALL_HINT)
    with temporary_folder("plandesk-lo-") as profile_dir:
        cmd = [program, f"-env:UserInstallation={Path(profile_dir).as_uri()}", "--headless",
               "--norestore", "--convert-to", fmt, "--outdir", str(out_dir), str(source)]
        returncode, output = run_converter(cmd, timeout, "LibreOffice", INSTALL_HINT)
    result = out_dir / f"{source.stem}.{fmt}"
    if returncode != 0 or not result.is_file() or result.stat().st_size == 0:
        detail = output.decode("utf-8", "replace").strip()[:200]
        raise PlanDeskError(f"LibreOffice 未能產生 {fmt.upper()}（{detail or '沒有輸出檔案'}），"
                            f"請改匯出 ODT 後以 LibreOffice 開啟另存 {fmt.upper()}。")
    return result


def pdf_available(soffice: str | None = None) -> bool:
    """Whether this PC can make a PDF (LibreOffice, or Word on Windows)."""
    return find_soffice(soffice) is not None or find_word()


def write_pdf(doc: Document, target: Path, soffice: str | None = None) -> None:
    """Write ``doc`` as PDF to ``target`` (callers make it atomic); ``soffice`` as in
    :func:`convert_to_pdf`."""
    program = find_soffice(soffice)  # looked up once (on Windows: registry and Program Files)
    with temporary_folder("plandesk-pdf-") as tmp:
        if program is None and find_word():
            from .docx_writer import write_docx
            from .word_pdf import convert_with_word
            source = Path(tmp) / "plan.docx"
            write_docx(doc, source)
            pdf = convert_with_word(source, Path(tmp), pdf_timeout(source.stat().st_size, TIMEOUT_S))
        else:
            from .odt_writer import write_odt
            source = Path(tmp) / "plan.odt"
            write_odt(doc, source)
            pdf = convert_to_pdf(source, Path(tmp), timeout=pdf_timeout(source.stat().st_size, TIMEOUT_S),
                                 soffice=program)
        shutil.copyfile(pdf, target)
