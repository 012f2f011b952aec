"""Documents re-saved by LibreOffice, as a department would (Word-like round trips):
through the program's own converter (throw-away profile, timeout, output checked)."""
from __future__ import annotations

from pathlib import Path

from desktop.export.pdf import convert_document, find_soffice

SOFFICE = find_soffice()


def resave(sources: list[Path], fmt: str, folder: Path) -> list[Path]:
    """Each of ``sources`` opened and saved as ``fmt`` (docx, odt) into ``folder/<fmt>``."""
    out = Path(folder) / f"resaved-{fmt}"
    out.mkdir(parents=True, exist_ok=True)
    return [convert_document(Path(source), out, fmt) for source in sources]
