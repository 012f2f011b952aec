"""Screenshots for the documentation: ``python -m desktop.gui.screenshots DIR``.

Run under Xvfb (``xvfb-run -a -s "-screen 0 1600x1000x24"``) so fonts render as
on a desktop. Uses a throw-away library with the shipped example plans. Run as a
script, it also refreshes the built-in manual's copies (resources/help/images).
"""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from ..demo import example_files
from ..exchange import read_plan_file
from ..library import Library
from ..paths import data_dir
from .app import make_application


def _settle(app, rounds: int = 20) -> None:
    for _ in range(rounds):
        app.processEvents()


def take(out_dir: Path) -> list[Path]:
    from .main_window import MainWindow
    app = make_application([])
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        library = Library.open(Path(tmp) / "shots.sqlite")
        ids = {path.stem: library.add_plan(read_plan_file(path)) for path in example_files()}
        window = MainWindow(library, restore=False)
        window.resize(1560, 940)
        window.show()
        window.main_splitter.setSizes([360, 1200])
        window.editor_splitter.setSizes([800, 460])

        def shot(name):
            _settle(app)
            path = out_dir / name
            window.grab().save(str(path))
            written.append(path)

        window.open_plan(ids["hualien-108"])
        window.tree.expandAll()
        node = window.document.plan.tree[0].children[0].children[1].children[1]
        window.controller.select(node.id)
        shot("main-window-hualien-108.png")

        from .welcome import install
        panel = install(window, force=True)
        shot("welcome-panel.png")
        panel.hide()

        window.open_plan(ids["xinying-111"])
        leaf = next(n for n in window.document.plan.walk()
                    if {d.role for d in n.departments} >= {"主辦", "協辦"} and n.period)
        window.controller.select(leaf.id)
        shot("detail-editor-lead-assist.png")

        window.open_plan(ids["hualien-108"])
        window.tabs.setCurrentWidget(window.plan_editor)
        sections = window.document.plan.sections
        fullest = max(range(len(sections)), key=lambda i: len(sections[i].paragraphs))
        window.plan_editor.sections.list.setCurrentRow(fullest)
        shot("sections-editor.png")
        _find_and_drop(app, window, shot, out_dir, written)
        _assessment(app, window, shot, out_dir, written)
        _markup_review(window, ids["taipei-114"], Path(tmp), shot)
        window.close()
        _yearly_dialogs(app, library, ids["hualien-108"], Path(tmp), out_dir, written)
        library.close()
    return written


def _assessment(app, window, shot, out_dir: Path, written: list) -> None:
    """The 考核 view with reported results and the reminder, then a merge preview."""
    from datetime import date

    from ..assessment.form_reader import FormRow, ReturnedForm
    from ..assessment.items import review_items
    from ..assessment.merge import preview_forms
    from ..assessment.ops import SetResults
    from ..assessment.render import SAMPLE_RESULTS, sample_results
    from .assessment_dialogs import MergePreviewDialog

    doc = window.document
    items = review_items(doc.plan)
    doc.apply(SetResults(sample_results(doc.plan), "示範執行情形"))
    view = window.assessment_view
    window.tabs.setCurrentWidget(view)
    view.today = date(2019, 6, 24)
    view.refresh()
    view.table.selectRow(3)
    shot("assessment-view.png")

    rows = [FormRow(n + 1, item.key, item.label, text, status)
            for n, (item, (status, text)) in enumerate(zip(items[60:66], SAMPLE_RESULTS * 2))]
    rows.append(FormRow(len(rows) + 1, "", "本課自行增列：辦理用電安全宣導", "於 5 月辦理 2 場", "已完成"))
    other = [FormRow(1, items[3].key, items[3].label, "本課已協助完成系統測試。", "已完成")]
    preview = preview_forms(doc.plan, [ReturnedForm("上半年-收費課.docx", "上半年", "收費課", rows),
                                       ReturnedForm("上半年-資訊課.docx", "上半年", "資訊課", other)])
    dialog = MergePreviewDialog(preview, window)
    dialog.show()
    _settle(app)
    dialog.grab().save(str(out_dir / "assessment-merge-preview.png"))
    written.append(out_dir / "assessment-merge-preview.png")
    dialog.close()
