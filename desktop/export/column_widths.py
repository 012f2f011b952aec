"""Table column widths measured from the text they hold, within the shares the
layout profile allows (``table.min_shares`` / ``table.max_shares``).

Narrow columns (面向, 策略, 部門, 期間) get what their text needs; the content
column (``table.flexible_column``) takes the rest. A heading or header label
column is then widened within its bounds until no cell of it ends with a single
character on its own line, where some width allows that. When the content column
would fall below its minimum, the heading columns give way where that costs the
fewest such lines.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import partial

from .blocks import Cell
from .linebreak import (Measured, label_lines, lines_end_alone, measure, printed_width, wrap_lines,
                        wrap_measured)
from .units import cell_padding_cm, size_pt, usable_height_cm, usable_width_cm

_STEP_EM = 0.1
SLACK_EM = 0.3  # room left over what the text needs: fonts differ a little between Word and LibreOffice
EDGE_EM = 0.1   # where a line is judged to break: just inside the cell's text width
BOLD = 1.03     # header labels are bold: synthetic bold CJK prints a little wider


@dataclass
class ColumnText:
    """What one grid column holds: ``labels`` (header, at most two lines) and
    ``wrapped`` texts (面向/策略 headings) that may wrap but should not leave a lone
    character; ``lines`` printed one per line (部門, 期間)."""
    labels: list[str] = field(default_factory=list)
    wrapped: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    max_lines: int = 4  # how many lines a heading may take before the column widens
    _measured: list | None = field(default=None, repr=False, compare=False)

    def distinct(self) -> Counter:
        """The wrapped texts and how often each occurs."""
        return Counter(self.wrapped)

    def measured(self) -> list[tuple[Measured, int]]:
        """Each distinct wrapped text measured once, with how often it occurs (a
        plan repeats headings; every candidate width wraps them again)."""
        if self._measured is None:
            self._measured = [(measure(t), n) for t, n in self.distinct().items()]
        return self._measured


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
    for label in set(col.labels):
        width = max(need, 1.0)
        while len(label_lines(label, width / BOLD)) > 2:
            width += _STEP_EM
        need = max(need, width)
    for measured, _count in col.measured():  # each heading measured once, wrapped at each width
        width = max(need, 1.0)
        while len(wrap_measured(measured, width)) > col.max_lines:
            width += _STEP_EM
        need = max(need, width)
    return need


def _lone_count(col: ColumnText, width_em: float) -> int:
    """Cells ending in a lone character when the text may be ``width_em`` wide
    (each distinct text wrapped once: a plan repeats many headings)."""
    return (sum(n for t, n in Counter(col.labels).items() if lines_end_alone(label_lines(t, width_em / BOLD)))
            + sum(n for m, n in col.measured() if lines_end_alone(wrap_measured(m, width_em))))


def inner_em(profile: dict, width_cm: float) -> float:
    """How many table-size characters fit on a line of a column ``width_cm`` wide."""
    em_cm = size_pt(profile, "table") / 72 * 2.54
    return (width_cm - 2 * cell_padding_cm(profile)[1]) / em_cm - EDGE_EM


def tall_rows(profile: dict, rows: list[list], widths: list[float]) -> set[int]:
    """Rows whose own cells (merged cells aside) would not fit on one page: a
    word processor must split them, so they are not marked "do not split"."""
    size = size_pt(profile, "table")
    line_cm = size * float(profile["table"].get("line_spacing", 1.0)) * 1.2 / 72 * 2.54
    page_cm = usable_height_cm(profile) - 2 * line_cm  # the repeated header row
    page_lines = page_cm / line_cm
    out = set()
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if not isinstance(cell, Cell) or cell.rowspan > 1:
                continue
            width = max(inner_em(profile, sum(widths[c:c + cell.colspan])), 1.0)
            texts = [(p.token + p.text, max(width - p.indent_em, 1.0)) for p in cell.paragraphs]
            # At most one em a character: most cells are shown short without wrapping them.
            if sum(len(t) / w + 1 + t.count("\n") for t, w in texts) <= page_lines:
                continue
            if sum(len(wrap_lines(t, w) or [""]) for t, w in texts) > page_lines:
                out.add(r)
                break
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
    to_em = partial(inner_em, profile)
    widths = []
    for i, (col, (lo, hi)) in enumerate(zip(columns, bounds)):
        if profile_cols[i] == flexible:
            widths.append(0.0)
            continue
        cm = min(max(to_cm(_needed_em(col) + SLACK_EM), lo), hi)
        widths.append(_avoid_lone(col, cm, hi, to_em, em_cm))
    flex = [i for i, c in enumerate(profile_cols) if c == flexible]
    excess = sum(widths) - (usable - sum(bounds[i][0] for i in flex))
    if excess > 0:  # the content column keeps its minimum: headings give way first
        heads = [i for i, c in enumerate(columns) if c.wrapped and i not in flex]
        widths = _narrow_headings(columns, widths, bounds, heads, excess, to_em, em_cm)
        excess = sum(widths) - (usable - sum(bounds[i][0] for i in flex))
    if excess > 0:  # then every column toward its minimum
        room = {i: max(widths[i] - bounds[i][0], 0.0) for i in range(len(widths)) if i not in flex}
        total_room = sum(room.values()) or 1.0
        for i, r in room.items():
            widths[i] -= min(excess, total_room) * r / total_room
    rest = usable - sum(widths)
    for i in flex:
        widths[i] = rest / len(flex)
    return widths


def _narrow_headings(columns: list[ColumnText], widths: list[float], bounds, heads: list[int],
                     excess: float, to_em, em_cm: float) -> list[float]:
    """Take ``excess`` cm from the heading columns where it costs the fewest cells
    ending in a lone character (then the fewest extra lines): a small knapsack
    over 0.1-em steps of each column."""
    step = _STEP_EM * em_cm
    need = int(-(-excess // step))
    best: dict[int, tuple[tuple[int, int], list[int]]] = {0: ((0, 0), [])}  # units cut → (cost, cuts)
    for i in heads:
        options = []
        for k in range(int(max(widths[i] - bounds[i][0], 0.0) / step) + 1):
            em = to_em(widths[i] - k * step)
            lines = max((len(wrap_measured(m, em)) for m, _n in columns[i].measured()), default=0)
            options.append((k, (_lone_count(columns[i], em), lines)))
        merged: dict[int, tuple[tuple[int, int], list[int]]] = {}
        for units, (cost, cuts) in best.items():
            for k, (lone, lines) in options:
                total = min(units + k, need)
                candidate = ((cost[0] + lone, cost[1] + lines), cuts + [k])
                if total not in merged or candidate[0] < merged[total][0]:
                    merged[total] = candidate
        best = merged
    cuts = best.get(need, max(best.items())[1])[1]
    out = list(widths)
    for i, k in zip(heads, cuts):
        out[i] -= k * step
    return out


def _avoid_lone(col: ColumnText, cm: float, hi: float, to_em, em_cm: float) -> float:
    """The narrowest width from ``cm`` up to ``hi`` with the fewest cells ending in a
    lone character (only wider: a narrower column would print more lines)."""
    if not (col.labels or col.wrapped):
        return cm
    best, best_count = cm, _lone_count(col, to_em(cm))
    step = _STEP_EM * em_cm
    k = 1
    while best_count and cm + k * step <= hi:
        count = _lone_count(col, to_em(cm + k * step))
        if count < best_count:
            best, best_count = cm + k * step, count
        k += 1
    return best
