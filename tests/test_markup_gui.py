"""匯入處長修正 in the window: the review panel beside the tree lists every change
with its context, accepts or rejects each or all as ONE undo step, jumps to items;
comments become review notes marked in the tree and resolvable in the detail pane."""
import pytest

from conftest import FIXTURES, saved_plan
from gui_helpers import Dialogs, library_with, make_window, reopen
from desktop.exchange import plan_to_dict
from desktop.export import export_plan
from markup_docs import mark_up
from test_markup_review import EXPECTED


@pytest.fixture
def setup(qtbot, tmp_path, monkeypatch):
    library, (plan_id,) = library_with(tmp_path / "lib.sqlite", "taipei-114")
    exported = export_plan(library.load_plan(plan_id), "docx", tmp_path / "exported.docx")
    path = mark_up(exported, tmp_path / "處長修正.docx")
    dialogs = Dialogs(monkeypatch, True)
    window = make_window(qtbot, library, plan_id)
    yield window, library, path, dialogs
    library.close()


def _disk(library, plan_id):
    return plan_to_dict(saved_plan(library.path, plan_id))


def test_panel_lists_the_changes_with_marked_context_and_jumps_to_items(setup):
    window, library, path, dialogs = setup
    window.markup.open_file(path)
    panel = window.markup.panel
    assert not panel.isHidden() and dialogs.errors == []
    assert panel.table.rowCount() == len(EXPECTED)
    kinds = [panel.table.item(r, 1).text() for r in range(panel.table.rowCount())]
    assert kinds == [{"insert": "插入", "delete": "刪除", "move": "移動", "comment": "註解",
                      "change": "修改"}[e["kind"]] for e in EXPECTED]
    inserted = panel.table.cellWidget(2, 3).text()
    assert "皆會細心說明" in inserted and "underline" in inserted and "並留存紀錄" in inserted
    deleted = panel.table.cellWidget(5, 3).text()
    assert "line-through" in deleted and "為強化與用電大戶溝通" in deleted
    changed = panel.table.cellWidget(8, 3).text()
    assert "line-through" in changed and "持續辦理" in changed and "114年1月至12月" in changed
    who = [panel.table.item(r, 4).text() for r in range(panel.table.rowCount())]
    assert who == [" ".join(p for p in (e["author"], "115/11/30" if e["date"] else "") if p) for e in EXPECTED]
    panel.jump(5)
    node = window.model.node(window.tree.currentIndex())
    assert window.model.numbered_path(node.id) == "一、(二)1."


def test_chosen_changes_are_one_undo_step_and_rejecting_all_changes_nothing(setup):
    window, library, path, _dialogs = setup
    plan_id = window.document.plan.id
    before = _disk(library, plan_id)
    window.markup.open_file(path)
    panel = window.markup.panel
    panel.check_all(False)
    panel.apply_button.click()
    assert _disk(library, plan_id) == before and window.document.undo_label() == ""

    window.markup.open_file(path)
    panel.check_all(False)
    panel.set_accepted(4, True)   # the move
    panel.set_accepted(5, True)   # the deletion in 一、(二)1.
    panel.apply_button.click()
    assert panel.isHidden()
    after = _disk(library, plan_id)
    first = after["tree"][0]["children"][0]["children"]
    assert [c["text"][:4] for c in first] == ["針對特殊", "接獲用戶", "針對新、", "針對特殊", "如遇停電", "應用資、"]
    assert "為強化與用電大戶溝通" not in after["tree"][0]["children"][1]["children"][0]["text"]
    assert window.document.undo_label() == f"依 {path.name} 修正 (2 處)"
    disk = reopen(library)
    assert disk.status_notes(plan_id)[-1][2] == f"依 {path.name} 修正 (2 處)"
    assert len(disk.status_history(plan_id)) == 1  # a revision is not a status change (library panel dates)
    disk.close()
    window.actions["undo"].trigger()
    assert _disk(library, plan_id) == before
    assert window.document.undo_label() == ""


def test_comments_become_notes_marked_in_the_tree_and_resolvable(setup):
    from PySide6.QtCore import Qt
    window, library, path, _dialogs = setup
    window.markup.open_file(path)
    window.markup.panel.apply_button.click()  # everything accepted
    item = window.document.plan.tree[0].children[3].children[0]   # 一、(四)1.
    assert window.model.index_of(item.id).data(Qt.DecorationRole) is not None
    window.controller.select(item.id)
    box = window.markup.notes
    assert not box.isHidden()
    assert "此項請併入(二)" in box.findChildren(type(window.lock_banner))[0].text()
    from PySide6.QtWidgets import QPushButton
    box.findChildren(QPushButton)[0].click()
    assert box.isHidden()
    assert window.model.index_of(item.id).data(Qt.DecorationRole) is None
    assert [n.text for n in library.review_notes(window.document.plan.id)] == ["請補充具體指標"]
    # the section's note: under its content in 計畫資料與章節
    window.locate(f"section:{window.document.plan.sections[1].id}")
    section_box = window.markup.section_notes
    assert not section_box.isHidden()
    assert "請補充具體指標" in section_box.findChildren(type(window.lock_banner))[0].text()
    window.locate(f"section:{window.document.plan.sections[0].id}")
    assert section_box.isHidden()


def test_dropping_a_marked_up_file_asks_whether_it_corrects_the_open_plan(setup):
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent
    window, library, path, dialogs = setup
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    window.dropEvent(QDropEvent(QPointF(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier))
    assert dialogs.questions and "作為本計畫的修正匯入？" in dialogs.questions[0]
    assert not window.markup.panel.isHidden()
    assert len(library.list_plans()) == 1


def test_an_approved_plan_or_another_plans_document_is_not_reviewed(setup, qtbot):
    from desktop.ops import EditPlan
    window, library, path, dialogs = setup
    other = export_plan(library.load_plan(library.add_plan(
        __import__("desktop.exchange", fromlist=["x"]).read_plan_file(FIXTURES / "hualien-108.json"))),
        "docx", path.with_name("hualien.docx"))
    dialogs.answer = False
    window.markup.open_file(other)
    assert "相符" in dialogs.questions[-1] and window.markup.panel.isHidden()
    window.document.apply(EditPlan({"status": "核定"}))
    window.markup.open_file(path)
    assert "已核定" in dialogs.errors[-1] and window.markup.panel.isHidden()
    assert not window.actions["review_markup"].isEnabled()


def test_the_menu_command_asks_for_the_file_then_reviews_it(setup, monkeypatch):
    window, _library, path, _dialogs = setup
    asked = []
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileName",
                        lambda *args: asked.append(args[1]) or (str(path), ""))
    assert window.actions["review_markup"].text() == "匯入處長修正…"
    window.actions["review_markup"].trigger()
    assert asked == ["匯入處長修正"]
    assert window.markup.panel.table.rowCount() == len(EXPECTED)


def test_a_plan_edited_while_the_review_is_open_is_not_half_corrected(setup):
    from desktop.ops import DeleteNodes
    window, library, path, dialogs = setup
    plan_id = window.document.plan.id
    window.markup.open_file(path)
    window.document.apply(DeleteNodes([window.document.plan.tree[0].children[1].children[0].id]))  # 一、(二)1.
    before = _disk(library, plan_id)
    window.markup.panel.apply_button.click()
    assert "重新匯入處長修正" in dialogs.errors[-1]
    assert _disk(library, plan_id) == before
    assert library.review_notes(plan_id) == [] and window.document.undo_label() == "刪除項目"
