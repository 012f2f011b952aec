"""The items a review asks about: action items with their departments (inherited
from a merged cell above when the leaf has none), 面向, context and row key."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..model import Department, Node, Plan, is_action_item
from ..numbering import node_tokens

KEY_PREFIX = "K-"
_KEY_LENGTH = 6  # hex digits of the node id; longer only where two ids share them


@dataclass
class ReviewItem:
    node: Node
    key: str                       # 「K-3f2a91」: printed in the form, survives re-saving
    aspect: str                    # the 面向 (top-level node) it belongs to
    context: list[str]             # the headings above it, with their numbering
    departments: list[Department]  # own, or inherited from the nearest ancestor with some
    token: str                     # its own numbering token

    @property
    def label(self) -> str:
        """The item as printed: token and title/text."""
        node = self.node
        return self.token + (node.title + ("\n" + node.text if node.text else "") if node.title else node.text)

    def has_department(self, name: str) -> bool:
        return any(d.name == name for d in self.departments)


def _heading(node: Node, token: str) -> str:
    return token + (node.title or node.text)


def review_items(plan: Plan) -> list[ReviewItem]:
    """Every action item of ``plan`` in document order."""
    tokens = node_tokens(plan)
    ids = [n.id for n in plan.walk()]
    keys = _keys(ids)
    out: list[ReviewItem] = []

    def visit(nodes: list[Node], aspect: str, context: list[str], departments: list[Department]):
        for node in nodes:
            own = node.departments or departments
            if _is_row_item(node):
                out.append(ReviewItem(node, keys[node.id], aspect, context, own, tokens.get(node.id, "")))
            else:
                top = aspect or (node.title or node.text)
                visit(node.children, top, context + [_heading(node, tokens.get(node.id, ""))], own)

    visit(plan.tree, "", [], [])
    return out


def _is_row_item(node: Node) -> bool:
    """One row of the plan table: a node carrying departments or a period none of
    its descendants carries (its 甲、乙 sub-items are part of it), or a bare leaf."""
    if node.departments or node.period:
        return not any(d.departments or d.period for c in node.children for d in c.walk())
    return is_action_item(node)


def _keys(ids: list[str]) -> dict[str, str]:
    """Shortest id prefix (at least six characters) that no other node shares."""
    shared = Counter(node_id[:_KEY_LENGTH] for node_id in ids)
    out = {}
    for node_id in ids:
        length = _KEY_LENGTH
        if shared[node_id[:length]] > 1:
            while length < len(node_id) and sum(o.startswith(node_id[:length]) for o in ids) > 1:
                length += 1
        out[node_id] = KEY_PREFIX + node_id[:length]
    return out


def department_names(items: list[ReviewItem]) -> list[str]:
    """Every department named by the items, in order of first appearance."""
    seen: dict[str, None] = {}
    for item in items:
        for dept in item.departments:
            if dept.name:
                seen.setdefault(dept.name)
    return list(seen)
