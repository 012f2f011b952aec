"""Marker characters that carry tracked changes and comments through the importer.

The returned document is read twice by the ordinary importer: once with every
change accepted, once with every change rejected. Before parsing, each tracked
span is wrapped in private-use characters (``OPEN(k)`` … ``CLOSE``) and each
comment anchor becomes a point ``OPEN(k)``; the importer places them into the
plan's fields like any other text, so the field a change lands in is found by
the very parser that reads plans — no second, diverging layout logic.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..importer.blocks import Block, Para
from ..importer.tokens import token_parts

_BASE = 0xF0000          # supplementary private use area A: never typed by clerks
_LIMIT = 0xFFFF0
CLOSE = "\U0010FFFD"
DROP = "\U0010FFFC"      # "something was removed here": an emptied paragraph goes away
MAX_MARKS = _LIMIT - _BASE
HIDE = "\U0010FFFB"      # HIDE … HIDE: text left out of this reading (ODT ranges)
_ANY = re.compile("[\U000F0000-\U000FFFEF\U0010FFFB-\U0010FFFD]")
_LEADING = re.compile("^[\\s\U000F0000-\U000FFFEF\U0010FFFB-\U0010FFFD]*")
_HIDDEN = re.compile("\U0010FFFB[^\U0010FFFB]*\U0010FFFB")


def open_mark(k: int) -> str:
    return chr(_BASE + k)


def strip(text: str) -> str:
    return _ANY.sub("", text)


def has_marks(text: str) -> bool:
    return bool(_ANY.search(text))


@dataclass
class Segment:
    """A piece of a field: plain text (``mark`` None), text of mark ``mark``, or a
    point (``point`` True, empty text) where mark ``mark`` is anchored."""
    text: str
    mark: int | None = None
    point: bool = False


def segments(text: str, points: set[int]) -> list[Segment]:
    """Split a marked field into segments; ``points`` are the marks without CLOSE (comments)."""
    out: list[Segment] = []
    current: int | None = None
    buf: list[str] = []

    def flush():
        if buf:
            out.append(Segment("".join(buf), current))
            buf.clear()

    for ch in text:
        code = ord(ch)
        if ch == CLOSE:
            flush()
            current = None
        elif ch == DROP:
            continue
        elif _BASE <= code < _LIMIT:
            k = code - _BASE
            if k in points:
                flush()
                out.append(Segment("", k, True))
            else:
                flush()
                current = k
        else:
            buf.append(ch)
    flush()
    return out


def plain(segs: list[Segment]) -> str:
    """The field's text without the marked spans (what both readings share)."""
    return "".join(s.text for s in segs if s.mark is None)


# --- keeping markers out of the parser's way -------------------------------------

def _tidy(text: str) -> str:
    """Markers before a numbering token move behind it, so 「(3)」 still opens an item."""
    lead = _LEADING.match(text).group(0)
    if not has_marks(lead):
        return text
    rest = text[len(lead):]
    parts = token_parts(rest)
    if parts is None:
        return text
    spaces = "".join(ch for ch in lead if not _ANY.match(ch))
    marks = "".join(ch for ch in lead if _ANY.match(ch))
    return spaces + parts[2] + marks + parts[3]


def _gone(text: str) -> bool:
    """Something was removed and nothing else is left: the paragraph belongs to the other reading."""
    return (DROP in text or HIDE in text) and not strip(_HIDDEN.sub("", text)).strip()


def _read(paras: list[str]) -> list[str]:
    return [_tidy(_HIDDEN.sub("", p) if HIDE in p else p) for p in paras if not _gone(p)]


def tidy_blocks(blocks: list[Block]) -> list[Block]:
    """Leave out hidden spans and emptied paragraphs, and move markers off tokens."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Para):
            out.extend(Para(text) for text in _read([block.text]))
            continue
        seen: set[int] = set()
        for cell in (c for row in block.grid for c in row if c is not None):
            if id(cell) not in seen:
                seen.add(id(cell))
                cell.paras = _read(cell.paras)
        out.append(block)
    return out
