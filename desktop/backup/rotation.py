"""Which backups to keep: the newest few, then one per day for a week, one per
week for a month, one per month for a year (the newest of each period)."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

RECENT, DAILY, WEEKLY, MONTHLY = 5, 7, 4, 12


def to_keep(times: list[datetime]) -> set[datetime]:
    """The times (newest first) a rotation keeps."""
    keep = set(times[:RECENT])
    for count, period in ((DAILY, lambda t: t.date()), (WEEKLY, lambda t: t.isocalendar()[:2]),
                          (MONTHLY, lambda t: (t.year, t.month))):
        seen = []
        for when in times:
            key = period(when)
            if key not in seen:
                seen.append(key)
                if len(seen) > count:
                    break
                keep.add(when)
    return keep


def prune(backups: list[tuple[datetime, Path]]) -> list[Path]:
    """Delete the backups (newest first) the rotation does not keep; returns them."""
    keep = to_keep([when for when, _ in backups])
    removed = []
    kept_times = set()
    for when, path in backups:
        if when in keep and when not in kept_times:
            kept_times.add(when)
            continue
        path.unlink(missing_ok=True)
        removed.append(path)
    return removed
