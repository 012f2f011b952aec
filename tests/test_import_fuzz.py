"""A few mutated files in CI (the ≥1,000-case run is ``python3 benchmarks/run.py import``):
every outcome is a plan or one clear PlanDeskError, and the library is unchanged on error."""
import random

import pytest

import legacy_docs
from import_fuzz import mutate
from desktop.errors import PlanDeskError
from desktop.exchange import plan_to_dict
from desktop.importer import read_document


@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_mutated_files_import_or_fail_clearly(fmt, tmp_path, library):
    good = legacy_docs.write(legacy_docs.six_column_layout_a(), tmp_path / f"good.{fmt}").read_bytes()
    rng = random.Random(f"import-{fmt}")
    outcomes = {"ok": 0, "refused": 0}
    for i in range(40):
        path = tmp_path / f"m{i}.{fmt}"
        path.write_bytes(mutate(good, rng))
        before = len(library.list_plans())
        try:
            plan, report = read_document(path)
        except PlanDeskError as exc:
            assert exc.message and "\n" not in exc.message
            outcomes["refused"] += 1
            assert len(library.list_plans()) == before
            continue
        plan_to_dict(plan)  # a well-formed plan
        assert all(isinstance(line, str) for line in report)
        library.add_plan(plan)
        outcomes["ok"] += 1
    assert outcomes["ok"] and outcomes["refused"]
