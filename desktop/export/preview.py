"""Page images of an exported PDF (print preview, documentation renders) via poppler's pdftoppm."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from ..errors import PlanDeskError


def render_pages(pdf: Path, out_dir: Path, dpi: int = 60, first: int = 1, last: int | None = None,
                 prefix: str = "page") -> list[Path]:
    """PNG files of pages ``first``..``last`` of ``pdf`` in ``out_dir``, in page order."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise PlanDeskError("找不到 pdftoppm，無法顯示預覽；請安裝 poppler-utils，或直接匯出 PDF 後以其他程式開啟。")
    cmd = [tool, "-png", "-r", str(dpi), "-f", str(first)]
    if last:
        cmd += ["-l", str(last)]
    try:
        subprocess.run(cmd + [str(pdf), str(out_dir / prefix)], check=True, capture_output=True, timeout=120)
    except (subprocess.SubprocessError, OSError) as exc:
        raise PlanDeskError("無法把 PDF 轉成預覽圖片，請直接匯出 PDF 後以其他程式開啟。") from exc
    # pdftoppm pads page numbers to the width of the page count: sort numerically.
    return sorted(out_dir.glob(f"{prefix}-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
