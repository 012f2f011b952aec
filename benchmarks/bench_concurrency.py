"""Concurrency stress figures: GUI-equivalent edits, CLI imports and CLI status
changes on one library in separate processes for a fixed time
(tests/stress_workers.py); targets are 0 lock errors and 0 lost writes.

    python3 benchmarks/run.py concurrency     # STRESS_SECONDS=N to change the length (default 20)
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from common import ROOT, Result

sys.path.insert(0, str(ROOT / "tests"))


def run() -> list[Result]:
    from stress_workers import run_stress
    seconds = float(os.environ.get("STRESS_SECONDS", "20"))
    with tempfile.TemporaryDirectory() as tmp:
        f = run_stress(Path(tmp) / "lib.sqlite", seconds)
    for message in f["other_errors"][:5]:
        print("  error:", message)
    return [
        Result(f"stress {seconds:g} s: GUI-equivalent edits per second", f["edits"] / seconds, None, "/s"),
        Result("stress: stale-revision reloads (edit retried)", f["stale_retries"], None, ""),
        Result("stress: CLI imports", f["imports"], None, ""),
        Result("stress: CLI status changes", f["status_changes"], None, ""),
        Result("stress: 'database is locked' errors (target 0)", f["locked_errors"], None, ""),
        Result("stress: other errors", len(f["other_errors"]), None, ""),
        Result("stress: lost writes (target 0)", f["lost_writes"], None, ""),
    ]
