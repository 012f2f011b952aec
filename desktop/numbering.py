"""Numbering tokens computed from position: 壹、 一、 (一) 1. (1) 甲、 (甲) …

A level style is ``{"numerals": kind, "format": "({})"}`` from the layout
profile. Unnumbered nodes are skipped by the count; a node's level is its
parent's level + 1 + ``node.skip``.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Iterable

from .model import Node, Plan
from .profiles import load_profile

_DIGITS = "零一二三四五六七八九"
_CAPITAL = "零壹貳參肆伍陸柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"


def _chinese(n: int, digits: str, ten: str, hundred: str) -> str:
    if n < 10:
        return digits[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        head = "" if tens == 1 else digits[tens]
        return head + ten + (digits[ones] if ones else "")
    hundreds, rest = divmod(n, 100)
    tail = ""
    if rest:
        tail = (digits[0] + digits[rest]) if rest < 10 else _chinese(rest, digits, ten, hundred)
        if 10 <= rest < 20:
            tail = digits[1] + tail
    return digits[hundreds] + hundred + tail


def numeral(n: int, kind: str) -> str:
    """The ``n``-th (1-based) numeral of ``kind``: chinese 一, capital 壹, arabic 1, stems 甲."""
    if kind == "arabic":
        return str(n)
    if kind == "chinese":
        return _chinese(n, _DIGITS, "十", "百")
    if kind == "capital":
        return _chinese(n, _CAPITAL, "拾", "佰")
    if kind == "stems":
        seq = _STEMS + _BRANCHES
        return seq[n - 1] if n <= len(seq) else f"{_STEMS[0]}{n}"
    raise ValueError(f"unknown numeral kind {kind!r}")


def token(n: int, style: dict) -> str:
    return style["format"].format(numeral(n, style["numerals"]))


def level_style(levels: list[dict], level: int) -> dict:
    """Levels deeper than the profile lists reuse the last style."""
    return levels[min(level, len(levels) - 1)]


def node_tokens(plan: Plan) -> dict[str, str]:
    """Map node id → computed token ("" for unnumbered nodes) for the whole tree."""
    levels = load_profile(plan.profile)["numbering"]["levels"]
    out: dict[str, str] = {}

    def visit(siblings: Iterable[Node], parent_level: int) -> None:
        count = 0
        for node in siblings:
            level = parent_level + 1 + node.skip
            if node.numbered:
                count += 1
                out[node.id] = token(count, level_style(levels, level))
            else:
                out[node.id] = ""
            visit(node.children, level)

    visit(plan.tree, -1)
    return out


def node_levels(plan: Plan) -> dict[str, int]:
    """Map node id → numbering level (0 = 一、)."""
    out: dict[str, int] = {}

    def visit(siblings: Iterable[Node], parent_level: int) -> None:
        for node in siblings:
            out[node.id] = parent_level + 1 + node.skip
            visit(node.children, out[node.id])

    visit(plan.tree, -1)
    return out


def section_tokens(plan: Plan) -> list[str]:
    style = load_profile(plan.profile)["numbering"]["sections"]
    return [token(i + 1, style) for i in range(len(plan.sections))]


def paragraph_tokens(plan: Plan, paragraphs) -> list[str]:
    """Tokens for one section's paragraphs; unnumbered ones get "" and are not counted."""
    style = load_profile(plan.profile)["numbering"]["paragraphs"]
    out, count = [], 0
    for para in paragraphs:
        if para.numbered:
            count += 1
            out.append(token(count, style))
        else:
            out.append("")
    return out


# --- reading tokens typed by people -------------------------------------------

_NUM_CHARS = _DIGITS[1:] + "十百" + _CAPITAL[1:] + "拾佰参" + _STEMS + _BRANCHES + "0123456789"
TOKEN_RE = re.compile(
    r"^\s*(?:[(（]\s*([%s]+)\s*[)）]|([%s]+)\s*[、.．,，])\s*" % (_NUM_CHARS, _NUM_CHARS))


def _kind_of(numeral_text: str) -> str | None:
    text = unicodedata.normalize("NFKC", numeral_text)
    if text.isdigit():
        return "arabic"
    if all(c in _STEMS + _BRANCHES for c in text):
        return "stems"
    if all(c in _CAPITAL + "拾佰参" for c in text):
        return "capital"
    if all(c in _DIGITS + "十百" for c in text):
        return "chinese"
    return None


def parse_token(text: str) -> tuple[str, bool, str] | None:
    """Split a leading numbering token off ``text``.

    Returns ``(numeral kind, parenthesised, rest of text)`` or None when the
    text does not start with a token. Accepts half- and full-width forms:
    一、 (一) （一） 1. 1、 (1) （1） 甲、 甲. (甲).
    """
    match = TOKEN_RE.match(text)
    if not match:
        return None
    bracketed = match.group(1) is not None
    kind = _kind_of(match.group(1) or match.group(2))
    if kind is None:
        return None
    return kind, bracketed, text[match.end():]


def level_of_token(tok: str, levels: list[dict]) -> int | None:
    """Index of the profile level whose style matches ``tok`` (width and
    punctuation variants ignored), or None."""
    parsed = parse_token(tok)
    if not parsed:
        return None
    kind, bracketed, _rest = parsed
    for index, style in enumerate(levels):
        style_bracketed = style["format"].lstrip()[:1] in "(（"
        if style["numerals"] == kind and style_bracketed == bracketed:
            return index
    return None


def normalize_token(tok: str) -> str:
    """Width- and punctuation-insensitive form, for comparing printed tokens."""
    text = unicodedata.normalize("NFKC", tok).replace("、", ".").replace("参", "參")
    return text.replace(" ", "")
