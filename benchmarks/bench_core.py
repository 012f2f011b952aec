"""Core library figures: load, edit, JSON export, search (issue 2 targets)."""
from __future__ import annotations

import tempfile
import time
from pathlib import Path

from common import Result, best_of, hualien, median, percentile, times_ten

from desktop.document import PlanDocument
from desktop.exchange import dumps, read_plan_file
from desktop.library import Library
from desktop.ops import EditNode


def _edit_times(library: Library, plan_id: int, count: int = 200) -> list[float]:
    doc = PlanDocument.open(library, plan_id)
    nodes = list(doc.plan.walk())
    times = []
    for i in range(count):
        node = nodes[(i * 7) % len(nodes)]
        start = time.perf_counter()
        doc.apply(EditNode(node.id, {"text": f"{node.text[:50]}（修訂 {i}）"}))
        times.append(time.perf_counter() - start)
    return times


def run() -> list[Result]:
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        library = Library.open(Path(tmp) / "bench.sqlite")
        one_id = library.add_plan(hualien())
        big = times_ten()
        big_id = library.add_plan(big)
        nodes = sum(1 for _ in big.walk())
        results.append(Result("import hualien-108 JSON into library",
                              best_of(lambda: library.add_plan(read_plan_file(
                                  Path(__file__).parent.parent / "templates/plans/examples/hualien-108.json")), 3), None))
        results.append(Result("load hualien-108 from DB", best_of(lambda: library.load_plan(one_id)), None))
        results.append(Result(f"load 10x plan ({nodes} nodes) from DB",
                              best_of(lambda: library.load_plan(big_id)), 0.3))
        edits = _edit_times(library, big_id)
        results.append(Result("one node edit persisted, median (10x plan)", median(edits), 0.005))
        results.append(Result("one node edit persisted, p99 (10x plan)", percentile(edits, 99), 0.020))
        loaded = library.load_plan(big_id)
        results.append(Result("JSON export of hualien-108", best_of(lambda: dumps(library.load_plan(one_id))), None))
        results.append(Result("JSON export of 10x plan (in memory)", best_of(lambda: dumps(loaded)), None))
        library.close()

        library = Library.open(Path(tmp) / "search.sqlite")
        plans = [read_plan_file(p) for p in [Path(__file__).parent.parent / "templates/plans/examples/hualien-108.json"]]
        start = time.perf_counter()
        for i in range(500):
            plan = plans[0]
            plan.id = None
            plan.year = 100 + i // 3
            library.add_plan(plan)
        build = time.perf_counter() - start
        total = library.db.execute("SELECT count(*) FROM nodes").fetchone()[0]
        results.append(Result(f"build 500-plan library ({total} nodes)", build, None))
        for query in ("電子帳單", "帳單", "線上服務", "無障礙坡道", "颱風"):  # 颱風: 2 chars, no hit = full scan
            results.append(Result(f"search {query!r} over 500 plans ({len(library.search(query))} hits)",
                                  best_of(lambda: library.search(query)), 0.050))
        open_id = library.list_plans()[-1].id  # the open plan's hits are sorted first
        results.append(Result("search '帳單' over 500 plans, open plan first",
                              best_of(lambda: library.search("帳單", first_plan=open_id)), 0.050))
        library.close()
    return results
