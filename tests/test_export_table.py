"""write_table_document: the generic one-table document (used for 新舊對照表)."""
from __future__ import annotations

import pytest

from desktop.errors import PlanDeskError
from desktop.export import write_table_document
from export_helpers import _xml, paragraphs, table_grid, texts_of

HEADERS = ["項目", "修正前", "修正後", "說明"]
ROWS = [["一、(一)1.", "舊文字\x0b第二行", "新文字 😀", "文字修正"],
        ["一、(一)2.", "", "新增作法", "新增"],
        ["二、", "刪除作法"]]  # short row: padded


@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_table_document_has_title_repeating_header_and_rows(tmp_path, fmt):
    path = write_table_document("花蓮區營業處 新舊對照表", HEADERS, ROWS, fmt, tmp_path / f"diff.{fmt}")
    grid, headers = table_grid(path, fmt)
    assert headers == 1
    assert texts_of(grid[0]) == HEADERS
    assert [texts_of(r) for r in grid[1:]] == [
        ["一、(一)1.", "舊文字\n第二行", "新文字 😀", "文字修正"],
        ["一、(一)2.", "", "新增作法", "新增"],
        ["二、", "刪除作法", "", ""]]
    assert paragraphs(path, fmt)[0] == "花蓮區營業處 新舊對照表"


def test_table_document_uses_profile_and_widths(tmp_path):
    path = write_table_document("對照表", ["a", "b"], [["1", "2"]], "docx", tmp_path / "t.docx",
                                profile="taiwater", widths=[1, 3])
    cols = [int(c.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}w"))
            for c in _xml(path, "word/document.xml").iter(
                "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}gridCol")]
    assert abs(cols[1] - 3 * cols[0]) <= 3
    assert "- " in "".join(_xml(path, "word/footer1.xml").itertext())


def test_table_document_bad_format_and_profile(tmp_path):
    with pytest.raises(PlanDeskError):
        write_table_document("t", ["a"], [], "xls", tmp_path / "t.xls")
    with pytest.raises(PlanDeskError, match="版面設定"):
        write_table_document("t", ["a"], [], "docx", tmp_path / "t.docx", profile="nope")
    assert not list(tmp_path.iterdir())
