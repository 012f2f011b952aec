"""Run every benchmark and print figures with their ratio to the target.

    python3 benchmarks/run.py [AREA ...]     # areas: files benchmarks/bench_<area>.py

Each ``bench_<area>.py`` has ``run() -> list[Result]``. A ratio above 1.00
means the target was missed; the exit code stays 0 (figures, not a test).
"""
from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from common import Result  # noqa: E402


def main(areas: list[str]) -> int:
    names = areas or sorted(p.stem[len("bench_"):] for p in HERE.glob("bench_*.py"))
    results: list[Result] = []
    for name in names:
        module = importlib.import_module(f"bench_{name}")
        print(f"== {name}", flush=True)
        for result in module.run():
            print(result.line(), flush=True)
            results.append(result)
    missed = [r for r in results if r.target and r.value > r.target]
    print(f"\n{len(results)} figures, {len(missed)} over target")
    for r in missed:
        print("  over target:", r.name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
