"""One set of limits (desktop/limits.py) for the JSON reader, the importer, the
library and the exporters: what PlanDesk accepts it can export and re-import,
and each refusal is one sentence."""
import copy
import json
import sqlite3
import zipfile

import pytest

import desktop.limits as limits
from conftest import cli_import, fixture_path, run_cli
from desktop.document import PlanDocument
from desktop.errors import PlanDeskError
from desktop.exchange import plan_to_dict, read_plan_file
from desktop.export import export_plan
from desktop.importer import read_document
from desktop.model import Node
from desktop.ops import EditNode, clone_nodes


def _chain(depth: int) -> Node:
    top = node = Node(title="層")
    for _ in range(depth - 1):
        child = Node(title="層")
        node.children = [child]
        node = child
    return top


def _write_plan_json(path, plan):
    path.write_text(json.dumps(plan_to_dict(plan), ensure_ascii=False), encoding="utf-8")


def test_json_nested_past_the_depth_limit_is_refused(tmp_path):
    plan = read_plan_file(fixture_path("taipei-114"))
    plan.tree.append(_chain(limits.MAX_DEPTH + 1))
    _write_plan_json(tmp_path / "deep.json", plan)
    with pytest.raises(PlanDeskError, match=f"超過 {limits.MAX_DEPTH} 層"):
        read_plan_file(tmp_path / "deep.json")
    plan.tree[-1] = _chain(limits.MAX_DEPTH)
    _write_plan_json(tmp_path / "ok.json", plan)
    assert read_plan_file(tmp_path / "ok.json").tree[-1].title == "層"


def test_json_with_too_many_items_or_too_long_text_is_refused(tmp_path):
    plan = read_plan_file(fixture_path("taipei-114"))
    plan.tree = [Node(title="面向", children=[Node(text="項") for _ in range(800)]) for _ in range(25)]
    _write_plan_json(tmp_path / "many.json", plan)
    result = run_cli("--db", tmp_path / "lib.sqlite", "import", tmp_path / "many.json")
    assert result.returncode == 2 and f"上限 {limits.MAX_NODES:,} 個" in result.stderr
    plan = read_plan_file(fixture_path("taipei-114"))
    plan.tree[0].text = "字" * (limits.MAX_FIELD_CHARS + 1)
    _write_plan_json(tmp_path / "long.json", plan)
    with pytest.raises(PlanDeskError, match="上限"):
        read_plan_file(tmp_path / "long.json")


def test_more_siblings_than_numbering_reaches_is_refused():
    plan = read_plan_file(fixture_path("taipei-114"))
    plan.tree[0].children = [Node(text="項") for _ in range(limits.MAX_CHILDREN + 1)]
    with pytest.raises(PlanDeskError, match=f"上限 {limits.MAX_CHILDREN} 個"):
        limits.check_plan(plan, "測試")


def test_json_file_over_the_size_limit_is_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 1024)
    with pytest.raises(PlanDeskError, match="太大"):
        read_plan_file(fixture_path("hualien-108"))


def test_text_over_the_limit_in_the_library_is_not_exported(tmp_path):
    db = tmp_path / "lib.sqlite"
    plan_id = cli_import(db, "hualien-108")
    conn = sqlite3.connect(db)  # as left by an older PlanDesk that had no limit
    conn.execute("UPDATE nodes SET text = ? WHERE rowid = 1", ["字" * (10 * 1024 * 1024 // 3 + 10)])
    conn.commit()
    conn.close()
    result = run_cli("--db", db, "export", plan_id, "--format", "docx", "-o", tmp_path / "out.docx")
    assert result.returncode == 2 and "上限" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out.docx").exists()


def test_an_edit_past_the_field_limit_is_refused_and_rolled_back(library):
    plan_id = library.add_plan(read_plan_file(fixture_path("taipei-114")))
    doc = PlanDocument.open(library, plan_id)
    node = next(doc.plan.walk())
    before = node.text
    with pytest.raises(PlanDeskError, match="上限"):
        doc.apply(EditNode(node.id, {"text": "字" * (limits.MAX_FIELD_CHARS + 1)}))
    assert doc.plan.find(node.id)[0].text == before
    assert library.load_plan(plan_id).find(node.id)[0].text == before


def test_exported_docx_stays_within_what_the_importer_accepts(tmp_path):
    """The importer's part limit is derived from bytes per item; a real export
    must not need more, and the export reads back with every item."""
    base = read_plan_file(fixture_path("hualien-108"))
    plan = copy.deepcopy(base)
    plan.tree = [n for _ in range(8) for n in clone_nodes(base.tree)]
    nodes = sum(1 for _ in plan.walk())
    out = export_plan(plan, "docx", tmp_path / "big.docx")
    xml_bytes = zipfile.ZipFile(out).getinfo("word/document.xml").file_size
    assert xml_bytes / nodes <= limits.XML_BYTES_PER_NODE
    again, _report = read_document(out)
    assert sum(1 for _ in again.walk()) == nodes


def test_pdf_timeout_grows_with_the_document():
    base = 180
    assert limits.pdf_timeout(40 * 1024, base) == base  # a real plan
    big = limits.pdf_timeout(8 * limits.PDF_BYTES_PER_BASE_TIMEOUT, base)
    assert big == 8 * base
