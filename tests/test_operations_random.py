"""Random edit sequences: the file always equals memory, and undoing everything
gives back the original plan."""
import random

from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import fixture_path
from desktop.document import PlanDocument
from desktop.errors import PlanDeskError
from desktop.exchange import plan_to_dict, read_plan_file
from desktop.library import Library
from desktop.model import Department, Node
from desktop.ops import DeleteNodes, EditNode, InsertNodes, MoveNode, indent, move_by, outdent

ACTIONS = ["edit", "insert", "delete", "move", "indent", "outdent", "up", "down", "undo", "redo"]


def _op(plan, action, rng):
    nodes = list(plan.walk())
    node = rng.choice(nodes)
    if action == "edit":
        return EditNode(node.id, {"text": f"改{rng.randint(0, 99)}\x0b行",
                                  "departments": [Department("業務組", "主辦")], "numbered": rng.random() > .2})
    if action == "insert":
        return InsertNodes(node.id, rng.randint(0, len(node.children)), [Node(title="新")])
    if action == "delete":
        return DeleteNodes([node.id])
    if action == "move":
        target = rng.choice(nodes + [None])
        siblings = target.children if target else plan.tree
        return MoveNode(node.id, target.id if target else None, rng.randint(0, len(siblings)))
    if action == "indent":
        return indent(plan, node.id)
    if action == "outdent":
        return outdent(plan, node.id)
    return move_by(plan, node.id, -1 if action == "up" else 1)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10**6), steps=st.lists(st.sampled_from(ACTIONS), min_size=1, max_size=25))
def test_random_sequences(tmp_path_factory, seed, steps):
    rng = random.Random(seed)
    path = tmp_path_factory.mktemp("lib") / "lib.sqlite"
    library = Library.open(path)
    doc = PlanDocument.open(library, library.add_plan(read_plan_file(fixture_path("taipei-114"))))
    original = plan_to_dict(doc.plan)
    for action in steps:
        try:
            if action == "undo":
                doc.undo()
            elif action == "redo":
                doc.redo()
            else:
                doc.apply(_op(doc.plan, action, rng))
        except PlanDeskError:
            pass  # refused moves (into own subtree, first item indent …) change nothing
        assert plan_to_dict(library.load_plan(doc.plan.id)) == plan_to_dict(doc.plan)
    while doc.undo():
        pass
    assert plan_to_dict(doc.plan) == original == plan_to_dict(library.load_plan(doc.plan.id))
    library.close()
