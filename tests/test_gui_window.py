"""The main window driven through real widgets and keys; after each step the
library file is read again through a new connection."""
import pytest
from PySide6.QtCore import Qt

from conftest import saved_plan
from gui_fixtures import dialogs  # noqa: F401 (fixture)
from gui_helpers import Dialogs, library_with, make_window, reopen, titles, type_text


def _focus_tree(qtbot, window):
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.tree.setFocus()
    qtbot.waitUntil(lambda: window.tree.hasFocus())


def _disk_plan(library, plan_id):
    return saved_plan(library.path, plan_id)


def test_outliner_keys(qtbot, tmp_path, dialogs):
    library, (plan_id,) = library_with(tmp_path / "lib.sqlite", "hualien-108")
    window = make_window(qtbot, library, plan_id)
    _focus_tree(qtbot, window)
    plan = window.document.plan
    first, second = plan.tree[0].children[0], plan.tree[0].children[1]
    window.controller.select(second.id)

    qtbot.keyClick(window.tree, Qt.Key_Tab)  # indent: last child of the previous sibling
    assert first.children[-1] is second
    assert window.actions["undo"].text() == "復原 縮排"
    assert _disk_plan(library, plan_id).tree[0].children[0].children[-1].id == second.id

    qtbot.keyClick(window.tree, Qt.Key_Tab, Qt.ShiftModifier)  # outdent back
    assert plan.tree[0].children[1] is second
    qtbot.keyClick(window.tree, Qt.Key_Up, Qt.AltModifier)
    assert plan.tree[0].children[0] is second
    qtbot.keyClick(window.tree, Qt.Key_Down, Qt.AltModifier)
    assert plan.tree[0].children[1] is second
    assert _disk_plan(library, plan_id).tree[0].children[1].id == second.id

    qtbot.keyClick(window.tree, Qt.Key_Escape)
    qtbot.keyClick(window.tree, Qt.Key_Return)  # new sibling below, title editor opens
    new = plan.tree[0].children[2]
    assert new.title == "" and window.controller.current_id() == new.id
    qtbot.keyClick(window.tree.focusWidget(), Qt.Key_Escape)  # left empty: gone with its creation
    assert new.id not in {n.id for n in plan.walk()}
    assert window.controller.current_id() == second.id
    assert window.actions["undo"].text() == "復原 下移"
    window.tree.setFocus()
    children = len(second.children)
    qtbot.keyClick(window.tree, Qt.Key_Insert)  # new child, titled this time
    editor = window.tree.indexWidget(window.tree.currentIndex())
    type_text(editor, "細項")
    qtbot.keyClick(editor, Qt.Key_Return)  # the delegate commits on the next event loop turn
    qtbot.waitUntil(lambda: second.children[-1].title == "細項")
    assert len(second.children) == children + 1
    assert _disk_plan(library, plan_id).tree[0].children[1].children[-1].title == "細項"

    window.tree.setFocus()
    window.controller.select(second.id)
    count = len(list(plan.walk()))
    qtbot.keyClick(window.tree, Qt.Key_Delete)  # has children: asks first
    assert dialogs.questions and "一併刪除" in dialogs.questions[-1]
    assert second.id not in {n.id for n in plan.walk()}
    assert len(list(_disk_plan(library, plan_id).walk())) == count - 1 - len(second.children) - sum(
        1 for c in second.children for _ in c.walk()) + len(second.children)

    qtbot.keyClick(window.tree, Qt.Key_Z, Qt.ControlModifier)  # undo the delete
    assert second.id in {n.id for n in _disk_plan(library, plan_id).walk()}
    assert window.actions["redo"].text() == "重做 刪除項目"
    qtbot.keyClick(window.tree, Qt.Key_Y, Qt.ControlModifier)
    assert second.id not in {n.id for n in _disk_plan(library, plan_id).walk()}
    library.close()


def test_refused_command_shows_one_sentence(qtbot, tmp_path, dialogs):
    library, (plan_id,) = library_with(tmp_path / "lib.sqlite", "taipei-114")
    window = make_window(qtbot, library, plan_id)
    _focus_tree(qtbot, window)
    window.controller.select(window.document.plan.tree[0].id)
    qtbot.keyClick(window.tree, Qt.Key_Tab)  # the first item cannot be indented
    assert dialogs.errors == ["第一個項目前面沒有可以併入的項目，無法縮排。"]
    library.close()


