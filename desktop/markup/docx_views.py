"""DOCX markup → the document body as accepted and as rejected, with markers.

``w:ins``/``w:moveTo`` runs are insertions, ``w:del``/``w:moveFrom`` deletions;
a tracked row (``w:trPr/w:ins|w:del``) or paragraph mark (``w:pPr/w:rPr/…``)
disappears from the reading that does not have it. Comments come from
``comments.xml``, anchored at ``w:commentRangeStart`` (or the reference).
Format changes (``w:rPrChange`` …) sit in property elements and are ignored.
"""
from __future__ import annotations

import copy

from lxml import etree

from ..importer.docx_numbering import read_part
from ..importer.docx_reader import W, main_part
from . import markers
from .revision import COMMENT, DELETE, INSERT, Revision, iso_date

INSERTS = {W + "ins": False, W + "moveTo": True}
DELETES = {W + "del": False, W + "moveFrom": True}


def _run(text: str):
    run = etree.Element(W + "r")
    etree.SubElement(run, W + "t").text = text
    return run


def _replace(el, *new) -> None:
    parent = el.getparent()
    if parent is None:
        return
    index = parent.index(el)
    parent.remove(el)
    for offset, item in enumerate(new):
        parent.insert(index + offset, item)


def text_of(el, tag: str) -> str:
    return "".join(t.text or "" for t in el.iter(W + tag))


def structural(el) -> bool:
    """A change mark inside a properties element: a row or paragraph mark, not text."""
    parent = el.getparent()
    return parent is not None and parent.tag.endswith("Pr")


def _merge_with_next(p) -> None:
    """The paragraph mark is gone in this reading: its runs join the next paragraph."""
    following = p.getnext()
    if following is None or following.tag != W + "p":
        return
    at = 1 if len(following) and following[0].tag == W + "pPr" else 0
    for child in [c for c in p if c.tag != W + "pPr"]:
        following.insert(at, child)
        at += 1
    p.getparent().remove(p)


def comments_of(package) -> dict[str, tuple[str, str, str]]:
    """comment id → (author, date, text)."""
    if not package.has("word/comments.xml"):
        return {}
    root = read_part(package, "word/comments.xml")
    out = {}
    for comment in root.iter(W + "comment"):
        text = "\n".join(text_of(p, "t") for p in comment.iter(W + "p")).strip()
        out[comment.get(W + "id")] = (comment.get(W + "author") or "", iso_date(comment.get(W + "date")), text)
    return out


def _anchors(root) -> dict[str, str]:
    """comment id → the text its range covers (deleted text excluded)."""
    open_ids: list[str] = []
    out: dict[str, list[str]] = {}
    for el in root.iter(W + "commentRangeStart", W + "commentRangeEnd", W + "t"):
        if el.tag == W + "commentRangeStart":
            open_ids.append(el.get(W + "id"))
            out.setdefault(el.get(W + "id"), [])
        elif el.tag == W + "commentRangeEnd":
            if el.get(W + "id") in open_ids:
                open_ids.remove(el.get(W + "id"))
        else:
            for cid in open_ids:
                out[cid].append(el.text or "")
    return {cid: "".join(parts) for cid, parts in out.items()}


def _targets(root) -> list:
    """The text-level change marks and comment anchors, in document order."""
    tags = [*INSERTS, *DELETES, W + "commentRangeStart", W + "commentReference"]
    return [el for el in root.iter(*tags) if not structural(el)]


def readings(package) -> tuple[bytes, bytes, list[Revision], str]:
    """(accepted main part, rejected main part, revisions, part name)."""
    part = main_part(package)
    accepted = read_part(package, part)
    rejected = copy.deepcopy(accepted)
    comments = comments_of(package)
    anchors = _anchors(accepted)
    revisions: list[Revision] = []
    anchored: set[str] = set()
    for el_a, el_r in zip(_targets(accepted), _targets(rejected)):
        k = len(revisions)
        if k >= markers.MAX_MARKS:
            break
        mark = markers.open_mark(k)
        author, date = el_a.get(W + "author") or "", iso_date(el_a.get(W + "date"))
        if el_a.tag in INSERTS:
            revisions.append(Revision(k, INSERT, author, date, text_of(el_a, "t"), moved=INSERTS[el_a.tag]))
            el_a.insert(0, _run(mark))
            el_a.append(_run(markers.CLOSE))
            _replace(el_r, _run(markers.DROP))
        elif el_a.tag in DELETES:
            revisions.append(Revision(k, DELETE, author, date, text_of(el_a, "delText"), moved=DELETES[el_a.tag]))
            _replace(el_a, _run(markers.DROP))
            for deleted in el_r.iter(W + "delText"):
                deleted.tag = W + "t"
            _replace(el_r, _run(mark), *list(el_r), _run(markers.CLOSE))
        else:
            cid = el_a.get(W + "id")
            if cid not in comments or cid in anchored:
                continue
            anchored.add(cid)
            author, date, text = comments[cid]
            revisions.append(Revision(k, COMMENT, author, date, text, anchors.get(cid, "")))
            if el_a.tag == W + "commentReference":  # no range: anchor at the reference's run
                el_a = el_a.getparent()
                el_a.addprevious(_run(mark))
            else:
                _replace(el_a, _run(mark))
    _structure(accepted, gone=W + "del")
    _structure(rejected, gone=W + "ins")
    return (etree.tostring(accepted), etree.tostring(rejected), revisions, part)


def _structure(root, gone: str) -> None:
    """Rows and paragraph marks that this reading does not have."""
    for tr_pr in list(root.iter(W + "trPr")):
        if tr_pr.find(gone) is not None:
            row = tr_pr.getparent()
            if row.getparent() is not None:
                row.getparent().remove(row)
    for p_pr in list(root.iter(W + "pPr")):
        r_pr = p_pr.find(W + "rPr")
        if r_pr is not None and r_pr.find(gone) is not None and p_pr.getparent() is not None:
            _merge_with_next(p_pr.getparent())
