"""PNG pages of exported documents for the documentation renders in docs/renders,
via poppler's pdftoppm / pdftocairo (a developer tool: the print preview renders
in-process with PDFium, see pdf_pages.py)."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from ..errors import PlanDeskError


def render_pages(pdf: Path, out_dir: Path, dpi: int = 60, first: int = 1, last: int | None = None,
                 prefix: str = "page", gray: bool = False) -> list[Path]:
    """PNG files of pages ``first``..``last`` of ``pdf`` in ``out_dir``, in page order
    (``gray``: 8-bit grey, a third of the size, for renders kept in the repository)."""
    # pdftoppm ignores -gray for PNG; pdftocairo (same poppler package) honours it.
    tool = (gray and shutil.which("pdftocairo")) or shutil.which("pdftoppm")
    if tool is None:
        raise PlanDeskError("找不到 pdftoppm，無法顯示預覽；請安裝 poppler-utils，或直接匯出 PDF 後以其他程式開啟。")
    cmd = [tool, "-png", "-r", str(dpi), "-f", str(first)]
    if last:
        cmd += ["-l", str(last)]
    if gray:
        cmd.append("-gray")
    try:
        subprocess.run(cmd + [str(pdf), str(out_dir / prefix)], check=True, capture_output=True, timeout=120)
    except (subprocess.SubprocessError, OSError) as exc:
        raise PlanDeskError("無法把 PDF 轉成預覽圖片，請直接匯出 PDF 後以其他程式開啟。") from exc
    # pdftoppm pads page numbers to the width of the page count: sort numerically.
    return sorted(out_dir.glob(f"{prefix}-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))


def render_fixture_pages(names: list[str], out_dir: Path, last: int = 2, dpi: int = 60) -> list[Path]:
    """Pages 1..``last`` of each example plan, exported as DOCX and ODT and converted by
    LibreOffice: the documentation renders (``docs/renders/<plan>-<fmt>-<page>.png``)."""
    import tempfile

    from ..exchange import read_plan_file
    from ..paths import data_dir
    from . import export_plan
    from .pdf import convert_to_pdf
    out: list[Path] = []
    for name in names:
        plan = read_plan_file(data_dir("templates") / "plans" / "examples" / f"{name}.json")
        for fmt in ("docx", "odt"):
            with tempfile.TemporaryDirectory() as tmp:
                source = export_plan(plan, fmt, Path(tmp) / f"{name}.{fmt}")
                pdf = convert_to_pdf(source, Path(tmp))
                out += render_pages(pdf, out_dir, dpi, 1, last, prefix=f"{name}-{fmt}", gray=True)
    return out


if __name__ == "__main__":  # python3 -m desktop.export.preview docs/renders hualien-108 taipei-114
    import sys
    for path in render_fixture_pages(sys.argv[2:], Path(sys.argv[1])):
        print(path)