def _markup_review(window, plan_id, tmp: Path, shot) -> None:
    """The review panel beside the tree, for the marked-up copy the tests build
    (tests/markup_docs.py; the screenshots are made from a source checkout)."""
    tests = Path(__file__).resolve().parents[2] / "tests"
    if not (tests / "markup_docs.py").is_file():
        return
    sys.path.insert(0, str(tests))
    from markup_docs import mark_up

    from ..export import export_plan
    window.open_plan(plan_id)
    window.tabs.setCurrentIndex(0)
    returned = mark_up(export_plan(window.document.plan, "docx", tmp / "exported.docx"), tmp / "處長修正.docx")
    window.markup.open_file(returned)
    window.tree.expandAll()
    window.markup.panel.table.selectRow(2)
    window.markup.panel.jump(2)
    window.main_splitter.setSizes([250, 1310])
    window.editor_splitter.setSizes([470, 290, 550])
    shot("markup-review.png")
    window.markup.panel.hide()
    window.main_splitter.setSizes([360, 1200])


def _find_and_drop(app, window, shot, out_dir: Path, written: list) -> None:
    """尋找與取代 beside the plan, and the tree while an item is dragged "inside" a row."""
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QAbstractItemView
    window.tabs.setCurrentIndex(0)
    window.find_replace(True)
    dialog = window.find_dialog
    dialog.find_box.setText("滿意度")
    dialog.replace_box.setText("滿意程度")
    dialog.run()
    dialog.jump(1)
    dialog.move(window.geometry().right() - dialog.width() - 20, window.geometry().top() + 140)
    _settle(app)
    path = out_dir / "find-replace.png"
    # the dialog is its own window: paint it onto the window's picture where it stands
    picture = window.grab()
    painter = QPainter(picture)
    painter.drawPixmap(dialog.geometry().topLeft() - window.geometry().topLeft(), dialog.grab())
    painter.end()
    picture.save(str(path))
    written.append(path)
    dialog.close()

    plan = window.document.plan
    window.tree.collapseAll()
    window.tree.expandToDepth(0)
    target = plan.tree[1].children[0]
    window.controller.select(plan.tree[0].children[1].id)
    window.tree.show_drop_hint(window.model.index_of(target.id), QAbstractItemView.OnItem)
    shot("drop-inside.png")
    window.tree.show_drop_hint(window.model.index_of(plan.tree[1].children[1].id), QAbstractItemView.AboveItem)
    shot("drop-between.png")
    window.tree.show_drop_hint(None, None)


def _yearly_dialogs(app, library, source_id, tmp: Path, out_dir: Path, written: list) -> None:
    """The yearly job: clone with roll-over review, 新舊對照表 and the import preview."""
    from ..clone import clone_plan
    from ..document import PlanDocument
    from ..export import export_plan
    from ..importer import read_document
    from ..ops import DeleteNodes, EditNode, move_by
    from .clone_wizard import CloneWizard
    from .diff_view import DiffView
    from .import_dialog import ImportPreview

    def shot(widget, name):
        widget.show()
        _settle(app)
        widget.grab().save(str(out_dir / name))
        written.append(out_dir / name)
        widget.close()

    wizard = CloneWizard(library, source_id)
    wizard.next_step()
    shot(wizard, "clone-wizard-rollover.png")

    # next year's plan with an edit, a deletion and a move, compared with last year's
    new_id, _ = clone_plan(library, source_id, 109)
    doc = PlanDocument.open(library, new_id)
    strategy = doc.plan.tree[0].children[0]
    item = strategy.children[1].children[0]
    doc.apply(EditNode(item.id, {"text": item.text + "，並每季檢討辦理情形。"}))
    doc.apply(DeleteNodes([strategy.children[1].children[2].id]))
    doc.apply(move_by(doc.plan, strategy.children[1].children[1].id, -1))
    shot(DiffView(library, new_id), "diff-view.png")

    source = export_plan(library.load_plan(source_id), "docx", tmp / "花蓮108.docx")
    plan, report = read_document(source)
    preview = ImportPreview(None, plan, report, source)
    preview.tree.expandToDepth(2)
    preview.tabs.setCurrentIndex(0)
    shot(preview, "import-preview.png")


def copy_to_manual(written: list[Path]) -> None:
    """The manual shows the current screenshots: refresh the ones it uses."""
    images = data_dir("resources") / "help" / "images"
    for path in written:
        if (images / path.name).exists():
            shutil.copyfile(path, images / path.name)


if __name__ == "__main__":
    shots = take(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
    copy_to_manual(shots)
    for written_path in shots:
        print(written_path)
