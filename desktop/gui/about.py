"""The About box: version, where the plan library file is, and the licenses
of everything the program ships (with the Qt/PySide6 LGPL notice).

The component list and license texts live in ``resources/licenses/``
(gathered by ``packaging/collect_licenses.py``), so the installed bundle
shows exactly what it carries.
"""
from __future__ import annotations

import json
import platform
from pathlib import Path

from PySide6 import __version__ as PYSIDE_VERSION
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QPixmap
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QMessageBox, QPlainTextEdit, QPushButton, QVBoxLayout)

from .. import APP_NAME, __version__
from ..paths import data_dir


def licenses_dir() -> Path:
    return data_dir("resources") / "licenses"


def load_components() -> list[dict]:
    """Shipped components: name, version, license, license files, url."""
    data = json.loads((licenses_dir() / "components.json").read_text(encoding="utf-8"))
    return data["components"]


def license_text(component: dict) -> str:
    """The full license text(s) of one component, or where to read it."""
    parts = [(licenses_dir() / name).read_text(encoding="utf-8") for name in component.get("files", [])]
    if component.get("url"):
        parts.append(component["url"])
    return "\n\n".join(parts)


class AboutDialog(QDialog):
    def __init__(self, library_path, parent=None):
        super().__init__(parent)
        self.library_path = Path(library_path)
        self.setWindowTitle(self.tr("關於 %s") % APP_NAME)
        self.resize(860, 620)
        layout = QVBoxLayout(self)

        header = QHBoxLayout()
        icon = QLabel()
        icon.setPixmap(QPixmap(str(data_dir("resources") / "icons" / "plandesk.png"))
                       .scaled(64, 64, Qt.KeepAspectRatio, Qt.SmoothTransformation))
        header.addWidget(icon, 0, Qt.AlignTop)
        self.title_label = QLabel(self.tr("<b style='font-size:16pt'>PlanDesk 計畫桌</b><br>"
                                          "版本 %s<br>年度提升服務效能執行計畫編輯器") % __version__)
        header.addWidget(self.title_label, 1)
        layout.addLayout(header)

        layout.addWidget(QLabel(self.tr("計畫庫檔案（所有計畫都存在這個檔案；程式開著時請用 檔案 → 備份與還原… 備份，直接複製會漏掉最近的修改）：")))
        row = QHBoxLayout()
        self.path_field = QLineEdit(str(self.library_path))
        self.path_field.setReadOnly(True)
        row.addWidget(self.path_field, 1)
        self.open_folder_button = QPushButton(self.tr("開啟所在資料夾"))
        self.open_folder_button.clicked.connect(self.open_library_folder)
        row.addWidget(self.open_folder_button)
        layout.addLayout(row)

        self.runtime_label = QLabel(self.tr("執行環境：Python %s · Qt %s · PySide6 %s")
                                    % (platform.python_version(), qVersion(), PYSIDE_VERSION))
        layout.addWidget(self.runtime_label)
        # LGPL-3.0 §4: say that Qt is used, under which license, and that the
        # user may replace the (dynamically linked) Qt libraries.
        self.lgpl_label = QLabel(self.tr(
            "本程式使用 Qt 與 PySide6（Qt for Python），依 GNU 較寬鬆通用公共授權條款第 3 版（LGPL-3.0）"
            "授權使用。Qt 與 PySide6 以動態連結方式載入，您可以將程式資料夾中的 Qt／PySide6 程式庫換成"
            "自行建置的相容版本；原始碼可自 https://download.qt.io 與 https://code.qt.io 取得。"
            "以下列出本程式所附各元件及其授權全文。"))
        self.lgpl_label.setWordWrap(True)
        self.lgpl_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(self.lgpl_label)

        body = QHBoxLayout()
        self.components = load_components()
        self.component_list = QListWidget()
        for component in self.components:
            version = f" {component['version']}" if component.get("version") else ""
            item = QListWidgetItem(f"{component['name']}{version} — {component['license']}")
            item.setData(Qt.UserRole, component)
            self.component_list.addItem(item)
        self.component_list.currentItemChanged.connect(self._show_license)
        body.addWidget(self.component_list, 1)
        self.license_view = QPlainTextEdit()
        self.license_view.setReadOnly(True)
        body.addWidget(self.license_view, 2)
        layout.addLayout(body, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        about_qt = buttons.addButton(self.tr("關於 Qt"), QDialogButtonBox.HelpRole)
        about_qt.clicked.connect(lambda: QMessageBox.aboutQt(self, self.tr("關於 Qt")))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.component_list.setCurrentRow(0)

    def _show_license(self, item, _previous=None) -> None:
        self.license_view.setPlainText(license_text(item.data(Qt.UserRole)) if item else "")

    def select_component(self, name: str) -> None:
        """Show the license of the component whose name starts with ``name``."""
        for row, component in enumerate(self.components):
            if component["name"].startswith(name):
                self.component_list.setCurrentRow(row)
                return
        raise KeyError(name)

    def open_library_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.library_path.parent)))


def show_about(parent, library_path) -> AboutDialog:
    """Open the About box (window-modal, returns at once) and return it."""
    dialog = AboutDialog(library_path, parent)
    dialog.setAttribute(Qt.WA_DeleteOnClose)
    dialog.open()
    return dialog
