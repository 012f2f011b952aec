"""Random plans shaped like the published ones survive export → import unchanged
(a few seeds here; ``benchmarks/bench_import.py`` runs hundreds)."""
import pytest

from plan_gen import random_plan

from desktop.exchange import plan_to_dict
from desktop.export import export_plan
from desktop.importer import read_document


@pytest.mark.parametrize("seed", range(6))
def test_random_plan_round_trip(seed, tmp_path):
    plan = random_plan(seed)
    for fmt in ("docx", "odt"):
        for profile in ("taipower", "taiwater"):
            plan.profile = profile
            back, _report = read_document(export_plan(plan, fmt, tmp_path / f"p.{fmt}"))
            back.profile = profile
            assert plan_to_dict(back) == plan_to_dict(plan), (seed, fmt, profile)
