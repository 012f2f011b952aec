"""PDF through LibreOffice headless: the ODT rendering converted by ``soffice``.

Each run gets its own temporary LibreOffice profile (``-env:UserInstallation``),
so a LibreOffice the clerk has open, or a second export at the same time, does
not block the conversion; a timeout stops a hung converter.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from ..errors import PlanDeskError
from .blocks import Document

TIMEOUT_S = 180
INSTALL_HINT = ("請先安裝 LibreOffice（Windows／macOS 由 https://zh-tw.libreoffice.org 下載；"
                "Debian／Ubuntu 執行 sudo apt-get install libreoffice-writer），再重新匯出 PDF。")
_CANDIDATES = ("soffice", "libreoffice",
               r"C:\Program Files\LibreOffice\program\soffice.exe",
               "/Applications/LibreOffice.app/Contents/MacOS/soffice")


def find_soffice() -> str | None:
    """The LibreOffice program, or None. ``PLANDESK_SOFFICE`` overrides the search."""
    override = os.environ.get("PLANDESK_SOFFICE")
    if override is not None:
        return override if override and shutil.which(override) else None
    for name in _CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def convert_to_pdf(source: Path, out_dir: Path, timeout: float | None = None) -> Path:
    """Convert ``source`` (DOCX/ODT) into ``out_dir``; returns the PDF's path.
    ``timeout`` defaults to :data:`TIMEOUT_S` seconds."""
    timeout = TIMEOUT_S if timeout is None else timeout
    soffice = find_soffice()
    if soffice is None:
        raise PlanDeskError("找不到 LibreOffice，無法產生 PDF；" + INSTALL_HINT)
    with tempfile.TemporaryDirectory(prefix="plandesk-lo-") as profile_dir:
        cmd = [soffice, f"-env:UserInstallation={Path(profile_dir).as_uri()}", "--headless",
               "--norestore", "--convert-to", "pdf", "--outdir", str(out_dir), str(source)]
        returncode, output = _run(cmd, timeout)
    pdf = out_dir / (source.stem + ".pdf")
    if returncode != 0 or not pdf.is_file() or pdf.stat().st_size == 0:
        detail = output.decode("utf-8", "replace").strip()[:200]
        raise PlanDeskError(f"LibreOffice 未能產生 PDF（{detail or '沒有輸出檔案'}），"
                            "請改匯出 ODT 後以 LibreOffice 開啟另存 PDF。")
    return pdf


def _run(cmd: list[str], timeout: float) -> tuple[int, bytes]:
    """Run the converter in its own process group, so a timeout also ends the
    soffice.bin it starts (killing only the launcher would leave it running)."""
    extra = ({"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP} if os.name == "nt"
             else {"start_new_session": True})
    try:
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, **extra)
    except OSError as exc:
        raise PlanDeskError(f"無法啟動 LibreOffice（{exc.strerror}）；" + INSTALL_HINT) from exc
    try:
        output, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        if os.name == "nt":
            proc.kill()
        else:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise PlanDeskError(f"LibreOffice 超過 {int(timeout)} 秒仍未完成 PDF 轉檔，"
                            "請關閉其他 LibreOffice 視窗後再試，或改匯出 ODT。") from exc
    return proc.returncode, output or b""


def write_pdf(doc: Document, target: Path) -> None:
    """Write ``doc`` as PDF to ``target`` (callers make it atomic)."""
    from .odt_writer import write_odt
    with tempfile.TemporaryDirectory(prefix="plandesk-pdf-") as tmp:
        source = Path(tmp) / "plan.odt"
        write_odt(doc, source)
        pdf = convert_to_pdf(source, Path(tmp))
        shutil.copyfile(pdf, target)
