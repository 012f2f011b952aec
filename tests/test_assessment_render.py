"""The 成果 documentation renders come from a command, not by hand: page 1 and the
statistics page of hualien-108 with the sample results."""
import shutil

import pytest

from desktop.assessment.render import SAMPLE_RESULTS, render_sample, sample_results
from desktop.exchange import read_plan_file
from desktop.paths import data_dir


def test_sample_results_fill_every_item_but_the_unreported_ones():
    plan = read_plan_file(data_dir("templates") / "plans" / "examples" / "hualien-108.json")
    results = sample_results(plan, count=10)
    reported = sum(1 for i in range(10) if SAMPLE_RESULTS[i % len(SAMPLE_RESULTS)][1])
    assert len(results) == reported and {r.status for r in results.values()} <= {s for s, _ in SAMPLE_RESULTS}


@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftocairo")), reason="needs LibreOffice and poppler")
def test_render_writes_the_first_and_the_statistics_page(tmp_path):
    first, statistics = render_sample(tmp_path)
    assert first.name == "assessment-report-hualien-108-1.png"
    assert statistics.name == "assessment-report-hualien-108-statistics.png"
    assert first.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and statistics.stat().st_size > 10_000
    assert first.read_bytes() != statistics.read_bytes()
