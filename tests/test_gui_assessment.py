"""The 考核 view driven through real widgets: rows and chips, filters, typing
執行情形 (undoable), merging returned forms (button and drop, one undo step),
making forms, exporting the 成果, the due-date reminder."""
from datetime import date

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QColor, QDropEvent

from assessment_helpers import answer, fill, form_keys
from gui_fixtures import dialogs  # noqa: F401 (fixture)
from conftest import saved_plan
from gui_helpers import library_with, make_window, type_text
from desktop.assessment.items import review_items
from desktop.assessment.form_writer import write_form
from desktop.gui import assessment_dialogs
from desktop.gui.assessment_model import COL_STATUS, COL_TEXT, StatusRole


@pytest.fixture
def window(qtbot, tmp_path, dialogs):
    library, (plan_id,) = library_with(tmp_path / "lib.sqlite", "hualien-108")
    win = make_window(qtbot, library, plan_id)
    win.tabs.setCurrentWidget(win.assessment_view)
    return win


def _disk_results(library, plan_id):
    return saved_plan(library.path, plan_id).review.results


def test_view_lists_every_item_with_a_status_chip(window, qtmodeltester):
    view = window.assessment_view
    items = review_items(window.document.plan)
    assert view.model.rowCount() == len(items) == 96
    qtmodeltester.check(view.model)
    index = view.model.index(0, COL_STATUS)
    assert index.data() == index.data(StatusRole) == "未填報"
    assert index.data(Qt.ForegroundRole) == QColor("#9a1b1b")
    assert "共 96 項，已填報 0 項" in view.counts.text()


def test_item_edits_made_while_the_tab_is_hidden_show_when_it_is_shown_again(window, qtbot):
    from desktop.ops import EditNode
    window.show()
    qtbot.waitExposed(window)
    view = window.assessment_view
    item = review_items(window.document.plan)[0]
    window.tabs.setCurrentIndex(0)
    assert view.isHidden()
    window.document.apply(EditNode(item.node.id, {"title": "隱藏時改的具體作法"}))
    window.tabs.setCurrentWidget(view)
    texts = [view.model.index(r, c).data() for r in range(view.model.rowCount())
             for c in range(view.model.columnCount())]
    assert any(t and "隱藏時改的具體作法" in t for t in texts)


def test_typing_writes_results_and_undo_removes_them(window, qtbot):
    view = window.assessment_view
    plan_id = window.document.plan.id
    window.show()
    qtbot.waitExposed(window)
    view.table.selectRow(2)
    node_id = view.model.items[2].node.id
    view.text.setFocus()
    type_text(view.text, "已完成訓練")
    view.status.setCurrentIndex(view.status.findData("落後"))
    disk = _disk_results(window.library, plan_id)[(node_id, "上半年")]
    assert (disk.text, disk.status, disk.reporter) == ("已完成訓練", "落後", "業務組")
    chip = view.model.index(2, COL_STATUS)
    assert chip.data() == "落後" and chip.data(Qt.BackgroundRole) == QColor("#c62828")
    assert chip.data(Qt.ForegroundRole) == QColor("#ffffff")
    assert view.model.index(2, COL_TEXT).data() == "已完成訓練"
    window.actions["undo"].trigger()   # the status change
    view.text.setFocus()
    qtbot.keyClick(view.text, Qt.Key_Z, Qt.ControlModifier)   # the whole typing run, through the plan
    assert _disk_results(window.library, plan_id) == {}
    assert view.model.index(2, COL_STATUS).data() == "未填報"
    assert view.text.toPlainText() == ""


def test_filters_not_filled_late_and_department(window):
    view = window.assessment_view
    view.table.selectRow(0)
    view.status.setCurrentIndex(view.status.findData("落後"))
    view.filter.setCurrentText("落後")
    assert view.model.rowCount() == 1
    view.filter.setCurrentText("未填報")
    assert view.model.rowCount() == 95
    view.filter.setCurrentText("全部項目")
    view.department.setCurrentIndex(view.department.findData("收費課"))
    shown = view.model.items
    assert shown and all(item.has_department("收費課") for item in shown)
    assert len(shown) < 96


def test_merge_button_preview_and_one_undo_step(window, tmp_path, monkeypatch):
    view = window.assessment_view
    plan = window.document.plan
    form = write_form(plan, plan.review.periods[0], "收費課", tmp_path / "收費課.docx")
    answers = {k: answer(k, i) for i, k in enumerate(form_keys(form))}
    fill(form, answers)
    seen = []

    def preview(parent, merge_preview):
        dialog = assessment_dialogs.MergePreviewDialog(merge_preview, parent)
        seen.append((dialog.table.rowCount(), dialog.ok.text(), dialog.ok.isEnabled()))
        return True

    monkeypatch.setattr(assessment_dialogs, "ask_merge", preview)
    monkeypatch.setattr(assessment_dialogs, "ask_merge_files", lambda parent: [form])
    view.merge_button.click()
    assert seen == [(len(answers), f"合併 {len(answers)} 項", True)]
    assert len(_disk_results(window.library, plan.id)) == len(answers)
    assert window.actions["undo"].text() == "復原 合併 1 份填報表"
    window.actions["undo"].trigger()
    assert _disk_results(window.library, plan.id) == {}
    # the same file again after redo: the preview offers nothing to merge
    window.actions["redo"].trigger()
    seen.clear()
    view.merge_button.click()
    assert seen == [(0, "沒有需要合併的內容", False)]


