"""Legacy files converted by LibreOffice itself (its own list styles, spans, covered
cells and DOCX writer) import to the same plan as the original."""
import pytest

import legacy_docs
from libreoffice import SOFFICE, resave
from desktop.exchange import plan_to_dict
from desktop.importer import read_document

BUILDERS = ["word_auto_numbered", "six_column_layout_a", "two_row_header"]


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize("source_fmt,target_fmt", [("docx", "odt"), ("odt", "docx")])
def test_libreoffice_converted_file_matches_the_original(source_fmt, target_fmt, tmp_path):
    sources = [legacy_docs.write(getattr(legacy_docs, b)(), tmp_path / f"{b}.{source_fmt}") for b in BUILDERS]
    for source, converted in zip(sources, resave(sources, target_fmt, tmp_path)):
        original_plan, original_report = read_document(source)
        plan, report = read_document(converted)
        assert plan_to_dict(plan) == plan_to_dict(original_plan), source.name
        assert report == original_report
