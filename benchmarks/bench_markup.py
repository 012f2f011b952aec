"""Review figures: ``review`` of the 135-item hualien-108 plan returned as a marked-up
DOCX and ODT (tracked insertion, deletion, row move, comment, untracked edit) —
target ≤ 0.5 s each — and accepting everything as one operation.

    python3 benchmarks/run.py markup
"""
from __future__ import annotations

import copy
import sys
import tempfile
from pathlib import Path

from common import ROOT, Result, best_of, hualien

sys.path.insert(0, str(ROOT / "tests"))

from libreoffice import SOFFICE, resave  # noqa: E402
from markup_docs import Markup  # noqa: E402

from desktop.export import export_plan  # noqa: E402
from desktop.markup.apply import operation  # noqa: E402
from desktop.markup.review import review_document  # noqa: E402


def _marked(plan, folder: Path) -> Path:
    """The exported plan with one change of each kind on real items."""
    every = "\n".join(n.title + "\n" + n.text for n in plan.walk())
    unique = {n.id for n in plan.walk() if len(n.text) > 20 and every.count(n.text[:12]) == 1}
    leaves = [n for n in plan.walk() if not n.children and n.id in unique]
    parent = next(n for n in plan.walk() if len(n.children) >= 3 and all(c.id in unique for c in n.children[1:3]))
    moved, after = parent.children[1], parent.children[2]
    others = [n for n in leaves if n not in (moved, after)]
    edit = Markup(export_plan(plan, "docx", folder / "exported.docx"))
    edit.insert(others[0].text[:12], "（每季檢討）")
    edit.delete(others[5].text[:12])
    edit.comment(others[10].text[:12], "此項請併入上一項")
    edit.move_row(moved.text[:12], after.text[:12])
    edit.edit(others[20].text[:12], others[20].text[:12] + "並")
    return edit.save(folder / "returned.docx")


def run() -> list[Result]:
    plan = hualien()
    size = len(list(plan.walk()))
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        docx = _marked(plan, folder)
        files = {"DOCX": docx}
        if SOFFICE:
            [files["ODT (LibreOffice)"]] = resave([docx], "odt", folder)
        for label, path in files.items():
            review = review_document(plan, path)
            assert len(review.entries) >= 5, [e.as_dict() for e in review.entries]
            results.append(Result(f"review of a {size}-item plan, {label} ({len(review.entries)} changes)",
                                  best_of(lambda: review_document(plan, path)), 0.5))
        review = review_document(plan, docx)

        results.append(Result("build + apply the accept-all operation", best_of(
            lambda: operation(plan, review.entries, "bench").apply(copy.deepcopy(plan))), None))
    return results
