"""The real program on a real X display (Xvfb), driven by real X key and mouse
events from xdotool; every step is checked on the plan SAVED in the library.

Unlike pytest-qt key clicks, these events pass through Qt's shortcut map (where
an ambiguous Shift+Tab used to die), the focus chain and the platform's drag
and drop. Skipped only when Xvfb or xdotool are not installed.
"""
import pytest

from desktop.exchange import read_plan_file
from desktop.library import Library

from conftest import fixture_path, saved_plan
from xvfb_session import XSession, missing_tools, wait_for

pytestmark = pytest.mark.skipif(bool(missing_tools()),
                                reason=f"需要 Xvfb 與 xdotool 才能以真實按鍵測試視窗（缺少：{', '.join(missing_tools())}）")


@pytest.fixture
def session(tmp_path):
    x = XSession(tmp_path)
    yield x
    x.close()
    for i in range(len(x.apps)):  # shown by pytest only when the test failed
        print(f"--- stderr of program {i} on {x.display} ---\n{x.messages(i)}")


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "lib.sqlite"
    library = Library.open(path)
    plan_id = library.add_plan(read_plan_file(fixture_path("hualien-108")))
    library.close()
    return path, plan_id


def _ids(nodes):
    return [n.id for n in nodes]


def test_outliner_keys_on_a_real_display(session, db):
    path, plan_id = db
    plan = saved_plan(path, plan_id)
    first, second = plan.tree[0].children[0], plan.tree[0].children[1]
    count = sum(1 for _ in plan.walk())
    rows = session.probe(path)
    session.launch(path)
    saved = lambda: saved_plan(path, plan_id)  # noqa: E731

    session.click(rows[second.id])
    session.key("Tab")  # indent: the last child of the previous sibling
    wait_for(lambda: saved().tree[0].children[0].children[-1].id == second.id, what="Tab to indent")
    session.key("shift+Tab")  # outdent: one key, not an ambiguous shortcut
    wait_for(lambda: _ids(saved().tree[0].children)[1] == second.id, what="Shift+Tab to outdent")
    session.key("alt+Up")
    wait_for(lambda: _ids(saved().tree[0].children)[0] == second.id, what="Alt+Up")
    session.key("alt+Down")
    wait_for(lambda: _ids(saved().tree[0].children)[1] == second.id, what="Alt+Down")

    session.key("F2")
    session.type("Renamed")
    session.key("Return")
    wait_for(lambda: saved().find(second.id)[0].title == "Renamed", what="F2 rename")
    session.key("ctrl+z")
    wait_for(lambda: saved().find(second.id)[0].title == second.title, what="Ctrl+Z")
    session.key("ctrl+y")
    wait_for(lambda: saved().find(second.id)[0].title == "Renamed", what="Ctrl+Y")

    # Enter makes a new item; Escape takes it back (nothing saved is left behind)
    session.key("Return")
    wait_for(lambda: sum(1 for _ in saved().walk()) == count + 1, what="Enter to add an item")
    session.key("Escape")
    wait_for(lambda: sum(1 for _ in saved().walk()) == count, what="Escape to drop the empty item")
    session.key("ctrl+z")  # the step before the new item: the rename
    wait_for(lambda: saved().find(second.id)[0].title == second.title, what="undo past the dropped item")
    session.key("ctrl+y")

    session.key("Return")
    session.type("New item")
    session.key("Return")
    wait_for(lambda: saved().tree[0].children[2].title == "New item", what="a titled new item")
    new_id = saved().tree[0].children[2].id
    session.key("Delete")
    wait_for(lambda: new_id not in _ids(saved().walk()), what="Delete")
    session.key("ctrl+z")
    wait_for(lambda: new_id in _ids(saved().walk()), what="undo the delete")
    session.key("ctrl+y")  # deleted again: the rows are where the probe saw them
    wait_for(lambda: new_id not in _ids(saved().walk()), what="redo the delete")

    # Ctrl+Tab leaves the tree: Tab then no longer indents anything
    before = [(n.id, _ids(n.children)) for n in saved().walk()]
    session.key("ctrl+Tab", "Tab", "Tab")
    session.key("F6", "F6")
    assert [(n.id, _ids(n.children)) for n in saved().walk()] == before

    # copy and paste through the real clipboard
    session.click(rows[first.id])
    session.key("ctrl+c")
    session.click(rows[plan.tree[1].id])
    session.key("ctrl+v")
    wait_for(lambda: saved().tree[2].title == first.title, what="Ctrl+C / Ctrl+V")
    pasted = saved().tree[2]
    assert pasted.id != first.id
    assert [c.title for c in pasted.children] == [c.title for c in first.children]
    assert "Ambiguous shortcut" not in session.messages()  # what Qt printed for Shift+Tab ≡ Backtab


