"""The documentation renders of a 成果 report: hualien-108 with sample 上半年 results
(the same ones the 考核 screenshot shows), saved as DOCX, converted by LibreOffice,
page 1 and the 考核結果統計表 page rendered to ``docs/renders``::

    python3 -m desktop.assessment.render docs/renders
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from ..model import Plan
from .items import review_items
from .model import Result

# (執行狀態, 執行情形) cycled over the items; the empty pair leaves an item unreported
SAMPLE_RESULTS = [
    ("已完成", "已修訂「申請用電案件服務流程管制作業程序」並於 4 月 15 日公告實施，各服務所均已依新程序辦理。"),
    ("持續辦理", "每月檢討申辦表單，上半年已簡化表單 3 種。"),
    ("進行中", "線上申辦宣導已辦理 6 場，預計 9 月完成全部服務所。"),
    ("落後", "因系統廠商延遲交付，改於 8 月底上線；已請資訊課每週追蹤進度。"),
    ("", ""),
]


def sample_results(plan: Plan, period: str = "上半年", count: int = 60) -> dict[tuple[str, str], Result]:
    """Results for the first ``count`` review items of ``plan``, as SetResults takes them."""
    values = {}
    for i, item in enumerate(review_items(plan)[:count]):
        status, text = SAMPLE_RESULTS[i % len(SAMPLE_RESULTS)]
        if text:
            values[(item.node.id, period)] = Result(item.node.id, period, text, status, reporter="服務中心")
    return values


def render_sample(out_dir: Path, dpi: int = 70) -> list[Path]:
    from ..exchange import read_plan_file
    from ..export.pdf import convert_to_pdf
    from ..export.preview import render_pages
    from ..paths import data_dir
    from .report import write_report
    plan = read_plan_file(data_dir("templates") / "plans" / "examples" / "hualien-108.json")
    plan.review.results.update(sample_results(plan))
    period = plan.review.period("上半年")
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        pdf = convert_to_pdf(write_report(plan, period, Path(tmp) / "成果.docx"), Path(tmp))
        pages = render_pages(pdf, Path(tmp), dpi, prefix="page", gray=True)
        out = [out_dir / "assessment-report-hualien-108-1.png",
               out_dir / "assessment-report-hualien-108-statistics.png"]
        for source, target in zip((pages[0], pages[-1]), out):  # the 統計表 is the last page
            target.write_bytes(source.read_bytes())
    return out


if __name__ == "__main__":
    for path in render_sample(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/renders")):
        print(path)
