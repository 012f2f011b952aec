"""Find and replace in the Qt-free core: matches in document order over every
field, replacements as ONE operation (one undo step) that is saved."""
import pytest

from desktop.document import PlanDocument
from desktop.errors import PlanDeskError
from desktop.exchange import read_plan_file
from desktop.findreplace import find, read_field, replace_operation
from desktop.library import Library

from conftest import fixture_path


@pytest.fixture
def doc(tmp_path):
    library = Library.open(tmp_path / "lib.sqlite")
    plan_id = library.add_plan(read_plan_file(fixture_path("hualien-108")))
    document = PlanDocument.open(library, plan_id)
    yield document
    library.close()


def _count(plan, word):
    texts = [plan.title, plan.date_line]
    for s in plan.sections:
        texts += [s.heading, *[p.text for p in s.paragraphs], *s.notes]
    for n in plan.walk():
        texts += [n.title, n.text, n.period, *[d.name for d in n.departments]]
    return sum(t.count(word) for t in texts)


def test_find_covers_every_field_in_document_order(doc):
    plan = doc.plan
    dept = next(d.name for n in plan.walk() for d in n.departments)
    period = next(n.period for n in plan.walk() if n.period)
    paragraph = next(p.text for s in plan.sections for p in s.paragraphs if p.text)
    for word in (dept, period, paragraph[:4], plan.tree[0].title):
        matches = find(plan, word)
        assert len(matches) == _count(plan, word) > 0, word
        assert all(m.found.lower() == word.lower() for m in matches)
    kinds = {m.ref.attr for m in find(plan, dept)}
    assert "departments" in kinds
    located = find(plan, dept)[0]
    assert located.location.endswith("承辦部門") and located.target in {n.id for n in plan.walk()}
    # document order: sections before the table come before the first node's hits
    order = [m.ref.kind for m in find(plan, "服務")]
    assert order.index("node") > 0 and order[0] in ("plan", "section")
    before, hit, after = find(plan, "服務")[0].context()
    assert hit == "服務" and "\n" not in before + after
    assert find(plan, "") == []


def test_match_case_option(doc):
    plan = doc.plan
    plan.tree[0].title = "ISO 品質 iso"
    assert len(find(plan, "iso")) == 2
    assert len(find(plan, "iso", match_case=True)) == 1


def test_replace_all_is_one_undo_step_and_saved(doc):
    plan = doc.plan
    dept = next(d.name for n in plan.walk() for d in n.departments)
    word = "服務"
    before = _count(plan, word)
    matches = find(plan, word) + find(plan, dept)
    op = replace_operation(plan, matches, "【新】", "全部取代")
    doc.apply(op)
    assert _count(plan, word) == 0 and _count(plan, dept) == 0
    assert _count(plan, "【新】") >= before
    disk = Library.open(doc.library.path)
    try:
        assert _count(disk.load_plan(plan.id), word) == 0
    finally:
        disk.close()
    assert doc.undo_label() == "全部取代"
    doc.undo()
    assert _count(plan, word) == before and _count(plan, dept) > 0
    assert doc.undo_label() == ""  # exactly one step


def test_replace_one_changes_only_that_match(doc):
    plan = doc.plan
    matches = find(plan, "服務")
    target = matches[3]
    doc.apply(replace_operation(plan, [target], "效能"))
    assert len(find(plan, "服務")) == len(matches) - 1
    assert read_after(plan, target) == target.text[:target.start] + "效能" + target.text[target.end:]


def read_after(plan, match):
    return read_field(plan, match.ref)


def test_stale_matches_and_approved_plans_are_refused(doc):
    plan = doc.plan
    matches = find(plan, plan.tree[0].title)
    plan.tree[0].title += "（改）"
    with pytest.raises(PlanDeskError, match="重新找一次"):
        replace_operation(plan, matches, "x")
    assert replace_operation(plan, [], "x") is None
    from desktop.ops import EditPlan
    doc.apply(EditPlan({"status": "核定"}))
    op = replace_operation(plan, find(plan, "服務"), "x")
    with pytest.raises(PlanDeskError, match="已核定"):
        doc.apply(op)
