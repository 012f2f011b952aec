"""Department and period cells: split into entries and matched to the items of
their row (layout (a): one paragraph per item; layout (b): one item per row)."""
from __future__ import annotations

import re

from ..model import Department

# A department line starting with these continues the line above: 「服務中心」+「/服務所」.
_CONTINUES = tuple("/／、，,;；)）(（")
_PAREN = re.compile(r"[(（]([^()（）]*)[)）]")
_SEPARATORS = re.compile(r"[/／、，,;；\s]+")


def entries(lines: list[tuple[int, str]], joinable: bool) -> list[tuple[int, str]]:
    """Non-empty lines (paragraph index, text); with ``joinable`` a continuation line
    is appended to the entry above."""
    out: list[tuple[int, str]] = []
    for index, text in lines:
        text = text.strip()
        if not text:
            continue
        if joinable and out and _continues(out[-1][1], text):
            out[-1] = (out[-1][0], out[-1][1] + "\n" + text)
        else:
            out.append((index, text))
    return out


def _continues(before: str, line: str) -> bool:
    """「服務中心」+「/服務所」, 「業務組（工務段、」+「電務組）」: one entry over two lines."""
    opened = before.count("(") + before.count("（") - before.count(")") - before.count("）")
    return line.startswith(_CONTINUES) or before.endswith(_CONTINUES[:8]) or opened > 0


def align(starts: list[int], found: list[tuple[int, str]]) -> tuple[list[list[str]], str]:
    """Give each target (by its first paragraph index) its entries.

    Returns (entries per target, how): "one" all to a single target, "match" one
    each, "shared" one entry for every target, "position" by paragraph position
    (the clerk padded with empty lines), "" when there was nothing.
    """
    per: list[list[str]] = [[] for _ in starts]
    if not found or not starts:
        return per, ""
    texts = [text for _i, text in found]
    if len(starts) == 1:
        per[0] = texts
        return per, "one"
    if len(found) == len(starts):
        return [[t] for t in texts], "match"
    if len(found) == 1:
        return [list(texts) for _ in starts], "shared"
    for index, text in found:
        target = max((k for k, s in enumerate(starts) if s <= index), default=0)
        per[target].append(text)
    return per, "position"


# Endings of unit names: 「業務組（工務段）」 names a 協辦 unit, 「電務組（窗口）」 is one name.
_UNIT_ENDINGS = ("組", "課", "段", "所", "室", "處", "中心", "部", "部門", "廠", "隊", "科", "股",
                 "站", "會", "服", "班", "單位", "區", "局", "署", "公司")


def _assist_groups(entry: str) -> list[str]:
    """The parenthesised groups of ``entry`` that name 協辦 units."""
    out = []
    for match in _PAREN.finditer(entry):
        names = [n for n in _SEPARATORS.split(match.group(1)) if n]
        whole_line = not entry[: match.start()].strip() or entry[: match.start()].endswith("\n")
        if names and (whole_line or all(n.endswith(_UNIT_ENDINGS) for n in names)):
            out.append(match.group(0))
    return out


def has_assist(entry: str) -> bool:
    return bool(_assist_groups(entry))


def departments(entry: str, distinguish: bool) -> list[Department]:
    """「業務組（工務段、電務組）」 → 業務組 主辦, 工務段/電務組 協辦 (when the plan
    distinguishes roles; otherwise every name is 承辦). 「電務組（窗口）」 stays one name."""
    groups = _assist_groups(entry)
    main_text = entry
    for group in groups:
        main_text = main_text.replace(group, "\n", 1)
    assist = [name for group in groups for name in _SEPARATORS.split(group[1:-1]) if name]
    main = [name for name in _SEPARATORS.split(main_text) if name]
    if not distinguish:
        return [Department(name, "承辦") for name in main + assist]
    return [Department(name, "主辦") for name in main] + [Department(name, "協辦") for name in assist]
