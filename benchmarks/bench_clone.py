"""Clone, checker and 新舊對照表 figures on the 10x plan (issue 5 targets), plus a
roll-over fuzz loop: random texts never get a year changed inside a number."""
from __future__ import annotations

import copy
import random
import re
import tempfile
from pathlib import Path

from common import Result, best_of, times_ten

from desktop.checks import check_plan
from desktop.clone import clone_plan
from desktop.diff import diff_plans
from desktop.library import Library
from desktop.model import Node, Paragraph, Plan, Section
from desktop.rollover import apply_proposals, propose


_PIECES = ["108年", "108 年度", "109年1月6日前", "1080004356", "字第1080004356號函", "2019年", "2020 年",
           "106年3月15日", "服務", "，", "A108", "3.108", "108", "1108年", "年", " ", "經濟部", "中華民國"]
_NOT_YEAR = re.compile(r"[0-9]+(?![0-9]| *年)")


def _roll(text: str, old: int, new: int) -> str:
    plan = Plan(year=old, sections=[Section("表", kind="table")], tree=[Node(text=text)])
    apply_proposals(plan, propose(plan, new))
    return plan.tree[0].text


def _fuzz_rollover(cases: int = 2000) -> float:
    """Share of random texts for which (a) digits not followed by 年 are untouched
    and (b) rolling 108→109 then 109→108 gives the text back. Must be 1.0."""
    rng = random.Random(5)
    good = 0
    for _ in range(cases):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 12)))
        rolled = _roll(text, 108, 109)
        good += (_NOT_YEAR.findall(rolled) == _NOT_YEAR.findall(text)
                 and _roll(rolled, 109, 108) == text)
    return good / cases


def run() -> list[Result]:
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        library = Library.open(Path(tmp) / "bench.sqlite")
        big = times_ten()
        nodes = sum(1 for _ in big.walk())
        big_id = library.add_plan(big)
        results.append(Result(f"clone 10x plan ({nodes} nodes) with roll-over",
                              best_of(lambda: clone_plan(library, big_id, big.year + 1), 3), 0.3))
        results.append(Result(f"clone 10x plan ({nodes} nodes) verbatim",
                              best_of(lambda: clone_plan(library, big_id, big.year + 1, rollover=False), 3), 0.3))
        loaded = library.load_plan(big_id)
        results.append(Result("check 10x plan (with library)", best_of(lambda: check_plan(loaded, library), 3), None))
        edited = copy.deepcopy(loaded)
        for i, node in enumerate(edited.walk()):
            if i % 17 == 0:
                node.text += "（修訂）"
            if i % 29 == 0:
                node.period = "每月辦理"
        edited.tree.insert(0, edited.tree.pop())
        results.append(Result("diff 10x plan vs edited copy", best_of(lambda: diff_plans(loaded, edited), 3), None))
        library.close()
    results.append(Result("roll-over fuzz: texts rolled correctly (2,000 cases)", _fuzz_rollover(), 1.0, "ratio"))
    return results