def test_copy_paste_between_plans_and_cut(qtbot, tmp_path, dialogs):
    library, (hualien, taipei) = library_with(tmp_path / "lib.sqlite", "hualien-108", "taipei-114")
    window = make_window(qtbot, library, hualien)
    _focus_tree(qtbot, window)
    source = window.document.plan.tree[0].children[0]
    size = sum(1 for _ in source.walk())
    window.controller.select(source.id)
    qtbot.keyClick(window.tree, Qt.Key_C, Qt.ControlModifier)

    window.open_plan(taipei)
    window.tree.setFocus()
    target_plan = window.document.plan
    anchor = target_plan.tree[0]
    window.controller.select(anchor.id)
    before = len(list(target_plan.walk()))
    qtbot.keyClick(window.tree, Qt.Key_V, Qt.ControlModifier)
    assert dialogs.errors == []
    pasted = target_plan.tree[1]
    assert pasted.title == source.title and pasted.id != source.id
    assert titles(pasted.children) == titles(source.children)
    disk = _disk_plan(library, taipei)
    assert len(list(disk.walk())) == before + size
    assert disk.tree[1].title == source.title
    assert window.actions["undo"].text() == "復原 貼上"

    # cut = copy + delete in one step; paste it back elsewhere
    window.controller.select(pasted.id)
    qtbot.keyClick(window.tree, Qt.Key_X, Qt.ControlModifier)
    assert len(list(_disk_plan(library, taipei).walk())) == before
    window.controller.select(target_plan.tree[-1].id)
    qtbot.keyClick(window.tree, Qt.Key_V, Qt.ControlModifier)
    assert target_plan.tree[-1].title == source.title
    assert _disk_plan(library, taipei).tree[-1].title == source.title
    # the source plan is untouched
    assert len(list(_disk_plan(library, hualien).walk())) == len(list(window.document_for(hualien).plan.walk()))
    library.close()


def test_detail_editor_typing_is_one_undo_step(qtbot, tmp_path, dialogs):
    library, (plan_id,) = library_with(tmp_path / "lib.sqlite", "hualien-108")
    window = make_window(qtbot, library, plan_id)
    _focus_tree(qtbot, window)
    node = window.document.plan.tree[0].children[0]
    original = node.title
    window.controller.select(node.id)
    window.detail.title.setFocus()
    window.detail.title.end(False)
    type_text(window.detail.title, "與透明")
    assert node.title == original + "與透明"
    assert _disk_plan(library, plan_id).tree[0].children[0].title == original + "與透明"
    assert window.model.data(window.model.index_of(node.id)) == "(一)" + original + "與透明"
    # Ctrl+Z in the field reaches the plan's undo: the whole typing run goes at once
    qtbot.keyClick(window.detail.title, Qt.Key_Z, Qt.ControlModifier)
    assert node.title == original
    assert window.detail.title.text() == original
    assert _disk_plan(library, plan_id).tree[0].children[0].title == original
    library.close()


def test_departments_lead_assist_and_period(qtbot, tmp_path, dialogs):
    library, (plan_id,) = library_with(tmp_path / "lib.sqlite", "hualien-108")
    window = make_window(qtbot, library, plan_id)
    leaf = next(n for n in window.document.plan.walk() if len(n.departments) >= 2)
    lead = leaf.departments[0].name
    window.controller.select(leaf.id)
    editor = window.detail.departments
    assert "服務中心" in [editor.picker.itemText(i) for i in range(editor.picker.count())]  # office roster
    editor.picker.setEditText("新設企劃組")
    editor.add_current()
    editor.list.setCurrentItem(editor.list.topLevelItem(0))
    editor.set_role("主辦")
    editor.list.setCurrentItem(editor.list.topLevelItem(editor.list.topLevelItemCount() - 1))
    editor.move(-1)
    window.detail.period.setEditText("每月辦理")
    disk = _disk_plan(library, plan_id)
    stored = next(n for n in disk.walk() if n.id == leaf.id)
    assert (stored.departments[0].name, stored.departments[0].role) == (lead, "主辦")
    assert stored.departments[-2].name == "新設企劃組" and stored.departments[-2].role == "協辦"
    assert stored.period == "每月辦理"
    assert "新設企劃組" in reopen(library).roster(disk.office)
    library.close()


