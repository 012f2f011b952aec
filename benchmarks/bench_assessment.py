"""半年自行考核 figures (issue 15 targets): merging 20 filled department forms into
a 1,350-node plan, and exporting the 成果 (with 考核結果統計表) of a 135-node plan."""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, Result, best_of, hualien, times_ten

sys.path.insert(0, str(ROOT / "tests"))

from desktop.assessment.form_writer import write_forms  # noqa: E402
from desktop.assessment.items import department_names, review_items  # noqa: E402
from desktop.assessment.merge import preview_merge  # noqa: E402
from desktop.assessment.model import Result as Review  # noqa: E402
from desktop.assessment.report import write_report  # noqa: E402
from desktop.document import PlanDocument  # noqa: E402
from desktop.library import Library  # noqa: E402
from desktop.model import Department  # noqa: E402


def _twenty_departments(plan) -> None:
    """times_ten repeats hualien's 16 departments; the second half of the copies gets
    its own 分處 departments, so the plan has more than 20 to send forms to."""
    half = len(plan.tree) // 2
    for top in plan.tree[half:]:
        for node in top.walk():
            node.departments = [Department(f"{d.name}（二）", d.role) for d in node.departments]


def _merge_figures(tmp: Path) -> list[Result]:
    from assessment_helpers import answer, fill, form_keys
    library = Library.open(tmp / "bench.sqlite")
    big = times_ten()
    _twenty_departments(big)
    plan_id = library.add_plan(big)
    plan = library.load_plan(plan_id)
    names = department_names(review_items(plan))[:20]
    forms = write_forms(plan, plan.review.periods[0], tmp / "forms", "docx", names)
    for n, path in enumerate(forms):
        fill(path, {k: answer(k, int(k[2:], 16) % 997) for k in form_keys(path)})
    rows = sum(len(form_keys(p)) for p in forms)

    def merge():
        doc = PlanDocument.open(library, plan_id)
        preview = preview_merge(doc.plan, forms)
        doc.apply(preview.operation())
        return preview, doc

    start = time.perf_counter()
    preview, doc = merge()
    first = time.perf_counter() - start
    assert preview.count("unmatched") == preview.count("conflict") == 0
    landed = len(doc.plan.review.results)
    doc.undo()  # the next rounds merge into an empty review again
    best = min(first, best_of(lambda: merge()[1].undo(), repeat=3))
    library.close()
    return [Result(f"merge 20 forms ({rows} rows, {landed} items) into {sum(1 for _ in big.walk())}-node plan",
                   best, 2.0),
            Result("merge: rows per second", rows / best, None, "/s")]


def _report_figures(tmp: Path) -> list[Result]:
    plan = hualien()
    statuses = ["已完成", "持續辦理", "進行中", "落後"]
    for i, item in enumerate(review_items(plan)):
        plan.review.results[(item.node.id, "上半年")] = Review(
            item.node.id, "上半年", f"本期辦理情形第 {i} 項，已完成宣導 {i} 場。\n第二段說明。", statuses[i % 4])
    period = plan.review.periods[0]
    nodes = sum(1 for _ in plan.walk())
    write_report(plan, period, tmp / "warm.docx")  # imports and profile cache
    return [Result(f"report export {fmt} ({nodes}-node plan, all items filled)",
                   best_of(lambda: write_report(plan, period, tmp / f"r.{fmt}")), 0.5)
            for fmt in ("docx", "odt")]


def run() -> list[Result]:
    with tempfile.TemporaryDirectory(prefix="plandesk-bench-") as tmp:
        return _merge_figures(Path(tmp)) + _report_figures(Path(tmp))


if __name__ == "__main__":
    for result in run():
        print(result.line())
