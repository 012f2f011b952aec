"""DOCX → PDF through Microsoft Word's COM automation (``ExportAsFixedFormat``), for
Windows PCs that have Word but no LibreOffice.

Word is driven by a PowerShell script rather than pywin32/comtypes: PowerShell is
on every Windows PC and PlanDesk needs no extra dependency. The script goes in as
``-EncodedCommand`` (execution policy applies to script files, not to commands).
Word started through COM is not a child of PowerShell, so the script writes the
new WINWORD.EXE's process id to a file, and a timeout ends that process too.
"""
from __future__ import annotations

import base64
import contextlib
import sys
from pathlib import Path

from ..errors import PlanDeskError
from .office_process import run_converter, taskkill

WORD_HINT = "請確認 Microsoft Word 可以正常開啟，或安裝 LibreOffice 後再匯出 PDF。"
WD_EXPORT_FORMAT_PDF = 17
WD_DO_NOT_SAVE_CHANGES = 0

_SCRIPT = r"""
$ErrorActionPreference = 'Stop'
[Console]::OutputEncoding = [Text.Encoding]::UTF8
$before = @(Get-Process WINWORD -ErrorAction SilentlyContinue | ForEach-Object { $_.Id })
$word = New-Object -ComObject Word.Application
try {
    $new = Get-Process WINWORD -ErrorAction SilentlyContinue | Where-Object { $before -notcontains $_.Id } |
        Select-Object -First 1
    if ($new) { Set-Content -LiteralPath {pid_file} -Value $new.Id }
    $word.Visible = $false
    $word.DisplayAlerts = 0
    # Open(FileName, ConfirmConversions, ReadOnly, AddToRecentFiles)
    $doc = $word.Documents.Open({source}, $false, $true, $false)
    $doc.ExportAsFixedFormat({target}, {pdf_format})
    $doc.Close({no_save})
} finally {
    $word.Quit({no_save})
}
"""


def _ps_literal(text: str) -> str:
    """A PowerShell single-quoted string (nothing inside is expanded)."""
    return "'" + text.replace("'", "''") + "'"


def word_script(source: Path, target: Path, pid_file: Path) -> str:
    """The PowerShell that makes ``target`` from ``source`` with Word."""
    values = {"source": _ps_literal(str(source)), "target": _ps_literal(str(target)),
              "pid_file": _ps_literal(str(pid_file)), "pdf_format": str(WD_EXPORT_FORMAT_PDF),
              "no_save": str(WD_DO_NOT_SAVE_CHANGES)}
    script = _SCRIPT
    for name, value in values.items():
        script = script.replace("{" + name + "}", value)
    return script


def word_command(script: str) -> list[str]:
    encoded = base64.b64encode(script.encode("utf-16-le")).decode("ascii")
    return ["powershell.exe", "-NoProfile", "-NonInteractive", "-EncodedCommand", encoded]


def convert_with_word(source: Path, out_dir: Path, timeout: float) -> Path:
    """Convert the DOCX ``source`` into ``out_dir`` with Word; returns the PDF's path."""
    pdf = out_dir / (source.stem + ".pdf")
    pid_file = out_dir / (source.stem + ".word-pid")
    cmd = word_command(word_script(source.resolve(), pdf.resolve(), pid_file.resolve()))
    returncode, output = run_converter(cmd, timeout, "Microsoft Word", WORD_HINT,
                                       on_timeout=lambda: _end_word(pid_file))
    if returncode != 0 or not pdf.is_file() or pdf.stat().st_size == 0:
        detail = output.decode("utf-8", "replace").strip().splitlines()
        raise PlanDeskError(f"Microsoft Word 未能產生 PDF（{detail[0][:200] if detail else '沒有輸出檔案'}），"
                            "請改匯出 DOCX 後以 Word 開啟另存 PDF。")
    return pdf


def _end_word(pid_file: Path) -> None:
    """End the Word instance the timed-out script started (its id is in ``pid_file``)."""
    with contextlib.suppress(OSError, ValueError):
        pid = int(pid_file.read_text(encoding="utf-8-sig").strip())
        if sys.platform == "win32":
            taskkill(pid)