def test_approved_plan_is_read_only_and_reopening_asks(qtbot, tmp_path, monkeypatch):
    dialogs = Dialogs(monkeypatch, False)
    library, (plan_id,) = library_with(tmp_path / "lib.sqlite", "xinying-111")
    window = make_window(qtbot, library, plan_id)
    assert window.plan_editor.change_status("陳核") is True
    dialogs.answer = True
    assert window.plan_editor.change_status("核定") is True
    assert "核定" in dialogs.questions[-1]
    assert not window.actions["new_sibling"].isEnabled()
    assert window.detail.title.isReadOnly()
    assert "唯讀" in window.windowTitle()
    assert window.lock_banner.isVisibleTo(window) and "已核定" in window.lock_banner.text()
    dialogs.answer = False
    assert window.plan_editor.change_status("草稿") is False  # asked and declined
    assert _disk_plan(library, plan_id).status == "核定"
    dialogs.answer = True
    assert window.plan_editor.change_status("草稿") is True
    assert window.actions["new_sibling"].isEnabled()
    assert not window.lock_banner.isVisibleTo(window)
    assert _disk_plan(library, plan_id).status == "草稿"
    library.close()


def test_second_window_on_same_library_is_read_only(qtbot, tmp_path, dialogs):
    from desktop.gui.app import create_main_window
    library, _ = library_with(tmp_path / "lib.sqlite", "hualien-108")
    library.close()
    first = create_main_window(tmp_path / "lib.sqlite")
    second = create_main_window(tmp_path / "lib.sqlite")
    qtbot.addWidget(first)
    qtbot.addWidget(second)
    assert not first.read_only and second.read_only
    second.announce_startup()
    assert "唯讀" in dialogs.errors[-1]
    second.controller.select(second.document.plan.tree[0].id)
    second.controller.new_sibling(edit=False)
    assert "唯讀" in dialogs.errors[-1]
    assert len(second.document.plan.tree) == len(first.document.plan.tree)
    first.close()
    second.close()
    first.library.close()
    second.library.close()


def test_f2_inline_title_edit_and_ctrl_enter(qtbot, tmp_path, dialogs):
    library, (plan_id,) = library_with(tmp_path / "lib.sqlite", "hualien-108")
    window = make_window(qtbot, library, plan_id)
    _focus_tree(qtbot, window)
    plan = window.document.plan
    node = plan.tree[1]
    window.controller.select(node.id)
    qtbot.keyClick(window.tree, Qt.Key_F2)
    editor = window.tree.focusWidget()
    assert editor is not window.tree and editor.text() == node.title
    editor.selectAll()
    type_text(editor, "服務傳遞")
    qtbot.keyClick(editor, Qt.Key_Return)  # commits the edit; does not add an item
    qtbot.waitUntil(lambda: node.title == "服務傳遞")  # the delegate commits on the next event-loop turn
    assert node.title == "服務傳遞" and len(plan.tree) == 5
    assert _disk_plan(library, plan_id).tree[1].title == "服務傳遞"
    assert window.model.data(window.model.index_of(node.id)) == "二、服務傳遞"
    assert window.status_label.text().startswith("已自動儲存")
    window.tree.setFocus()
    children = len(node.children)
    qtbot.keyClick(window.tree, Qt.Key_Return, Qt.ControlModifier)
    assert len(node.children) == children + 1
    assert len(_disk_plan(library, plan_id).tree[1].children) == children + 1
    labels = [a.text() for a in window.tree.context_actions if a is not None]
    assert {"縮排", "凸排", "剪下", "複製", "貼上", "刪除項目"} <= set(labels)
    library.close()


def test_word_control_characters_are_cleaned(qtbot, tmp_path, dialogs):
    library, (plan_id,) = library_with(tmp_path / "lib.sqlite", "hualien-108")
    window = make_window(qtbot, library, plan_id)
    node = window.document.plan.tree[0].children[0].children[0]
    window.controller.select(node.id)
    window.detail.text.setPlainText("第一行\x0b第二行\x0c第三行\x07")  # as pasted from Word
    assert _disk_plan(library, plan_id).tree[0].children[0].children[0].text == "第一行\n第二行\n第三行"
    library.close()


def test_uncaught_exception_becomes_one_sentence_and_a_log(qtbot, tmp_path, dialogs):
    from desktop.gui import crash
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        crash.handle_exception(type(exc), exc, exc.__traceback__)
    assert len(dialogs.errors) == 1 and "boom" not in dialogs.errors[0]
    assert str(crash.log_path()) in dialogs.errors[0]
    assert "RuntimeError: boom" in crash.log_path().read_text(encoding="utf-8")


