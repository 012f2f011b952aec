"""GUI: clone wizard (review proposals one by one), check panel (locate), diff view."""
import re
import zipfile

from PySide6.QtCore import Qt

from desktop.model import Node
from gui_helpers import Dialogs, library_with


def test_clone_wizard_accept_and_reject_one_by_one(qtbot, tmp_path):
    from desktop.gui.clone_wizard import CloneWizard
    library, (plan_id,) = library_with(tmp_path / "lib.sqlite", "hualien-108")
    wizard = CloneWizard(library, plan_id)
    qtbot.addWidget(wizard)
    assert wizard.year_spin.value() == 109 and not wizard.disagreement.isVisibleTo(wizard)
    qtbot.mouseClick(wizard.next_button, Qt.LeftButton)
    assert wizard.pages.currentIndex() == 1
    assert wizard.proposal_list.count() == 8
    assert "1 項說明過去的事" in wizard.review_intro.text()
    assert "計畫名稱" in wizard.context_view.toPlainText()
    wizard.decide(True)            # title: accept
    wizard.decide(True)            # date line cleared: accept
    assert not wizard.accept_button.isEnabled()  # the letter is only a flag
    wizard.decide(True)
    wizard.decide(True)            # basis: 台電公司 108 年度 → 109
    qtbot.mouseClick(wizard.reject_button, Qt.LeftButton)  # 計畫目標: not this one
    # 「自 108 年元月起」 is a past event: proposed as keep, with the reason shown
    assert wizard.proposal_list.currentRow() == 5
    past = wizard.proposal_list.item(5)
    assert past.checkState() == Qt.Unchecked and "建議保留" in past.text()
    assert "過去開始的事" in wizard.context_view.toPlainText()
    qtbot.mouseClick(wizard.accept_button, Qt.LeftButton)  # one click still accepts
    assert past.checkState() == Qt.Checked and wizard.proposal_list.currentRow() == 6
    qtbot.mouseClick(wizard.next_button, Qt.LeftButton)
    assert wizard.new_id is not None and wizard.result() == wizard.DialogCode.Accepted
    clone = library.load_plan(wizard.new_id)
    assert clone.year == 109 and clone.status == "草稿" and "109 年度" in clone.title
    texts = [n.text for n in clone.walk()]
    assert any("自 109 年元月起" in t for t in texts)
    assert "「108 年度提升服務效能計畫」" in clone.sections[1].paragraphs[0].text
    assert "109 年 7 月 5 日及 110 年 1 月 6 日前" in clone.sections[5].paragraphs[1].text
    assert library.load_plan(plan_id).title.startswith("花蓮區營業處 108")
    library.close()


def test_clone_wizard_says_first_when_the_source_years_disagree(qtbot, tmp_path):
    from pathlib import Path
    from desktop.exchange import read_plan_file
    from desktop.gui.clone_wizard import CloneWizard
    library, _ = library_with(tmp_path / "lib.sqlite")
    plan_id = library.add_plan(read_plan_file(Path(__file__).parent / "fixtures" / "taiwater-1-108.json"))
    wizard = CloneWizard(library, plan_id)
    qtbot.addWidget(wizard)
    wizard.show()
    first = wizard.pages.widget(0).layout().itemAt(0).widget()
    assert first is wizard.disagreement and wizard.disagreement.isVisible()
    assert "計畫名稱寫的是 108 年度" in wizard.disagreement.text()
    assert wizard.year_spin.value() == 110  # the body's 109 + 1, not the title's 108 + 1
    wizard.next_step()
    assert wizard.review_intro.text().startswith("年份不一致")
    wizard.next_step()
    clone = library.load_plan(wizard.new_id)
    assert "110年度" in clone.title
    assert {n.period[:4] for n in clone.walk() if n.period[:1].isdigit()} == {"110年"}
    library.close()


def test_run_clone_wizard_cancel_returns_none(qtbot, tmp_path, monkeypatch):
    from desktop.gui import clone_wizard
    library, (plan_id,) = library_with(tmp_path / "lib.sqlite", "taipei-114")
    shown = []

    def cancel(wizard):  # the person presses 取消 on the first page
        shown.append(wizard.year_spin.value())
        wizard.reject()
        return 0
    monkeypatch.setattr(clone_wizard.CloneWizard, "exec", cancel)
    assert clone_wizard.run_clone_wizard(None, library, plan_id) is None
    assert shown == [115] and [p.id for p in library.list_plans()] == [plan_id]
    library.close()


def test_check_panel_lists_and_locates(qtbot, tmp_path):
    from desktop.gui.check_panel import CheckPanel
    library, (plan_id,) = library_with(tmp_path / "lib.sqlite", "xinying-111")
    plan = library.load_plan(plan_id)
    plan.tree[0].children[0].children.append(Node())
    panel = CheckPanel(library)
    qtbot.addWidget(panel)
    panel.show_plan(plan)
    rows = [panel.list.topLevelItem(i).text(3) for i in range(panel.list.topLevelItemCount())]
    assert rows[0] == "空白項目" and "括號標點全半形混用" in rows  # Chinese names, not rule ids
    assert "錯誤 1 項" in panel.summary.text()
    with qtbot.waitSignal(panel.locate) as signal:
        panel.choose(0)
    assert signal.args == [plan.tree[0].children[0].children[-1].id]
    plan.date_line = ""
    panel.show_plan(plan)  # an edit: re-checked after a pause
    qtbot.waitUntil(lambda: any(f.rule == "date-line" for f in panel.findings), timeout=3000)
    row = next(i for i, f in enumerate(panel.findings) if f.rule == "date-line")
    with qtbot.waitSignal(panel.locate) as signal:
        panel.choose(row)
    assert signal.args == [f"section:{plan.sections[0].id}"]
    library.close()


