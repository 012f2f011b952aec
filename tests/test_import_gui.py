"""The 匯入舊計畫 dialog: preview of the parsed tree and report, 匯入 or 取消."""
import pytest
from PySide6.QtWidgets import QDialog, QFileDialog

import legacy_docs
from desktop.errors import PlanDeskError
from desktop.gui import import_dialog
from desktop.gui.import_dialog import ImportPreview, run_import_dialog
from desktop.importer import read_document


@pytest.fixture
def legacy(tmp_path):
    return legacy_docs.write(legacy_docs.five_column_layout_b(), tmp_path / "台北.docx")


def _texts(tree):
    out = []

    def visit(item, depth):
        out.append((depth, item.text(0), item.text(1), item.text(2)))
        for i in range(item.childCount()):
            visit(item.child(i), depth + 1)
    for i in range(tree.topLevelItemCount()):
        visit(tree.topLevelItem(i), 0)
    return out


def test_preview_shows_tree_sections_and_report(qtbot, legacy):
    plan, report = read_document(legacy)
    dialog = ImportPreview(None, plan, report, legacy)
    qtbot.addWidget(dialog)
    rows = _texts(dialog.tree)
    assert rows[0] == (0, "一、提供在地化及客製化關懷服務", "", "")
    assert (2, "1.提供到府、到點服務。", "業務組、電費組", "持續辦理") in rows
    assert (1, "(一)優化繳費作業：提供多元化的繳費措施：", "電費組", "持續辦理") in rows
    assert "重複的標題列" in dialog.report.toPlainText()
    assert dialog.tabs.currentWidget() is dialog.report  # the report is shown first
    assert "台北市區營業處 114 年度" in dialog.summary.text()
    headings = [dialog.sections.topLevelItem(i).text(0) for i in range(dialog.sections.topLevelItemCount())]
    assert headings[:2] == ["壹、計畫依據", "貳、執行策略及具體作法"]
    assert dialog.cancel_button.isDefault()


def _answer(monkeypatch, result):
    shown = []

    def fake_exec(self):
        shown.append(self)
        return result
    monkeypatch.setattr(ImportPreview, "exec", fake_exec)
    return shown


def test_import_writes_one_plan(qtbot, monkeypatch, library, legacy):
    shown = _answer(monkeypatch, QDialog.Accepted)
    plan_id = run_import_dialog(None, library, legacy)
    assert shown and isinstance(plan_id, int)
    assert library.load_plan(plan_id).office == "台北市區營業處"


def test_cancel_writes_nothing(qtbot, monkeypatch, library, legacy):
    _answer(monkeypatch, QDialog.Rejected)
    assert run_import_dialog(None, library, legacy) is None
    assert library.list_plans() == []


def test_picks_a_file_when_none_given(qtbot, monkeypatch, library, legacy):
    _answer(monkeypatch, QDialog.Accepted)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(legacy), ""))
    assert isinstance(run_import_dialog(None, library, None), int)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    assert run_import_dialog(None, library, None) is None
    assert len(library.list_plans()) == 1


def test_bad_file_raises_one_sentence_before_any_dialog(qtbot, monkeypatch, library, tmp_path):
    shown = _answer(monkeypatch, QDialog.Accepted)
    bad = tmp_path / "壞.odt"
    bad.write_bytes(b"PK\x03\x04broken")
    with pytest.raises(PlanDeskError):
        run_import_dialog(None, library, bad)
    assert shown == [] and library.list_plans() == []


def test_dropping_a_file_on_the_main_window_opens_the_preview(qtbot, monkeypatch, library, legacy):
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    from gui_helpers import make_window
    shown = _answer(monkeypatch, QDialog.Accepted)
    window = make_window(qtbot, library)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(legacy))])
    event = QDropEvent(QPointF(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    window.dropEvent(event)
    assert shown and shown[0].windowTitle().endswith("台北.docx")
    assert [p.office for p in library.list_plans()] == ["台北市區營業處"]
    assert import_dialog.run_import_dialog is run_import_dialog
