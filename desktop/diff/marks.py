"""Changed characters marked the customary way of a 對照表: in 本年度 the added or
rewritten text is underlined (修正處加底線), in 上年度 the deleted text is struck
through. A mark is a run ``(text, style)``; style is "", UNDERLINE or STRIKE."""
from __future__ import annotations

import difflib
import re

PLAIN, UNDERLINE, STRIKE = "", "underline", "strike"
Run = tuple[str, str]
_ISLAND = 1  # an unchanged token this short between two changes is marked with them
# a number or a Latin word changes as a whole (108 → 109 marks 「109」, not 「9」); CJK by character
_TOKEN = re.compile(r"[0-9０-９]+|[A-Za-zＡ-Ｚａ-ｚ]+|.", re.S)


def _merge(runs: list[Run]) -> list[Run]:
    out: list[Run] = []
    for text, style in runs:
        if not text:
            continue
        if out and out[-1][1] == style:
            out[-1] = (out[-1][0] + text, style)
        else:
            out.append((text, style))
    return out


def mark_changes(old: str, new: str) -> tuple[list[Run], list[Run]]:
    """Runs of ``old`` (deleted text struck through) and of ``new`` (new text underlined)."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    old_runs: list[Run] = []
    new_runs: list[Run] = []
    for k, (op, i1, i2, j1, j2) in enumerate(ops):
        # a lone unchanged character between changes reads as noise: mark it with them
        island = op == "equal" and 0 < k < len(ops) - 1 and len("".join(a[i1:i2])) <= _ISLAND
        if op == "equal" and not island:
            old_runs.append(("".join(a[i1:i2]), PLAIN))
            new_runs.append(("".join(b[j1:j2]), PLAIN))
        else:
            old_runs.append(("".join(a[i1:i2]), STRIKE))
            new_runs.append(("".join(b[j1:j2]), UNDERLINE))
    return _merge(old_runs), _merge(new_runs)


def whole(text: str, style: str) -> list[Run]:
    return [(text, style)] if text else []


def split_lines(runs: list[Run]) -> list[list[Run]]:
    """Runs cut at line breaks: one run list per line (a cell paragraph each)."""
    lines: list[list[Run]] = [[]]
    for text, style in runs:
        for k, piece in enumerate(text.split("\n")):
            if k:
                lines.append([])
            if piece:
                lines[-1].append((piece, style))
    return lines
