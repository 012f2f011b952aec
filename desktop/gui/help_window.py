"""說明 → 使用說明: the built-in manual (resources/help/index.html with current
screenshots) in a window with a search field that marks every match and steps
through them with Enter."""
from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QTextBrowser, QVBoxLayout

from ..paths import data_dir
from .match_highlight import marked_selection


def manual_path():
    return data_dir("resources") / "help" / "index.html"


IMAGE_WIDTH = 640  # logical pixels, as the manual's <img width> says


class ManualBrowser(QTextBrowser):
    """Screenshots (1560 px wide) scaled down smoothly, to the screen's real pixels:
    the text browser's own scaling is coarse and blurs small print."""

    def loadResource(self, kind, url):
        if kind == QTextDocument.ImageResource:
            image = QImage(url.toLocalFile())
            if not image.isNull():
                ratio = self.devicePixelRatioF()
                image = image.scaledToWidth(round(IMAGE_WIDTH * ratio), Qt.SmoothTransformation)
                image.setDevicePixelRatio(ratio)
                return image
        return super().loadResource(kind, url)


class HelpWindow(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("help_window")
        self.setWindowTitle(self.tr("PlanDesk 使用說明"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("搜尋說明（例如：匯入、縮排）"))
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip(self.tr("輸入文字標示說明中所有相符處，按 Enter 跳到下一處"))
        label = QLabel(self.tr("搜尋(&S)："))
        label.setBuddy(self.search)
        self.count = QLabel()
        self.browser = ManualBrowser()
        self.browser.setAccessibleName(self.tr("使用說明內容"))
        self.browser.setOpenExternalLinks(False)
        self.browser.setSource(QUrl.fromLocalFile(str(manual_path())))
        self.search.textChanged.connect(self.mark_all)
        self.search.returnPressed.connect(self.find_next)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.search, 1)
        row.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.browser, 1)
        self.resize(760, 820)

    def mark_all(self, text: str = "") -> int:
        """Mark every occurrence of ``text`` and go to the first; the number found."""
        text = text.strip()
        marks = []
        if text:
            cursor = self.browser.document().find(text)
            while not cursor.isNull():
                marks.append(marked_selection(self.browser, cursor))
                cursor = self.browser.document().find(text, cursor)
        self.browser.setExtraSelections(marks)
        if marks:
            self.browser.setTextCursor(marks[0].cursor)
            self.browser.ensureCursorVisible()
        self.count.setText(self.tr("找到 {0} 處").format(len(marks)) if text and marks
                           else self.tr("找不到") if text else "")
        return len(marks)

    def find_next(self) -> bool:
        """Go to the next match, wrapping at the end."""
        text = self.search.text().strip()
        if not text:
            return False
        if self.browser.find(text):
            return True
        cursor = self.browser.textCursor()
        cursor.movePosition(cursor.MoveOperation.Start)
        self.browser.setTextCursor(cursor)
        return self.browser.find(text)


def show_manual(parent) -> HelpWindow:
    """Show the manual (one window per main window, brought back to the front)."""
    window = parent.findChild(HelpWindow) if parent is not None else None
    if window is None:
        window = HelpWindow(parent)
    window.show()
    window.raise_()
    window.activateWindow()
    return window
