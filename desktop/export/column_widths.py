"""Table column widths measured from the text they hold, within the shares the
layout profile allows (``table.min_shares`` / ``table.max_shares``).

Narrow columns (面向, 策略, 部門, 期間) get what their text needs; the content
column (``table.flexible_column``) takes the rest. A heading or header label
column is then widened (or narrowed) within its bounds until no cell of it ends
with a single character on its own line, where some width allows that.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .linebreak import label_lines, lines_end_alone, printed_width, wrap_lines
from .units import cell_padding_cm, size_pt, usable_height_cm, usable_width_cm

_STEP_EM = 0.1
SLACK_EM = 0.3  # fonts and justification differ a little between Word and LibreOffice


@dataclass
class ColumnText:
    """What one grid column holds: ``labels`` (header, at most two lines) and
    ``wrapped`` texts (面向/策略 headings) that may wrap but should not leave a lone
    character; ``lines`` printed one per line (部門, 期間)."""
    labels: list[str] = field(default_factory=list)
    wrapped: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    max_lines: int = 4  # how many lines a heading may take before the column widens


def _share_bounds(profile: dict, profile_cols: list[int], fractions: list[float]) -> list[tuple[float, float]]:
    """(min, max) share of the usable width per grid column. A split column's
    parts share its minimum; each may grow to the whole column's maximum."""
    table = profile["table"]
    rel = table["relative_widths"]
    total = sum(rel)
    mins = table.get("min_shares") or [w / total for w in rel]
    maxs = table.get("max_shares") or [w / total for w in rel]
    return [(mins[c] * f, maxs[c]) for c, f in zip(profile_cols, fractions)]


def _needed_em(col: ColumnText) -> float:
    """The narrowest width at which every line fits and no heading runs longer
    than ``max_lines`` (for 部門/期間 the usual longest entry: the 90th percentile)."""
    need = 0.0
    if col.lines:
        widths = sorted(printed_width(line) for line in col.lines)
        need = widths[max(0, -(-len(widths) * 9 // 10) - 1)]
    for texts, breaker, max_lines in ((col.labels, label_lines, 2), (col.wrapped, wrap_lines, col.max_lines)):
        for text in texts:
            width = max(need, 1.0)
            while len(breaker(text, width)) > max_lines:
                width += _STEP_EM
            need = max(need, width)
    return need


def _lone_count(col: ColumnText, width_em: float) -> int:
    """Cells ending in a lone character at ``width_em`` or a little less (the
    word processors' real measure lies in between)."""
    return sum(1 for texts, breaker in ((col.labels, label_lines), (col.wrapped, wrap_lines)) for t in texts
               if any(lines_end_alone(breaker(t, w)) for w in (width_em, width_em - SLACK_EM)))


def inner_em(profile: dict, width_cm: float) -> float:
    """How many table-size characters fit in a column ``width_cm`` wide, less a
    safety margin."""
    em_cm = size_pt(profile, "table") / 72 * 2.54
    return (width_cm - 2 * cell_padding_cm(profile)[1]) / em_cm - SLACK_EM


def tall_rows(profile: dict, rows: list[list], widths: list[float], cell_type) -> set[int]:
    """Rows whose own cells (merged cells aside) would not fit on one page: a
    word processor must split them, so they are not marked "do not split"."""
    size = size_pt(profile, "table")
    line_cm = size * float(profile["table"].get("line_spacing", 1.0)) * 1.2 / 72 * 2.54
    page_cm = usable_height_cm(profile) - 2 * line_cm  # the repeated header row
    out = set()
    for r, row in enumerate(rows):
        lines = 0
        for c, cell in enumerate(row):
            if isinstance(cell, cell_type) and cell.rowspan == 1:
                width = inner_em(profile, sum(widths[c:c + cell.colspan]))
                lines = max(lines, sum(len(wrap_lines(p.token + p.text, width - p.indent_em) or [""])
                                       for p in cell.paragraphs))
        if lines * line_cm > page_cm:
            out.add(r)
    return out


def fit_widths(profile: dict, columns: list[ColumnText], profile_cols: list[int],
               fractions: list[float]) -> list[float]:
    """Column widths in cm summing to the usable page width. ``profile_cols`` maps
    each grid column to its profile column (a split strategy column maps twice,
    with ``fractions`` of its share)."""
    usable = usable_width_cm(profile)
    em_cm = size_pt(profile, "table") / 72 * 2.54
    pad = 2 * cell_padding_cm(profile)[1]
    flexible = profile["table"].get("flexible_column", 2)
    bounds = [(lo * usable, hi * usable) for lo, hi in _share_bounds(profile, profile_cols, fractions)]
    to_cm = lambda em: em * em_cm + pad  # noqa: E731
    to_em = lambda cm: (cm - pad) / em_cm  # noqa: E731
    widths = []
    for i, (col, (lo, hi)) in enumerate(zip(columns, bounds)):
        if profile_cols[i] == flexible:
            widths.append(0.0)
            continue
        cm = min(max(to_cm(_needed_em(col) + SLACK_EM), lo), hi)
        widths.append(_avoid_lone(col, cm, cm, hi, to_em, em_cm))  # only wider: never more lines
    wanted = list(widths)
    flex = [i for i, c in enumerate(profile_cols) if c == flexible]
    flex_min = sum(bounds[i][0] for i in flex)
    excess = sum(widths) - (usable - flex_min)
    # The content column keeps its minimum: headings (which may take more lines)
    # give way first, then every column toward its minimum.
    for group in ([i for i, c in enumerate(columns) if c.wrapped], range(len(widths))):
        if excess <= 0:
            break
        room = {i: max(widths[i] - bounds[i][0], 0.0) for i in group if i not in flex}
        total_room = sum(room.values())
        if total_room:
            cut = min(excess, total_room)
            for i, r in room.items():
                widths[i] -= cut * r / total_room
            excess -= cut
    for i, col in enumerate(columns):  # a narrowed heading column: the nearest narrower good width
        if i not in flex and widths[i] < wanted[i] - 1e-9:
            widths[i] = _avoid_lone(col, widths[i], bounds[i][0], widths[i], to_em, em_cm)
    rest = usable - sum(widths)
    for i in flex:
        widths[i] = rest / len(flex)
    return widths


def _avoid_lone(col: ColumnText, cm: float, lo: float, hi: float, to_em, em_cm: float) -> float:
    """The width nearest ``cm`` within [lo, hi] with the fewest cells ending in a
    lone character (wider preferred over narrower at equal distance)."""
    if not (col.labels or col.wrapped) or not _lone_count(col, to_em(cm)):
        return cm
    step = _STEP_EM * em_cm
    best, best_count = cm, _lone_count(col, to_em(cm))
    for k in range(1, int((hi - lo) / step) + 2):
        for candidate in (cm + k * step, cm - k * step):
            if lo <= candidate <= hi:
                count = _lone_count(col, to_em(candidate))
                if count < best_count:
                    best, best_count = candidate, count
        if best_count == 0:
            break
    return best