def test_drag_onto_a_collapsed_row_on_a_real_display(session, db):
    path, plan_id = db
    plan = saved_plan(path, plan_id)
    strategy = plan.tree[0].children[0]
    target = strategy.children[1]  # collapsed at start: it has children
    dragged = plan.tree[0].children[1].children[0]
    assert target.children
    rows = session.probe(path)
    session.launch(path)
    session.drag(rows[dragged.id], rows[target.id])
    wait_for(lambda: saved_plan(path, plan_id).find(target.id)[0].children[-1].id == dragged.id,
             what="the drop into the collapsed row")
    after = saved_plan(path, plan_id)
    assert sum(1 for _ in after.walk()) == sum(1 for _ in plan.walk())  # moved, not copied


def test_drag_to_another_program_copies(session, db, tmp_path):
    """Two programs, each on its own library: a real X drag and drop from one window
    to the other copies the item (as Ctrl+C/V would); the source keeps it."""
    path, plan_id = db
    other = tmp_path / "other.sqlite"
    library = Library.open(other)
    other_id = library.add_plan(read_plan_file(fixture_path("taipei-114")))
    library.close()
    source_plan, target_plan = saved_plan(path, plan_id), saved_plan(other, other_id)
    dragged = source_plan.tree[0].children[0]
    anchor = target_plan.tree[0]
    source_rows, target_rows = session.probe(path), session.probe(other)
    source = session.launch(path)
    target = session.launch(other, x=1500)
    session.focus(source)
    # just under the middle of the target's first row: "between", right after it
    session.drag(source_rows[dragged.id], (target_rows[anchor.id][0], target_rows[anchor.id][1] + 6),
                 onto=target)
    copied = wait_for(lambda: next((n for n in saved_plan(other, other_id).walk()
                                    if n.title == dragged.title), None), what="the copy in the other library")
    assert copied.id != dragged.id
    assert [c.title for c in copied.children] == [c.title for c in dragged.children]
    assert saved_plan(path, plan_id).tree[0].children[0].id == dragged.id  # the source keeps it


def test_zoom_keys_and_ctrl_wheel_on_a_real_display(session, db):
    """Ctrl++ (Shift+= on the keyboard), Ctrl+-, Ctrl+wheel: the size the program remembers."""
    import configparser
    import os
    from pathlib import Path
    path, _plan_id = db
    rows = session.probe(path)
    session.launch(path)
    settings = Path(os.environ["XDG_CONFIG_HOME"]) / "PlanDesk" / "PlanDesk.conf"

    def remembered():
        if not settings.exists():
            return None
        parser = configparser.ConfigParser()
        parser.read(settings, encoding="utf-8")
        value = parser.get("view", "font_size", fallback=None)
        return int(value) if value else None

    session.click(next(iter(rows.values())))
    session.key("ctrl+plus", "ctrl+plus")
    base = wait_for(lambda: remembered(), what="the zoom remembered") - 2
    session.key("ctrl+minus")
    wait_for(lambda: remembered() == base + 1, what="Ctrl+-")
    session.xdo("keydown", "ctrl", "click", "5", "keyup", "ctrl")  # wheel down with Ctrl
    wait_for(lambda: remembered() == base, what="Ctrl+wheel")
    session.key("ctrl+plus", "ctrl+0")
    wait_for(lambda: remembered() == base, what="Ctrl+0")


def test_find_and_replace_with_real_keys(session, db):
    """F2 names an item, Ctrl+H opens 取代 with the cursor in 尋找, Tab to 取代為,
    Alt+A 全部取代; Ctrl+Z takes the whole replacement back in one step."""
    path, plan_id = db
    plan = saved_plan(path, plan_id)
    item, other = plan.tree[0].children[0], plan.tree[0].children[1]
    rows = session.probe(path)
    session.launch(path)
    for node in (item, other):
        session.click(rows[node.id])
        session.key("F2")
        session.type("Alpha beta")
        session.key("Return")
    wait_for(lambda: saved_plan(path, plan_id).find(other.id)[0].title == "Alpha beta", what="F2 titles")
    session.key("ctrl+h")
    session.type("beta")
    session.key("Tab")
    session.type("gamma")
    session.key("alt+a")
    saved = lambda: saved_plan(path, plan_id)  # noqa: E731
    wait_for(lambda: [saved().find(n.id)[0].title for n in (item, other)] == ["Alpha gamma"] * 2,
             what="全部取代")
    session.key("Escape")  # closes the dialog; the main window has the keys again
    session.click(rows[other.id])
    session.key("ctrl+z")
    wait_for(lambda: [saved().find(n.id)[0].title for n in (item, other)] == ["Alpha beta"] * 2,
             what="one Ctrl+Z for the whole replacement")
