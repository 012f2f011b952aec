"""Zoom the plan's text like Word: Ctrl+wheel, Ctrl++ / Ctrl+- / Ctrl+0 and a
font-size setting, applied to the tree and the editors and remembered."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSettings, Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QWidget

KEY = "view/font_size"
SMALLEST, LARGEST = 8, 32


class Zoom(QObject):
    """The point size of ``widgets`` (and everything inside them)."""

    def __init__(self, widgets: list[QWidget], parent=None):
        super().__init__(parent)
        self.widgets = widgets
        self.default = QApplication.font().pointSize() if QApplication.font().pointSize() > 0 else 10
        try:
            saved = int(QSettings().value(KEY, 0) or 0)
        except (TypeError, ValueError):
            saved = 0
        self.size = self.default
        self.set_size(saved or self.default, remember=False)
        for widget in widgets:
            for target in [widget, *widget.findChildren(QWidget)]:
                target.installEventFilter(self)  # wheel events go to the innermost viewport

    def set_size(self, size: int, remember: bool = True) -> int:
        self.size = max(SMALLEST, min(LARGEST, int(size)))
        for widget in self.widgets:
            font = widget.font()
            font.setPointSize(self.size)
            widget.setFont(font)
        if remember:
            QSettings().setValue(KEY, self.size)
        return self.size

    def zoom_in(self) -> int:
        return self.set_size(self.size + 1)

    def zoom_out(self) -> int:
        return self.set_size(self.size - 1)

    def reset(self) -> int:
        return self.set_size(self.default)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Wheel and event.modifiers() & Qt.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.set_size(self.size + (1 if delta > 0 else -1))
            return True  # Ctrl+wheel never scrolls
        return False


def ask_font_size(parent, zoom: Zoom) -> None:
    """檢視 → 字型大小…"""
    size, ok = QInputDialog.getInt(parent, parent.tr("字型大小"),
                                   parent.tr("項目表與編輯區的字型大小（點）："),
                                   zoom.size, SMALLEST, LARGEST)
    if ok:
        zoom.set_size(size)
