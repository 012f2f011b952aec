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
from desktop.diff import content_key, diff_plans, match_nodes
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
    """Share of random edit sessions on hualien-108 (delete, insert, move, reorder, re-period)
    whose diff (a) names exactly the deleted and inserted items (a subtree being one
    row that covers its items), (b) reports every re-perioded item that survived and
    every item now under another parent, (c) leaves unreported only items that kept
    their parent and their order among the siblings that stayed, and (d) reports
    no more order moves than needed (an independent O(n²) longest increasing
    subsequence). Must be 1.0."""
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
            kind = rng.choice(["delete", "insert", "move", "reorder", "period"])
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
            elif kind == "reorder" and node.id not in inserted:
                _, parent, siblings = new.find(node.id)
                MoveNode(node.id, parent.id if parent else None, rng.randint(0, len(siblings) - 1)).apply(new)
                touched.add(node.id)
            elif kind == "period" and node.id not in inserted:
                EditNode(node.id, {"period": f"每{step + 2}月辦理"}).apply(new)
                touched.add(node.id)
        good += _diff_is_right(old, new, deleted, inserted, touched)
    return good / cases


def _covered(root, matched: set) -> list:
    """Ids one added/removed row stands for: its root and the unmatched items under it."""
    out = [root.id]
    for child in root.children:
        if child.id not in matched:
            out += _covered(child, matched)
    return out


def _parents(plan) -> dict:
    out = {n.id: None for n in plan.tree}
    out.update({c.id: n.id for n in plan.walk() for c in n.children})
    return out


def _lis_length(values: list[int]) -> int:
    best = [1] * len(values)
    for i in range(len(values)):
        for j in range(i):
            if values[j] < values[i]:
                best[i] = max(best[i], best[j] + 1)
    return max(best, default=0)


def _diff_is_right(old, new, deleted, inserted, touched) -> bool:
    entries = diff_plans(old, new)
    pairs = match_nodes(old, new)
    back = {v: k for k, v in pairs.items()}
    # identical twins (hualien-108 repeats five texts) are told apart only by content
    old_key = {n.id: content_key(n.title + n.text) for n in old.walk()}
    new_key = {n.id: content_key(n.title + n.text) for n in new.walk()}
    removed_rows = [e for e in entries if e.change == "removed"]
    added_rows = [e for e in entries if e.change == "added"]
    removed = sorted(old_key[i] for e in removed_rows for i in _covered(e.old_node, set(pairs)))
    added = {i for e in added_rows for i in _covered(e.new_node, set(back))}
    sizes_right = all(e.count == len(_covered(e.old_node, set(pairs))) for e in removed_rows)
    reported = {e.new_target for e in entries if e.change in ("changed", "moved")}
    alive = set(new_key)
    old_parent, new_parent = _parents(old), _parents(new)

    def mapped_parent(new_id):
        parent = old_parent[back[new_id]]
        return None if parent is None else pairs.get(parent, "")

    must = {new_key[i] for i in touched if i in alive and i in back and _really_changed(old, new, i)}
    must_moved = {i for i in back if mapped_parent(i) != new_parent[i]}
    explained, minimal = True, True
    old_index = {n.id: k for siblings in [old.tree] + [n.children for n in old.walk()] for k, n in enumerate(siblings)}
    for parent_id, siblings in [(None, new.tree)] + [(n.id, n.children) for n in new.walk()]:
        stayed = [n.id for n in siblings if n.id in back and mapped_parent(n.id) == parent_id]
        quiet = [old_index[back[i]] for i in stayed if i not in reported]
        explained &= quiet == sorted(quiet)
        order_moves = sum(1 for e in entries if e.new_target in stayed and "order" in e.changes)
        minimal &= order_moves == len(stayed) - _lis_length([old_index[back[i]] for i in stayed])
    return (removed == sorted(old_key[i] for i in deleted - inserted) and sizes_right
            and added == inserted & alive and must <= {new_key[i] for i in reported}
            and must_moved <= reported and explained and minimal)


def _last_inserted(plan, text):
    return next(n.id for n in plan.walk() if n.text == text)


def _really_changed(old, new, node_id) -> bool:
    """A period set twice may undo itself; a move is checked by (c) and (d)."""
    try:
        before = old.find(node_id)[0]
    except KeyError:
        return False
    return before.period != new.find(node_id)[0].period


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
