"""Every operation, its undo and redo, and that each step reached the file."""
import copy

import pytest

from conftest import fixture_path, saved_plan
from desktop.document import PlanDocument
from desktop.errors import PlanDeskError
from desktop.exchange import plan_to_dict, read_plan_file
from desktop.model import Department, Node, Paragraph, Section
from desktop.ops import (Compound, DeleteNodes, EditNode, EditPlan, InsertNodes, MoveNode,
                         SetSections, clone_nodes, indent, move_by, outdent)


@pytest.fixture
def doc(library):
    plan_id = library.add_plan(read_plan_file(fixture_path("hualien-108")))
    return PlanDocument.open(library, plan_id)


def on_disk(doc) -> dict:
    """The plan as a brand-new connection reads it from the file."""
    return plan_to_dict(saved_plan(doc.library.path, doc.plan.id))


def check_cycle(doc, op, expect):
    """Apply, check, undo back to the start, redo back to the result; the file follows each step."""
    before = plan_to_dict(doc.plan)
    doc.apply(op)
    after = plan_to_dict(doc.plan)
    assert after != before
    expect(doc.plan)
    assert on_disk(doc) == after
    doc.undo()
    assert plan_to_dict(doc.plan) == before == on_disk(doc)
    doc.redo()
    assert plan_to_dict(doc.plan) == after == on_disk(doc)
    return after


def strategy(doc, i=0, j=0):
    return doc.plan.tree[i].children[j]


def test_edit_node(doc):
    node = strategy(doc).children[0]
    depts = [Department("服務中心", "主辦"), Department("資訊課", "協辦")]

    def expect(plan):
        n = plan.find(node.id)[0]
        assert (n.text, n.period, n.departments) == ("新的作法", "每月辦理", depts)
    check_cycle(doc, EditNode(node.id, {"text": "新的作法", "period": "每月辦理", "departments": depts}), expect)


def test_insert_node_and_numbering_follows(doc):
    parent = strategy(doc)
    new = Node(title="新增的作法")

    def expect(plan):
        tokens = plan_to_dict(plan)["tree"][0]["children"][0]["children"]
        assert tokens[0]["title"] == "新增的作法" and tokens[0]["number"] == "1."
        assert tokens[1]["number"] == "2." and tokens[1]["title"] == "訂定申辦業務標準作業流程"
    check_cycle(doc, InsertNodes(parent.id, 0, [new]), expect)


def test_delete_subtree(doc):
    target = strategy(doc).children[1]  # 2. 提升服務及時性 with 7 children
    count = sum(1 for _ in doc.plan.walk())

    def expect(plan):
        assert sum(1 for _ in plan.walk()) == count - 8
        with pytest.raises(KeyError):
            plan.find(target.id)
    check_cycle(doc, DeleteNodes([target.id]), expect)


def test_move_between_parents(doc):
    item = strategy(doc).children[1].children[0]
    dest = strategy(doc, 1, 0)

    def expect(plan):
        assert plan.find(item.id)[1].id == dest.id
        assert plan.path_of(item.id) == [1, 0, 2]
    check_cycle(doc, MoveNode(item.id, dest.id, 2), expect)


def test_move_down_within_siblings(doc):
    first = strategy(doc).children[0]
    check_cycle(doc, move_by(doc.plan, first.id, +1),
                lambda plan: plan.path_of(first.id) == [0, 0, 1] or pytest.fail("not moved"))


def test_indent_and_outdent(doc):
    second = strategy(doc).children[1]
    first = strategy(doc).children[0]
    check_cycle(doc, indent(doc.plan, second.id),
                lambda plan: plan.find(second.id)[1].id == first.id or pytest.fail("not indented"))
    doc.undo()
    deep = second.children[0]
    check_cycle(doc, outdent(doc.plan, deep.id),
                lambda plan: plan.path_of(deep.id) == [0, 0, 2] or pytest.fail("not outdented"))


def test_move_into_own_subtree_is_refused(doc):
    top = doc.plan.tree[0]
    inner = top.children[0].children[1]
    before = plan_to_dict(doc.plan)
    with pytest.raises(PlanDeskError, match="自己底下"):
        doc.apply(MoveNode(top.id, inner.id, 0))
    assert plan_to_dict(doc.plan) == before == on_disk(doc)


