"""The ODT package around odfpy's content and styles: a versioned manifest and a
meta.xml that names the plan, its office, language, creation date and generator.

odfpy writes a manifest without ``manifest:version`` (invalid for ODF 1.2) and
replaces any generator with its own, so the zip is assembled here. LibreOffice
copies dc:title and the creator into the PDF it converts.
"""
from __future__ import annotations

import zipfile
from datetime import datetime, timezone
from pathlib import Path
from xml.sax.saxutils import escape

from odf.namespaces import DCNS, METANS, OFFICENS
from odf.opendocument import OpenDocumentText
from odf.opendocument import __version__ as odfpy_version

from .. import APP_NAME, __version__
from .blocks import Document

ODF_VERSION = "1.2"
_MANIFEST_NS = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
_MIMETYPE = "application/vnd.oasis.opendocument.text"


def meta_xml(doc: Document, now: datetime) -> str:
    stamp = now.strftime("%Y-%m-%dT%H:%M:%SZ")
    creator = (f"<meta:initial-creator>{escape(doc.author)}</meta:initial-creator>"
               f"<dc:creator>{escape(doc.author)}</dc:creator>") if doc.author else ""
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<office:document-meta xmlns:office="{OFFICENS}" xmlns:meta="{METANS}" xmlns:dc="{DCNS}" '
            f'office:version="{ODF_VERSION}"><office:meta>'
            f"<meta:generator>{APP_NAME}/{__version__} {odfpy_version}</meta:generator>"
            f"<dc:title>{escape(doc.title)}</dc:title><dc:language>{escape(doc.language)}</dc:language>"
            f"{creator}<meta:creation-date>{stamp}</meta:creation-date><dc:date>{stamp}</dc:date>"
            "</office:meta></office:document-meta>")


def manifest_xml(parts: list[str]) -> str:
    entries = "".join(f'<manifest:file-entry manifest:full-path="{p}" manifest:media-type="text/xml"/>'
                      for p in parts)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<manifest:manifest xmlns:manifest="{_MANIFEST_NS}" manifest:version="{ODF_VERSION}">'
            f'<manifest:file-entry manifest:full-path="/" manifest:version="{ODF_VERSION}" '
            f'manifest:media-type="{_MIMETYPE}"/>{entries}</manifest:manifest>')


def save_odt(odt: OpenDocumentText, doc: Document, target: Path) -> None:
    """Write the package: ``mimetype`` first and uncompressed, as ODF requires."""
    parts = {"content.xml": odt.contentxml(), "styles.xml": odt.stylesxml(),
             "meta.xml": meta_xml(doc, datetime.now(timezone.utc))}
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), _MIMETYPE, compress_type=zipfile.ZIP_STORED)
        for name, data in parts.items():
            zf.writestr(name, data)
        zf.writestr("META-INF/manifest.xml", manifest_xml(list(parts)))
