"""Copy and paste of subtrees through the system clipboard.

The payload is exchange JSON (``plandesk-plan/1``) of a small plan holding
just the copied subtrees, so it survives switching plans, years and even
program instances; plain text goes along for pasting into Word.
"""
from __future__ import annotations

import atexit
import functools
import json

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QApplication

from ..errors import PlanDeskError
from ..exchange import plan_from_dict, plan_to_dict
from ..model import Node, Plan, Section
from ..numbering import node_tokens
from ..ops import clone_nodes
from .tree_model import node_label

SUBTREE_MIME = "application/x-plandesk-subtrees+json"


def subtrees_mime(plan: Plan, nodes: list[Node]) -> QMimeData:
    """Mime data holding ``nodes`` (with their children) of ``plan``."""
    carrier = Plan(organization=plan.organization, office=plan.office, year=plan.year,
                   columns=list(plan.columns), profile=plan.profile, tree=list(nodes),
                   sections=[Section(heading="執行策略及具體作法", kind="table")])  # the format requires it
    mime = QMimeData()
    mime.setData(SUBTREE_MIME, json.dumps(plan_to_dict(carrier), ensure_ascii=False).encode("utf-8"))
    tokens = node_tokens(carrier)
    lines = []
    for top in nodes:
        for node in top.walk():
            lines.append(node_label(node, tokens.get(node.id, "")))
    mime.setText("\n".join(lines))
    return mime


def nodes_from_mime(mime: QMimeData | None) -> list[Node]:
    """Fresh copies (new ids) of the subtrees in ``mime``; [] when it holds none."""
    if mime is None or not mime.hasFormat(SUBTREE_MIME):
        return []
    try:
        data = json.loads(bytes(mime.data(SUBTREE_MIME)).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise PlanDeskError("剪貼簿中的項目資料已損壞，請重新複製後再貼上。") from exc
    return clone_nodes(plan_from_dict(data, "剪貼簿").tree)


def put(plan: Plan, nodes: list[Node]) -> None:
    QApplication.clipboard().setMimeData(subtrees_mime(plan, nodes))
    _empty_at_exit_when_offscreen()


@functools.cache
def _empty_at_exit_when_offscreen() -> None:
    """The offscreen/minimal platforms keep clipboard data in a C++ static that
    is destroyed after Python has shut down; deleting our Python-made QMimeData
    then crashes the process at exit. Empty the clipboard while Python still runs."""
    if QApplication.platformName() in ("offscreen", "minimal"):
        atexit.register(lambda: QApplication.instance() and QApplication.clipboard().clear())


def take() -> list[Node]:
    return nodes_from_mime(QApplication.clipboard().mimeData())
