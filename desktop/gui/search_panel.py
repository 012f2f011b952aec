"""Search box over the library's full-text search; choosing a hit opens the
plan and selects the node (or the section). Hits of the open plan come first,
and the match is marked in each result."""
from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPalette, QTextDocument
from PySide6.QtWidgets import (QApplication, QLineEdit, QListWidget, QListWidgetItem, QStyle,
                               QStyledItemDelegate, QStyleOptionViewItem, QVBoxLayout, QWidget)

from ..library import Library
from .match_highlight import marked_html

HitRole = Qt.UserRole + 1


class HitDelegate(QStyledItemDelegate):
    """Draws a result's text as HTML with the query marked (word-wrapped)."""

    def __init__(self, panel: "SearchPanel"):
        super().__init__(panel.results)
        self.panel = panel

    def document(self, option, index) -> QTextDocument:
        doc = QTextDocument()
        doc.setDocumentMargin(2)
        doc.setDefaultFont(option.font)
        doc.setTextWidth(max(option.rect.width(), 80))
        text = index.data(Qt.DisplayRole) or ""
        selected = bool(option.state & QStyle.State_Selected)
        color = option.palette.color(QPalette.HighlightedText if selected else QPalette.Text).name()
        doc.setHtml(f'<div style="color:{color}">'
                    f"{marked_html(text, self.panel.query, option.palette)}</div>")
        return doc

    def paint(self, painter, option, index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""  # the style draws the row (selection, focus); the text is ours
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.CE_ItemViewItem, opt, painter, opt.widget)
        doc = self.document(option, index)
        painter.save()
        painter.translate(option.rect.topLeft())
        doc.drawContents(painter, QRectF(0, 0, option.rect.width(), option.rect.height()))
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        opt = QStyleOptionViewItem(option)
        opt.rect.setWidth(self.panel.results.viewport().width())
        doc = self.document(opt, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()))


class SearchPanel(QWidget):
    hit_chosen = Signal(int, str, str)  # plan id, node id ("" for a section), section heading

    def __init__(self, library: Library, parent=None):
        super().__init__(parent)
        self.library = library
        self.current_plan = None  # callable() -> the open plan's id (its hits come first)
        self.query = ""  # what the shown results matched
        self.box = QLineEdit()
        self.box.setPlaceholderText(self.tr("搜尋所有計畫（例如：電費）"))
        self.box.setAccessibleName(self.tr("搜尋文字"))
        self.box.setToolTip(self.tr("輸入文字搜尋計畫庫的所有計畫，目前開啟的計畫排在最前（Ctrl+F）"))
        self.box.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("搜尋結果"))
        self.results.setWordWrap(True)
        self.results.setItemDelegate(HitDelegate(self))
        self.results.itemActivated.connect(self._chosen)
        self.results.itemClicked.connect(self._chosen)
        self._timer = QTimer(self, singleShot=True, interval=250)  # search when typing pauses
        self._timer.timeout.connect(self.run)
        self.box.textChanged.connect(lambda _text: self._timer.start())
        self.box.returnPressed.connect(self.run)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        layout.addWidget(self.results)
        self.setFocusProxy(self.box)

    def run(self) -> None:
        self._timer.stop()
        self.results.clear()
        query = self.box.text().strip()
        self.query = query
        if not query:
            return
        hits = self.library.search(query, first_plan=self.current_plan() if self.current_plan else None)
        if not hits:
            self.query = ""
            self.results.addItem(self.tr("找不到「{0}」。").format(query))
            return
        for hit in hits:
            item = QListWidgetItem(f"{hit.office} {hit.year}　{hit.where}\n{hit.snippet}")
            item.setData(HitRole, (hit.plan_id, hit.node_id or "", hit.where if hit.node_id is None else ""))
            self.results.addItem(item)

    def _chosen(self, item) -> None:
        data = item.data(HitRole)
        if data:
            self.hit_chosen.emit(*data)
