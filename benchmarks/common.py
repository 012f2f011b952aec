"""Shared helpers for benchmarks: results, timing, the 10x plan."""
from __future__ import annotations

import copy
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "templates" / "plans" / "examples"


@dataclass
class Result:
    name: str
    value: float          # measured, in ``unit``
    target: float | None  # same unit; None = figure only
    unit: str = "s"

    def line(self) -> str:
        if self.target:
            return (f"{self.name:<55} {self.value:10.4f} {self.unit:<3} target {self.target:g} {self.unit}"
                    f"  ratio {self.value / self.target:5.2f}")
        return f"{self.name:<55} {self.value:10.4f} {self.unit}"


def best_of(fn, repeat: int = 5) -> float:
    """Smallest wall time of ``repeat`` calls, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(pct / 100 * (len(ordered) - 1))))]


def median(values: list[float]) -> float:
    return statistics.median(values)


def hualien():
    from desktop.exchange import read_plan_file
    return read_plan_file(EXAMPLES / "hualien-108.json")


def times_ten(plan=None, copies: int = 10):
    """hualien-108 with its tree repeated ``copies`` times (10: ~1,350 nodes), fresh ids."""
    from desktop.ops import clone_nodes
    plan = plan or hualien()
    big = copy.deepcopy(plan)
    big.tree = [n for _ in range(copies) for n in clone_nodes(plan.tree)]
    return big
