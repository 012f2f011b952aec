"""Exported files are valid and say honestly what they are.

ODT parts are validated with lxml against the OASIS ODF 1.2 RelaxNG schemas
(vendored unmodified in ``tests/odf_schema`` from the ``openxml-audit`` package);
DOCX parts are read back as XML for what Word shows in 檔案 → 資訊 and how it opens
the file (相容模式, language, fonts); the PDF's document information is read with
``pdfinfo``.
"""
from __future__ import annotations

import shutil
import subprocess
import zipfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from lxml import etree

from conftest import FIXTURE_NAMES, fixture_path
from export_helpers import NS, _w
from desktop.exchange import read_plan_file
from desktop.export import export_plan, write_table_document

SCHEMAS = Path(__file__).parent / "odf_schema"
META = {"office": NS["office"], "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
        "dc": "http://purl.org/dc/elements/1.1/", "style": NS["style"], "fo": NS["fo"]}
CORE = {"cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
        "dc": "http://purl.org/dc/elements/1.1/", "dcterms": "http://purl.org/dc/terms/"}

@pytest.fixture(scope="module")
def schemas():
    return (etree.RelaxNG(etree.parse(str(SCHEMAS / "OpenDocument-v1.2-os-schema.rng"))),
            etree.RelaxNG(etree.parse(str(SCHEMAS / "OpenDocument-v1.2-os-manifest-schema.rng"))))

def _part(path, name):
    with zipfile.ZipFile(path) as zf:
        return etree.fromstring(zf.read(name))

def _recent(stamp: str) -> bool:
    when = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    return abs(datetime.now(timezone.utc) - when) < timedelta(minutes=10)

def _assert_odt_valid(path, schemas):
    content_schema, manifest_schema = schemas
    for name in ("content.xml", "styles.xml", "meta.xml", "META-INF/manifest.xml"):
        schema = manifest_schema if name.startswith("META-INF") else content_schema
        assert schema.validate(_part(path, name)), f"{name}: {schema.error_log.last_error}"
    with zipfile.ZipFile(path) as zf:
        first = zf.infolist()[0]
        assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)

@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_odt_is_valid_odf_1_2_with_honest_meta(tmp_path, schemas, name):
    plan = read_plan_file(fixture_path(name))
    path = export_plan(plan, "odt", tmp_path / "plan.odt")
    _assert_odt_valid(path, schemas)
    meta = _part(path, "meta.xml")
    text = lambda xpath: meta.findtext(xpath, namespaces=META)  # noqa: E731
    assert text(".//dc:title") == plan.title
    assert text(".//dc:language") == "zh-TW"
    assert text(".//meta:initial-creator") == text(".//dc:creator") == plan.office
    assert _recent(text(".//meta:creation-date")) and _recent(text(".//dc:date"))
    assert text(".//meta:generator").startswith("PlanDesk/")
    # header rows centred: ODF's value is "middle" (LibreOffice ignores "center")
    aligns = {e.get(f"{{{NS['style']}}}vertical-align")
              for e in _part(path, "content.xml").iter(f"{{{NS['style']}}}table-cell-properties")}
    assert "middle" in aligns and "center" not in aligns

def test_table_document_odt_is_valid(tmp_path, schemas):
    """The 對照表 too, with its rich runs (修正處加底線, deleted text struck through)."""
    rows = [["一", [[("自108年起", ""), ("辦理", "strike")]], [[("自109年起", ""), ("持續辦理", "underline")]]],
            ["二", "舊\n第二段", "新"]]
    path = write_table_document("新舊對照表", ["項目", "上年度", "本年度"], rows, "odt", tmp_path / "t.odt",
                                intro="本表列出兩年度不同之處。")
    _assert_odt_valid(path, schemas)
    assert _part(path, "meta.xml").findtext(".//dc:title", namespaces=META) == "新舊對照表"

def test_schema_check_catches_the_old_defects(schemas):
    """The validation would fail on what the export used to write."""
    content_schema, manifest_schema = schemas
    manifest = etree.fromstring(
        b'<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        b'<manifest:file-entry manifest:full-path="/" '
        b'manifest:media-type="application/vnd.oasis.opendocument.text"/></manifest:manifest>')
    assert not manifest_schema.validate(manifest)
    content = (f'<office:document-content xmlns:office="{NS["office"]}" xmlns:style="{NS["style"]}" '
               f'office:version="1.2"><office:automatic-styles><style:style style:name="C1" '
               'style:family="table-cell"><style:table-cell-properties style:vertical-align="{}"/>'
               '</style:style></office:automatic-styles><office:body><office:text/></office:body>'
               '</office:document-content>')
    assert content_schema.validate(etree.fromstring(content.replace("{}", "middle")))
    assert not content_schema.validate(etree.fromstring(content.replace("{}", "center")))

