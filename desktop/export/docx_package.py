"""An honest DOCX package: python-docx starts from a 2013 Mac Word template, so its
leftovers are replaced or removed here.

Core properties name the plan and the office and carry today's date; Word opens
the file in its current mode (``compatibilityMode`` 15) with zh-TW as the East
Asian language; the font table lists 標楷體 with the name Word knows on an English
Windows (DFKai-SB) and the Big5 charset (0x88), so a PC without it substitutes a
Traditional Chinese font; the thumbnail, ``stylesWithEffects.xml``, the sample
customXml item and the Japanese template fonts go.
"""
from __future__ import annotations

from datetime import datetime, timezone
from xml.sax.saxutils import escape, quoteattr

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import nsdecls, qn
from lxml import etree

from .. import __version__
from .blocks import Document

_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
_DROP_FROM_DOCUMENT = (_STYLES_WITH_EFFECTS, RT.CUSTOM_XML)
_DROP_FROM_PACKAGE = (RT.THUMBNAIL,)
_TEMPLATE_FONTS = ("ＭＳ 明朝", "ＭＳ ゴシック")
# 標楷體 as Word itself lists it (panose, Big5 charset 0x88, code-page bits).
_KAI_FONT = ('<w:font w:name={name}><w:altName w:val="DFKai-SB"/>'
             '<w:panose1 w:val="03000509000000000000"/><w:charset w:val="88"/>'
             '<w:family w:val="script"/><w:pitch w:val="fixed"/>'
             '<w:sig w:usb0="00000003" w:usb1="080E0000" w:usb2="00000016" w:usb3="00000000" '
             'w:csb0="00100001" w:csb1="00000000"/></w:font>')
_APP_XML = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
            '<Application>PlanDesk {version}</Application><DocSecurity>0</DocSecurity>'
            '<Company>{company}</Company></Properties>')


def _drop_rels(part, reltypes) -> None:
    for rId in [rId for rId, rel in part.rels.items() if rel.reltype in reltypes]:
        del part.rels[rId]


def _core_properties(docx, doc: Document, now: datetime) -> None:
    props = docx.core_properties
    props.title = doc.title
    props.author = doc.author
    props.last_modified_by = doc.author
    props.created = props.modified = now
    props.revision = 1
    props.language = doc.language
    props.subject = props.keywords = props.comments = props.category = ""


def _settings(docx, language: str) -> None:
    settings = docx.settings.element
    for setting in settings.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")
    for lang in settings.iter(qn("w:themeFontLang")):
        lang.set(qn("w:eastAsia"), language)


def _styles_language(docx, language: str) -> None:
    for lang in docx.styles.element.iter(qn("w:lang")):
        lang.set(qn("w:eastAsia"), language)


def _font_table(docx, east_asian: str) -> None:
    part = docx.part.part_related_by(RT.FONT_TABLE)  # a plain blob part in python-docx
    fonts = etree.fromstring(part.blob)
    for font in list(fonts):
        if font.get(qn("w:name")) in _TEMPLATE_FONTS + (east_asian,):
            fonts.remove(font)
    kai = f'<w:fonts {nsdecls("w")}>{_KAI_FONT.format(name=quoteattr(east_asian))}</w:fonts>'
    fonts.append(etree.fromstring(kai)[0])
    part._blob = etree.tostring(fonts, xml_declaration=True, encoding="UTF-8", standalone=True)


def _app_properties(docx, doc: Document) -> None:
    for part in docx.part.package.iter_parts():
        if part.partname == "/docProps/app.xml":
            part._blob = _APP_XML.format(version=__version__, company=escape(doc.author)).encode("utf-8")


def tidy_package(docx, doc: Document) -> None:
    """Replace python-docx's template metadata with the document's own."""
    _core_properties(docx, doc, datetime.now(timezone.utc).replace(microsecond=0, tzinfo=None))
    _settings(docx, doc.language)
    _styles_language(docx, doc.language)
    _font_table(docx, doc.profile["fonts"]["east_asian"])
    _app_properties(docx, doc)
    _drop_rels(docx.part, _DROP_FROM_DOCUMENT)
    _drop_rels(docx.part.package, _DROP_FROM_PACKAGE)
