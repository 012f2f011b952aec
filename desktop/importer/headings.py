"""Heading lines among the 具體作法 items, fixed once the whole table is read.

A printed table does not say whether a line in the 具體作法 column is an item or
a heading over the items after it; these passes decide from what follows (items
numbered one level deeper, numbering that restarts at 1) and from the line
itself (short, not a sentence, no department or period).
"""
from __future__ import annotations

import itertools

from ..model import Node


def title_like(text: str) -> bool:
    """Short and not a sentence: 「提升服務及時性」 is a heading, 「…以提高效率。」 is not."""
    return 0 < len(text) <= 40 and not any(c in text for c in "。；;\n") and not text.endswith(tuple("：:，,、"))


class HeadingLines:
    """The passes, given what the table parser saw while reading."""

    def __init__(self, items: set[str], unnumbered: set[str], restarts: set[str], heading_texts: set[str]):
        self.items, self.unnumbered = items, unnumbered
        self.restarts, self.heading_texts = restarts, heading_texts

    def fix(self, tree: list[Node]) -> None:
        self.tree = tree
        self._unnumbered_subheadings()
        self._hoist_headings()
        self._restarting_groups()
        for top in tree:
            for node in top.walk():
                if self._heading_item(node) and node.children:
                    node.title, node.text = node.text, ""  # a heading among the items: 「2. 提升服務及時性」

    def _unnumbered_subheadings(self) -> None:
        """「(一) 內部作業簡化」 with 「提升同仁行政效率」 as its first 具體作法 line and the
        items after it numbered one level deeper, (1)(2)…: that line is an unnumbered
        sub-heading over those items (later siblings such as 「1. …」 stay where they are)."""
        for top in self.tree:
            for node in list(top.walk()):
                lead = list(itertools.takewhile(lambda c: c.skip >= 1, node.children))
                if (node.id in self.heading_texts and lead and not node.departments
                        and not node.period and title_like(node.text)):
                    for child in lead:
                        child.skip -= 1
                    node.children = [Node(title=node.text, numbered=False, children=lead)] + node.children[len(lead):]
                    node.text = ""

    def _restarting_groups(self) -> None:
        """An unnumbered heading-like line followed by items numbered from 1 again, e.g.
        (1)(2) 「深化服務量能」 (1)(2)…: the line heads the items after it."""
        for top in self.tree:
            for node in list(top.walk()):
                kids, out, k = node.children, [], 0
                while k < len(kids):
                    head = kids[k]
                    nxt = kids[k + 1] if k + 1 < len(kids) else None
                    if head.skip >= 1 and nxt is not None and self._heads_restart(head, nxt):
                        end = k + 1
                        while end < len(kids) and not (kids[end].id in self.unnumbered and end > k + 1):
                            end += 1
                        head.title, head.text, head.skip = head.text, "", head.skip - 1
                        head.children = kids[k + 1:end]
                        out.append(head)
                        k = end
                        continue
                    out.append(head)
                    k += 1
                node.children = out

    def _hoist_headings(self) -> None:
        """「1、 heading」 (1)(2) 「unnumbered heading」 (1)(2)…: the unnumbered line is the
        next heading after 「1、」, not one more item inside it — move it (with the items
        after it) up beside 「1、」."""
        for top in self.tree:
            for grand in list(top.walk()):
                out = []
                for parent in grand.children:
                    out.append(parent)
                    kids = parent.children
                    for k, head in enumerate(kids[:-1]):
                        if (k and head.skip == 0 and self._heads_restart(head, kids[k + 1])
                                and (parent.title or self._heading_item(parent))):
                            head.title, head.text, head.skip = head.text, "", parent.skip
                            head.children, parent.children = kids[k + 1:], kids[:k]
                            out.append(head)
                            break
                grand.children = out

    def _heads_restart(self, head: Node, after: Node) -> bool:
        return (head.id in self.unnumbered and not head.children and not head.departments
                and not head.period and title_like(head.text) and after.id in self.restarts)

    def _heading_item(self, node: Node) -> bool:
        """A 具體作法 line that only heads others: no department, period or sentence."""
        return ((node.id in self.items or node.id in self.unnumbered) and not node.title and not node.departments
                and not node.period and title_like(node.text))
