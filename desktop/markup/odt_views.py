"""ODT markup → content.xml as accepted and as rejected, with markers.

``text:tracked-changes`` holds one ``text:changed-region`` per change: an
insertion is the body text between ``text:change-start``/``text:change-end``, a
deletion keeps the deleted paragraphs in the region and a ``text:change`` point
in the body, a format change is ignored. Comments are ``office:annotation``
(anchored up to the ``office:annotation-end`` of the same name).
"""
from __future__ import annotations

import copy

from lxml import etree

from ..importer.odt_reader import OFFICE, TEXT
from ..importer.xmlsafe import parse_xml
from . import markers
from .revision import COMMENT, DELETE, INSERT, Revision, iso_date

DC = "{http://purl.org/dc/elements/1.1/}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_START, _END, _POINT = TEXT + "change-start", TEXT + "change-end", TEXT + "change"
NOTE, _NOTE_END = OFFICE + "annotation", OFFICE + "annotation-end"
_PARAS = (TEXT + "p", TEXT + "h")


def _span(text: str):
    span = etree.Element(TEXT + "span")
    span.text = text
    return span


def _swap(el, new) -> None:
    """Put ``new`` where ``el`` is, keeping the text that follows ``el``."""
    new.tail = (new.tail or "") + (el.tail or "")
    el.getparent().replace(el, new)


def _remove(el) -> None:
    _swap(el, _span(""))


def changed_regions(root) -> dict[str, tuple[str, str, str, list]]:
    """region id → (insertion/deletion/format-change, author, date, deleted paragraphs)."""
    out = {}
    for region in root.iter(TEXT + "changed-region"):
        rid = region.get(TEXT + "id") or region.get(XML_ID)
        for change in region:
            if not isinstance(change.tag, str):
                continue
            kind = etree.QName(change).localname
            info = change.find(OFFICE + "change-info")
            author = info.findtext(DC + "creator", "") if info is not None else ""
            date = iso_date(info.findtext(DC + "date", "")) if info is not None else ""
            out[rid] = (kind, author, date, [p for p in change if p.tag in _PARAS])
    return out


def para_text(p) -> str:
    clone = copy.deepcopy(p)
    for note in list(clone.iter(NOTE)):
        _remove(note)
    return "".join(clone.itertext())


def _anchor(note, root) -> str:
    """The text between a comment and its end mark (in the same paragraph)."""
    name = note.get(OFFICE + "name")
    p = next((a for a in note.iterancestors(*_PARAS)), None)
    if p is None:
        return ""
    clone = copy.deepcopy(p)
    index = list(p.iter()).index(note)
    start = list(clone.iter())[index]
    _swap(start, _span(markers.CLOSE))
    for end in clone.iter(_NOTE_END):
        if name and end.get(OFFICE + "name") == name:
            _swap(end, _span(markers.DROP))
    for other in list(clone.iter(NOTE)):
        _remove(other)
    text = "".join(clone.itertext())
    return text.split(markers.CLOSE, 1)[1].split(markers.DROP, 1)[0]


def _marker_order(root) -> list:
    return list(root.iter(_START, _POINT, NOTE))


def readings(package) -> tuple[bytes, bytes, list[Revision], str]:
    """(accepted content.xml, rejected content.xml, revisions, part name)."""
    accepted = parse_xml(package.read("content.xml"), package.name, "content.xml")
    rejected = copy.deepcopy(accepted)
    regions = changed_regions(accepted)
    marks: dict[str, int] = {}
    revisions: list[Revision] = []
    notes = list(accepted.iter(NOTE))
    for el in _marker_order(accepted):
        k = len(revisions)
        if k >= markers.MAX_MARKS:
            break
        if el.tag == NOTE:
            words = "\n".join(para_text(p) for p in el.iter(TEXT + "p")).strip()
            revisions.append(Revision(k, COMMENT, el.findtext(DC + "creator", ""),
                                      iso_date(el.findtext(DC + "date", "")), words, _anchor(el, accepted)))
            marks[f"note:{notes.index(el)}"] = k
            continue
        rid = el.get(TEXT + "change-id")
        kind, author, date, deleted = regions.get(rid, ("", "", "", []))
        if rid in marks or kind not in ("insertion", "deletion"):
            continue
        if kind == "insertion":
            revisions.append(Revision(k, INSERT, author, date))
        else:
            revisions.append(Revision(k, DELETE, author, date, "\n".join(para_text(p) for p in deleted)))
        marks[rid] = k
    _accept(accepted, regions, marks)
    _reject(rejected, regions, marks)
    return etree.tostring(accepted), etree.tostring(rejected), revisions, "content.xml"


def _ranges(root, marks: dict[str, int], regions, opening, closing) -> None:
    """Insertion ranges → ``opening(k)`` … ``closing`` markers, closed at the end of each
    paragraph and opened again at the start of the next while the range goes on."""
    open_k: int | None = None
    for p in list(root.iter(*_PARAS)):
        if open_k is not None:
            first = _span(opening(open_k))
            first.tail, p.text = p.text, None
            p.insert(0, first)
        for el in list(p.iter(_START, _END)):
            rid = el.get(TEXT + "change-id")
            if rid not in marks or regions[rid][0] != "insertion":
                if el.getparent() is not None:
                    _remove(el)
                continue
            if el.tag == _START:
                open_k = marks[rid]
                _swap(el, _span(opening(open_k)))
            else:
                open_k = None
                _swap(el, _span(closing))
        if open_k is not None:
            p.append(_span(closing))


def _accept(root, regions, marks) -> None:
    _ranges(root, marks, regions, markers.open_mark, markers.CLOSE)
    for el in list(root.iter(_POINT)):
        _swap(el, _span(markers.DROP))
    for index, note in enumerate(list(root.iter(NOTE))):
        key = f"note:{index}"
        _swap(note, _span(markers.open_mark(marks[key]) if key in marks else ""))


def _reject(root, regions, marks) -> None:
    _ranges(root, marks, regions, lambda k: markers.HIDE, markers.HIDE)
    for el in list(root.iter(_POINT)):
        rid = el.get(TEXT + "change-id")
        if rid not in marks:
            _remove(el)
            continue
        deleted = regions[rid][3]
        mark = markers.open_mark(marks[rid])
        holder = next((a for a in el.iterancestors(*_PARAS)), None)
        at_start = holder is not None and not (holder.text or "").strip() and el.getparent() is holder \
            and holder.index(el) == 0
        if len(deleted) > 1 and at_start:  # whole paragraphs deleted before this one
            for para in deleted[:-1]:
                restored = copy.deepcopy(para)
                restored.tail = None
                _wrap(restored, mark)
                holder.addprevious(restored)
            deleted = deleted[-1:]
        span = _span("")
        for para in deleted:
            inner = copy.deepcopy(para)
            _wrap(inner, mark)
            inner.tag = TEXT + "span"
            span.append(inner)
        _swap(el, span)
    for note in list(root.iter(NOTE)):
        _remove(note)


def _wrap(p, mark: str) -> None:
    """Put the paragraph's content between OPEN(k) and CLOSE."""
    p.text = mark + (p.text or "")
    p.append(_span(markers.CLOSE))