def test_every_menu_action_runs_without_error(qtbot, tmp_path, dialogs, monkeypatch):
    """Each action once, on a plan and on an empty window; hooks and modal
    dialogs answered by recorders. pytest-qt fails the test on any exception."""
    calls = []
    monkeypatch.setattr("desktop.gui.new_plan_dialog.ask_new_plan", lambda parent, current: None)
    monkeypatch.setattr("desktop.gui.shortcuts_help.ShortcutsDialog.exec", lambda self: calls.append("keys"))
    monkeypatch.setattr("desktop.gui.library_panel.QInputDialog.getText", lambda *a, **k: ("", False))
    monkeypatch.setattr("desktop.gui.library_panel.QInputDialog.getItem", lambda *a, **k: ("", False))
    monkeypatch.setattr("desktop.gui.zoom.QInputDialog.getInt", lambda *a, **k: (14, True))
    library, (plan_id,) = library_with(tmp_path / "lib.sqlite", "hualien-108")
    window = make_window(qtbot, library, plan_id)
    window.show()
    monkeypatch.setattr("desktop.gui.hooks.load",
                        lambda module, name: (lambda *args: calls.append(module)))
    names = [n for n in window.actions if n not in ("quit", "delete_plan")]
    for name in names:
        window.controller.select(window.document.plan.tree[-1].id)
        window.actions[name].trigger()
    assert {"import_dialog", "export_dialog", "print_preview", "clone_wizard", "diff_view",
            "about", "keys", "backup_dialog"} <= set(calls)
    assert len(library.list_plans()) == 2  # 建立計畫複本 ran
    for _ in range(2):
        window.actions["delete_plan"].trigger()
    assert window.document is None and window.model.rowCount() == 0
    for name in names:
        window.actions[name].trigger()  # nothing open: each is a no-op or a message
    assert library.list_plans() == []
    library.close()


def test_drop_onto_a_row_in_the_view_moves_once(qtbot, tmp_path, dialogs):
    """A real QDropEvent on the view: the node becomes the target's last child in
    one undo step, and the view does not delete the source row on its own."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDropEvent
    library, (plan_id,) = library_with(tmp_path / "lib.sqlite", "hualien-108")
    window = make_window(qtbot, library, plan_id)
    window.show()
    qtbot.waitExposed(window)
    plan = window.document.plan
    source, target = plan.tree[4], plan.tree[0]
    count = len(list(plan.walk()))
    window.tree.collapseAll()
    mime = window.model.mimeData([window.model.index_of(source.id)])
    rect = window.tree.visualRect(window.model.index_of(target.id))
    event = QDropEvent(QPointF(rect.center()), Qt.MoveAction, mime, Qt.LeftButton, Qt.NoModifier)
    window.tree.dropEvent(event)
    assert target.children[-1] is source and len(plan.tree) == 4
    assert len(list(plan.walk())) == count
    assert window.model.rowCount() == 4
    assert window.actions["undo"].text() == "復原 拖曳移動"
    disk = _disk_plan(library, plan_id)
    assert disk.tree[0].children[-1].id == source.id and len(list(disk.walk())) == count
    # onto its own child: refused with one sentence
    window.tree.expandAll()
    window.tree.scrollTo(window.model.index_of(source.children[0].id))
    qtbot.wait(20)  # let the view lay out the expanded rows
    child = source.children[0]
    mime = window.model.mimeData([window.model.index_of(source.id)])
    rect = window.tree.visualRect(window.model.index_of(child.id))
    window.tree.dropEvent(QDropEvent(QPointF(rect.center()), Qt.MoveAction, mime, Qt.LeftButton,
                                     Qt.NoModifier))
    assert "自己底下" in dialogs.errors[-1]
    assert target.children[-1] is source
    # a real drag from this view: the view itself recognises the own subtree
    window.controller.select(source.id)
    assert window.tree._into_own_subtree(rect.center())
    other = window.tree.visualRect(window.model.index_of(plan.tree[1].id)).center()
    assert not window.tree._into_own_subtree(other)
    library.close()


def test_shortcut_help_lists_the_real_keys(qtbot, tmp_path, dialogs):
    from desktop.gui.shortcuts_help import ShortcutsDialog, shortcut_rows
    library, (plan_id,) = library_with(tmp_path / "lib.sqlite", "hualien-108")
    window = make_window(qtbot, library, plan_id)
    rows = dict(shortcut_rows(window.actions))
    assert rows["縮排"] == "Tab" and rows["上移"].startswith("Alt+")  # key names are localised
    assert rows["新增子項目"] == "Ctrl+Enter／Insert" and "刪除項目" in rows and "剪下" in rows  # Return ≡ Enter
    dialog = ShortcutsDialog(window.actions, window)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == len(rows)
    library.close()
