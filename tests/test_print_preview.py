"""預覽列印 without poppler: pages rendered in-process by PDFium, sharp on HiDPI screens;
the 設定 dialog that picks the LibreOffice program."""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from conftest import fixture_path
from desktop.exchange import read_plan_file
from gui_helpers import Dialogs

POPPLER = ("pdftoppm", "pdftocairo", "pdftotext", "pdfinfo")


def make_pdf(path: Path, pages: int = 2) -> Path:
    """A small A4 PDF drawn by Qt: page n has a black 1×1 inch square n inches from the left."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QColor, QPageSize, QPainter, QPdfWriter
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.A4))
    writer.setResolution(72)
    writer.setPageMargins(writer.pageLayout().margins() * 0)
    painter = QPainter(writer)
    for page in range(pages):
        if page:
            writer.newPage()
        painter.fillRect(QRect(72 * (page + 1), 72, 72, 72), QColor("black"))
    painter.end()
    return path


def test_pdf_pages_render_in_process_at_the_asked_resolution(qapp, tmp_path):
    from desktop.export.pdf_pages import page_count, render_pages
    pdf = make_pdf(tmp_path / "two.pdf")
    assert page_count(pdf) == 2
    pages = render_pages(pdf, 144)
    assert [(p.width, p.height) for p in pages] == [(1190, 1684)] * 2  # Qt's A4: 595×842 pt
    first, second = pages

    def pixel(page, x, y):  # RGBx
        offset = y * page.stride + x * 4
        return tuple(page.pixels[offset:offset + 3])
    inside_first, inside_second = (144 * 1 + 72, 144 + 72), (144 * 2 + 72, 144 + 72)
    assert pixel(first, *inside_first) == (0, 0, 0) and pixel(first, *inside_second) == (255, 255, 255)
    assert pixel(second, *inside_second) == (0, 0, 0) and pixel(second, *inside_first) == (255, 255, 255)
    only_second, = render_pages(pdf, 72, [1])
    assert (only_second.width, only_second.height) == (595, 842)


def test_a_broken_pdf_is_one_clear_sentence(tmp_path):
    from desktop.errors import PlanDeskError
    from desktop.export.pdf_pages import render_pages
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 not really")
    with pytest.raises(PlanDeskError, match="無法讀取預覽用的 PDF"):
        render_pages(broken, 96)


@pytest.fixture
def preview_of_test_pdf(monkeypatch, tmp_path):
    """PrintPreview over a Qt-drawn PDF instead of LibreOffice's (the dialog's own logic is tested)."""
    from desktop.gui import print_preview

    def export(plan, fmt, target, soffice=None):
        assert fmt == "pdf"
        return make_pdf(Path(target), pages=3)
    monkeypatch.setattr(print_preview, "export_plan", export)
    return print_preview


@pytest.mark.parametrize("ratio", [1.0, 2.0])
def test_preview_pixmaps_have_device_pixels_for_the_screen_and_rerender_on_zoom(
        qtbot, monkeypatch, preview_of_test_pdf, ratio):
    PrintPreview = preview_of_test_pdf.PrintPreview
    monkeypatch.setattr(preview_of_test_pdf, "screen_ratio", lambda widget: ratio)
    preview = PrintPreview(read_plan_file(fixture_path("taipei-114")))
    qtbot.addWidget(preview)
    a4_at_96 = (round(595 * 96 / 72), round(842 * 96 / 72))
    assert len(preview.page_labels) == 3
    # what the labels get (QLabel.pixmap() hands back a copy for the offscreen screen's ratio 1)
    for label, pixmap in zip(preview.page_labels, preview.pixmaps, strict=True):
        assert pixmap.devicePixelRatio() == ratio
        assert abs(pixmap.width() - a4_at_96[0] * ratio) <= 1  # device pixels
        assert abs(label.width() - a4_at_96[0]) <= 1  # logical size: same on every screen
    preview.zoom_combo.setCurrentIndex(preview.zoom_combo.findData(150))
    pixmap = preview.pixmaps[0]
    assert abs(pixmap.width() - a4_at_96[0] * 1.5 * ratio) <= 1  # rendered afresh, not scaled up
    assert abs(preview.page_labels[0].width() - a4_at_96[0] * 1.5) <= 1
    preview.reject()


def test_preview_renders_again_when_moved_to_a_screen_with_another_scale(qtbot, monkeypatch, preview_of_test_pdf):
    from PySide6.QtCore import QCoreApplication, QEvent
    PrintPreview = preview_of_test_pdf.PrintPreview
    ratio = [1.0]
    monkeypatch.setattr(preview_of_test_pdf, "screen_ratio", lambda widget: ratio[0])
    preview = PrintPreview(read_plan_file(fixture_path("taipei-114")))
    qtbot.addWidget(preview)
    width = preview.pixmaps[0].width()
    ratio[0] = 1.5  # e.g. dragged from a 100 % to a 150 % monitor
    QCoreApplication.sendEvent(preview, QEvent(QEvent.DevicePixelRatioChange))
    assert preview.pixmaps[0].devicePixelRatio() == 1.5
    assert abs(preview.pixmaps[0].width() - width * 1.5) <= 1
    assert abs(preview.page_labels[0].width() - width) <= 1
    preview.reject()


def _path_without_poppler(tmp_path) -> str:
    """A PATH folder holding everything of /usr/bin except poppler's tools."""
    folder = tmp_path / "bin-without-poppler"
    folder.mkdir()
    for entry in os.scandir("/usr/bin"):
        if entry.name not in POPPLER:
            (folder / entry.name).symlink_to(entry.path)
    return str(folder)