def test_check_panel_quiet_plan(qtbot, tmp_path):
    from desktop.gui.check_panel import CheckPanel
    from test_checks import good_plan
    library, _ = library_with(tmp_path / "lib.sqlite")
    panel = CheckPanel(library)
    qtbot.addWidget(panel)
    panel.show_plan(good_plan())
    assert panel.list.topLevelItemCount() == 0 and panel.summary.text() == "沒有發現問題。"
    library.close()


def test_diff_view_side_by_side_with_marks_and_saves(qtbot, tmp_path, monkeypatch):
    from desktop.clone import clone_plan
    from desktop.document import PlanDocument
    from desktop.gui.diff_view import DiffView
    from desktop.ops import DeleteNodes, EditNode
    dialogs = Dialogs(monkeypatch)
    library, (old_id, other_id) = library_with(tmp_path / "lib.sqlite", "hualien-108", "taipei-114")
    new_id, _ = clone_plan(library, old_id, 109)
    doc = PlanDocument.open(library, new_id)
    strategy = doc.plan.tree[0].children[0]
    item = strategy.children[1].children[0]
    doc.apply(EditNode(item.id, {"text": item.text + "，並每季檢討辦理情形。"}))
    doc.apply(DeleteNodes([strategy.children[1].children[2].id]))
    view = DiffView(library, new_id)
    qtbot.addWidget(view)
    assert view.other_combo.currentData() == old_id
    assert [e.label for e in view.entries].count("刪除") == 1
    assert view.summary.text().startswith("新增 0 項、刪除 1 項、") and "重新編號" in view.summary.text()
    page = view.browser.toHtml()
    # 上年度 left, 本年度 right; the added words underlined, the deleted item struck through
    assert page.index("上年度") < page.index("本年度")
    assert re.search(r"text-decoration: ?underline[^>]*>，並每季檢討辦理情形。<", page)
    assert re.search(r"text-decoration: ?line-through[^>]*>進行客戶關懷活動", page)
    shown = view.browser.toPlainText()
    assert "一、(一)2.(3)" in shown and "（無）" in shown
    out = view.save_to(tmp_path / "t.odt")
    with zipfile.ZipFile(out) as z:
        assert "新舊對照表" in z.read("content.xml").decode("utf-8")
    view.other_combo.setCurrentIndex(view.other_combo.findData(other_id))
    assert len(view.entries) > 20 and "新增" in view.summary.text()
    monkeypatch.setattr("desktop.gui.diff_view.QFileDialog.getSaveFileName",
                        lambda *a: (str(tmp_path / "x.pdf"), ""))
    view.save_dialog()
    assert dialogs.errors and ".docx 或 .odt" in dialogs.errors[-1]
    library.close()


def test_check_panel_survives_closed_library(qtbot, tmp_path):
    from desktop.gui.check_panel import CheckPanel
    library, (plan_id,) = library_with(tmp_path / "lib.sqlite", "taipei-114")
    plan = library.load_plan(plan_id)
    panel = CheckPanel(library)
    qtbot.addWidget(panel)
    panel.show_plan(plan)
    library.close()  # the window closed the library while a re-check was pending
    panel.refresh()
    assert {f.rule for f in panel.findings} == {"mixed-punctuation"}


def test_main_window_check_dock_selects_the_finding_and_clone_opens(qtbot, tmp_path, monkeypatch):
    from desktop.gui import clone_wizard
    from desktop.gui.check_panel import CheckPanel
    from gui_helpers import make_window
    Dialogs(monkeypatch)
    library, (plan_id,) = library_with(tmp_path / "lib.sqlite", "hualien-108")
    window = make_window(qtbot, library, plan_id)
    panel = window.check_panel
    assert isinstance(panel, CheckPanel) and panel.findings
    row = next(i for i, f in enumerate(panel.findings) if f.rule == "duplicate-text")
    panel.choose(row)
    current = window.model.node(window.tree.currentIndex())
    assert current.id == panel.findings[row].target
    monkeypatch.setattr(clone_wizard, "run_clone_wizard",
                        lambda parent, lib, pid: clone_wizard.create_clone(
                            lib, clone_wizard.preview_clone(lib, pid, 109)))
    window.clone_year()
    assert window.document.plan.year == 109 and window.document.plan.id != plan_id
    library.close()


def test_clone_wizard_asks_before_a_second_plan_for_the_same_year(qtbot, tmp_path, monkeypatch):
    from desktop.clone import clone_plan
    from desktop.gui.clone_wizard import CloneWizard
    answers = Dialogs(monkeypatch, answer=False)
    library, (plan_id,) = library_with(tmp_path / "lib.sqlite", "xinying-111")
    clone_plan(library, plan_id, 112)
    wizard = CloneWizard(library, plan_id)
    qtbot.addWidget(wizard)
    wizard.next_step()
    assert wizard.pages.currentIndex() == 0 and "已有 112 年度的計畫" in answers.questions[0]
    answers.answer = True
    wizard.next_step()
    assert wizard.pages.currentIndex() == 1
    library.close()
