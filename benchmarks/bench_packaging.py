"""Packaging figures for the BUILT bundle (``python packaging/build.py``):
size on disk (target ≤ 150 MB) and cold start to window (target ≤ 1.5 s).

Start to window is measured from process start until the program exits by
itself right after its window is shown (``PLANDESK_SMOKE_EXIT_MS=1``), so the
figure includes shutdown and is an upper bound. Skipped, with a line saying
so, when no bundle has been built.
"""
from __future__ import annotations

import importlib.util
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from common import ROOT, Result


def _packaging(name: str):
    """packaging/<name>.py, loaded by path (packaging/ is not a package)."""
    spec = importlib.util.spec_from_file_location(f"plandesk_packaging_{name}", ROOT / "packaging" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _start_to_window(gui: Path, db: Path, env: dict) -> float:
    start = time.perf_counter()
    proc = subprocess.run([str(gui), "--db", str(db)], env=env, capture_output=True, timeout=60)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"bundled GUI exited {proc.returncode}: {proc.stderr.decode(errors='replace')[-500:]}")
    return elapsed


def run() -> list[Result]:
    layout, smoke = _packaging("bundle_layout"), _packaging("smoke_test")
    folder, cli, gui = layout.bundle_dir(), layout.executable(console=True), layout.executable(console=False)
    if not gui.is_file():
        print(f"skip packaging: no bundle at {folder}; build it with python3 packaging/build.py")
        return []
    results = [Result("bundle size on disk (dist/PlanDesk)", layout.size_on_disk(folder) / 1e6, 150, "MB")]
    with tempfile.TemporaryDirectory(prefix="plandesk-bench-") as tmp:
        home = Path(tmp)
        env = smoke.isolated_env(home, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
                                 PLANDESK_SMOKE_EXIT_MS="1")
        db = home / "library.sqlite"
        subprocess.run([str(cli), "--db", str(db), "import", str(smoke.DEFAULT_FIXTURE)], env=env, check=True,
                       capture_output=True, timeout=60)
        times = [_start_to_window(gui, db, env) for _ in range(5)]
    results.append(Result("bundled start to window, first run (upper bound)", times[0], 1.5))
    results.append(Result("bundled start to window, median of 5 (upper bound)", statistics.median(times), 1.5))
    return results

