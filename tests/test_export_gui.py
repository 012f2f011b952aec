"""The 匯出 dialog and the print preview, driven like a clerk would."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import fixture_path
from desktop.exchange import read_plan_file
from gui_helpers import Dialogs, library_with, make_window
from export_helpers import table_grid

needs_lo = pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftoppm")),
                              reason="LibreOffice and poppler are installed by .ci/setup")


@pytest.fixture(autouse=True)
def _fresh_export_settings(qapp):
    """Qt caches where QSettings live for the whole process: forget earlier tests' choices."""
    from PySide6.QtCore import QSettings
    QSettings().remove("export")
    yield
    QSettings().remove("export")


@pytest.fixture
def opened(monkeypatch):
    from desktop.gui import export_dialog
    calls = []
    monkeypatch.setattr(export_dialog, "open_file", lambda path: calls.append(path) or True)
    return calls


def _dialog(qtbot, name="hualien-108"):
    from desktop.gui.export_dialog import ExportDialog
    dialog = ExportDialog(read_plan_file(fixture_path(name)))
    qtbot.addWidget(dialog)
    return dialog


def test_export_dialog_department_odt_and_open_afterwards(qtbot, tmp_path, opened, monkeypatch):
    dialogs = Dialogs(monkeypatch)
    dialog = _dialog(qtbot)
    assert dialog.target().suffix == ".docx"
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("odt"))
    assert dialog.target().suffix == ".odt"
    dialog.department_combo.setCurrentIndex(dialog.department_combo.findData("收費課"))
    assert "收費課" in dialog.target().name
    dialog.target_edit.setText(str(tmp_path / "收費課計畫.odt"))
    dialog.accept()
    assert dialogs.errors == []
    assert dialog.result_path == tmp_path / "收費課計畫.odt" and opened == [dialog.result_path]
    rows = table_grid(dialog.result_path, "odt")[0][1:]
    assert rows and all("收費課" in r[-2][0] for r in rows)
    again = _dialog(qtbot)  # the next export starts from the last format and folder
    assert again.fmt() == "odt" and again.target().parent == tmp_path


def test_typed_name_keeps_its_name_when_format_changes(qtbot, tmp_path, opened):
    dialog = _dialog(qtbot, "taipei-114")
    dialog.target_edit.setText(str(tmp_path / "我的檔名.docx"))
    dialog.target_edit.textEdited.emit(dialog.target_edit.text())
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("odt"))
    assert dialog.target() == tmp_path / "我的檔名.odt"
    dialog.open_check.setChecked(False)
    dialog.accept()
    assert (tmp_path / "我的檔名.odt").is_file() and opened == []


def test_export_dialog_read_only_target_shows_message_and_stays_open(qtbot, tmp_path, opened, monkeypatch):
    dialogs = Dialogs(monkeypatch)
    target = tmp_path / "plan.docx"
    target.write_bytes(b"old")
    target.chmod(0o444)
    dialog = _dialog(qtbot, "taipei-114")
    dialog.show()
    dialog.target_edit.setText(str(target))
    dialog.accept()
    assert len(dialogs.errors) == 1 and "唯讀" in dialogs.errors[0]
    assert dialog.isVisible() and dialog.result_path is None and opened == []
    assert target.read_bytes() == b"old"


def test_main_window_export_action_runs_the_dialog(qtbot, tmp_path, opened, monkeypatch):
    from desktop.gui import export_dialog
    Dialogs(monkeypatch)
    library, ids = library_with(tmp_path / "lib.sqlite", "taipei-114")
    window = make_window(qtbot, library, ids[0])
    target = tmp_path / "from-window.docx"

    def fake_exec(self):
        self.target_edit.setText(str(target))
        self.accept()
    monkeypatch.setattr(export_dialog.ExportDialog, "exec", fake_exec)
    window.export_plan()
    assert target.is_file() and opened == [target]
    library.close()


def test_print_preview_without_libreoffice_says_how_to_install(qtbot, tmp_path, monkeypatch):
    dialogs = Dialogs(monkeypatch)
    monkeypatch.setenv("PLANDESK_SOFFICE", "")
    library, ids = library_with(tmp_path / "lib.sqlite", "taipei-114")
    window = make_window(qtbot, library, ids[0])
    window.print_preview()
    assert len(dialogs.errors) == 1 and "安裝 LibreOffice" in dialogs.errors[0]
    library.close()


@needs_lo
def test_print_preview_shows_every_page_saves_and_prints(qtbot, tmp_path, monkeypatch):
    from PySide6.QtPrintSupport import QPrinter
    from desktop.gui import print_preview
    from desktop.gui.print_preview import PrintPreview
    Dialogs(monkeypatch)
    monkeypatch.setattr(print_preview, "PRINT_DPI", 40)  # the test checks pages, not sharpness
    preview = PrintPreview(read_plan_file(fixture_path("taipei-114")))
    qtbot.addWidget(preview)
    info = subprocess.run(["pdfinfo", str(preview.pdf)], capture_output=True, text=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert len(preview.page_labels) == pages >= 3
    assert all(not label.pixmap().isNull() for label in preview.page_labels)
    width = preview.page_labels[0].width()
    preview.zoom_combo.setCurrentIndex(preview.zoom_combo.findData(50))
    assert abs(preview.page_labels[0].width() - width / 2) <= 1
    saved = preview.save_pdf(str(tmp_path / "saved.pdf"))
    assert saved.read_bytes() == preview.pdf.read_bytes()
    preview.plan.title = "115/116年度計畫"  # a slash must not turn into a folder
    suggested = []
    monkeypatch.setattr(print_preview.QFileDialog, "getSaveFileName",
                        lambda parent, caption, name, filters: suggested.append(name) or ("", ""))
    assert preview.save_pdf() is None and Path(suggested[0]).name == "115_116年度計畫.pdf"
    printer = QPrinter(QPrinter.ScreenResolution)  # fast; the code path is the same
    printer.setOutputFormat(QPrinter.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert preview.print_pages(printer)
    printed = subprocess.run(["pdfinfo", str(tmp_path / "printed.pdf")], capture_output=True, text=True).stdout
    assert f"Pages:          {pages}" in printed or f"Pages: {pages}" in " ".join(printed.split())
    folder = preview.folder
    preview.accept()
    assert not folder.exists()


def test_run_busy_keeps_the_gui_running_and_passes_results_and_errors(qtbot):
    import threading
    import time
    from PySide6.QtCore import QTimer
    from desktop.errors import PlanDeskError
    from desktop.gui.busy import run_busy
    ticks, threads = [], []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)

    def slow():
        threads.append(threading.current_thread())
        time.sleep(0.5)
        return 42
    assert run_busy(None, "…", slow) == 42
    timer.stop()
    assert threads[0] is not threading.main_thread()
    assert len(ticks) >= 5  # the event loop ran while the worker slept

    def fails():
        raise PlanDeskError("壞了，請重試。")
    with pytest.raises(PlanDeskError, match="壞了"):
        run_busy(None, "…", fails)
