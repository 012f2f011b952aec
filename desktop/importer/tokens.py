"""Numbering tokens as clerks type them, on top of ``desktop.numbering``: also
full-width digits (１．, （２）) which the core token reader does not take."""
from __future__ import annotations

from ..numbering import level_of_token, numeral, parse_token

_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"


def list_numeral(n: int, kind: str) -> str:
    """The numeral a word processor's automatic list shows: a ``desktop.numbering``
    kind, or "branches" (子丑寅…, cycling), which lists offer on their own."""
    return _BRANCHES[(n - 1) % len(_BRANCHES)] if kind == "branches" else numeral(max(n, 1), kind)


def token_parts(text: str) -> tuple[str, bool, str, str] | None:
    """(numeral kind, bracketed, token as typed, rest) or None when no token leads ``text``."""
    probe = text.translate(_FULL_WIDTH_DIGITS)  # one character for one: offsets still match
    parsed = parse_token(probe)
    if not parsed:
        return None
    kind, bracketed, rest = parsed
    cut = len(probe) - len(rest)
    if text[:cut].endswith(".") and rest[:1].isdigit():
        return None  # 「12.5 億元」 is a number, not the token 12.
    return kind, bracketed, text[:cut], text[cut:]


def split_token(text: str, levels: list[dict]) -> tuple[int | None, str]:
    """(profile level, rest) when ``text`` starts with a token of a known level, else (None, text)."""
    parts = token_parts(text)
    if not parts:
        return None, text
    level = level_of_token(parts[2].translate(_FULL_WIDTH_DIGITS), levels)
    return (level, parts[3]) if level is not None else (None, text)


def is_first(text: str) -> bool:
    """The token leading ``text`` is the first of its series: 1. (1) 一、 (一) 甲、 壹、."""
    parts = token_parts(text)
    if not parts:
        return False
    core = parts[2].translate(_FULL_WIDTH_DIGITS).strip(" (（)）、.．,，")
    return core in ("1", "一", "甲", "壹", "子")
