"""Editor figures (issue 3): cold start, opening a 1,350-node plan into the
tree, and one keystroke in the detail editor until it is saved."""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, Result, hualien, median, percentile, times_ten

from desktop.library import Library


def _cold_start(db: Path, config: Path) -> float:
    """Wall time of ``plandesk gui --db`` until the shown, editable window quits
    itself (PLANDESK_SMOKE_EXIT_MS=1: the first event-loop turn after show)."""
    env = dict(os.environ, PLANDESK_SMOKE_EXIT_MS="1", QT_QPA_PLATFORM=os.environ.get(
        "QT_QPA_PLATFORM", "offscreen"), XDG_CONFIG_HOME=str(config))
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "desktop", "gui", "--db", str(db)], cwd=ROOT, env=env,
                   check=True, capture_output=True)
    return time.perf_counter() - start


def _key_press(widget, char: str) -> None:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication
    for kind in (QEvent.KeyPress, QEvent.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key_unknown, Qt.NoModifier, char))


def _keystrokes(window, count: int = 200) -> list[float]:
    """Seconds per typed character in the detail editor's text, until saved."""
    leaf = next(n for n in window.document.plan.walk() if n.text and not n.children)
    window.controller.select(leaf.id)
    field = window.detail.text
    field.setFocus()
    before = leaf.text.count("字")
    times = []
    for _ in range(count):
        start = time.perf_counter()
        _key_press(field, "字")
        times.append(time.perf_counter() - start)
    assert leaf.text.count("字") == before + count, "keystrokes did not reach the plan"
    return times


def run() -> list[Result]:
    from desktop.gui.app import make_application
    from desktop.gui.main_window import MainWindow
    from desktop.gui import dialogs
    dialogs.show_error = lambda parent, message: None  # a benchmark answers no dialogs
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        library = Library.open(tmp / "one.sqlite")
        library.add_plan(hualien())
        library.close()
        _cold_start(tmp / "one.sqlite", tmp / "config")  # warm the OS file cache once
        starts = [_cold_start(tmp / "one.sqlite", tmp / "config") for _ in range(5)]
        results.append(Result("cold start to shown editable window (hualien-108)", median(starts), 1.0))

        make_application([])
        library = Library.open(tmp / "big.sqlite")
        big = times_ten()
        big_id = library.add_plan(big)
        small_id = library.add_plan(hualien())
        nodes = sum(1 for _ in big.walk())
        window = MainWindow(library, restore=False)
        window.show()
        opens = []
        for _ in range(5):
            window.open_plan(small_id)
            window.documents.pop(big_id, None)  # open from the file each time
            start = time.perf_counter()
            window.open_plan(big_id)
            opens.append(time.perf_counter() - start)
        results.append(Result(f"open {nodes}-node plan into the tree", min(opens), 0.3))

        for plan_id, name, target in ((big_id, f"{nodes}-node plan", 5.0), (small_id, "hualien-108", None)):
            window.open_plan(plan_id)
            times = _keystrokes(window)
            results.append(Result(f"keystroke to saved, median ({name})", median(times) * 1000, target, "ms"))
            results.append(Result(f"keystroke to saved, p95 ({name})", percentile(times, 95) * 1000, None, "ms"))
        results.append(_random_session(window, library, small_id))
        window.close()
        library.close()
    return results


def _random_session(window, library, plan_id) -> Result:
    """1,000 random outliner commands with undo/redo; the model must equal the
    plan after every step and the file must equal memory at the end."""
    import random
    sys.path.insert(0, str(ROOT / "tests"))
    from gui_random import model_shape, plan_shape, random_session
    from desktop.gui import dialogs
    dialogs.ask = lambda parent, message: True
    window.open_plan(plan_id)
    start = time.perf_counter()
    random_session(window, random.Random(2024), 1000,
                   check=lambda: model_shape(window.model) == plan_shape(window.document.plan))
    per_step = (time.perf_counter() - start) / 1000
    disk = Library.open(library.path)
    try:
        if plan_shape(disk.load_plan(plan_id)) != plan_shape(window.document.plan):
            raise AssertionError("file and memory differ after the random session")
    finally:
        disk.close()
    return Result("random session: 1,000 commands, model==plan==file (per step)", per_step * 1000, None, "ms")
