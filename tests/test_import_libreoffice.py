"""Legacy DOCX converted to ODT by LibreOffice itself (its own list styles, spans and
covered cells) imports to the same plan as the DOCX."""
import shutil
import subprocess

import pytest

import legacy_docs
from desktop.exchange import plan_to_dict
from desktop.importer import read_document

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_converted_odt_matches_the_docx(tmp_path):
    sources = [legacy_docs.write(legacy_docs.word_auto_numbered(), tmp_path / "auto.docx"),
               legacy_docs.write(legacy_docs.six_column_layout_a(), tmp_path / "six.docx")]
    subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--convert-to", "odt", "--outdir", str(tmp_path / "out"), *map(str, sources)],
                   check=True, capture_output=True, timeout=120)
    for source in sources:
        converted = tmp_path / "out" / f"{source.stem}.odt"
        docx_plan, docx_report = read_document(source)
        odt_plan, odt_report = read_document(converted)
        assert plan_to_dict(odt_plan) == plan_to_dict(docx_plan)
        assert odt_report == docx_report
    assert [n.title for n in read_document(tmp_path / "out" / "auto.odt")[0].tree] == ["基礎服務"]
