"""Menus name keys as the F1 list does: 「Enter」「Delete」「Alt+↑」, not Qt's zh_TW
「Return」「刪除鍵 (Del)」「Alt+上鍵」.

Only the drawing changes: Qt parses key sequences through the same translations,
so translating the names themselves would break shortcuts (「Enter」 is also the
keypad key's name).
"""
from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOptionMenuItem

from .shortcuts_help import key_text


def clerk_menu_text(text: str) -> str:
    """A menu item's 'label<TAB>keys' with the keys as a clerk reads them; any other text as it is."""
    label, tab, keys = text.partition("\t")
    if not tab or not keys:
        return text
    sequence = QKeySequence.fromString(keys, QKeySequence.NativeText)
    if sequence.isEmpty() or sequence.toString(QKeySequence.NativeText) != keys:
        return text  # not a key sequence Qt wrote
    return f"{label}\t{key_text(sequence)}"


class MenuKeyStyle(QProxyStyle):
    """The application's own style, with menu items' key column renamed."""

    def drawControl(self, element, option, painter, widget=None):  # noqa: N802 (Qt override)
        if element == QStyle.CE_MenuItem and "\t" in option.text:
            option = QStyleOptionMenuItem(option)
            option.text = clerk_menu_text(option.text)
        super().drawControl(element, option, painter, widget)
