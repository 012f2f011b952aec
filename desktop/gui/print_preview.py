"""預覽列印: the plan exported to a temporary PDF (LibreOffice) and shown page by page.

QtPdf is not part of PySide6-Essentials, so pages are rendered to images with
poppler's pdftoppm and shown in a scroll area. What is shown is exactly the PDF
that 另存 PDF writes and 列印 sends to the printer.
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import (QComboBox, QDialog, QFileDialog, QHBoxLayout, QLabel,
                               QPushButton, QScrollArea, QVBoxLayout, QWidget)

from ..atomic import write_atomic
from ..errors import PlanDeskError
from ..export import export_plan
from ..export.pdf import INSTALL_HINT, find_soffice
from ..export.preview import render_pages
from ..model import Plan
from . import dialogs
from .busy import run_busy
from .export_dialog import default_file_name

PREVIEW_DPI = 96
PRINT_DPI = 180  # sharp enough for 12 pt 楷書; 300 would take seconds per page
ZOOMS = [50, 75, 100, 125, 150]


def screen_ratio(parent) -> float:
    """Device pixels per logical pixel of the screen the preview opens on (at least 1)."""
    screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
    return max(1.0, screen.devicePixelRatio()) if screen is not None else 1.0


class PrintPreview(QDialog):
    """Pages of ``plan`` as printed; raises PlanDeskError when no PDF can be made."""

    def __init__(self, plan: Plan, parent=None):
        super().__init__(parent)
        self.plan = plan
        self._tmp = tempfile.TemporaryDirectory(prefix="plandesk-preview-")
        self.folder = Path(self._tmp.name)
        # render for the screen's real pixels: sharp text on a 150 %/200 % display
        self.ratio = screen_ratio(parent)
        try:
            self.pdf, self.page_files = run_busy(parent, self.tr("正在以 LibreOffice 產生預覽…"), self._make_pages)
        except PlanDeskError:
            self._tmp.cleanup()
            raise
        self.pixmaps = [QPixmap(str(p)) for p in self.page_files]
        for pixmap in self.pixmaps:
            pixmap.setDevicePixelRatio(self.ratio)
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

    def _make_pages(self) -> tuple[Path, list[Path]]:
        """Export and render (in a worker thread: no Qt here)."""
        pdf = export_plan(self.plan, "pdf", self.folder / "preview.pdf")
        return pdf, render_pages(pdf, self.folder, round(PREVIEW_DPI * self.ratio))

    def apply_zoom(self) -> None:
        zoom = self.zoom_combo.currentData() / 100
        for label, pixmap in zip(self.page_labels, self.pixmaps):
            scaled = pixmap.scaledToWidth(int(pixmap.width() * zoom), Qt.SmoothTransformation)
            scaled.setDevicePixelRatio(self.ratio)
            label.setPixmap(scaled)
            label.setFixedSize(scaled.deviceIndependentSize().toSize())

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
            sharp = run_busy(self, self.tr("正在準備列印…"),
                             lambda: render_pages(self.pdf, self.folder, PRINT_DPI, prefix="print"))
            painter = QPainter()
            if not painter.begin(printer):
                raise PlanDeskError(self.tr("無法開始列印，請確認印表機已連線後再試。"))
            for index, path in enumerate(sharp):
                if index:
                    printer.newPage()
                image = QPixmap(str(path))
                area = painter.viewport()
                size = image.size().scaled(area.size(), Qt.KeepAspectRatio)
                painter.setViewport(area.x(), area.y(), size.width(), size.height())
                painter.setWindow(image.rect())
                painter.drawPixmap(0, 0, image)
                painter.setViewport(area)
            painter.end()
            return True
        except PlanDeskError as exc:
            dialogs.show_error(self, exc.message)
            return False

    def done(self, result: int) -> None:
        super().done(result)
        self._tmp.cleanup()


def run_print_preview(parent, plan: Plan) -> None:
    """Show the print preview of ``plan``; without LibreOffice, one clear message instead."""
    if find_soffice() is None:
        raise PlanDeskError("預覽列印需要 LibreOffice 產生 PDF；" + INSTALL_HINT)
    PrintPreview(plan, parent).exec()
