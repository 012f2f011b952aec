"""Bad files give one clear zh-TW sentence (PlanDeskError), never a traceback, and
the library stays unchanged."""
import zipfile

import pytest

import legacy_docs
from conftest import run_cli
from desktop.errors import PlanDeskError
from desktop.importer import limits, read_document


@pytest.fixture
def good_docx(tmp_path):
    return legacy_docs.write(legacy_docs.five_column_layout_b(), tmp_path / "good.docx")


@pytest.fixture
def good_odt(tmp_path):
    return legacy_docs.write(legacy_docs.five_column_layout_b(), tmp_path / "good.odt")


def _refused(path, *words):
    with pytest.raises(PlanDeskError) as info:
        read_document(path)
    message = info.value.message
    assert "\n" not in message and message.endswith("。"), message
    for word in words:
        assert word in message, message
    return message


def test_not_a_zip(tmp_path):
    path = tmp_path / "計畫.docx"
    path.write_text("這不是 Word 檔", encoding="utf-8")
    _refused(path, "計畫.docx", "不是 Word")


@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.9])
def test_truncated(good_docx, tmp_path, fraction):
    data = good_docx.read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(data[: int(len(data) * fraction)])
    _refused(path, "損壞")


def test_legacy_doc_is_refused_with_advice(tmp_path):
    _refused(legacy_docs.ole_file(tmp_path / "去年.doc", encrypted=False), ".doc", ".docx", ".odt")
    # a .doc renamed to .docx is recognised by its content too
    _refused(legacy_docs.ole_file(tmp_path / "renamed.docx", encrypted=False), ".docx", ".odt")


def test_password_protected(good_docx, good_odt, tmp_path):
    _refused(legacy_docs.ole_file(tmp_path / "locked.docx", encrypted=True), "密碼")
    _refused(legacy_docs.mark_encrypted(good_docx, tmp_path / "zipcrypto.docx"), "密碼")
    manifest = (b'<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
                b'"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry '
                b'manifest:full-path="content.xml"><manifest:encryption-data/></manifest:file-entry>'
                b'</manifest:manifest>')
    _refused(legacy_docs.rewrite_part(good_odt, tmp_path / "locked.odt", "META-INF/manifest.xml", manifest),
             "密碼")


def test_zip_bomb_by_ratio(good_docx, tmp_path):
    bomb = b"<w:document>" + b" " * (3 * 1024 * 1024) + b"</w:document>"
    path = legacy_docs.rewrite_part(good_docx, tmp_path / "bomb.docx", "word/document.xml", bomb)
    _refused(path, "壓縮炸彈")


def test_part_size_limit(good_odt, tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_PART_BYTES", 2000)
    _refused(good_odt, "過大")


def test_external_entities_are_refused(good_docx, tmp_path):
    xxe = (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           b'<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>')
    path = legacy_docs.rewrite_part(good_docx, tmp_path / "xxe.docx", "word/document.xml", xxe)
    _refused(path, "DTD")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_a_doctype_in_a_wide_encoding_is_refused_too(good_docx, tmp_path, encoding):
    xml = (f'<?xml version="1.0" encoding="{encoding.upper()}"?><!DOCTYPE d [<!ENTITY x "y">]>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           '<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>').encode(encoding)
    path = legacy_docs.rewrite_part(good_docx, tmp_path / "wide.docx", "word/document.xml", xml)
    _refused(path, "DTD")


def test_no_table(tmp_path):
    path = legacy_docs.write(["某區處 114 年度提升服務效能執行計畫", "壹、計畫依據：", "依函辦理。"],
                             tmp_path / "notable.odt")
    _refused(path, "沒有表格")


def test_unexpected_columns(tmp_path):
    grid = legacy_docs.Grid([[["編號"], ["項目名稱"], ["備註"]], [["1"], ["服務"], ["無"]]])
    path = legacy_docs.write(["某區處 114 年度計畫", "壹、表格", grid], tmp_path / "cols.docx")
    _refused(path, "編號", "具體作法")


def test_row_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_ROWS", 5)
    _refused(legacy_docs.write(legacy_docs.five_column_layout_b(), tmp_path / "rows.odt"), "列")


def test_repeated_rows_are_limited_before_expansion(good_odt, tmp_path):
    with zipfile.ZipFile(good_odt) as z:
        content = z.read("content.xml")
    huge = content.replace(b"<table:table-row>", b'<table:table-row table:number-rows-repeated="999999999">', 1)
    assert huge != content
    _refused(legacy_docs.rewrite_part(good_odt, tmp_path / "rep.odt", "content.xml", huge), "列")


def test_cli_bad_file_leaves_library_unchanged(good_docx, tmp_path):
    db = tmp_path / "lib.sqlite"
    first = run_cli("--db", db, "import", good_docx)
    assert first.returncode == 0, first.stderr
    before = run_cli("--db", db, "list", "--json").stdout
    bad = tmp_path / "bad.docx"
    bad.write_bytes(good_docx.read_bytes()[:500])
    result = run_cli("--db", db, "import", bad)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert run_cli("--db", db, "list", "--json").stdout == before


def test_unsupported_zip_version_is_damage_not_a_crash(good_odt, tmp_path):
    """Found by the fuzz run: zipfile raises NotImplementedError for a bad 'version needed'."""
    raw = bytearray(good_odt.read_bytes())
    pos = raw.find(b"PK\x01\x02")
    raw[pos + 6:pos + 8] = (199).to_bytes(2, "little")
    path = tmp_path / "version.odt"
    path.write_bytes(bytes(raw))
    _refused(path, "損壞")