def test_odt_pagination_properties(tmp_path):
    plan = read_plan_file(fixture_path("taipei-114"))
    content = _part(export_plan(plan, "odt", tmp_path / "plan.odt"), "content.xml")
    styles = {s.get(f"{{{NS['style']}}}name"): s for s in content.iter(f"{{{NS['style']}}}style")}
    fo = lambda el, attr: el.get(f"{{{NS['fo']}}}{attr}")  # noqa: E731
    headings = [p for p in content.iter(f"{{{NS['text']}}}p")
                if "".join(p.itertext()).startswith(("壹、", "伍、"))]
    for p in headings:
        props = styles[p.get(f"{{{NS['text']}}}style-name")].find(f"{{{NS['style']}}}paragraph-properties")
        assert fo(props, "keep-with-next") == "always"
        assert fo(props, "widows") == fo(props, "orphans") == "2"
    intro = next(p for p in content.iter(f"{{{NS['text']}}}p") if "".join(p.itertext()).startswith("透過前項"))
    intro_props = styles[intro.get(f"{{{NS['text']}}}style-name")].find(f"{{{NS['style']}}}paragraph-properties")
    assert fo(intro_props, "keep-with-next") == "always"  # the table's intro line
    rows = list(content.iter(f"{{{NS['table']}}}table-row"))
    for row in rows:
        props = styles[row.get(f"{{{NS['table']}}}style-name")].find(f"{{{NS['style']}}}table-row-properties")
        assert fo(props, "keep-together") == "always"

@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_docx_metadata_is_the_plans_not_the_templates(tmp_path, name):
    plan = read_plan_file(fixture_path(name))
    path = export_plan(plan, "docx", tmp_path / "plan.docx")
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        everything = b"".join(zf.read(n) for n in names)
    assert not [n for n in names if "thumbnail" in n or "stylesWithEffects" in n or "customXml" in n]
    for leftover in (b"python-docx", b"2013-12-23", b"Macintosh", b"ja-JP", b"stylesWithEffects"):
        assert leftover not in everything, leftover
    core = _part(path, "docProps/core.xml")
    assert core.findtext("dc:title", namespaces=CORE) == plan.title
    assert core.findtext("dc:creator", namespaces=CORE) == plan.office
    assert _recent(core.findtext("dcterms:created", namespaces=CORE))
    assert _recent(core.findtext("dcterms:modified", namespaces=CORE))
    assert not core.findtext("dc:description", namespaces=CORE)
    app = _part(path, "docProps/app.xml")
    assert "PlanDesk" in "".join(app.itertext())
    settings = _part(path, "word/settings.xml")
    mode = [s.get(_w("val")) for s in settings.iter(_w("compatSetting")) if s.get(_w("name")) == "compatibilityMode"]
    assert mode == ["15"]
    assert settings.find(f".//{_w('themeFontLang')}").get(_w("eastAsia")) == "zh-TW"
    assert {lang.get(_w("eastAsia")) for lang in _part(path, "word/styles.xml").iter(_w("lang"))} == {"zh-TW"}
    fonts = {f.get(_w("name")): f for f in _part(path, "word/fontTable.xml").iter(_w("font"))}
    kai = fonts["標楷體"]
    assert kai.find(_w("altName")).get(_w("val")) == "DFKai-SB"
    assert kai.find(_w("charset")).get(_w("val")) == "88"  # Big5
    assert not [n for n in fonts if n.startswith("ＭＳ")]

def test_docx_pagination_properties(tmp_path):
    plan = read_plan_file(fixture_path("taipei-114"))
    path = export_plan(plan, "docx", tmp_path / "plan.docx")
    body = _part(path, "word/document.xml")
    paras = [p for p in body.iter(_w("p")) if p.getparent().tag == _w("body")]
    text = lambda p: "".join(t.text or "" for t in p.iter(_w("t")))  # noqa: E731
    headings = [p for p in paras if text(p).startswith(("壹、", "貳、", "伍、"))]
    assert len(headings) == 3
    for p in headings + [next(p for p in paras if text(p).startswith("透過前項"))]:
        assert p.find(f"{_w('pPr')}/{_w('keepNext')}") is not None
    assert all(p.find(f"{_w('pPr')}/{_w('keepNext')}") is None for p in paras if text(p).startswith("依 114"))
    rows = list(body.iter(_w("tr")))
    assert rows and all(tr.find(f"{_w('trPr')}/{_w('cantSplit')}") is not None for tr in rows)
    styles = _part(path, "word/styles.xml")
    assert styles.find(f".//{_w('pPrDefault')}/{_w('pPr')}/{_w('widowControl')}") is not None

@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdfinfo")),
                    reason="LibreOffice and poppler are installed by .ci/setup")
def test_pdf_carries_title_and_author(tmp_path):
    plan = read_plan_file(fixture_path("hualien-108"))
    path = export_plan(plan, "pdf", tmp_path / "plan.pdf")
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    assert fields["Title"].strip() == plan.title
    assert fields["Author"].strip() == plan.office
