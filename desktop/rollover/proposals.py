"""Year roll-over proposals for next year's plan, and applying the accepted ones.

For a plan of year Y cloned to year N (Y read from the text, see :mod:`.source_year`:
the title rolls from its own year, everything else from the body's year):
- a year Y becomes N and Y+1 becomes N+1 (ROC or Western, 「108年度」「2019年」),
  wherever it is written: title, date line, sections, item texts, periods;
- a year in a past-event phrase (「自108年元月起」, see :mod:`.past_events`) is proposed
  too, but as "keep" (``accept`` False) with the reason;
- earlier years stay (they cite laws and old letters), and so does every
  letter reference 「…年…月…日…字第…號函」 — this year's letters are flagged
  「請更新本年度來函文號」 instead, since their new number is not known yet;
- the date line's date is cleared for the clerk to fill in.

Each proposal says where it is and shows its context, so a person can accept
or reject it alone; :func:`apply_proposals` applies a chosen subset.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Plan
from .past_events import past_event_reason
from ..plantext import FieldRef, text_fields
from .source_year import SourceYear, source_year
from ..yeartext import ROC_OFFSET, find_dates, find_letters, find_years, same_width

YEAR, DATE, LETTER = "year", "date", "letter"
BLANK = "\u3000"
_CONTEXT = 14


@dataclass
class Proposal:
    """One change to ``ref``'s text between ``start`` and ``end`` (``old`` → ``new``).
    A ``letter`` proposal changes nothing: it only tells the clerk what to update."""
    ref: FieldRef
    start: int
    end: int
    old: str
    new: str
    kind: str
    location: str
    context: str   # the surrounding text with the part in 【】
    note: str      # zh-TW: what this is and why
    accept: bool = True  # proposed as "apply"; False: proposed as "keep" (a past event)

    @property
    def changes_text(self) -> bool:
        return self.kind != LETTER

    @property
    def target(self) -> str:
        return self.ref.target

    def as_dict(self) -> dict:
        return {"kind": self.kind, "location": self.location, "old": self.old, "new": self.new,
                "context": self.context, "note": self.note, "target": self.target, "accept": self.accept}


def _context(text: str, start: int, end: int) -> str:
    left = max(0, start - _CONTEXT)
    right = min(len(text), end + _CONTEXT)
    return (("…" if left else "") + text[left:start] + "【" + text[start:end] + "】"
            + text[end:right] + ("…" if right < len(text) else ""))


def _cleared(text: str) -> str:
    """A date with its numbers blanked: 「108 年 3 月 12 日」 → 「　　 年 　 月 　 日」."""
    out = []
    for ch in text:
        out.append(BLANK if ch.isdigit() else ch)
    collapsed = "".join(out)
    while BLANK * 3 in collapsed:  # a four-digit year needs no more room than a three-digit one
        collapsed = collapsed.replace(BLANK * 3, BLANK * 2)
    return collapsed


def _is_basis(field) -> bool:
    """The basis section may cite the head office's letter of December the year before."""
    return field.section is not None and "依據" in field.section.heading


def _mapping(base: int, year: int) -> dict[int, int]:
    """Years rolled when text of year ``base`` becomes text of ``year``."""
    return {base: year, base + 1: year + 1} if year != base else {}


def propose(plan: Plan, year: int, source: SourceYear | None = None) -> list[Proposal]:
    """All roll-over proposals for cloning ``plan`` to ``year`` (N), in document order.
    ``source`` is what :func:`source_year` read from the plan (computed when None)."""
    source = source or source_year(plan)
    body_year = source.year
    out: list[Proposal] = []
    for field in text_fields(plan):
        text, ref = field.text, field.ref
        first = len(out)
        is_title = ref.kind == "plan" and ref.attr == "title"
        mapping = _mapping(source.title_year if is_title else body_year, year)

        def add(start, end, new, kind, note, accept=True):
            out.append(Proposal(ref, start, end, text[start:end], new, kind, field.location,
                                _context(text, start, end), note, accept))

        protected: list[tuple[int, int]] = []
        if ref.kind == "plan" and ref.attr == "date_line":
            for d in find_dates(text):
                add(d.start, d.end, _cleared(text[d.start:d.end]), DATE, "日期列的日期已清空，請填入本年度訂定日期。")
                protected.append((d.start, d.end))
        for letter in find_letters(text):
            protected.append((letter.start, letter.end))
            if letter.year is not None and letter.year >= body_year - (1 if _is_basis(field) else 0):
                add(letter.start, letter.end, text[letter.start:letter.end], LETTER,
                    "請更新本年度來函文號（來函日期與字號未自動修改）。")
        # the title and the periods name the plan's own year: never a past event there
        phrases = not is_title and ref.attr != "period"
        for mention in find_years(text):
            if any(s <= mention.start < e for s, e in protected) or mention.roc not in mapping:
                continue
            new_roc = mapping[mention.roc]
            value = new_roc + ROC_OFFSET if mention.western else new_roc
            new = same_width(value, mention.written)
            rolled = f"{mention.written}年 改為 {new}年（{'西元' if mention.western else '民國'}年份順延）。"
            reason = past_event_reason(text, mention.start, mention.end) if phrases else None
            add(mention.start, mention.end, new, YEAR, f"{reason}接受則改為 {new}年。" if reason else rolled,
                accept=reason is None)
        out[first:] = sorted(out[first:], key=lambda p: p.start)  # fields come in document order
    return out


def apply_proposals(plan: Plan, proposals: list[Proposal]) -> int:
    """Apply the text-changing ``proposals`` to ``plan`` (which must hold their
    fields); returns how many were applied. Several in one field apply right to left
    so earlier offsets stay valid."""
    by_ref: dict[FieldRef, list[Proposal]] = {}
    for p in proposals:
        if p.changes_text:
            by_ref.setdefault(p.ref, []).append(p)
    count = 0
    nodes = {n.id: n for n in plan.walk()} if by_ref else {}
    for ref, items in by_ref.items():
        node = nodes.get(ref.owner) if ref.kind == "node" else None
        text = getattr(node, ref.attr) if node is not None else ref.get(plan)
        for p in sorted(items, key=lambda p: p.start, reverse=True):
            if text[p.start:p.end] != p.old:
                continue  # the field was edited since the proposal was made
            text = text[:p.start] + p.new + text[p.end:]
            count += 1
        if node is not None:
            setattr(node, ref.attr, text)
        else:
            ref.set(plan, text)
    return count
