"""Feedback after slow or silent work: the export names its file in the status
bar with 開啟資料夾, the export dialog remembers its choices, and a long wait
shows progress that can be cancelled where that is harmless."""
import time

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QProgressDialog, QPushButton, QWidget

from gui_helpers import Dialogs, library_with, make_window


@pytest.fixture(autouse=True)
def _fresh_export_settings(qapp):
    QSettings().remove("export")
    yield
    QSettings().remove("export")


def test_export_names_the_file_and_remembers_choices(qtbot, tmp_path, monkeypatch):
    from desktop.gui import export_dialog
    Dialogs(monkeypatch)
    opened, folders = [], []
    monkeypatch.setattr(export_dialog, "open_file", lambda path: opened.append(path) or True)
    monkeypatch.setattr(export_dialog, "open_folder", lambda path: folders.append(path) or True)
    library, (plan_id,) = library_with(tmp_path / "lib.sqlite", "hualien-108")
    window = make_window(qtbot, library, plan_id)
    target = tmp_path / "out" / "收費課.docx"
    target.parent.mkdir()

    def clerk(self):
        self.open_check.setChecked(False)
        self.department_combo.setCurrentIndex(self.department_combo.findData("收費課"))
        self.target_edit.setText(str(target))
        self.accept()
    monkeypatch.setattr(export_dialog.ExportDialog, "exec", clerk)
    window.export_plan()
    assert target.is_file() and opened == []  # not opened, so the window must say where it went
    notice = window.statusBar().findChild(QWidget, "export_notice")
    assert str(target) in notice.findChild(QLabel).text()
    button = notice.findChild(QPushButton)
    assert button.text() == "開啟資料夾"
    button.click()
    assert folders == [target]

    again = export_dialog.ExportDialog(window.document.plan, window)
    qtbot.addWidget(again)
    assert not again.open_check.isChecked()  # no longer ticked again every time
    assert again.department() == "收費課" and again.target().parent == target.parent
    window.export_plan()  # a second export replaces the notice instead of adding one
    assert len(window.statusBar().findChildren(QWidget, "export_notice")) == 1
    library.close()


def _cancel_when_shown(seen: list) -> None:
    """Press 取消 on the progress dialog as soon as it appears (as a clerk would)."""
    dialog = next((w for w in QApplication.topLevelWidgets()
                   if isinstance(w, QProgressDialog) and w.isVisible()), None)
    if dialog is None:
        QTimer.singleShot(50, lambda: _cancel_when_shown(seen))
        return
    seen.append(dialog.labelText())
    dialog.cancel()


def test_long_wait_shows_progress_and_cancel_stops_waiting(qtbot):
    from desktop.gui.busy import Cancelled, run_busy
    seen = []
    QTimer.singleShot(100, lambda: _cancel_when_shown(seen))
    start = time.monotonic()
    with pytest.raises(Cancelled):
        run_busy(None, "正在產生預覽…", lambda: time.sleep(3) or "late", cancellable=True)
    assert time.monotonic() - start < 2.5  # did not wait for the worker
    assert seen == ["正在產生預覽…"]
    assert run_busy(None, "正在匯出…", lambda: 42) == 42  # quick: no dialog, just the result


def test_slow_import_read_can_be_cancelled(qtbot, tmp_path, monkeypatch):
    from conftest import fixture_path
    from desktop.gui import import_dialog
    from desktop.library import Library
    real = import_dialog.read_any
    monkeypatch.setattr(import_dialog, "read_any", lambda path: time.sleep(2) or real(path))
    library = Library.open(tmp_path / "lib.sqlite")
    seen = []
    QTimer.singleShot(100, lambda: _cancel_when_shown(seen))
    assert import_dialog.run_import_dialog(None, library, fixture_path("hualien-108")) is None
    assert seen == ["正在讀取 hualien-108.json…"] and library.list_plans() == []
    library.close()


def test_open_folder_selects_the_file_in_explorer_on_windows(monkeypatch, tmp_path):
    """Simulated Windows: Explorer gets one command line with /select, and the quoted path."""
    from desktop.gui import export_dialog
    started = []
    monkeypatch.setattr(export_dialog.sys, "platform", "win32")
    monkeypatch.setattr(export_dialog.subprocess, "Popen", lambda command, **kw: started.append(command))
    target = tmp_path / "區處 計畫" / "花蓮 108.docx"
    assert export_dialog.open_folder(target) is True
    assert started == [f'explorer /select,"{target}"']


def test_open_folder_elsewhere_opens_the_folder(monkeypatch, tmp_path):
    from desktop.gui import export_dialog
    opened = []
    monkeypatch.setattr(export_dialog.QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    assert export_dialog.open_folder(tmp_path / "計畫.docx") is True
    assert [u.toLocalFile() for u in opened] == [str(tmp_path)]
