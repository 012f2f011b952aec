"""One tracked change or comment as the returned document records it."""
from __future__ import annotations

import re
from dataclasses import dataclass

INSERT, DELETE, COMMENT = "insert", "delete", "comment"


@dataclass
class Revision:
    """Mark ``k`` (see :mod:`.markers`): an insertion, deletion or comment.

    ``text`` is the inserted/deleted text, or the comment's words; ``anchor`` the
    text a comment is attached to; ``moved`` tells Word's move-from/move-to apart."""
    k: int
    kind: str
    author: str = ""
    date: str = ""
    text: str = ""
    anchor: str = ""
    moved: bool = False


_DATE = re.compile(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d)?)")


def iso_date(value: str | None) -> str:
    """Word writes 2026-12-01T09:30:00Z, LibreOffice 2026-12-01T09:30:00.123: keep date and time."""
    match = _DATE.match(value or "")
    if not match:
        return ""
    stamp = match.group(1)
    return stamp if len(stamp) == 19 else stamp + ":00"