def _drop(widget, paths):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(QPoint(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    widget.dropEvent(event)
    return event


def test_dropping_forms_on_the_window_merges_them(window, tmp_path, monkeypatch):
    plan = window.document.plan
    forms = []
    for name in ("服務中心", "收費課"):
        path = write_form(plan, plan.review.periods[0], name, tmp_path / f"{name}.odt")
        fill(path, {k: answer(k, 7) for k in form_keys(path)})  # same text: no conflicts
        forms.append(path)
    monkeypatch.setattr(assessment_dialogs, "ask_merge", lambda parent, preview: True)
    _drop(window, forms)
    keys = set(form_keys(forms[0])) | set(form_keys(forms[1]))
    assert len(_disk_results(window.library, plan.id)) == len(keys)
    assert window.document.undo_label() == "合併 2 份填報表"


def test_dropping_a_broken_file_says_why(window, tmp_path, dialogs, monkeypatch):
    bad = tmp_path / "壞掉.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    monkeypatch.setattr(assessment_dialogs, "ask_merge", lambda parent, preview: pytest.fail("no preview"))
    _drop(window, [bad])
    assert len(dialogs.errors) == 1 and "壞掉.docx" in dialogs.errors[0]


def test_make_forms_and_export_report(window, tmp_path, dialogs):
    view = window.assessment_view
    written = view.make_forms((tmp_path / "forms", "odt"))
    assert len(written) == 16 and all(p.suffix == ".odt" and p.is_file() for p in written)
    view.department.setCurrentIndex(view.department.findData("收費課"))
    assert [p.name for p in view.make_forms((tmp_path / "one", "docx"))] == ["上半年-收費課.docx"]
    out = view.export_report(tmp_path / "成果.docx")
    assert out is not None and out.is_file()
    assert view.export_report(tmp_path / "成果.txt") is None and "副檔名" in dialogs.errors[-1]


def test_reminder_near_the_due_date(window):
    view = window.assessment_view
    view.today = date(2019, 6, 20)
    view.refresh()
    assert view.reminder.isVisibleTo(view)
    assert view.reminder.text() == "上半年考核結果應於 7 月 5 日前送業務處：尚有 96 項未填報"
    view.today = date(2019, 7, 8)
    view.refresh()
    assert view.reminder.text().startswith("上半年考核結果已超過 7 月 5 日")
    view.today = date(2019, 3, 1)
    view.refresh()
    assert not view.reminder.isVisibleTo(view)
    view.period.setCurrentText("下半年")
    view.today = date(2020, 1, 2)
    view.refresh()
    assert view.reminder.text() == "下半年考核結果應於 1 月 6 日前送業務處：尚有 96 項未填報"


def test_due_date_edit_is_stored_and_undoable(window):
    from PySide6.QtCore import QDate
    view = window.assessment_view
    assert view.due.date() == QDate(2019, 7, 5)  # from the plan's 考核作業 text
    view.due.setDate(QDate(2019, 7, 12))
    assert saved_plan(window.library.path, window.document.plan.id).review.periods[0].due == "2019-07-12"
    window.actions["undo"].trigger()
    assert window.document.plan.review.periods[0].due == ""
    assert view.due.date() == QDate(2019, 7, 5)


def test_due_date_shows_and_takes_roc_dates_typed_by_the_clerk(window, qtbot):
    from PySide6.QtCore import QDate, Qt
    view = window.assessment_view
    assert view.due.text() == "108/07/05"
    view.due.lineEdit().selectAll()
    qtbot.keyClicks(view.due, "108/07/19")
    qtbot.keyClick(view.due, Qt.Key_Return)
    assert view.due.date() == QDate(2019, 7, 19)
    assert window.document.plan.review.periods[0].due == "2019-07-19"
    view.due.lineEdit().selectAll()
    qtbot.keyClicks(view.due, "108/02/30")  # no such day: the field keeps the last good date
    view.due.clearFocus()
    assert view.due.date() == QDate(2019, 7, 19)


def test_switching_period_shows_that_periods_text(window):
    view = window.assessment_view
    view.table.selectRow(1)
    view.text.setPlainText("上半年的情形")
    view.period.setCurrentText("下半年")
    assert view.text.toPlainText() == ""
    view.text.setPlainText("下半年的情形")
    view.period.setCurrentText("上半年")
    assert view.text.toPlainText() == "上半年的情形"
    node_id = view.model.items[1].node.id
    review = window.document.plan.review
    assert (review.result(node_id, "上半年").text, review.result(node_id, "下半年").text) == \
        ("上半年的情形", "下半年的情形")
