"""Search box over the library's full-text search; choosing a hit opens the
plan and selects the node (or the section)."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ..library import Library

HitRole = Qt.UserRole + 1


class SearchPanel(QWidget):
    hit_chosen = Signal(int, str, str)  # plan id, node id ("" for a section), section heading

    def __init__(self, library: Library, parent=None):
        super().__init__(parent)
        self.library = library
        self.box = QLineEdit()
        self.box.setPlaceholderText(self.tr("搜尋所有計畫（例如：電費）"))
        self.box.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setWordWrap(True)
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

    def run(self) -> None:
        self._timer.stop()
        self.results.clear()
        query = self.box.text().strip()
        if not query:
            return
        hits = self.library.search(query)
        if not hits:
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