@pytest.mark.skipif(not (sys.platform.startswith("linux") and shutil.which("soffice")),
                    reason="LibreOffice is installed by .ci/setup; PATH is rebuilt from /usr/bin")
def test_print_preview_works_with_no_poppler_on_path(qtbot, tmp_path, monkeypatch):
    from desktop.gui.print_preview import PrintPreview
    from desktop.export.pdf_pages import page_count
    Dialogs(monkeypatch)
    monkeypatch.setenv("PLANDESK_SOFFICE", shutil.which("soffice"))
    monkeypatch.setenv("PATH", _path_without_poppler(tmp_path))
    assert all(shutil.which(tool) is None for tool in POPPLER)
    preview = PrintPreview(read_plan_file(fixture_path("taipei-114")))
    qtbot.addWidget(preview)
    assert len(preview.page_labels) == page_count(preview.pdf) >= 3
    for label in preview.page_labels:
        image = label.pixmap().toImage()
        assert not image.isNull()
        colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 7)
                   for y in range(0, image.height(), 7)}
        assert "#ffffff" in colours and len(colours) > 2  # paper with text on it
    preview.accept()


# --- 設定 -------------------------------------------------------------------------------------

@pytest.fixture
def clean_settings(qapp):
    from PySide6.QtCore import QSettings
    from desktop.gui.settings_dialog import SOFFICE_KEY
    QSettings().remove(SOFFICE_KEY)
    yield
    QSettings().remove(SOFFICE_KEY)


def test_settings_dialog_remembers_the_picked_program_and_export_uses_it(
        qtbot, tmp_path, monkeypatch, clean_settings):
    from desktop.gui import settings_dialog
    from desktop.gui.settings_dialog import SettingsDialog, configured_soffice
    dialogs = Dialogs(monkeypatch)
    monkeypatch.setenv("PLANDESK_SOFFICE", "")
    assert configured_soffice() is None
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    assert "找不到 LibreOffice" in dialog.status_label.text()
    missing = tmp_path / "nowhere" / "soffice"
    dialog.soffice_edit.setText(str(missing))
    assert "找不到這個檔案" in dialog.status_label.text()
    dialog.accept()
    assert dialog.isVisible() is False and dialogs.errors and str(missing) in dialogs.errors[0]
    assert configured_soffice() is None  # nothing saved
    picked = tmp_path / "LibreOffice portable" / "soffice"
    picked.parent.mkdir()
    picked.write_text("#!/bin/sh\n")
    picked.chmod(0o755)
    monkeypatch.setattr(settings_dialog.QFileDialog, "getOpenFileName",
                        lambda *args: (str(picked), ""))
    dialog.browse()
    assert dialog.status_label.text().endswith(str(picked))
    dialog.accept()
    assert configured_soffice() == str(picked)
    again = SettingsDialog()
    qtbot.addWidget(again)
    assert again.soffice_edit.text() == str(picked)
    again.soffice_edit.clear()  # 自動尋找
    again.accept()
    assert configured_soffice() is None


def test_export_dialog_and_print_preview_pass_the_configured_program(
        qtbot, tmp_path, monkeypatch, clean_settings):
    from PySide6.QtCore import QSettings
    from desktop.gui import export_dialog, print_preview
    from desktop.gui.settings_dialog import SOFFICE_KEY
    Dialogs(monkeypatch)
    picked = tmp_path / "soffice"
    picked.write_text("#!/bin/sh\n")
    QSettings().setValue(SOFFICE_KEY, str(picked))
    seen = []

    def export(plan, fmt, target, soffice=None):
        seen.append(soffice)
        return make_pdf(Path(target), pages=1)
    monkeypatch.setattr(print_preview, "export_plan", export)
    monkeypatch.setattr(export_dialog, "export_plan", export)
    monkeypatch.setenv("PLANDESK_SOFFICE", "")  # only the picked program exists
    plan = read_plan_file(fixture_path("taipei-114"))
    monkeypatch.setattr(print_preview.PrintPreview, "exec", lambda self: self.accept())
    print_preview.run_print_preview(None, plan)
    dialog = export_dialog.ExportDialog(plan)
    qtbot.addWidget(dialog)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("pdf"))
    dialog.open_check.setChecked(False)
    dialog.target_edit.setText(str(tmp_path / "out.pdf"))
    dialog.accept()
    assert seen == [str(picked), str(picked)]
