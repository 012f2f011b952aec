"""Random controller sessions, shared by the GUI test and the GUI stress benchmark."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex


def model_shape(model, parent=QModelIndex()):
    """[(node id, label, children…)] as the Qt model reports it."""
    return [(model.node_id(model.index(r, 0, parent)), model.data(model.index(r, 0, parent)),
             model_shape(model, model.index(r, 0, parent))) for r in range(model.rowCount(parent))]


def plan_shape(plan):
    from desktop.numbering import node_tokens
    from desktop.gui.tree_model import node_label
    tokens = node_tokens(plan)

    def visit(nodes):
        return [(n.id, node_label(n, tokens[n.id]), visit(n.children)) for n in nodes]
    return visit(plan.tree)


def random_session(window, rng, steps: int, check) -> int:
    """Run ``steps`` random commands; ``check()`` must hold after each. Returns steps run."""
    c = window.controller
    commands = [c.indent, c.outdent, c.move_up, c.move_down, c.delete, c.copy, c.paste, c.undo,
                c.undo, c.redo, lambda: c.new_sibling(edit=False), lambda: c.new_child(edit=False)]
    for step in range(steps):
        ids = [n.id for n in window.document.plan.walk()]
        if ids:
            c.select(rng.choice(ids))
        rng.choice(commands)()
        if not check():
            raise AssertionError(f"model and plan differ after step {step}")
    return steps
