"""Random editing through the controller (moves, indents, inserts, deletes,
pastes, undo, redo): after every step the model shows exactly the plan, and at
the end the file holds the same plan. The long run is benchmarks/bench_gui.py."""
import random

import pytest

from gui_helpers import Dialogs, library_with, make_window, reopen
from gui_random import random_session, model_shape, plan_shape


@pytest.mark.parametrize("seed", [7])
def test_random_session_keeps_model_plan_and_file_equal(qtbot, qtmodeltester, tmp_path, monkeypatch, seed):
    Dialogs(monkeypatch, True)
    library, (plan_id,) = library_with(tmp_path / "lib.sqlite", "taipei-114")
    window = make_window(qtbot, library, plan_id)
    qtmodeltester.check(window.model, force_py=True)
    steps = random_session(window, random.Random(seed), 40,
                           check=lambda: model_shape(window.model) == plan_shape(window.document.plan))
    assert steps == 40
    disk = reopen(library)
    assert plan_shape(disk.load_plan(plan_id)) == plan_shape(window.document.plan)
    disk.close()
    library.close()
