"""Guard rails (issue 14 point 7) and Chinese rule names (point 6): over-long
titles, invisible/bidi control characters with one-click cleanup, leaf items
without a department — in the core, the CLI and the check panel."""
import json

from conftest import run_cli
from desktop.checks import RULES, check_plan, rule_name
from desktop.checks.fixes import strip_invisible_op
from desktop.document import PlanDocument
from desktop.exchange import dumps
from desktop.model import Department, Node
from desktop.profiles import load_profile
from gui_helpers import Dialogs, make_window
from test_checks import good_plan, rules_of

RLO, ZWSP = "\u202e", "\u200b"


def test_every_rule_has_a_chinese_name():
    for rule_id in RULES:
        name = rule_name(rule_id)
        assert name != rule_id and all(not ch.isascii() or ch in "（）" for ch in name), rule_id
    assert rule_name("unknown-rule") == "unknown-rule"


def test_title_longer_than_the_profile_allows():
    plan = good_plan()
    limit = load_profile(plan.profile)["max_title_chars"]
    plan.tree[0].children[0].title = "服" * limit
    assert "title-length" not in rules_of(plan)
    plan.tree[0].children[0].title = "服" * 6000
    plan.title = "計" * (limit + 1)
    found = [f for f in check_plan(plan) if f.rule == "title-length"]
    assert [f.target for f in found] == ["plan:title", plan.tree[0].children[0].id]
    assert f"6000 字，超過版面設定的上限 {limit} 字" in found[1].message


def test_invisible_characters_found_and_cleaned_in_one_undo_step(library):
    plan = good_plan()
    leaf = plan.tree[0].children[0].children[0]
    leaf.title = f"{RLO}反向文字"
    leaf.departments = [Department(f"業務{ZWSP}組", "主辦")]
    plan.sections[1].paragraphs[0].text += ZWSP
    plan.date_line = "\ufeff" + plan.date_line
    found = [f for f in check_plan(plan) if f.rule == "invisible-chars"]
    assert {f.target for f in found} == {"plan:date_line", f"section:{plan.sections[1].id}", leaf.id}
    assert any("由右至左覆寫（RLO）" in f.message for f in found)
    plan_id = library.add_plan(plan)
    document = PlanDocument.open(library, plan_id)
    document.apply(strip_invisible_op(document.plan))
    saved = library.load_plan(plan_id)
    assert "invisible-chars" not in rules_of(saved)
    assert saved.tree[0].children[0].children[0].title == "反向文字"
    assert saved.tree[0].children[0].children[0].departments[0].name == "業務組"
    assert document.undo_label() == "清除隱形字元"
    document.undo()
    assert library.load_plan(plan_id).date_line.startswith("\ufeff")
    assert strip_invisible_op(good_plan()) is None


def test_leaf_item_with_only_a_title_needs_a_department():
    plan = good_plan()
    strategy = plan.tree[0].children[0]
    strategy.children.append(Node(title="新增的項目"))
    found = [f for f in check_plan(plan) if f.rule == "leaf-department"]
    assert [f.target for f in found] == [strategy.children[-1].id]
    strategy.children[-1].departments = [Department("業務組", "主辦")]
    assert "leaf-department" not in rules_of(plan)
    # an empty strategy of a fresh skeleton is no item yet; an inherited department counts
    plan.tree[0].children.append(Node(title="新策略"))
    plan.tree[0].children[1].children.append(Node(title="沿用上層部門"))
    assert "leaf-department" not in rules_of(plan)


def test_cli_shows_names_and_json_keeps_ids(tmp_path):
    plan = good_plan()
    plan.tree[0].children[0].children[0].title = f"{RLO}反向文字"
    source = tmp_path / "plan.json"
    source.write_text(dumps(plan), encoding="utf-8")
    db = tmp_path / "cli.sqlite"
    plan_id = run_cli("--db", db, "import", source).stdout.strip().splitlines()[-1]
    text = run_cli("--db", db, "check", plan_id)
    assert text.returncode == 0 and "\t隱形控制字元\t" in text.stdout and "invisible-chars" not in text.stdout
    data = json.loads(run_cli("--db", db, "check", plan_id, "--json").stdout)
    assert [f["rule"] for f in data] == ["invisible-chars"]


def test_check_panel_names_and_one_click_cleanup(qtbot, library, monkeypatch):
    from PySide6.QtCore import Qt
    Dialogs(monkeypatch)
    plan = good_plan()
    plan.tree[0].children[0].children[0].text = f"訂定{ZWSP}標準作業流程，維持服務措施處理一致性。"
    plan_id = library.add_plan(plan)
    window = make_window(qtbot, library, plan_id)
    panel = window.check_panel
    assert [panel.list.topLevelItem(i).text(3) for i in range(panel.list.topLevelItemCount())] == ["隱形控制字元"]
    window.show()
    assert panel.cleanup_button.isVisible()
    qtbot.mouseClick(panel.cleanup_button, Qt.LeftButton)
    assert panel.list.topLevelItemCount() == 0 and not panel.cleanup_button.isVisible()
    assert ZWSP not in library.load_plan(plan_id).tree[0].children[0].children[0].text
    window.actions["undo"].trigger()
    assert ZWSP in library.load_plan(plan_id).tree[0].children[0].children[0].text
