"""Find & replace on the 10x plan: what Ctrl+F / 全部取代 cost (targets: feels instant, < 0.5 s
so no progress dialog is needed)."""
from __future__ import annotations

import tempfile
import time
from pathlib import Path

from common import Result, best_of, times_ten

from desktop.document import PlanDocument
from desktop.findreplace import find, replace_operation
from desktop.library import Library


def run() -> list[Result]:
    with tempfile.TemporaryDirectory() as tmp:
        library = Library.open(Path(tmp) / "bench.sqlite")
        plan_id = library.add_plan(times_ten())
        doc = PlanDocument.open(library, plan_id)
        nodes = sum(1 for _ in doc.plan.walk())
        hits = len(find(doc.plan, "服務"))
        results = [Result(f"find 「服務」 in 10x plan ({nodes} nodes, {hits} hits)",
                          best_of(lambda: find(doc.plan, "服務")), 0.1)]

        replace_times = []
        for _ in range(3):
            start = time.perf_counter()
            doc.apply(replace_operation(doc.plan, find(doc.plan, "服務"), "效能", "全部取代"))
            replace_times.append(time.perf_counter() - start)
            doc.undo()
        results.append(Result(f"全部取代 {hits} matches, persisted (10x plan)", min(replace_times), 0.5))
        library.close()
    return results
