"""A short bounded stress run (the long one is benchmarks/bench_concurrency.py):
GUI-equivalent edits, CLI imports and status changes in separate processes
see no lock error and lose no write."""
from stress_workers import run_stress


def test_concurrent_edits_imports_and_status_changes_lose_nothing(tmp_path):
    figures = run_stress(tmp_path / "lib.sqlite", seconds=4)
    assert figures["locked_errors"] == 0 and figures["other_errors"] == []
    assert figures["lost_writes"] == 0
    assert figures["edits"] > 20 and figures["imports"] >= 1 and figures["status_changes"] >= 2, figures
