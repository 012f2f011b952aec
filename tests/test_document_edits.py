"""One path for every edit: changes carry their origin (an editor skips only
its own echo) and subscribe() returns the function that ends the subscription."""
from conftest import fixture_path
from desktop.document import PlanDocument
from desktop.exchange import read_plan_file
from desktop.ops import EditNode
from gui_helpers import Dialogs, library_with, make_window


def test_subscribe_returns_a_disposer_and_changes_carry_their_origin(library):
    doc = PlanDocument.open(library, library.add_plan(read_plan_file(fixture_path("taipei-114"))))
    node = next(doc.plan.walk())
    seen = []
    dispose = doc.subscribe(seen.append)
    doc.apply(EditNode(node.id, {"text": "改"}), origin="detail")
    doc.undo()
    assert [c.origin for c in seen] == ["detail", None]
    dispose()
    doc.redo()
    assert len(seen) == 2


def test_editor_skips_its_own_echo_but_follows_undo(qtbot, tmp_path, monkeypatch):
    Dialogs(monkeypatch)
    library, [plan_id] = library_with(tmp_path / "lib.sqlite", "hualien-108")
    window = make_window(qtbot, library, plan_id)
    node = window.document.plan.tree[0].children[0].children[0]
    window.controller.select(node.id)
    field = window.detail.text
    field.setPlainText("打字中")
    cursor = field.textCursor()
    cursor.setPosition(1)
    field.setTextCursor(cursor)
    window.detail._edit("text", "打字中！", "修改內容")  # its own edit: the field is not refilled
    assert field.toPlainText() == "打字中" and field.textCursor().position() == 1
    window.controller.undo()  # not its own: the field shows what is stored
    assert field.toPlainText() == window.document.plan.find(node.id)[0].text
    library.close()


def test_switching_plans_unsubscribes_the_model(qtbot, tmp_path, monkeypatch):
    Dialogs(monkeypatch)
    library, [first, second] = library_with(tmp_path / "lib.sqlite", "hualien-108", "taipei-114")
    window = make_window(qtbot, library, first)
    old = window.document
    window.open_plan(second)
    assert window.model._on_change not in old._listeners
    library.close()