def test_edit_plan_properties(doc):
    def expect(plan):
        assert (plan.year, plan.title, plan.columns[4]) == (109, "新標題", "完成期限")
    check_cycle(doc, EditPlan({"year": 109, "title": "新標題",
                               "columns": ["面向", "執行策略", "具體作法", "承辦部門", "完成期限"]}), expect)


def test_edit_sections(doc):
    sections = copy.deepcopy(doc.plan.sections)
    sections.insert(1, Section(heading="服務內涵", paragraphs=[Paragraph("一段說明", True)]))
    sections[0].paragraphs[0].text = "依據新的函"

    def expect(plan):
        out = plan_to_dict(plan)["sections"]
        assert [s["number"] for s in out[:3]] == ["壹、", "貳、", "參、"]
        assert out[1]["heading"] == "服務內涵" and out[1]["paragraphs"][0]["number"] == "一、"
    check_cycle(doc, SetSections(sections), expect)


def test_sections_must_keep_exactly_one_table(doc):
    without_table = [s for s in doc.plan.sections if s.kind != "table"]
    with pytest.raises(PlanDeskError, match="表格章節"):
        doc.apply(SetSections(without_table))


def test_compound_paste_is_one_step_and_gets_fresh_ids(doc):
    source = strategy(doc).children[1]
    parent = strategy(doc, 1, 0)
    pasted = clone_nodes([source, source])
    before = plan_to_dict(doc.plan)
    doc.apply(Compound([InsertNodes(parent.id, 0, pasted[:1]), InsertNodes(parent.id, 1, pasted[1:])], "貼上"))
    ids = [n.id for n in doc.plan.walk()]
    assert len(ids) == len(set(ids))
    assert doc.undo_label() == "貼上"
    doc.undo()
    assert plan_to_dict(doc.plan) == before == on_disk(doc)


def test_typing_in_one_field_is_one_undo_step(doc):
    node = strategy(doc).children[0]
    original = node.text
    for text in ("訂", "訂定", "訂定新"):
        doc.apply(EditNode(node.id, {"text": text}), merge_key=(node.id, "text"))
    assert on_disk(doc)["tree"][0]["children"][0]["children"][0]["text"] == "訂定新"
    doc.undo()
    assert doc.plan.find(node.id)[0].text == original
    assert not doc.undo_label()


def test_approved_plan_is_locked(doc):
    doc.apply(EditPlan({"status": "核定"}))
    node = strategy(doc)
    with pytest.raises(PlanDeskError, match="已核定"):
        doc.apply(EditNode(node.id, {"title": "改"}))
    doc.apply(EditPlan({"status": "草稿"}))
    doc.apply(EditNode(node.id, {"title": "改"}))
    assert [s for s, _ in doc.library.status_history(doc.plan.id)] == ["草稿", "核定", "草稿"]
    other = doc.library.add_plan(read_plan_file(fixture_path("taipei-114")))
    histories = doc.library.status_histories()
    assert histories[doc.plan.id] == doc.library.status_history(doc.plan.id)
    assert [s for s, _ in histories[other]] == ["草稿"]


def test_department_rename_across_office(library):
    a = library.add_plan(read_plan_file(fixture_path("hualien-108")))
    b = library.add_plan(read_plan_file(fixture_path("hualien-108")))
    other = library.add_plan(read_plan_file(fixture_path("taipei-114")))
    assert "服務中心" in library.roster("花蓮區營業處")
    changed = library.rename_department("花蓮區營業處", "服務中心", "客服中心")
    assert changed > 20
    for plan_id in (a, b):
        names = {d.name for n in library.load_plan(plan_id).walk() for d in n.departments}
        assert "客服中心" in names and "服務中心" not in names
    assert "客服中心" in library.roster("花蓮區營業處") and "服務中心" not in library.roster("花蓮區營業處")
    assert "客服中心" not in library.roster("台北市區營業處")
    assert plan_to_dict(library.load_plan(other)) == plan_to_dict(read_plan_file(fixture_path("taipei-114")))
