"""Export a plan (or any plain table) to DOCX, ODT or PDF in the official layout.

Public API:

* :func:`export_plan` — the whole plan in its profile's layout.
* :func:`write_table_document` — a titled document with one table (e.g. the
  新舊對照表), in the same fonts, page setup and footer as the plans.

Both write atomically: a locked or read-only target raises PlanDeskError and
leaves the old file as it was.
"""
from __future__ import annotations

from pathlib import Path

from ..atomic import write_atomic
from ..errors import PlanDeskError
from ..limits import check_plan
from ..model import Plan
from .blocks import Document
from .layout import plan_document, table_document

FORMATS = ("docx", "odt", "pdf")


def _writer(fmt: str, soffice: str | None = None):
    if fmt == "docx":
        from .docx_writer import write_docx
        return write_docx
    if fmt == "odt":
        from .odt_writer import write_odt
        return write_odt
    if fmt == "pdf":
        from .pdf import write_pdf
        return lambda doc, target: write_pdf(doc, target, soffice)
    raise PlanDeskError(f"不支援匯出格式「{fmt}」，請改選 {'、'.join(FORMATS)} 其中之一。")


def write_document(doc: Document, fmt: str, target: str | Path, soffice: str | None = None) -> Path:
    """Render layout blocks to ``target`` atomically in format ``fmt`` (PDF: with the
    LibreOffice program ``soffice`` when given, see :func:`.pdf.find_soffice`)."""
    write = _writer(fmt, soffice)
    return write_atomic(Path(target), lambda tmp: write(doc, tmp))


def export_plan(plan: Plan, fmt: str, target: str | Path, soffice: str | None = None) -> Path:
    """Write ``plan`` as ``fmt`` ("docx", "odt" or "pdf") to ``target``; returns the path."""
    check_plan(plan, Path(target).name)  # what is written must be importable again
    return write_document(plan_document(plan), fmt, target, soffice)


def write_table_document(title: str, headers: list[str], rows: list[list], fmt: str,
                         target: str | Path, profile: str = "taipower",
                         widths: list[float] | None = None, intro: str = "") -> Path:
    """Write a titled one-table document (e.g. 新舊對照表) as ``fmt`` to ``target``.

    ``rows`` are lists of cell texts (shorter rows are padded, a "\\n" starts a new
    paragraph in the cell; a cell may also be a list of paragraphs, each a text or
    a list of ``(text, mark)`` rich runs, mark "" / "underline" / "strike");
    ``widths`` are relative column widths (default equal); ``intro`` is a line
    printed between the title and the table.
    The header row repeats on every page; fonts, page and footer follow ``profile``.
    """
    return write_document(table_document(title, headers, rows, profile, widths, intro), fmt, target)


__all__ = ["FORMATS", "export_plan", "write_document", "write_table_document"]
