"""Export figures (issue 4): DOCX/ODT of hualien-108 and its 10× plan, LibreOffice PDF,
plus a fuzz pass of random odd texts through both writers; the layout step alone
(issue 13: column widths measured from the text, lone-character search)."""
from __future__ import annotations

import random
import tempfile
import time
import zipfile
from pathlib import Path

from common import EXAMPLES, Result, best_of, hualien, times_ten

from desktop.export import export_plan
from desktop.export.layout import plan_document
from desktop.export.pdf import convert_to_pdf, find_soffice

_ODD = ["\x0b", "\x0c", "\x00", "\x1f", "\ud800", "\ufffe", "😀", "👍🏽", "&", "<", "]]>", "\t", "  ", "\n",
        "（一）", "甲、", "A", "1."]


def _fuzz(tmp: Path, cases: int) -> float:
    """Random texts with control characters, emoji and XML specials: every export opens as a zip."""
    from desktop.exchange import read_plan_file
    rng = random.Random(4)
    plan = read_plan_file(EXAMPLES / "taipei-114.json")
    nodes = list(plan.walk())
    start = time.perf_counter()
    for i in range(cases):
        node = rng.choice(nodes)
        node.text = "".join(rng.choice(_ODD) for _ in range(rng.randint(1, 30)))
        fmt = "docx" if i % 2 else "odt"
        path = export_plan(plan, fmt, tmp / f"fuzz.{fmt}")
        with zipfile.ZipFile(path) as zf:
            assert zf.testzip() is None
    return time.perf_counter() - start


def run() -> list[Result]:
    results = []
    one, big = hualien(), times_ten()
    nodes = sum(1 for _ in big.walk())
    results.append(Result(f"layout step, widths measured from text: 10x plan ({nodes} nodes)",
                          best_of(lambda: plan_document(big), 3), 0.5))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for fmt in ("docx", "odt"):
            t1 = best_of(lambda: export_plan(one, fmt, tmp / f"one.{fmt}"), 5)
            t10 = best_of(lambda: export_plan(big, fmt, tmp / f"big.{fmt}"), 3)
            results.append(Result(f"{fmt.upper()} export hualien-108", t1, 0.3))
            results.append(Result(f"{fmt.upper()} export 10x plan ({nodes} nodes)", t10, 1.5))
            results.append(Result(f"{fmt.upper()} 10x time / 1x time", t10 / t1, 12.0, "x"))
        if find_soffice():
            for fmt in ("odt", "docx"):
                start = time.perf_counter()
                convert_to_pdf(tmp / f"one.{fmt}", tmp)
                pdf_time = time.perf_counter() - start
                export_time = best_of(lambda: export_plan(one, fmt, tmp / f"one.{fmt}"), 3)
                results.append(Result(f"LibreOffice {fmt.upper()}→PDF hualien-108", pdf_time, None))
                results.append(Result(f"LibreOffice {fmt.upper()}→PDF / {fmt.upper()} export time",
                                      pdf_time / export_time, None, "x"))
        cases = 1000
        results.append(Result(f"fuzz: {cases} exports of random odd texts (all valid zips)",
                              _fuzz(tmp, cases), None))
    return results
