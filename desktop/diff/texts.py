"""Rows for the text around the table: title, date line, each section's heading,
paragraphs and notes. Sections are matched by heading, paragraphs within a
section by content (a rolled year does not make a paragraph new)."""
from __future__ import annotations

import difflib

from ..model import Plan, Section
from ..plantext import FieldRef, Locator
from .entry import ADDED, CHANGED, DATE_LINE, HEADING, NOTE, PARAGRAPH, REMOVED, SECTION, TITLE, DiffEntry
from .match import content_key

# parts of a section, in print order; the table's items sit between paragraphs and notes
HEAD, BODY, ITEMS, NOTES = 0, 1, 2, 3


def _wording(old: str, new: str) -> str:
    return "年份或標點修正。" if content_key(old) == content_key(new) else "文字修正。"


def plan_field_rows(old: Plan, new: Plan) -> list[tuple[tuple, DiffEntry]]:
    out = []
    for rank, (attr, kind, name) in enumerate((("title", TITLE, "計畫名稱"), ("date_line", DATE_LINE, "日期列"))):
        before, after = getattr(old, attr), getattr(new, attr)
        if before != after:
            target = f"plan:{attr}"
            out.append(((0, rank, 0), DiffEntry(CHANGED, kind, name, name, _wording(before, after),
                                                before, after, target, target)))
    return out


def section_text(section: Section) -> str:
    return "\n".join([section.heading] + [p.text for p in section.paragraphs] + section.notes)


def _align(old: list[str], new: list[str]) -> list[tuple[int | None, int | None]]:
    """Pairs of (old index, new index) in new order; None on the side that lacks it."""
    matcher = difflib.SequenceMatcher(None, [content_key(t) for t in old], [content_key(t) for t in new],
                                      autojunk=False)
    out: list[tuple[int | None, int | None]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        paired = min(i2 - i1, j2 - j1) if op in ("equal", "replace") else 0
        out += [(i1 + k, j1 + k) for k in range(paired)]
        out += [(i, None) for i in range(i1 + paired, i2)]
        out += [(None, j) for j in range(j1 + paired, j2)]
    return out


def _part_rows(old: Section, new: Section, major: float, old_loc: Locator, new_loc: Locator,
               attr: str, part: int) -> list[tuple[tuple, DiffEntry]]:
    kind = PARAGRAPH if attr == "paragraph" else NOTE
    noun = "段落" if attr == "paragraph" else "附註"
    olds = [p.text for p in old.paragraphs] if attr == "paragraph" else list(old.notes)
    news = [p.text for p in new.paragraphs] if attr == "paragraph" else list(new.notes)
    out = []
    last_new = -1
    for i, j in _align(olds, news):
        before = FieldRef("section", old.id, attr, i) if i is not None else None
        after = FieldRef("section", new.id, attr, j) if j is not None else None
        if j is not None:
            last_new = j
        key = (major, part, last_new + (0.5 if j is None else 0))
        if before and after:
            if olds[i] != news[j]:
                out.append((key, DiffEntry(CHANGED, kind, old_loc.ref(before), new_loc.ref(after),
                                           _wording(olds[i], news[j]), olds[i], news[j],
                                           before.target, after.target)))
        elif after:
            out.append((key, DiffEntry(ADDED, kind, None, new_loc.ref(after), f"本年度新增的{noun}。",
                                       new_text=news[j], new_target=after.target)))
        else:
            out.append((key, DiffEntry(REMOVED, kind, old_loc.ref(before), None, f"上年度有、本年度刪除的{noun}。",
                                       old_text=olds[i], old_target=before.target)))
    return out


def pair_sections(old: Plan, new: Plan) -> dict[str, tuple[int, Section]]:
    """Old section id → (index, new section) with the same heading; each new section
    pairs once, in order, so two sections headed alike are both compared."""
    free: dict[str, list[int]] = {}
    for index, section in enumerate(new.sections):
        free.setdefault(content_key(section.heading), []).append(index)
    pairs = {}
    for before in old.sections:
        indexes = free.get(content_key(before.heading))
        if indexes:
            index = indexes.pop(0)
            pairs[before.id] = (index, new.sections[index])
    return pairs


def section_rows(old: Plan, new: Plan, old_loc: Locator, new_loc: Locator) -> list[tuple[tuple, DiffEntry]]:
    """Rows keyed (section position in the new plan, part, position in the part)."""
    pairs = pair_sections(old, new)
    out: list[tuple[tuple, DiffEntry]] = []
    major = 0.5  # a removed section goes after the section that preceded it last year
    for before in old.sections:
        if before.id not in pairs:
            out.append(((major + 0.5, HEAD, 0), DiffEntry(
                REMOVED, SECTION, old_loc.section(before.id), None, "上年度有、本年度刪除的章節。",
                old_text=section_text(before), old_target=f"section:{before.id}")))
            continue
        index, after = pairs[before.id]
        major = index + 1
        if before.heading != after.heading:
            out.append(((major, HEAD, 0), DiffEntry(
                CHANGED, HEADING, old_loc.section(before.id), new_loc.section(after.id), "章節標題修正。",
                before.heading, after.heading, f"section:{before.id}", f"section:{after.id}")))
        out += _part_rows(before, after, major, old_loc, new_loc, "paragraph", BODY)
        out += _part_rows(before, after, major, old_loc, new_loc, "note", NOTES)
    paired = {index for index, _ in pairs.values()}
    for index, section in enumerate(new.sections):
        if index not in paired:
            out.append(((index + 1, HEAD, 0), DiffEntry(
                ADDED, SECTION, None, new_loc.section(section.id), "本年度新增的章節。",
                new_text=section_text(section), new_target=f"section:{section.id}")))
    return out
