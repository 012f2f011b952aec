"""Pages of a PDF as pixels, rendered in-process by PDFium (pypdfium2).

The same code on every OS: the Windows bundle has no poppler, and pypdfium2's
wheels carry their own pdfium library. No Qt here; the GUI wraps the pixels in a
QImage. PDFium is not thread-safe: render from one thread at a time.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import PlanDeskError

POINTS_PER_INCH = 72


@dataclass(frozen=True)
class PageImage:
    """One rendered page: ``width``×``height`` pixels of 4 bytes (R, G, B, unused),
    ``stride`` bytes per row."""
    width: int
    height: int
    stride: int
    pixels: bytes


def _open(pdf: Path):
    import pypdfium2
    try:
        return pypdfium2.PdfDocument(str(pdf))
    except (pypdfium2.PdfiumError, OSError) as exc:
        raise PlanDeskError("無法讀取預覽用的 PDF，請直接匯出 PDF 後以其他程式開啟。") from exc


def page_count(pdf: Path) -> int:
    document = _open(pdf)
    try:
        return len(document)
    finally:
        document.close()


def render_pages(pdf: Path, dpi: float, pages: list[int] | None = None) -> list[PageImage]:
    """Pages ``pages`` (0-based; default all) of ``pdf`` at ``dpi`` pixels per inch."""
    return list(iter_pages(pdf, dpi, pages))


def iter_pages(pdf: Path, dpi: float, pages: list[int] | None = None) -> Iterator[PageImage]:
    """Like :func:`render_pages`, one page at a time: a caller that converts each page
    (to a pixmap) holds one page's pixels twice, not the whole document's."""
    document = _open(pdf)
    try:
        wanted = range(len(document)) if pages is None else pages
        for index in wanted:
            yield _render(document[index], dpi)
    finally:
        document.close()


def _render(page, dpi: float) -> PageImage:
    try:
        # RGBx: 4-byte pixels map straight onto QImage.Format_RGBX8888
        bitmap = page.render(scale=dpi / POINTS_PER_INCH, prefer_bgrx=True, rev_byteorder=True)
        return PageImage(bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer))
    finally:
        page.close()
