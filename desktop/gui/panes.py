"""Ctrl+Tab / F6: the keyboard moves between the window's panes (library,
search, plan tree, item editor, check results) as in Word and Explorer —
Tab itself indents in the tree, so the panes need their own key."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget


def _entry(pane: QWidget) -> QWidget | None:
    """The widget that takes the focus when ``pane`` is entered."""
    if pane.focusPolicy() & Qt.TabFocus:
        return pane
    return next((w for w in pane.findChildren(QWidget)
                 if w.focusPolicy() & Qt.TabFocus and w.isVisible() and w.isEnabled()), None)


def cycle_focus(panes: list[QWidget], step: int = 1) -> QWidget | None:
    """Focus the next (``step`` 1) or previous (-1) visible pane after the one holding
    the focus; returns the widget focused."""
    shown = [p for p in panes if p.isVisible() and _entry(p) is not None]
    if not shown:
        return None
    focus = QApplication.focusWidget()
    here = next((i for i, p in enumerate(shown) if focus is not None
                 and (p is focus or p.isAncestorOf(focus))), -1 if step > 0 else 0)
    target = _entry(shown[(here + step) % len(shown)])
    target.setFocus(Qt.ShortcutFocusReason)
    return target
