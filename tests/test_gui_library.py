"""Library panel (new, duplicate, rename, delete, restore), search and the
plan properties / sections editor — each checked in the library file."""
from conftest import saved_plan
from gui_fixtures import dialogs  # noqa: F401 (fixture)
from gui_helpers import library_with, make_window, reopen, type_text


from desktop.gui.library_panel import PlanIdRole
from desktop.gui.search_panel import HitRole


def _plans(library):
    disk = reopen(library)
    try:
        return {p.id: p for p in disk.list_plans()}
    finally:
        disk.close()


def test_library_panel_groups_and_commands(qtbot, tmp_path, dialogs, monkeypatch):
    library, (hualien, taipei) = library_with(tmp_path / "lib.sqlite", "hualien-108", "taipei-114")
    window = make_window(qtbot, library, hualien)
    panel = window.library_panel
    offices = [panel.tree.topLevelItem(i).text(0) for i in range(panel.tree.topLevelItemCount())]
    assert sorted(offices) == sorted({p.office for p in library.list_plans()})
    assert {item.text(1).split()[0] for item in panel.items()} <= {"草稿", "陳核", "核定"}

    new_id = panel.new_plan()  # five-面向 skeleton for the same office, next year
    new = saved_plan(library.path, new_id)
    assert new.office == window.document_for(hualien).plan.office and new.year == 109
    assert len(new.tree) == 5 and window.document.plan.id == new_id
    empty_id = panel.new_plan(empty=True, office="測試處", year=115)
    assert saved_plan(library.path, empty_id).tree == []

    window.open_plan(hualien)
    copy_id = panel.duplicate()
    copy = saved_plan(library.path, copy_id)
    assert copy.title.endswith("（複本）") and len(list(copy.walk())) == len(
        list(window.document_for(hualien).plan.walk()))

    panel.rename("新名稱")
    assert _plans(library)[copy_id].title == "新名稱"
    window.controller.undo()  # renaming is an undoable plan edit
    assert _plans(library)[copy_id].title == copy.title

    panel.delete()
    assert dialogs.questions and "資源回收筒" in dialogs.questions[-1]
    assert copy_id not in _plans(library)
    assert window.document is None or window.document.plan.id != copy_id
    monkeypatch.setattr("desktop.gui.library_panel.QInputDialog.getItem",
                        lambda *args, **kw: (args[3][0], True))
    assert panel.restore() == copy_id
    assert copy_id in _plans(library)
    library.close()


def test_search_opens_plan_and_selects_node(qtbot, tmp_path, dialogs):
    library, (hualien, taipei) = library_with(tmp_path / "lib.sqlite", "hualien-108", "taipei-114")
    window = make_window(qtbot, library, hualien)
    target = next(n for n in library.load_plan(taipei).walk() if len(n.text) > 20)
    window.search_panel.box.setText(target.text[3:12])
    window.search_panel.run()
    items = [window.search_panel.results.item(i) for i in range(window.search_panel.results.count())]
    hit = next(i for i in items if i.data(HitRole) and i.data(HitRole)[1] == target.id)
    window.search_panel._chosen(hit)
    assert window.document.plan.id == taipei
    assert window.controller.current_id() == target.id
    assert window.detail.text.toPlainText() == target.text
    library.close()


def test_properties_and_sections_editing_undo(qtbot, tmp_path, dialogs):
    library, (plan_id,) = library_with(tmp_path / "lib.sqlite", "hualien-108")
    window = make_window(qtbot, library, plan_id)
    window.show()
    editor = window.plan_editor
    plan = window.document.plan
    office = plan.office
    editor.fields["office"].setFocus()
    editor.fields["office"].end(False)
    type_text(editor.fields["office"], "東區")
    assert saved_plan(library.path, plan_id).office == office + "東區"
    assert "東區" in window.windowTitle()
    window.controller.undo()
    assert saved_plan(library.path, plan_id).office == office
    assert editor.fields["office"].text() == office

    other = next(i for i in range(editor.profile.count()) if editor.profile.itemData(i) != plan.profile)
    editor.profile.setCurrentIndex(other)
    editor.profile.activated.emit(other)
    assert saved_plan(library.path, plan_id).profile == editor.profile.itemData(other)
    window.controller.undo()
    assert saved_plan(library.path, plan_id).profile == plan.profile

    sections = editor.sections
    count = len(plan.sections)
    sections.list.setCurrentRow(0)
    sections.add_section()
    assert len(saved_plan(library.path, plan_id).sections) == count + 1
    assert sections.list.currentRow() == 1
    sections.heading.setFocus()
    sections.heading.selectAll()
    type_text(sections.heading, "服務承諾")
    assert saved_plan(library.path, plan_id).sections[1].heading == "服務承諾"
    assert sections.list.item(1).text() == "貳、服務承諾"
    sections.add_paragraph()
    type_text(sections.paragraph_text, "每件申請三日內回覆。")
    sections.paragraph_numbered.setChecked(True)
    stored = saved_plan(library.path, plan_id).sections[1]
    assert [(p.text, p.numbered) for p in stored.paragraphs] == [("每件申請三日內回覆。", True)]
    sections.move_section(+1)
    assert saved_plan(library.path, plan_id).sections[2].heading == "服務承諾"
    # the table section cannot be removed
    table_row = next(i for i, s in enumerate(plan.sections) if s.kind == "table")
    sections.list.setCurrentRow(table_row)
    sections.remove_section()
    assert "不能刪除" in dialogs.errors[-1]
    sections.notes.setFocus()
    sections.notes.moveCursor(sections.notes.textCursor().MoveOperation.End)
    type_text(sections.notes, "\n※ 新附註")
    assert saved_plan(library.path, plan_id).table_section().notes[-1] == "※ 新附註"
    while window.document.undo():
        pass
    restored = saved_plan(library.path, plan_id)
    assert [s.heading for s in restored.sections] == [s.heading for s in library.load_plan(plan_id).sections]
    assert len(restored.sections) == count
    library.close()


