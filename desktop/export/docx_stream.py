"""Save a python-docx package with its body streamed in as XML text.

The template's body is emptied down to its section properties and the package
saved to memory (small); the zip is then copied to the target entry by entry,
and ``word/document.xml`` is written with the generated body pieces between the
template's own opening and its ``<w:sectPr>``, so no body tree is ever built.
"""
from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from pathlib import Path

from docx.oxml.ns import qn

DOCUMENT_XML = "word/document.xml"
_SECT_PR = b"<w:sectPr"


def save_with_body(docx, pieces: Iterable[str], target: Path) -> None:
    """Write ``docx`` to ``target`` (a fresh file) with ``pieces`` as its body."""
    body = docx.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    packed = io.BytesIO()
    docx.save(packed)
    with zipfile.ZipFile(packed) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename != DOCUMENT_XML:
                out.writestr(info, data)
                continue
            head, tail = _split_at_section(data)
            with out.open(_entry(info), "w") as stream:
                stream.write(head)
                for piece in pieces:
                    stream.write(piece.encode("utf-8"))
                stream.write(tail)


def _split_at_section(document_xml: bytes) -> tuple[bytes, bytes]:
    """The template document cut where the body's content goes (before its sectPr)."""
    at = document_xml.rfind(_SECT_PR)
    if at < 0:
        raise ValueError("DOCX template body has no section properties")
    return document_xml[:at], document_xml[at:]


def _entry(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    entry = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    entry.compress_type = zipfile.ZIP_DEFLATED
    return entry
