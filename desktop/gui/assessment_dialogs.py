"""Small dialogs of the 考核 view: where to put the department forms, and the
merge preview that lists every row of the returned forms before anything is written."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QListWidget, QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from ..assessment.merge import BLANK, KIND_NAMES, UNCHANGED, MergePreview

_ATTENTION = {"conflict": "#c62828", "unmatched": "#c62828", "new": "#2e7d32", "changed": "#1565c0"}


class FormsDialog(QDialog):
    """Folder and format for 「產生填報表」."""

    def __init__(self, parent=None, folder: str = ""):
        super().__init__(parent)
        self.setWindowTitle(self.tr("產生各部門填報表"))
        self.folder = QLineEdit(folder)
        browse = QPushButton(self.tr("瀏覽…"))
        browse.clicked.connect(self._browse)
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.folder, 1)
        line.addWidget(browse)
        self.format = QComboBox()
        self.format.addItem("Word（.docx）", "docx")
        self.format.addItem("OpenDocument（.odt）", "odt")
        form = QFormLayout(self)
        form.addRow(self.tr("存放資料夾"), row)
        form.addRow(self.tr("檔案格式"), self.format)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("產生"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("選擇存放填報表的資料夾"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def choice(self) -> tuple[Path, str] | None:
        return (Path(self.folder.text()), self.format.currentData()) if self.folder.text().strip() else None


class MergePreviewDialog(QDialog):
    """Every row that needs a look (new, changed, conflicting, unmatched) and every
    note, with the counts; 合併 applies all of it as one undo step."""

    def __init__(self, preview: MergePreview, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("合併填報表預覽"))
        self.resize(980, 560)
        layout = QVBoxLayout(self)
        self.summary = QLabel(preview.summary())
        self.summary.setWordWrap(True)
        layout.addWidget(QLabel(self.tr("檔案：{0}").format("、".join(preview.files))))
        layout.addWidget(self.summary)
        shown = [o for o in preview.outcomes if o.kind not in (BLANK, UNCHANGED)]
        self.table = QTableWidget(len(shown), 5)
        self.table.setHorizontalHeaderLabels([self.tr("結果"), self.tr("檔案與列"), self.tr("項次"),
                                              self.tr("執行情形"), self.tr("說明")])
        for row, outcome in enumerate(shown):
            cells = [KIND_NAMES[outcome.kind], f"{outcome.file} 第 {outcome.row} 列",
                     outcome.location or outcome.key, (f"【{outcome.status}】" if outcome.status else "")
                     + outcome.text.replace("\n", " ／ "), outcome.message]
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                cell.setFlags(Qt.ItemIsSelectable | Qt.ItemIsEnabled)
                if col == 0 and outcome.kind in _ATTENTION:
                    cell.setForeground(QColor("#ffffff"))
                    cell.setBackground(QColor(_ATTENTION[outcome.kind]))
                self.table.setItem(row, col, cell)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(1, 190)
        self.table.setColumnWidth(3, 360)
        layout.addWidget(self.table, 1)
        self.notes = QListWidget()
        self.notes.addItems(preview.notes)
        self.notes.setVisible(bool(preview.notes))
        layout.addWidget(self.notes)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.ok = buttons.button(QDialogButtonBox.Ok)
        self.ok.setText(self.tr("合併 {0} 項").format(len(preview.updates)) if preview.updates
                        else self.tr("沒有需要合併的內容"))
        self.ok.setEnabled(bool(preview.updates))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("關閉") if not preview.updates else self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def ask_merge(parent, preview: MergePreview) -> bool:
    """Show the preview; True when the clerk chose 合併."""
    return MergePreviewDialog(preview, parent).exec() == QDialog.Accepted


def ask_forms_target(parent) -> tuple[Path, str] | None:
    dialog = FormsDialog(parent)
    return dialog.choice() if dialog.exec() == QDialog.Accepted else None


def ask_merge_files(parent) -> list[Path]:
    files, _ = QFileDialog.getOpenFileNames(parent, QDialog.tr("選擇各部門交回的填報表"), "",
                                            "填報表 (*.docx *.odt)")
    return [Path(f) for f in files]


def ask_report_target(parent, suggested: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, QDialog.tr("匯出考核成果"), suggested,
                                          "Word (*.docx);;OpenDocument (*.odt);;PDF (*.pdf)")
    return Path(path) if path else None
