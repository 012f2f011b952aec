"""預覽列印: the plan exported to a temporary PDF (LibreOffice, or Word) and shown page by page.

QtPdf is not part of PySide6-Essentials, so pages are rendered in-process by PDFium
(:mod:`desktop.export.pdf_pages`, no poppler needed on any OS) and shown in a
scroll area. Each zoom renders afresh at the screen's device pixel ratio, so text
stays sharp on HiDPI screens. What is shown is exactly the PDF that 另存 PDF
writes and 列印 sends to the printer.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPixmap
from PySide6.QtWidgets import (QComboBox, QDialog, QFileDialog, QHBoxLayout, QLabel,
                               QPushButton, QScrollArea, QVBoxLayout, QWidget)

from ..atomic import write_atomic
from ..errors import PlanDeskError
from ..export import export_plan
from ..export.pdf import INSTALL_HINT, pdf_available, temporary_folder
from ..export.pdf_pages import PageImage, iter_pages, render_pages
from ..model import Plan
from . import dialogs
from .busy import Cancelled, run_busy
from .export_dialog import default_file_name
from .settings_dialog import configured_soffice

PREVIEW_DPI = 96
PRINT_DPI = 180  # sharp enough for 12 pt 楷書; 300 would take seconds per page
ZOOMS = [50, 75, 100, 125, 150]


def screen_ratio(widget) -> float:
    """Device pixels per logical pixel of the screen ``widget`` is on (at least 1)."""
    screen = widget.screen() if widget is not None else QGuiApplication.primaryScreen()
    return max(1.0, screen.devicePixelRatio()) if screen is not None else 1.0


class PrintPreview(QDialog):
    """Pages of ``plan`` as printed; raises PlanDeskError when no PDF can be made."""

    def __init__(self, plan: Plan, parent=None):
        super().__init__(parent)
        self.plan = plan
        self._tmp = temporary_folder("plandesk-preview-")
        self.folder = Path(self._tmp.name)
        # render for the screen's real pixels: sharp text on a 150 %/200 % display
        self.ratio = screen_ratio(parent)
        soffice, ratio = configured_soffice(), self.ratio
        try:
            self.pdf, first_pages = run_busy(parent, self.tr("正在產生預覽…"),
                                             lambda: self._make_pages(soffice, ratio),
                                             cancellable=True)  # pages go to a temporary folder
        except PlanDeskError:
            self._tmp.cleanup()
            raise
        self.pixmaps = [self._pixmap(page, ratio) for page in first_pages]
        self._rendered_at = (1.0, ratio)  # (zoom, device pixel ratio) of self.pixmaps
        self.setWindowTitle(self.tr("預覽列印 — {0}").format(plan.title or plan.office))
        self.resize(900, 1000)

        self.pages_box = QVBoxLayout()
        self.pages_box.setSpacing(16)
        self.page_labels: list[QLabel] = []
        for _ in self.pixmaps:
            label = QLabel()
            label.setAlignment(Qt.AlignCenter)
            label.setStyleSheet("background: white; color: black; border: 1px solid #999;")
            self.page_labels.append(label)
            self.pages_box.addWidget(label, 0, Qt.AlignHCenter)
        holder = QWidget()
        holder.setLayout(self.pages_box)
        holder.setStyleSheet("background: #808080; color: white;")
        self.scroll = QScrollArea()
        self.scroll.setWidget(holder)
        self.scroll.setWidgetResizable(True)

        self.zoom_combo = QComboBox()
        for zoom in ZOOMS:
            self.zoom_combo.addItem(f"{zoom}%", zoom)
        self.zoom_combo.setCurrentIndex(ZOOMS.index(100))
        self.zoom_combo.currentIndexChanged.connect(self.apply_zoom)
        self.count_label = QLabel(self.tr("共 {0} 頁").format(len(self.pixmaps)))
        save = QPushButton(self.tr("另存 PDF…"))
        save.clicked.connect(self.save_pdf)
        print_button = QPushButton(self.tr("列印…"))
        print_button.clicked.connect(self.print_pages)
        close = QPushButton(self.tr("關閉"))
        close.clicked.connect(self.accept)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("縮放：")))
        bar.addWidget(self.zoom_combo)
        bar.addWidget(self.count_label)
        bar.addStretch(1)
        for button in (save, print_button, close):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.scroll, 1)
        self.apply_zoom()

    def _make_pages(self, soffice: str | None, ratio: float) -> tuple[Path, list[PageImage]]:
        """Export and render at 100 % (in a worker thread: no Qt here)."""
        pdf = export_plan(self.plan, "pdf", self.folder / "preview.pdf", soffice)
        return pdf, render_pages(pdf, PREVIEW_DPI * ratio)

    @staticmethod
    def _pixmap(page: PageImage, ratio: float) -> QPixmap:
        """``page`` as a pixmap of ``ratio`` device pixels per logical pixel."""
        pixmap = QPixmap.fromImage(_image(page))  # copies the pixels
        pixmap.setDevicePixelRatio(ratio)
        return pixmap

    def apply_zoom(self) -> None:
        """Show the pages at the chosen zoom, rendered afresh (not scaled: text stays sharp)
        at the screen's device pixel ratio (HiDPI: 2 device pixels per logical pixel)."""
        wanted = (self.zoom_combo.currentData() / 100, self.ratio)
        if wanted != self._rendered_at:
            zoom, ratio = wanted
            self.pixmaps = [self._pixmap(page, ratio) for page in
                            iter_pages(self.pdf, PREVIEW_DPI * zoom * ratio)]
            self._rendered_at = wanted
        for label, pixmap in zip(self.page_labels, self.pixmaps):
            label.setPixmap(pixmap)
            label.setFixedSize(pixmap.deviceIndependentSize().toSize())

    def event(self, event) -> bool:
        if event.type() == QEvent.DevicePixelRatioChange:  # moved to a screen with another scale
            self.ratio = screen_ratio(self)
            self.apply_zoom()
        return super().event(event)

    def save_pdf(self, target: str | None = None) -> Path | None:
        """Copy the previewed PDF to a file the clerk picks (atomic, like every export)."""
        if not target:
            suggested = str(Path.home() / default_file_name(self.plan, None, "pdf"))
            target, _ = QFileDialog.getSaveFileName(self, self.tr("另存 PDF"), suggested,
                                                    self.tr("PDF 文件 (*.pdf)"))
            if not target:
                return None
        try:
            return write_atomic(Path(target), lambda tmp: shutil.copyfile(self.pdf, tmp))
        except PlanDeskError as exc:
            dialogs.show_error(self, exc.message)
            return None

    def print_pages(self, printer=None) -> bool:
        """Print every page image at printer resolution (asks for the printer unless given one)."""
        from PySide6.QtGui import QPainter
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter
        if printer is None:
            printer = QPrinter(QPrinter.HighResolution)
            if QPrintDialog(printer, self).exec() != QDialog.Accepted:
                return False
        try:
            painter = QPainter()
            if not painter.begin(printer):
                raise PlanDeskError(self.tr("無法開始列印，請確認印表機已連線後再試。"))
            for index in range(len(self.pixmaps)):
                # one page at a time: 15 pages at 180 dpi would hold ~200 MB at once
                page, = run_busy(self, self.tr("正在準備列印第 {0} 頁…").format(index + 1),
                                 lambda: render_pages(self.pdf, PRINT_DPI, [index]))
                if index:
                    printer.newPage()
                image = _image(page)
                area = painter.viewport()
                size = image.size().scaled(area.size(), Qt.KeepAspectRatio)
                painter.setViewport(area.x(), area.y(), size.width(), size.height())
                painter.setWindow(image.rect())
                painter.drawImage(0, 0, image)
                painter.setViewport(area)
            painter.end()
            return True
        except PlanDeskError as exc:
            dialogs.show_error(self, exc.message)
            return False

    def done(self, result: int) -> None:
        super().done(result)
        self._tmp.cleanup()


def _image(page: PageImage) -> QImage:
    """A QImage over ``page``'s pixels (valid while ``page`` is)."""
    return QImage(page.pixels, page.width, page.height, page.stride, QImage.Format_RGBX8888)


def run_print_preview(parent, plan: Plan) -> None:
    """Show the print preview of ``plan``; without LibreOffice (or Word), one clear message instead."""
    if not pdf_available(configured_soffice()):
        raise PlanDeskError("預覽列印需要 LibreOffice 產生 PDF；" + INSTALL_HINT)
    try:
        preview = PrintPreview(plan, parent)
    except Cancelled:
        return  # the clerk stopped waiting: nothing to show, nothing to say
    preview.exec()
