"""Where each mark landed: the fields of a marked reading split into segments, and
the items of the two readings paired by the text they share.

Both readings come from one document, so an item that is in both has the same
text once its own marked spans are left out (deletions in one, insertions in
the other); an item whose every field is marked exists in one reading only.
"""
from __future__ import annotations

import copy
import difflib

from ..model import Department, Node, Plan
from . import markers
from .compare import departments_text
from .markers import Segment

NODE_FIELDS = ("title", "text", "departments", "period")
_JOINERS = " \t\n、"




def parent_ids(plan: Plan) -> dict[str, str | None]:
    """node id → its parent's id (None at the top)."""
    out: dict[str, str | None] = {}

    def visit(parent: Node | None, nodes: list[Node]) -> None:
        for node in nodes:
            out[node.id] = parent.id if parent else None
            visit(node, node.children)

    visit(None, plan.tree)
    return out


def node_value(node: Node, field: str) -> str:
    return departments_text(node.departments) if field == "departments" else getattr(node, field)


class Marked:
    """One reading's fields as segments, per node and field."""

    def __init__(self, plan: Plan, points: set[int]):
        self.plan = plan
        self.points = points
        self.nodes = list(plan.walk())
        self.segs: dict[tuple[str, str], list[Segment]] = {}
        self.whole: dict[str, bool] = {}
        self.key: dict[str, tuple] = {}
        for node in self.nodes:
            plain_parts, marked_only = [], True
            for field in NODE_FIELDS:
                segs = markers.segments(node_value(node, field), points)
                self.segs[(node.id, field)] = segs
                plain_parts.append(markers.plain(segs))
                if markers.plain(segs).strip(_JOINERS):  # the 、 between marked departments is ours
                    marked_only = False
            self.key[node.id] = tuple(plain_parts)
            self.whole[node.id] = marked_only and any(s.text.strip() for f in NODE_FIELDS
                                                      for s in self.segs[(node.id, f)])

    def marks(self, node: Node) -> list[int]:
        """The marks in a node's subtree, in order."""
        out: list[int] = []
        for n in node.walk():
            for field in NODE_FIELDS:
                out.extend(s.mark for s in self.segs.get((n.id, field), []) if s.mark is not None)
        return out


def pair_nodes(base: Marked, new: Marked) -> dict[str, str]:
    """rejected-reading node id → accepted-reading node id, for items in both."""
    olds = [n for n in base.nodes if not base.whole[n.id]]
    news = [n for n in new.nodes if not new.whole[n.id]]
    matcher = difflib.SequenceMatcher(None, [base.key[n.id] for n in olds], [new.key[n.id] for n in news],
                                      autojunk=False)
    pairs = {}
    for a, b, size in matcher.get_matching_blocks():
        for i in range(size):
            pairs[olds[a + i].id] = news[b + i].id
    return pairs


def merge(old: list[Segment], new: list[Segment]) -> list[tuple[str, int | None, bool]]:
    """One field's segments from both readings over their shared text:
    (text, mark, inserted?) in order; plain text has mark None."""
    out: list[tuple[str, int | None, bool]] = []
    queues = [list(old), list(new)]
    while any(queues):
        # marked pieces (and points) come out at the place they sit in the shared text
        for side, queue in enumerate(queues):
            while queue and queue[0].mark is not None:
                seg = queue.pop(0)
                out.append((seg.text, seg.mark, side == 1))
        if not (queues[0] and queues[1]):
            for queue in queues:
                out.extend((s.text, s.mark, False) for s in queue if s.mark is None)
                queue.clear()
            break
        a, b = queues[0][0], queues[1][0]
        size = min(len(a.text), len(b.text))
        out.append((a.text[:size], None, False))
        for index, seg in ((0, a), (1, b)):
            rest = seg.text[size:]
            if rest:
                queues[index][0] = Segment(rest)
            else:
                queues[index].pop(0)
    return [piece for piece in out if piece[0] or piece[1] is not None]


def stripped(plan: Plan) -> Plan:
    """A copy of a marked reading with every marker removed (same ids)."""
    out = copy.deepcopy(plan)
    for attr in ("organization", "office", "title", "date_line"):
        setattr(out, attr, markers.strip(getattr(out, attr)))
    for section in out.sections:
        section.heading = markers.strip(section.heading)
        section.notes = [markers.strip(n) for n in section.notes]
        for para in section.paragraphs:
            para.text = markers.strip(para.text)
    for node in out.walk():
        for field in ("title", "text", "period"):
            setattr(node, field, markers.strip(getattr(node, field)))
        node.departments = [Department(markers.strip(d.name), d.role) for d in node.departments
                            if markers.strip(d.name).strip()]
    return out
