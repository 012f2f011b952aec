"""設定: which LibreOffice makes PDFs and the print preview (remembered in QSettings).

An office PC may have LibreOffice where no search finds it (a portable copy, a
network drive), or several versions; the clerk points at ``soffice`` here. The
core takes the path as a parameter; :func:`configured_soffice` supplies it.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QPushButton, QVBoxLayout)

from ..export.office_finder import find_soffice, find_word, is_windows
from . import dialogs

SOFFICE_KEY = "export/soffice"


def configured_soffice() -> str | None:
    """The LibreOffice program the clerk picked, or None (find it automatically)."""
    value = QSettings().value(SOFFICE_KEY, "")
    return str(value) if value else None


class SettingsDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("設定"))
        self.resize(640, 0)
        self.soffice_edit = QLineEdit(configured_soffice() or "")
        self.soffice_edit.setPlaceholderText(self.tr("空白＝自動尋找"))
        self.soffice_edit.textChanged.connect(self._update_status)
        browse = QPushButton(self.tr("瀏覽…"))
        browse.clicked.connect(self.browse)
        automatic = QPushButton(self.tr("自動尋找"))
        automatic.clicked.connect(self.soffice_edit.clear)
        row = QHBoxLayout()
        row.addWidget(self.soffice_edit, 1)
        row.addWidget(browse)
        row.addWidget(automatic)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("LibreOffice 程式："), row)
        form.addRow("", self.status_label)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("確定"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("匯出 PDF 與預覽列印使用 LibreOffice（或國發會「ODF 文件應用工具」）"
                                        "的 soffice 程式產生 PDF。")))
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._update_status()

    def chosen(self) -> str:
        return self.soffice_edit.text().strip().strip('"')

    def _update_status(self) -> None:
        chosen = self.chosen()
        if chosen:
            text = (self.tr("將使用：{0}") if Path(chosen).is_file() else self.tr("找不到這個檔案：{0}")).format(chosen)
        else:
            found = find_soffice()
            if found:
                text = self.tr("自動找到：{0}").format(found)
            elif find_word():
                text = self.tr("找不到 LibreOffice，將改用 Microsoft Word 產生 PDF。")
            else:
                text = self.tr("找不到 LibreOffice，請安裝後再匯出 PDF，或按「瀏覽…」指定 soffice 程式。")
        self.status_label.setText(text)

    def browse(self) -> None:
        filters = self.tr("LibreOffice 程式 (soffice.exe)") if is_windows() else self.tr("所有檔案 (*)")
        path, _ = QFileDialog.getOpenFileName(self, self.tr("選擇 LibreOffice 的 soffice 程式"),
                                              self.chosen(), filters)
        if path:
            self.soffice_edit.setText(path)

    def accept(self) -> None:
        chosen = self.chosen()
        if chosen and not Path(chosen).is_file():
            dialogs.show_error(self, self.tr("找不到「{0}」，請重新選擇 LibreOffice 的 soffice 程式，"
                                             "或清空欄位改為自動尋找。").format(chosen))
            return
        QSettings().setValue(SOFFICE_KEY, chosen)
        super().accept()


def run_settings_dialog(parent) -> None:
    SettingsDialog(parent).exec()
