"""Mutated DOCX/ODT files for fuzzing the importer (a few in CI, ≥1,000 in
``benchmarks/bench_import.py``). Mutations hit the zip bytes, the XML structure
(spans, merges, repeats, deleted/duplicated elements) and the text."""
from __future__ import annotations

import io
import random
import zipfile

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_ATTRS = [  # (namespace, attribute, values) that drive spans and repeats
    (TABLE, "number-rows-spanned", ["0", "1", "2", "7", "-3", "x", "100000"]),
    (TABLE, "number-columns-spanned", ["0", "2", "5", "99", "-1"]),
    (TABLE, "number-rows-repeated", ["2", "3", "0", "50000"]),
    (TABLE, "number-columns-repeated", ["2", "70", "0"]),
]
_TEXTS = ["（一）", "1.", "甲、", "壹、", "(1)", "業務組（工務段", "/服務所", "\u2028", "\ufeff",
          "😀", "", "　", "面向", "具體作法", "承辦部門", "執行期間", "主辦部門（協辦部門）", "x" * 300]


def _part_name(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return "content.xml" if "content.xml" in z.namelist() else "word/document.xml"


def _rezip(data: bytes, part: str, payload: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            dst.writestr(name, payload if name == part else src.read(name))
    return out.getvalue()


def _mutate_tree(root, rng: random.Random) -> None:
    elements = list(root.iter())
    el = rng.choice(elements[1:]) if len(elements) > 1 else root
    parent = el.getparent()
    action = rng.randrange(7)
    if action == 0 and parent is not None:
        parent.remove(el)
    elif action == 1 and parent is not None:
        parent.insert(parent.index(el), etree.fromstring(etree.tostring(el)))
    elif action == 2:
        ns, attr, values = rng.choice(_ATTRS)
        el.set(f"{{{ns}}}{attr}", rng.choice(values))
    elif action == 3:
        el.text = rng.choice(_TEXTS)
    elif action == 4:
        merge = etree.SubElement(el, f"{{{W}}}vMerge")
        if rng.random() < 0.5:
            merge.set(f"{{{W}}}val", "restart")
    elif action == 5:
        span = etree.SubElement(el, f"{{{W}}}gridSpan")
        span.set(f"{{{W}}}val", rng.choice(["0", "2", "3", "-1", "65", "z"]))
    elif parent is not None and len(elements) > 3:
        other = rng.choice(elements[1:])
        related = el is other or el in other.iterancestors() or other in el.iterancestors()
        if not related and other.getparent() is not None:
            other.getparent().remove(other)
            if rng.random() < 0.5:
                el.append(other)
            else:
                parent.insert(parent.index(el), other)


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One mutated copy of the document ``data``."""
    kind = rng.random()
    if kind < 0.15:  # flip bytes anywhere (zip headers, compressed data)
        raw = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            raw[rng.randrange(len(raw))] = rng.randrange(256)
        return bytes(raw)
    if kind < 0.25:  # truncate
        return data[: rng.randrange(len(data))]
    part = _part_name(data)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = etree.fromstring(z.read(part))
    for _ in range(rng.randint(1, 6)):
        _mutate_tree(root, rng)
    payload = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    if rng.random() < 0.05:
        payload = payload.replace(b"?>", b'?><!DOCTYPE d [<!ENTITY e "x">]>', 1)
    return _rezip(data, part, payload)
