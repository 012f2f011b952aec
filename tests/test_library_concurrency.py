"""Several writers on one library: writes wait for each other (BEGIN IMMEDIATE +
busy timeout) and a write based on an older revision of a plan is refused."""
import sqlite3
import threading
import time

import pytest

from conftest import cli_import, fixture_path, run_cli
from desktop.document import PlanDocument
from desktop.errors import StaleWrite
from desktop.exchange import read_plan_file
from desktop.library import Library
from desktop.ops import EditNode, EditPlan


@pytest.fixture
def two_connections(tmp_path):
    path = tmp_path / "lib.sqlite"
    first = Library.open(path)
    plan_id = first.add_plan(read_plan_file(fixture_path("hualien-108")))
    second = Library.open(path)
    yield first, second, plan_id
    first.close()
    second.close()


def test_write_based_on_older_revision_is_refused_and_nothing_is_lost(two_connections):
    mine, theirs, plan_id = two_connections
    window = PlanDocument.open(mine, plan_id)
    title_before = window.plan.title
    PlanDocument.open(theirs, plan_id).apply(EditPlan({"status": "核定"}, "變更狀態"))

    with pytest.raises(StaleWrite, match="其他視窗或程式"):
        window.apply(EditPlan({"title": "改過的標題"}, "修改標題"))
    stored = theirs.load_plan(plan_id)
    assert stored.status == "核定" and stored.title == title_before  # approval not undone
    assert window.plan.title == title_before  # memory rolled back with the file
    assert [s for s, _ in theirs.status_history(plan_id)] == ["草稿", "核定"]


def test_revision_follows_each_write_of_the_same_document(two_connections):
    mine, theirs, plan_id = two_connections
    doc = PlanDocument.open(mine, plan_id)
    node = next(doc.plan.walk())
    start = theirs.revisions()[plan_id]
    for i in range(3):
        doc.apply(EditNode(node.id, {"text": f"第 {i} 次"}))
    doc.undo()
    assert theirs.revisions()[plan_id] == start + 4 == doc.plan.revision
    assert theirs.load_plan(plan_id).find(node.id)[0].text == "第 1 次"


def test_cli_status_change_is_seen_by_data_version(tmp_path):
    db = tmp_path / "lib.sqlite"
    plan_id = int(cli_import(db, "taipei-114"))
    lib = Library.open(db)
    before, revision = lib.data_version(), lib.revisions()[plan_id]
    result = run_cli("--db", db, "status", plan_id, "核定")
    assert result.returncode == 0, result.stderr
    assert lib.data_version() != before and lib.revisions()[plan_id] == revision + 1
    lib.close()


def test_a_write_waits_for_another_process_writing_instead_of_failing(two_connections):
    mine, _theirs, plan_id = two_connections
    doc = PlanDocument.open(mine, plan_id)
    node = next(doc.plan.walk())
    other = sqlite3.connect(str(mine.path), isolation_level=None, check_same_thread=False)
    other.execute("SELECT count(*) FROM plans").fetchone()  # a reader first, as the GUI is
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE plans SET modified = 'x'")
    threading.Timer(0.6, lambda: other.execute("COMMIT")).start()
    started = time.monotonic()
    doc.apply(EditNode(node.id, {"text": "等候後寫入"}))
    assert time.monotonic() - started >= 0.5  # it waited for the other writer …
    assert mine.load_plan(plan_id).find(node.id)[0].text == "等候後寫入"  # … and then wrote
    other.close()
