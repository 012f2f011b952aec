"""檔案 → 備份與還原…: the library's backups (newest first), 立即備份 and 還原;
and, at start-up, the way out of a damaged library: restore its newest good backup."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout)

from ..backup import (backup_folder, create_backup, list_backups, restore_backup,
                      restore_over_damaged)
from ..backup.store import default_folder
from ..errors import LibraryDamaged, PlanDeskError
from ..yeartext import roc_short_datetime
from . import dialogs


class BackupDialog(QDialog):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.library = window.library
        self.setWindowTitle(self.tr("備份與還原"))
        self.resize(760, 420)
        self.folder_label = QLabel()
        self.folder_label.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("時間"), self.tr("計畫數"), self.tr("大小"), self.tr("檔案")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.Stretch)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.backup_button = QPushButton(self.tr("立即備份"))
        self.restore_button = QPushButton(self.tr("還原選取的備份…"))
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.addButton(self.backup_button, QDialogButtonBox.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ActionRole)
        buttons.rejected.connect(self.reject)
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button.clicked.connect(self.restore_selected)
        writable = not (self.library.read_only or window.read_only)
        self.backup_button.setEnabled(not self.library.read_only)
        self.restore_button.setEnabled(writable)
        layout = QVBoxLayout(self)
        layout.addWidget(self.folder_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        folder = backup_folder(self.library)
        self.backups = list_backups(folder, self.library.path.stem)
        self.folder_label.setText(self.tr(
            "每天第一次開啟、關閉程式、匯入與還原之前都會自動備份到 {0}；保留最近 5 份、每天 1 份（7 天）、"
            "每週 1 份（4 週）、每月 1 份（12 個月）。").format(folder))
        self.table.setRowCount(len(self.backups))
        for row, b in enumerate(self.backups):
            cells = [roc_short_datetime(b.time, seconds=True), str(b.plans), f"{b.size / 1024:.0f} KB",
                     str(b.path) if b.ok else self.tr("{0}（檢查不通過，不能還原）").format(b.path)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.UserRole, str(b.path))
                self.table.setItem(row, column, item)
        if self.backups:
            self.table.selectRow(0)

    def backup_now(self) -> None:
        try:
            path = create_backup(self.library, self.tr("手動"))
        except PlanDeskError as exc:
            dialogs.show_error(self, exc.message)
            return
        self.refresh()
        self.window.statusBar().showMessage(self.tr("已備份到 {0}").format(path), 8000)

    def selected(self):
        row = self.table.currentRow()
        return self.backups[row] if 0 <= row < len(self.backups) else None

    def restore_selected(self) -> None:
        chosen = self.selected()
        if chosen is None or not chosen.ok:
            dialogs.show_error(self, self.tr("請先選取一份檢查通過的備份。"))
            return
        if not dialogs.ask(self, self.tr(
                "要以 {0} 的備份（{1} 個計畫）取代目前的計畫庫嗎？目前的內容會先另外備份，可以再還原回來。").format(
                roc_short_datetime(chosen.time), chosen.plans)):
            return
        try:
            restore_backup(self.library, chosen.path)
        except PlanDeskError as exc:
            dialogs.show_error(self, exc.message)
            return
        watcher = getattr(self.window, "change_watcher", None)
        if watcher is not None:
            watcher.reload()
        self.refresh()
        self.window.statusBar().showMessage(self.tr("已還原 {0} 的備份。").format(roc_short_datetime(chosen.time)), 10000)


def run_backup_dialog(window) -> None:
    BackupDialog(window).exec()


def recover_damaged(parent, db_path: Path, damaged: LibraryDamaged) -> bool:
    """At start-up: offer the newest good backup of a damaged library. True when
    it was restored (the damaged file is kept beside it)."""
    if damaged.backup is None:
        dialogs.show_error(parent, damaged.message)
        return False
    good = next(b for b in list_backups(default_folder(db_path), Path(db_path).stem)
                if b.path == damaged.backup)
    if not dialogs.ask(parent, QCoreApplication.translate(
            "BackupDialog", "計畫庫已損壞，無法開啟。要改用最近的完好備份（{0}，{1} 個計畫）還原嗎？損壞的檔案會保留在原資料夾。").format(
            roc_short_datetime(good.time), good.plans)):
        return False
    try:
        restore_over_damaged(db_path, good.path)
    except (PlanDeskError, OSError) as exc:
        from ..errors import explain
        dialogs.show_error(parent, explain(exc))
        return False
    return True
