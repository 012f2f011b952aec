"""Print-preview figures (issue 11): PDFium renders every page in-process. A zoom
change re-renders all pages on the GUI thread: a usual plan (6–15 pages) must
take well under a second, hence the per-page targets; printing renders one page
at a time at 180 dpi."""
from __future__ import annotations

import tempfile
from pathlib import Path

from common import Result, best_of, hualien, times_ten

from desktop.export import export_plan
from desktop.export.pdf import find_soffice
from desktop.export.pdf_pages import page_count, render_pages


def run() -> list[Result]:
    if not find_soffice():
        return [Result("print preview: skipped (no LibreOffice to make the PDF)", 0, None)]
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for label, plan in (("hualien-108", hualien()), ("10x plan", times_ten())):
            pdf = export_plan(plan, "pdf", Path(tmp) / "plan.pdf")
            pages = page_count(pdf)
            results.append(Result(f"preview {label}: pages", pages, None, "pp"))
            for dpi, what, target in ((96, "100% zoom", 0.05), (192, "100% zoom, HiDPI x2", 0.1)):
                seconds = best_of(lambda: render_pages(pdf, dpi), 3)
                results.append(Result(f"preview {label}: all pages at {what} ({dpi} dpi)", seconds, None))
                results.append(Result(f"preview {label}: per page at {what}", seconds / pages, target))
            per_page = best_of(lambda: render_pages(pdf, 180, [0]), 3)
            results.append(Result(f"print {label}: one page at 180 dpi", per_page, 0.3))
    return results
