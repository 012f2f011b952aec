"""Review notes: a 處長's comment kept on its item after the review, until resolved.

Notes live beside the plan (never in its text), so exports leave them out."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class ReviewNote:
    target: str | None      # node id, section:<id>, or None for the plan itself
    location: str
    field: str
    author: str
    date: str
    anchor: str
    text: str
    source: str = ""
    id: int | None = None
    resolved: str | None = None

    def as_dict(self) -> dict:
        return {"id": self.id, "location": self.location, "field": self.field, "author": self.author,
                "date": self.date, "anchor": self.anchor, "text": self.text, "source": self.source,
                "resolved": self.resolved}


def notes_from(entries, source: str) -> list[ReviewNote]:
    """The comment entries of a review as notes."""
    return [ReviewNote(e.target, e.location, e.field, e.author, e.date, e.old, e.new, source)
            for e in entries if e.kind == "comment"]
