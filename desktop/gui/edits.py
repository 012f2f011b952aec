"""The one way a GUI edit reaches the document: applied with the editor as its
origin (so that editor skips the echo of its own change instead of keeping an
"applying" flag) and every refusal shown as one sentence."""
from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QWidget

from ..errors import PlanDeskError
from ..ops import Change, Operation
from . import dialogs


def apply_edit(origin, document, op: Operation, merge_key=None,
               on_error: Callable[[str], None] | None = None) -> Change | None:
    """Apply ``op``; None (after telling the clerk why) when it was refused."""
    try:
        return document.apply(op, merge_key, origin=origin)
    except PlanDeskError as exc:
        if on_error is not None:
            on_error(exc.message)
        else:
            dialogs.show_error(origin if isinstance(origin, QWidget) else None, exc.message)
        return None
