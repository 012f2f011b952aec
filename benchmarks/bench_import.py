"""Importer figures: hualien-108-sized DOCX/ODT import speed (target ≤ 1 s each) and a
fuzz run over ≥ 1,000 mutated files (every outcome a plan or one PlanDeskError, the
library unchanged on error).

    python3 benchmarks/run.py import        # IMPORT_FUZZ_CASES=N to change the count
"""
from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from common import ROOT, Result, best_of, hualien

sys.path.insert(0, str(ROOT / "tests"))

import legacy_docs  # noqa: E402
from import_fuzz import mutate  # noqa: E402
from plan_gen import random_plan  # noqa: E402

from desktop.errors import PlanDeskError  # noqa: E402
from desktop.exchange import plan_to_dict  # noqa: E402
from desktop.export import export_plan  # noqa: E402
from desktop.importer import read_document  # noqa: E402
from desktop.library import Library  # noqa: E402


def _fuzz(folder: Path, seeds: dict[str, bytes], cases: int) -> tuple[Counter, list[str]]:
    """Run ``cases`` mutated imports; returns outcome counts and any real crashes."""
    library = Library.open(folder / "fuzz.sqlite")
    rng = random.Random(20261124)
    outcomes: Counter = Counter()
    crashes: list[str] = []
    names = sorted(seeds)
    for i in range(cases):
        name = names[i % len(names)]
        path = folder / f"case{i % 50}{Path(name).suffix}"
        path.write_bytes(mutate(seeds[name], rng))
        before = len(library.list_plans())
        try:
            plan, _report = read_document(path)
            plan_to_dict(plan)
            library.add_plan(plan)
            outcomes["imported"] += 1
        except PlanDeskError as exc:
            outcomes["refused"] += 1
            if "內容有誤" in exc.message:
                outcomes["refused by the catch-all"] += 1
            if len(library.list_plans()) != before:
                crashes.append(f"case {i}: library changed on error")
        except Exception as exc:  # noqa: BLE001 - a crash is what the fuzz looks for
            crashes.append(f"case {i} ({name}): {type(exc).__name__}: {exc}")
    library.close()
    return outcomes, crashes


def _random_round_trips(folder: Path, count: int) -> int:
    """Export random plans and import them back; the number that came back different."""
    mismatches = 0
    for seed in range(count):
        plan = random_plan(seed)
        for fmt in ("docx", "odt"):
            for profile in ("taipower", "taiwater"):
                plan.profile = profile
                back, _report = read_document(export_plan(plan, fmt, folder / f"random.{fmt}"))
                back.profile = profile
                if plan_to_dict(back) != plan_to_dict(plan):
                    mismatches += 1
                    print(f"  MISMATCH seed {seed} {fmt} {profile}")
    return mismatches


def run() -> list[Result]:
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        seeds: dict[str, bytes] = {}
        for fmt in ("docx", "odt"):
            for builder in ("six_column_layout_a", "word_auto_numbered"):
                legacy = legacy_docs.write(getattr(legacy_docs, builder)(), folder / f"{builder}.{fmt}")
                seeds[legacy.name] = legacy.read_bytes()
        for fmt in ("docx", "odt"):
            path = export_plan(hualien(), fmt, folder / f"hualien-108.{fmt}")
            seeds[path.name] = path.read_bytes()
            nodes = sum(1 for _ in read_document(path)[0].walk())
            results.append(Result(f"import hualien-108 {fmt.upper()} ({nodes} nodes, {path.stat().st_size // 1024} KB)",
                                  best_of(lambda p=path: read_document(p), 5), 1.0))
        plans = int(os.environ.get("IMPORT_RANDOM_PLANS", "200"))
        start = time.perf_counter()
        mismatches = _random_round_trips(folder, plans)
        results.append(Result(f"round trip of {plans} random plans × DOCX/ODT × 2 profiles",
                              time.perf_counter() - start, None))
        results.append(Result("round trip mismatches (must be 0)", mismatches, None, unit="n"))
        cases = int(os.environ.get("IMPORT_FUZZ_CASES", "1000"))
        start = time.perf_counter()
        outcomes, crashes = _fuzz(folder, seeds, cases)
        elapsed = time.perf_counter() - start
        for crash in crashes[:20]:
            print("  CRASH", crash)
        results.append(Result(f"fuzz {cases} mutated files: {outcomes['imported']} imported, "
                              f"{outcomes['refused']} refused", elapsed, None))
        results.append(Result("fuzz: refused only by the catch-all sentence", outcomes["refused by the catch-all"],
                              None, unit="n"))
        results.append(Result("fuzz: crashes (must be 0)", len(crashes), None, unit="n"))
    return results
