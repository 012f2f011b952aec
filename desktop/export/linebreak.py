"""Where printed lines break: a model of Word's and LibreOffice's East Asian line
breaking, used to choose column widths and title breaks before anything is written.

Widths are in character widths ("em" of the paragraph's size): CJK full width = 1,
Latin and digits ≈ ½, with Times New Roman's narrow punctuation (「.」 ¼, 「(」 ⅓) —
tokens such as 「(一)」 and 「1.」 decide many breaks in narrow columns. A Latin
word or number never breaks inside; closing punctuation never starts a line and
opening punctuation never ends one (the character before it moves down with it,
as both word processors do).
"""
from __future__ import annotations

import re
import unicodedata

from .blocks import text_width_em

_NO_LINE_START = set("，。、；：！？）」』】〉》〕,.;:!?)]}…—％%")
_NO_LINE_END = set("（「『【〈《〔([{")
_UNITS = re.compile(r"[A-Za-z0-9.,%/:_\-]+ ?|.", re.S)
_PUNCT = _NO_LINE_START | _NO_LINE_END | set("・·　 ")
_NARROW = {**dict.fromkeys(".,:;'!|ilIjft ", 0.28), **dict.fromkeys("()[]-/", 0.33),
           **dict.fromkeys("ABCDEGHKMNOQRUVWXYmw", 0.72)}


def printed_width(text: str) -> float:
    """Width of ``text`` in em as Times New Roman and a CJK font print it."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else _NARROW.get(c, 0.5) for c in text)


def _units(text: str) -> list[str]:
    return _UNITS.findall(text)


Measured = tuple  # per line of a text: (unit, width at a line end, width inside a line) per unit


def measure(text: str) -> Measured:
    """``text`` measured once, to be wrapped at many widths (:func:`wrap_measured`)."""
    return tuple(tuple((u, printed_width(u.rstrip(" ")), printed_width(u)) for u in _units(part))
                 for part in text.split("\n"))


def wrap_lines(text: str, width_em: float) -> list[str]:
    """``text`` broken into the lines a word processor prints in a column
    ``width_em`` characters wide (explicit "\\n" line breaks are kept)."""
    return wrap_measured(measure(text), width_em)


def wrap_measured(measured: Measured, width_em: float) -> list[str]:
    out: list[str] = []
    for part in measured:
        out.extend(_wrap_part(part, width_em))
    return out


def _wrap_part(units, width_em: float) -> list[str]:
    lines: list[list[tuple[str, float, float]]] = [[]]
    used = 0.0
    for unit in units:
        if lines[-1] and used + unit[1] > width_em + 1e-6:
            carry: list[tuple[str, float, float]] = []
            current = lines[-1]
            if unit[0][0] in _NO_LINE_START and len(current) > 1:
                carry.append(current.pop())  # the character before moves down with it
            while len(current) > 1 and current[-1][0][-1] in _NO_LINE_END:
                carry.insert(0, current.pop())
            lines.append(carry)
            used = sum(u[2] for u in carry)
        lines[-1].append(unit)
        used += unit[2]
    return ["".join(u[0] for u in line).rstrip(" ") for line in lines if line]


def cjk_count(line: str) -> int:
    """Full-width characters of ``line`` that are not punctuation."""
    return sum(1 for c in line if text_width_em(c) == 1.0 and c not in _PUNCT)


def label_lines(label: str, width_em: float) -> list[str]:
    """A header label as printed lines: whole if it fits; else before its bracketed
    part (「主辦部門」「（協辦部門）」), else in even halves (「服務」「內涵」), when
    both fit; else wrapped."""
    if printed_width(label) <= width_em:
        return [label]
    bracket = next((i for i, c in enumerate(label) if i and c in "（("), 0)
    for cut in (bracket, (len(label) + 1) // 2):
        head, tail = label[:cut], label[cut:]
        if (cut and tail[0] not in _NO_LINE_START and head[-1] not in _NO_LINE_END
                and max(printed_width(head), printed_width(tail)) <= width_em):
            return [head, tail]
    return wrap_lines(label, width_em)


def lines_end_alone(lines: list[str]) -> bool:
    """The last of several lines holds a single CJK character (punctuation aside)."""
    if len(lines) < 2:
        return False
    last = lines[-1]
    return cjk_count(last) <= 1 and printed_width("".join(c for c in last if c not in _PUNCT)) <= 1.0


# A title breaks before its year (「108年度」), else after the office's name, else
# before a bracketed part (「…對照表」「（109年度與108年度）」) — never inside brackets.
_YEAR = re.compile(r"\s*\d{2,3}\s*年")
_OFFICE = re.compile(r"(營業處|管理處|區處|分處|服務所|公司|處)")


def _outside_brackets(title: str, pos: int) -> bool:
    head = title[:pos]
    return sum(head.count(c) for c in "（(") == sum(head.count(c) for c in "）)")


def title_lines(title: str, width_em: float) -> list[str]:
    """``title`` as printed lines: one if it fits; else broken at a natural point
    (before 「xxx年度」, after the office name, before a bracketed part), never
    leaving ≤ 2 characters on the last line; else evenly."""
    if printed_width(title) <= width_em:
        return [title]
    # The office name's last part first: 「…公司第一區管理處」 ends at 管理處, not at 公司.
    points = ([m.start() for m in _YEAR.finditer(title)] + [m.end() for m in _OFFICE.finditer(title)][::-1]
              + [i for i, c in enumerate(title) if i and c in "（("])
    for pos in points:
        head, tail = title[:pos].rstrip(), title[pos:].lstrip()
        if (head and _outside_brackets(title, pos) and printed_width(head) <= width_em
                and 2 < printed_width(tail) <= width_em):
            return [head, tail]
    lines = wrap_lines(title, width_em)
    if len(lines) > 1 and printed_width(lines[-1]) <= 2:
        # Even out: the same number of lines, each about as wide.
        even = printed_width(title) / len(lines)
        step = 0.0
        while len(wrap_lines(title, even + step)) > len(lines):
            step += 0.5
        lines = wrap_lines(title, even + step)
    return lines