def test_check_panel_locate_and_missing_hook(qtbot, tmp_path, dialogs, monkeypatch):
    library, (plan_id,) = library_with(tmp_path / "lib.sqlite", "hualien-108")
    window = make_window(qtbot, library, plan_id)
    node = window.document.plan.tree[2].children[0]
    window.locate(node.id)
    assert window.controller.current_id() == node.id
    section = window.document.plan.sections[1]
    window.locate(f"section:{section.id}")
    assert window.tabs.currentWidget() is window.plan_editor
    assert window.plan_editor.sections.current_section().id == section.id
    from desktop.gui import hooks
    for module, name in hooks.HOOKS.items():  # every part the menus call is there
        assert callable(hooks.load(module, name)), module
    library.close()


def test_dropped_word_file_goes_to_the_import_dialog(qtbot, tmp_path, dialogs, monkeypatch):
    from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
    from PySide6.QtGui import QDropEvent
    library, (plan_id,) = library_with(tmp_path / "lib.sqlite", "hualien-108")
    window = make_window(qtbot, library, plan_id)
    calls = []
    new_id = library.add_plan(library.load_plan(plan_id))
    monkeypatch.setattr("desktop.gui.hooks.load",
                        lambda module, name: (lambda parent, lib, path: calls.append(path) or new_id))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "old.docx"))])
    event = QDropEvent(QPoint(5, 5), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    window.dropEvent(event)
    assert calls == [tmp_path / "old.docx"]
    assert window.document.plan.id == new_id
    library.close()


def test_new_plan_dialog_empty_or_skeleton(qtbot, tmp_path, dialogs, monkeypatch):
    from PySide6.QtWidgets import QDialog
    from desktop.gui.new_plan_dialog import NewPlanDialog, ask_new_plan
    library, (plan_id,) = library_with(tmp_path / "lib.sqlite", "hualien-108")
    window = make_window(qtbot, library, plan_id)
    current = window.document.plan
    dialog = NewPlanDialog(window, current)
    qtbot.addWidget(dialog)
    assert dialog.office.text() == current.office and dialog.year.value() == current.year + 1

    def answer(self):
        self.empty.setChecked(True)
        self.office.setText("花蓮區營業處")
        self.year.setValue(115)
        return QDialog.Accepted
    monkeypatch.setattr(NewPlanDialog, "exec", answer)
    assert ask_new_plan(window, current) == (True, "花蓮區營業處", 115)
    window.new_plan()
    plans = {(p.office, p.year) for p in reopen(library).list_plans()}
    assert ("花蓮區營業處", 115) in plans
    assert window.document.plan.year == 115 and window.document.plan.tree == []
    library.close()


def test_library_panel_shows_status_with_its_history(qtbot, tmp_path, dialogs):
    library, (plan_id,) = library_with(tmp_path / "lib.sqlite", "xinying-111")
    window = make_window(qtbot, library, plan_id)
    assert window.plan_editor.change_status("陳核") is True
    assert window.plan_editor.change_status("核定") is True
    (item,) = [i for i in window.library_panel.items() if i.data(0, PlanIdRole) == plan_id]
    status, day = item.text(1).split()
    at = reopen(library).status_history(plan_id)[-1][1]  # ISO 2026-12-02T… → ROC 115/12/02
    assert status == "核定" and day == f"{int(at[:4]) - 1911}/{at[5:7]}/{at[8:10]}"
    lines = item.toolTip(1).splitlines()[1:]
    assert [line.split()[-1] for line in lines] == ["草稿", "陳核", "核定"]
