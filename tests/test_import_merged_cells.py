"""Department and period cells merged over several rows (``w:vMerge`` / ODF
rows-spanned) apply whole to every row they span; only an unmerged cell whose
lines match its row's items one by one is split over them.

A merged cell covering exactly the rows of one heading (or of one item and its
children) is stored once on that node, which its rows inherit — the way the
export prints a parent's departments — so export → import stays lossless."""
import pytest

import legacy_docs
from legacy_docs import UP, Grid
from desktop.export import export_plan
from desktop.exchange import read_plan_file
from desktop.importer import read_document
from conftest import fixture_path

FORMATS = ["docx", "odt"]
HEADER = [["面向"], ["執行策略"], ["具體作法"], ["承辦部門"], ["執行期間"]]


def _document(rows: list) -> list:
    return ["花蓮區營業處108年度提升服務效能執行計畫", "108年3月12日訂定",
            "壹、執行策略及具體作法", Grid([HEADER] + rows, header_rows=1),
            "貳、本計畫如有未盡事宜，得依實際需要修正。"]


def _items(plan) -> dict[str, tuple[list[str], str]]:
    """Each item's effective departments and period (its own, else its nearest
    ancestor's, as printed and as the checks read them)."""
    out = {}

    def visit(nodes, depts, period):
        for n in nodes:
            d = [x.name for x in n.departments] or depts
            p = n.period or period
            if n.text:
                out[n.text] = (d, p)
            visit(n.children, d, p)
    visit(plan.tree, [], "")
    return out


@pytest.mark.parametrize("fmt", FORMATS)
def test_merged_department_cell_applies_whole_to_every_row(fmt, tmp_path):
    rows = [
        [["一、基礎服務"], ["(一)服務一致性"], ["1. 網站維護。"], ["資訊小組", "業務課"], ["隨時辦理"]],
        [UP, UP, ["2. 線上申辦。"], UP, UP],
        [UP, UP, ["3. 電子帳單。"], UP, ["每月檢視"]],
        [UP, ["(二)服務友善性"], ["1. 環境綠化。"], ["總務課", "業務課"], ["全年"]],
        [UP, UP, ["2. 設施檢查。"], UP, UP],
        [UP, UP, ["3. 書表範例。"], ["業務課"], UP],
    ]
    plan, report = read_document(legacy_docs.write(_document(rows), tmp_path / f"plan.{fmt}"))
    items = _items(plan)
    assert items["網站維護。"] == (["資訊小組", "業務課"], "隨時辦理")
    assert items["線上申辦。"] == (["資訊小組", "業務課"], "隨時辦理")
    assert items["電子帳單。"] == (["資訊小組", "業務課"], "每月檢視")
    # over two of three items: each of the two holds both names itself
    first_two = [n for n in plan.walk() if n.text in ("環境綠化。", "設施檢查。")]
    assert [[d.name for d in n.departments] for n in first_two] == [["總務課", "業務課"]] * 2
    assert items["書表範例。"] == (["業務課"], "全年")
    assert items["設施檢查。"][1] == "全年"
    strategy = next(n for n in plan.walk() if n.title == "服務一致性")
    assert [d.name for d in strategy.departments] == ["資訊小組", "業務課"]  # its rows exactly
    assert any("合併儲存格" in line and "總務課／業務課" in line for line in report), report


@pytest.mark.parametrize("fmt", FORMATS)
def test_unmerged_cell_splits_lines_only_when_they_match_its_items(fmt, tmp_path):
    rows = [
        [["一、基礎服務"], ["(一)服務一致性"], ["1. 網站維護。", "2. 線上申辦。"], ["資訊小組", "業務課"],
         ["隨時辦理"]],
        [UP, ["(二)服務友善性"], ["1. 環境綠化。", "2. 設施檢查。", "3. 書表範例。"],
         ["總務課", "業務課"], ["全年"]],
    ]
    plan, _report = read_document(legacy_docs.write(_document(rows), tmp_path / f"plan.{fmt}"))
    items = _items(plan)
    assert items["網站維護。"][0] == ["資訊小組"]  # two lines beside two items: one each
    assert items["線上申辦。"][0] == ["業務課"]
    assert items["網站維護。"][1] == items["線上申辦。"][1] == "隨時辦理"  # one line: shared


@pytest.mark.parametrize("fmt", FORMATS)
def test_parent_department_printed_over_its_items_reads_back_onto_the_parent(fmt, tmp_path):
    """taipei-114's 「(二)優化電費查詢及繳費作業」 stores 電費組 / 持續辦理 on the strategy;
    the export merges them over its three items and the import stores them on the
    strategy again, not on each item."""
    plan = read_plan_file(fixture_path("taipei-114"))
    strategy = next(n for n in plan.walk() if n.title == "優化電費查詢及繳費作業")
    assert [d.name for d in strategy.departments] == ["電費組"] and len(strategy.children) == 3
    assert all(not c.departments and not c.period for c in strategy.children)
    back, _report = read_document(export_plan(plan, fmt, tmp_path / f"plan.{fmt}"))
    again = next(n for n in back.walk() if n.title == "優化電費查詢及繳費作業")
    assert ([d.name for d in again.departments], again.period) == (["電費組"], "持續辦理")
    assert all(not c.departments and not c.period for c in again.children)
