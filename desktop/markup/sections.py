"""A text section's tracked changes: its paragraphs (and notes) of both readings
paired, and the section as the taken marks make it."""
from __future__ import annotations

import difflib
from dataclasses import dataclass

from ..model import Paragraph, Section
from . import markers
from .entries import FieldPatch


@dataclass
class SectionPatch:
    """A section's heading, paragraphs and notes as the taken marks make them."""
    owner: str                                   # plan section id
    heading: FieldPatch
    paragraphs: list[tuple[FieldPatch, bool]]    # (slot, numbered)
    notes: list[FieldPatch]

    def marks(self) -> set[int]:
        return set().union(self.heading.marks(), *(p.marks() for p, _ in self.paragraphs),
                           *(n.marks() for n in self.notes))

    def apply(self, section: Section, taken: set[int]) -> None:
        section.heading = self.heading.text(taken)
        section.paragraphs = [Paragraph(text, numbered) for p, numbered in self.paragraphs
                              if (text := p.text(taken)) or not p.marks()]
        section.notes = [text for n in self.notes if (text := n.text(taken)) or not n.marks()]


def text_at(texts: list[str], index: int | None) -> str:
    return "" if index is None else texts[index]




def pair_paragraphs(base: list[str], new: list[str], points: set[int]) -> list[tuple[int | None, int | None]]:
    """Pair a section's paragraphs (or notes) of both readings by their shared text;
    a paragraph marked as a whole is in one reading only."""
    def key(text):
        return markers.plain(markers.segments(text, points))

    def whole(text):
        return markers.has_marks(text) and not key(text).strip()

    olds = [i for i, t in enumerate(base) if not whole(t)]
    news = [i for i, t in enumerate(new) if not whole(t)]
    matcher = difflib.SequenceMatcher(None, [key(base[i]) for i in olds], [key(new[i]) for i in news],
                                      autojunk=False)
    paired = {olds[a + k]: news[b + k] for a, b, size in matcher.get_matching_blocks() for k in range(size)}
    out: list[tuple[int | None, int | None]] = []
    j = 0
    for i in range(len(base)):
        if i in paired:
            out.extend((None, k) for k in range(j, paired[i]))
            out.append((i, paired[i]))
            j = paired[i] + 1
        else:
            out.append((i, None))
    out.extend((None, k) for k in range(j, len(new)))
    return out
