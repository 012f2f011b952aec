"""The 考核 table: one row per action item of the open plan for one period, with
its 執行狀態 drawn as a coloured chip (background AND text colour set, so it stays
readable under dark and high-contrast themes)."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate

from ..assessment.items import ReviewItem
from ..model import Node, Plan
from ..plantext import Locator
from .tree_model import departments_text

UNFILLED = "未填報"
# status → (chip background, chip text)
CHIP_COLOURS = {"已完成": ("#2e7d32", "#ffffff"), "持續辦理": ("#1565c0", "#ffffff"),
                "進行中": ("#f9a825", "#000000"), "落後": ("#c62828", "#ffffff"),
                "未執行": ("#5d4037", "#ffffff"), "不適用": ("#bdbdbd", "#000000"),
                "": ("#eeeeee", "#333333"), UNFILLED: ("#ffffff", "#9a1b1b")}
COLUMNS = ["項次", "具體作法", "辦理部門", "執行狀態", "執行情形", "填報"]
COL_PLACE, COL_ITEM, COL_DEPTS, COL_STATUS, COL_TEXT, COL_REPORTER = range(len(COLUMNS))
StatusRole = Qt.UserRole + 1
NodeIdRole = Qt.UserRole + 2


def status_label(result) -> str:
    """The chip's text: the status, 「已填寫」 for text without a status, or 未填報."""
    if result is None or not result.filled:
        return UNFILLED
    return result.status or "已填寫"


class AssessmentModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.plan: Plan | None = None
        self.period = ""
        self.items: list[ReviewItem] = []
        self.locator: Locator | None = None
        self._rows: dict[str, int] = {}

    def set_rows(self, plan: Plan | None, period: str, items: list[ReviewItem]) -> None:
        self.beginResetModel()
        self.plan, self.period, self.items = plan, period, items
        self.locator = Locator(plan) if plan is not None else None
        self._rows = {item.node.id: row for row, item in enumerate(items)}
        self.endResetModel()

    def row_of(self, node_id: str) -> int:
        return self._rows.get(node_id, -1)

    def refresh_node(self, node_id: str) -> None:
        row = self.row_of(node_id)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def result(self, row: int):
        return self.plan.review.result(self.items[row].node.id, self.period) if self.plan else None

    # --- Qt model interface ----------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        result = self.result(index.row())
        col = index.column()
        if role == NodeIdRole:
            return item.node.id
        if role == StatusRole:
            return status_label(result)
        if role in (Qt.DisplayRole, Qt.ToolTipRole):
            if col == COL_PLACE:
                return self.locator.node(item.node.id)
            if col == COL_ITEM:
                return item.label if role == Qt.ToolTipRole else item.label.split("\n", 1)[0]
            if col == COL_DEPTS:
                return departments_text(Node(departments=item.departments))
            if col == COL_STATUS:
                return status_label(result)
            if col == COL_TEXT:
                text = result.text if result else ""
                return text if role == Qt.ToolTipRole else text.replace("\n", " ／ ")
            if col == COL_REPORTER and result is not None:
                return result.reporter
        if role == Qt.ForegroundRole and col == COL_STATUS:
            return QColor(CHIP_COLOURS.get(status_label(result), CHIP_COLOURS[""])[1])
        if role == Qt.BackgroundRole and col == COL_STATUS:
            return QColor(CHIP_COLOURS.get(status_label(result), CHIP_COLOURS[""])[0])
        return None


class StatusChipDelegate(QStyledItemDelegate):
    """Paints the status as a rounded chip with its own background and text colour."""

    def paint(self, painter: QPainter, option, index) -> None:
        label = index.data(StatusRole) or ""
        background, foreground = CHIP_COLOURS.get(label, CHIP_COLOURS[""])
        painter.save()
        if option.state & QStyle.State_Selected:
            painter.fillRect(option.rect, option.palette.highlight())
        painter.setRenderHint(QPainter.Antialiasing)
        width = option.fontMetrics.horizontalAdvance(label) + 16
        height = option.fontMetrics.height() + 6
        rect = QRectF(option.rect.x() + 4, option.rect.center().y() - height / 2, width, height)
        painter.setPen(QColor(foreground) if label == UNFILLED else Qt.NoPen)
        painter.setBrush(QColor(background))
        painter.drawRoundedRect(rect, height / 2, height / 2)
        painter.setPen(QColor(foreground))
        painter.drawText(rect, Qt.AlignCenter, label)
        painter.restore()

    def sizeHint(self, option, index):
        size = super().sizeHint(option, index)
        size.setWidth(option.fontMetrics.horizontalAdvance(index.data(StatusRole) or "") + 28)
        return size
