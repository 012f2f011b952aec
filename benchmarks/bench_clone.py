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
from desktop.diff import content_key, diff_plans
from desktop.library import Library
from desktop.model import Node, Plan, Section
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


def _fuzz_diff(cases: int = 300) -> float:
    """Share of random edit sessions on hualien-108 (delete, insert, move, re-period)
    whose diff names exactly the deleted and inserted items and reports every
    moved or re-perioded item that survived. Must be 1.0."""
    from common import hualien
    from desktop.ops import DeleteNodes, InsertNodes, MoveNode, EditNode
    rng = random.Random(7)
    base = hualien()
    good = 0
    for case in range(cases):
        old = copy.deepcopy(base)
        new = copy.deepcopy(base)
        deleted, inserted, touched = set(), set(), set()
        for step in range(rng.randint(1, 6)):
            nodes = list(new.walk())
            node = rng.choice(nodes)
            kind = rng.choice(["delete", "insert", "move", "period"])
            if kind == "delete":
                deleted |= {n.id for n in node.walk()}
                DeleteNodes([node.id]).apply(new)
            elif kind == "insert":
                fresh = Node(text=f"新增作法第{case}-{step}項：加強服務。", period="隨時辦理")
                parent = node if rng.random() < 0.5 else None
                siblings = parent.children if parent else new.tree
                InsertNodes(parent.id if parent else None, rng.randint(0, len(siblings)), [fresh]).apply(new)
                inserted.add(_last_inserted(new, fresh.text))
            elif kind == "move" and node.id not in inserted:
                target = rng.choice([n for n in new.walk() if n.id not in {x.id for x in node.walk()}] or [None])
                siblings = target.children if target else new.tree
                MoveNode(node.id, target.id if target else None, rng.randint(0, len(siblings))).apply(new)
                touched.add(node.id)
            elif kind == "period" and node.id not in inserted:
                EditNode(node.id, {"period": f"每{step + 2}月辦理"}).apply(new)
                touched.add(node.id)
        entries = diff_plans(old, new)
        # identical twins (hualien-108 repeats five texts) are told apart only by content
        old_key = {n.id: content_key(n.title + n.text) for n in old.walk()}
        new_key = {n.id: content_key(n.title + n.text) for n in new.walk()}
        removed = sorted(old_key[e.old_target] for e in entries if e.change == "removed")
        added = {e.new_target for e in entries if e.change == "added"}
        reported = {new_key[e.new_target] for e in entries if e.change in ("changed", "moved")}
        alive = set(new_key)
        must = {new_key[i] for i in touched if i in alive and _really_changed(old, new, i)}
        good += (removed == sorted(old_key[i] for i in deleted - inserted)
                 and added == inserted & alive and must <= reported)
    return good / cases


def _last_inserted(plan, text):
    return next(n.id for n in plan.walk() if n.text == text)


def _really_changed(old, new, node_id) -> bool:
    """A move to the very same place or a period set twice may undo itself."""
    from desktop.plantext import Locator
    try:
        before = old.find(node_id)[0]
    except KeyError:
        return False
    after = new.find(node_id)[0]
    return before.period != after.period or Locator(old).node(node_id) != Locator(new).node(node_id)


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
    results.append(Result("diff fuzz: random edits recovered (300 sessions)", _fuzz_diff(), 1.0, "ratio"))
    results.append(Result("roll-over fuzz: texts rolled correctly (2,000 cases)", _fuzz_rollover(), 1.0, "ratio"))
    return results
