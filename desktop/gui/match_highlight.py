"""Showing a search match where it is: marked in a result list's text (HTML)
and selected in the editor field after a jump. Colours come from the palette's
Highlight/HighlightedText pair, so dark and high-contrast themes stay readable."""
from __future__ import annotations

import html

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit


def marked_html(text: str, query: str, palette: QPalette) -> str:
    """``text`` as HTML with every occurrence of ``query`` (case-insensitive) marked."""
    if not query:
        return html.escape(text).replace("\n", "<br>")
    back = palette.color(QPalette.Highlight).name()
    fore = palette.color(QPalette.HighlightedText).name()
    out, start, lower, needle = [], 0, text.lower(), query.lower()
    while (at := lower.find(needle, start)) >= 0:
        out.append(html.escape(text[start:at]))
        # bold too: on the selected row the highlight is also the row's background
        out.append(f'<span style="background-color:{back}; color:{fore}; font-weight:bold">'
                   f"{html.escape(text[at:at + len(query)])}</span>")
        start = at + len(query)
    out.append(html.escape(text[start:]))
    return "".join(out).replace("\n", "<br>")


def mark_match(widget, query: str) -> bool:
    """Select the first ``query`` in a QLineEdit or QPlainTextEdit (scrolled into
    view, marked even without focus); False when the field does not contain it."""
    if not query:
        return False
    if isinstance(widget, QLineEdit):
        at = widget.text().lower().find(query.lower())
        if at >= 0:
            widget.setSelection(at, len(query))
        return at >= 0
    if isinstance(widget, QPlainTextEdit):
        cursor = widget.document().find(query)
        if cursor.isNull():
            widget.setExtraSelections([])
            return False
        widget.setTextCursor(cursor)
        widget.ensureCursorVisible()
        widget.setExtraSelections([marked_selection(widget, cursor)])
        return True
    return False


def marked_selection(widget, cursor) -> QTextEdit.ExtraSelection:
    """An extra selection marking ``cursor``'s text in the widget's highlight colours."""
    mark = QTextEdit.ExtraSelection()
    mark.cursor = cursor
    mark.format.setBackground(widget.palette().color(QPalette.Highlight))
    mark.format.setForeground(widget.palette().color(QPalette.HighlightedText))
    return mark


def mark_first(query: str, *widgets) -> object | None:
    """Mark ``query`` in the first of ``widgets`` that contains it; that widget."""
    return next((w for w in widgets if mark_match(w, query)), None)
