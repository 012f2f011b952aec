"""The tree model over a real plan: Qt's model tester while the core moves,
inserts, deletes and undoes; numbering shown live; drag-drop as one MoveNode."""
from PySide6.QtCore import QModelIndex, Qt

from desktop.document import PlanDocument
from desktop.gui.tree_model import NODE_MIME, PlanTreeModel
from desktop.ops import DeleteNodes, InsertNodes, MoveNode, indent, outdent
from desktop.model import Node

from gui_helpers import library_with, reopen
from gui_random import model_shape, plan_shape


def _model(tmp_path, name="hualien-108"):
    library, (plan_id,) = library_with(tmp_path / "lib.sqlite", name)
    document = PlanDocument.open(library, plan_id)
    model = PlanTreeModel()
    model.set_document(document)
    return library, document, model


def test_model_tester_through_moves_and_undo(qtmodeltester, tmp_path):
    library, document, model = _model(tmp_path)
    qtmodeltester.check(model, force_py=True)  # re-checks the whole model on every signal from now on
    plan = document.plan
    first = plan.tree[0]
    strategy = first.children[1]
    document.apply(indent(plan, strategy.id))
    document.apply(outdent(plan, strategy.id))
    document.apply(MoveNode(plan.tree[2].id, None, 0))
    document.apply(MoveNode(first.children[0].children[0].id, plan.tree[1].id, 0))
    document.apply(DeleteNodes([plan.tree[3].id]))
    document.apply(InsertNodes(first.id, 0, [Node(title="新策略", children=[Node(title="子")])]))
    assert model_shape(model) == plan_shape(plan)
    while document.undo():
        pass
    fresh = PlanDocument(library, library.load_plan(plan.id))
    check = PlanTreeModel()
    check.set_document(fresh)
    assert model_shape(model) == model_shape(check)  # undone model == what a fresh load shows
    library.close()


def test_numbering_and_headers_live(tmp_path):
    library, document, model = _model(tmp_path)
    plan = document.plan
    assert model.headerData(0, Qt.Horizontal) == "面向／執行策略／具體作法"
    assert model.headerData(1, Qt.Horizontal) == plan.columns[3]
    second = plan.tree[1]
    assert model.data(model.index_of(second.id)).startswith("二、")
    document.apply(MoveNode(second.id, None, 0))
    assert model.data(model.index(0, 0)) == "一、" + second.title
    assert model.data(model.index(1, 0)).startswith("二、")
    # 承辦部門 and 執行期間 columns come from the node
    leaf = next(n for n in plan.walk() if n.departments and n.period)
    assert model.data(model.index_of(leaf.id, 2)) == leaf.period
    assert leaf.departments[0].name in model.data(model.index_of(leaf.id, 1))
    library.close()


def test_drop_is_one_undoable_move_and_refuses_own_subtree(tmp_path):
    library, document, model = _model(tmp_path)
    plan = document.plan
    source = plan.tree[0].children[0]
    target = plan.tree[1]
    mime = model.mimeData([model.index_of(source.id)])
    assert mime.hasFormat(NODE_MIME)
    # the view must not remove the source row itself: dropMimeData returns False
    assert model.dropMimeData(mime, Qt.MoveAction, 0, 0, model.index_of(target.id)) is False
    assert target.children[0] is source
    assert document.undo_label() == "拖曳移動"
    disk = reopen(library)
    assert disk.load_plan(plan.id).tree[1].children[0].id == source.id
    disk.close()
    # into its own subtree: refused with a message, nothing changes
    messages = []
    model.drop_error = messages.append
    child = source.children[0]
    mime = model.mimeData([model.index_of(source.id)])
    assert model.dropMimeData(mime, Qt.MoveAction, 0, 0, model.index_of(child.id)) is False
    assert messages and "自己底下" in messages[0]
    assert target.children[0] is source
    document.undo()
    assert plan.tree[0].children[0] is source
    assert document.undo_label() == ""  # the drop was exactly one step
    # ids from another plan (another window) are not moves here
    from PySide6.QtCore import QByteArray, QMimeData
    foreign = QMimeData()
    foreign.setData(NODE_MIME, QByteArray(b'["not-a-node-here"]'))
    assert model.dropMimeData(foreign, Qt.MoveAction, 0, 0, QModelIndex()) is False
    assert document.undo_label() == ""
    library.close()
