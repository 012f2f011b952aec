"""Which backups to keep: the newest few, then one per day for a week, one per
week for a month, one per month for a year (the newest of each period)."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

RECENT, DAILY, WEEKLY, MONTHLY = 5, 7, 4, 12
_PERIODS = ((DAILY, lambda t: t.date()), (WEEKLY, lambda t: t.isocalendar()[:2]),
            (MONTHLY, lambda t: (t.year, t.month)))


def to_keep(times: list[datetime]) -> set[int]:
    """Indexes into ``times`` (newest first) that a rotation keeps."""
    keep = set(range(min(RECENT, len(times))))
    for count, period in _PERIODS:
        seen = set()
        for index, when in enumerate(times):
            key = period(when)
            if key not in seen:
                if len(seen) == count:
                    break
                seen.add(key)
                keep.add(index)
    return keep


def prune(backups: list[tuple[datetime, Path]]) -> list[Path]:
    """Delete the backups (newest first) the rotation does not keep; returns them."""
    keep = to_keep([when for when, _ in backups])
    removed = [path for index, (_, path) in enumerate(backups) if index not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed
