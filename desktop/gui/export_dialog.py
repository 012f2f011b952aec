"""匯出 dialog: format, target file, optional department, open the result afterwards.

Thin over :func:`desktop.export.export_plan` and
:func:`desktop.filtering.only_department`; a failed export (read-only target,
no LibreOffice …) shows its one-sentence message and keeps the dialog open.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog,
                               QFormLayout, QHBoxLayout, QLabel, QLineEdit, QMainWindow, QPushButton,
                               QVBoxLayout, QWidget)

from ..errors import PlanDeskError
from ..export import export_plan
from ..filtering import only_department
from ..model import Plan
from ..paths import fit_file_name
from . import dialogs
from .busy import run_busy
from .settings_dialog import configured_soffice

# (format, label shown, file-dialog filter); marked for lupdate, translated when shown.
FORMATS = [("docx", QT_TRANSLATE_NOOP("ExportDialog", "Word 文件（.docx）"),
            QT_TRANSLATE_NOOP("ExportDialog", "Word 文件 (*.docx)")),
           ("odt", QT_TRANSLATE_NOOP("ExportDialog", "ODF 開放文件（.odt，可編輯，政府公開用）"),
            QT_TRANSLATE_NOOP("ExportDialog", "ODF 文字文件 (*.odt)")),
           ("pdf", QT_TRANSLATE_NOOP("ExportDialog", "PDF（不可編輯，需要 LibreOffice）"),
            QT_TRANSLATE_NOOP("ExportDialog", "PDF 文件 (*.pdf)"))]
_FOLDER_KEY = "export/folder"
_FORMAT_KEY = "export/format"
_OPEN_KEY = "export/open_after"
_DEPARTMENT_KEY = "export/department"


def plan_departments(plan: Plan) -> list[str]:
    """Department names in the order they first appear in the plan."""
    seen: dict[str, None] = {}
    for node in plan.walk():
        for dept in node.departments:
            if dept.name:
                seen.setdefault(dept.name, None)
    return list(seen)


def default_file_name(plan: Plan, department: str | None, fmt: str) -> str:
    base = plan.title or f"{plan.office}{plan.year}年度提升服務效能執行計畫"
    if department:
        base += f"（{department}）"
    bad = '\\/:*?"<>|'
    return fit_file_name("".join("_" if c in bad else c for c in base).strip(), fmt)  # ≤ 255 bytes


def open_file(path: Path) -> bool:
    """Open ``path`` with the system's program for its type (Word, LibreOffice, PDF reader)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class ExportDialog(QDialog):
    """Choose how to export; :attr:`result_path` is set after a successful export."""

    def __init__(self, plan: Plan, parent=None):
        super().__init__(parent)
        self.plan = plan
        self.result_path: Path | None = None
        self._name_edited = False
        self.setWindowTitle(self.tr("匯出計畫"))
        self.resize(620, 0)

        self.format_combo = QComboBox()
        for fmt, label, _filter in FORMATS:
            self.format_combo.addItem(self.tr(label), fmt)
        last = self.format_combo.findData(QSettings().value(_FORMAT_KEY, "docx"))
        self.format_combo.setCurrentIndex(max(last, 0))
        self.department_combo = QComboBox()
        self.department_combo.addItem(self.tr("全部部門（完整計畫）"), "")
        for name in plan_departments(plan):
            self.department_combo.addItem(name, name)
        # the last department again, when this plan has it (next year's plan usually does)
        self.department_combo.setCurrentIndex(max(self.department_combo.findData(
            QSettings().value(_DEPARTMENT_KEY, "")), 0))
        self.target_edit = QLineEdit()
        self.target_edit.textEdited.connect(self._user_named)
        browse = QPushButton(self.tr("瀏覽…"))
        browse.clicked.connect(self.browse)
        target_row = QHBoxLayout()
        target_row.addWidget(self.target_edit, 1)
        target_row.addWidget(browse)
        self.open_check = QCheckBox(self.tr("匯出後開啟檔案"))
        self.open_check.setChecked(QSettings().value(_OPEN_KEY, True, type=bool))
        hint = QLabel(self.tr("只匯出某部門時，會保留該部門主辦或協辦的項目及其上層標題。"))
        hint.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("格式："), self.format_combo)
        form.addRow(self.tr("部門："), self.department_combo)
        form.addRow(self.tr("存檔位置："), target_row)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("匯出"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.open_check)
        layout.addWidget(buttons)

        self.format_combo.currentIndexChanged.connect(self._update_target)
        self.department_combo.currentIndexChanged.connect(self._update_target)
        self._update_target()

    # --- choices ---------------------------------------------------------------------------
    def fmt(self) -> str:
        return self.format_combo.currentData()

    def department(self) -> str | None:
        return self.department_combo.currentData() or None

    def target(self) -> Path:
        return Path(self.target_edit.text().strip()).expanduser()

    def _folder(self) -> Path:
        saved = QSettings().value(_FOLDER_KEY, "")
        if saved and Path(saved).is_dir():
            return Path(saved)
        docs = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)
        return Path(docs) if docs and Path(docs).is_dir() else Path.home()

    def _user_named(self, _text: str) -> None:
        self._name_edited = True

    def _update_target(self) -> None:
        """Follow the format (extension) and department (file name) unless the user typed a name."""
        if self._name_edited and self.target_edit.text().strip():
            current = self.target()
            self.target_edit.setText(str(current.with_suffix("." + self.fmt())))
            return
        folder = self.target().parent if self.target_edit.text().strip() else self._folder()
        self.target_edit.setText(str(folder / default_file_name(self.plan, self.department(), self.fmt())))

    def browse(self) -> None:
        filters = next(f for fmt, _l, f in FORMATS if fmt == self.fmt())
        path, _ = QFileDialog.getSaveFileName(self, self.tr("匯出為"), str(self.target()), self.tr(filters))
        if path:
            self._name_edited = True
            self.target_edit.setText(path)
            self._update_target()

    # --- export ----------------------------------------------------------------------------
    def accept(self) -> None:
        if not self.target_edit.text().strip():
            dialogs.show_error(self, self.tr("請先選擇存檔位置。"))
            return
        target = self.target()
        if target.suffix.lower() != "." + self.fmt():
            target = target.with_name(target.name + "." + self.fmt())
        plan = only_department(self.plan, self.department()) if self.department() else self.plan
        fmt = self.fmt()
        try:
            soffice = configured_soffice()
            self.result_path = run_busy(self, self.tr("正在匯出…"), lambda: export_plan(plan, fmt, target, soffice))
        except PlanDeskError as exc:
            dialogs.show_error(self, exc.message)
            return  # stay open: the clerk can pick another name or close Word
        QSettings().setValue(_FOLDER_KEY, str(self.result_path.parent))
        QSettings().setValue(_FORMAT_KEY, fmt)
        QSettings().setValue(_OPEN_KEY, self.open_check.isChecked())
        QSettings().setValue(_DEPARTMENT_KEY, self.department() or "")
        if self.open_check.isChecked() and not open_file(self.result_path):
            dialogs.show_info(self, self.tr("已匯出至 {0}，但找不到可開啟此類檔案的程式。").format(self.result_path))
        super().accept()


def open_folder(path: Path) -> bool:
    """Show the folder holding ``path`` in the file manager; Explorer also selects the file."""
    if sys.platform == "win32":
        # one command line as Explorer wants it: /select,"C:\...\計畫.docx" (no list2cmdline quoting)
        subprocess.Popen(f'explorer /select,"{path}"')
        return True
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


def announce_export(status_bar, path: Path) -> QWidget:
    """「已匯出：…」 with a 開啟資料夾 button in the window's status bar, replacing the last one:
    even with 匯出後開啟檔案 off, the clerk sees where the file went."""
    old = status_bar.findChild(QWidget, "export_notice")
    if old is not None:
        status_bar.removeWidget(old)
        old.setParent(None)  # gone at once, not at the next event loop turn
        old.deleteLater()
    notice = QWidget()
    notice.setObjectName("export_notice")
    row = QHBoxLayout(notice)
    row.setContentsMargins(0, 0, 0, 0)
    label = QLabel(QCoreApplication.translate("ExportDialog", "已匯出：{0}").format(path))
    label.setTextInteractionFlags(Qt.TextSelectableByMouse)
    button = QPushButton(QCoreApplication.translate("ExportDialog", "開啟資料夾"))
    button.setToolTip(QCoreApplication.translate("ExportDialog", "在檔案總管中開啟匯出檔案所在的資料夾"))
    button.clicked.connect(lambda: open_folder(path))
    row.addWidget(label)
    row.addWidget(button)
    status_bar.addWidget(notice, 1)
    return notice


def run_export_dialog(parent, library, plan: Plan) -> Path | None:
    """Show the 匯出 dialog for ``plan``; returns the written file or None if cancelled.
    (``library`` is part of the hook signature; the plan in memory is what gets exported.)"""
    dialog = ExportDialog(plan, parent)
    dialog.exec()
    if dialog.result_path is not None and isinstance(parent, QMainWindow):
        announce_export(parent.statusBar(), dialog.result_path)
    return dialog.result_path
