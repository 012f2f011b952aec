"""Helpers shared by the editors: typing-run undo, signal blocking, translations."""
from __future__ import annotations

from contextlib import contextmanager

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeySequence


@contextmanager
def quiet(*widgets):
    """Set widget values from the model without firing change handlers."""
    old = [w.blockSignals(True) for w in widgets]
    try:
        yield
    finally:
        for widget, was in zip(widgets, old):
            widget.blockSignals(was)


class DocumentUndoFilter(QObject):
    """Lets Ctrl+Z / Ctrl+Y in a text field reach the window's 復原/重做 (the plan's
    undo stack, where a whole typing run is one step) instead of the field's own undo.
    Leaving the field ends the typing run."""

    def __init__(self, parent, end_run):
        super().__init__(parent)
        self.end_run = end_run

    def eventFilter(self, watched, event):
        if event.type() == QEvent.ShortcutOverride:
            combo = QKeySequence(event.keyCombination())
            for key in (QKeySequence.Undo, QKeySequence.Redo):
                if combo.matches(QKeySequence(key)) == QKeySequence.ExactMatch or \
                        combo in QKeySequence.keyBindings(key):
                    event.ignore()
                    return True
        elif event.type() == QEvent.FocusOut:
            self.end_run()
        return False

    def watch(self, *widgets) -> None:
        for widget in widgets:
            widget.installEventFilter(self)
