"""The first-start welcome panel: what the demo library is and the three first
steps of the yearly job (匯入舊計畫, 複製為新年度, 匯出), each a button running
the window's own command. 「不再顯示」 dismisses it for good (QSettings)."""
from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

DISMISSED_KEY = "welcome/dismissed"

# (action name, button label, what it does)
STEPS = [
    ("import_plan", "1. 匯入舊計畫…", "讀入去年用 Word 打好的計畫（.docx／.odt），先預覽再匯入。"),
    ("clone_year", "2. 複製為新年度…", "以選取的計畫為底稿建立下一年度計畫，逐項檢視年份順延。"),
    ("export_plan", "3. 匯出…", "把完成的計畫存成 DOCX、ODT 或 PDF 公文格式，送出陳核。"),
]


def dismissed() -> bool:
    return QSettings().value(DISMISSED_KEY, False, type=bool)


class WelcomePanel(QFrame):
    def __init__(self, window, parent=None):
        super().__init__(parent)
        self.setObjectName("welcome_panel")
        self.setFrameShape(QFrame.StyledPanel)
        self.setAutoFillBackground(True)
        # the theme's own pair (not a fixed colour): readable in dark and high-contrast themes
        self.setBackgroundRole(QPalette.AlternateBase)
        self.setForegroundRole(QPalette.Text)
        self.setAccessibleName(self.tr("歡迎使用 PlanDesk"))
        count = len(window.library.list_plans())
        intro = QLabel(self.tr(
            "<b>歡迎使用 PlanDesk 計畫桌</b><br>"
            "左邊的計畫庫有 {0} 份計畫。預設計畫庫第一次啟動時會放入三份真實計畫（花蓮 108、台北市 114、新營 111）"
            "作為示範，可以隨意瀏覽、修改或刪除，不會影響任何正式文件。每個修改都會自動儲存。").format(count))
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.RichText)
        steps = QHBoxLayout()
        self.step_buttons = {}
        for name, label, tip in STEPS:
            button = QPushButton(self.tr(label))
            button.setToolTip(self.tr(tip))
            button.setAccessibleDescription(self.tr(tip))
            button.clicked.connect(window.actions[name].trigger)
            steps.addWidget(button)
            self.step_buttons[name] = button
        steps.addStretch(1)
        self.help_button = QPushButton(self.tr("使用說明"))
        self.help_button.setToolTip(self.tr("開啟內建的使用說明（說明 → 使用說明）"))
        self.help_button.clicked.connect(lambda: window.show_manual())
        self.dismiss_button = QPushButton(self.tr("知道了，不再顯示"))
        self.dismiss_button.setToolTip(self.tr("關閉歡迎畫面，以後啟動不再出現"))
        self.dismiss_button.clicked.connect(self.dismiss)
        steps.addWidget(self.help_button)
        steps.addWidget(self.dismiss_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(steps)

    def dismiss(self) -> None:
        settings = QSettings()
        settings.setValue(DISMISSED_KEY, True)
        settings.sync()
        self.hide()


def install(window, force: bool = False) -> WelcomePanel | None:
    """Put the welcome panel above the plan tree unless it was dismissed
    (``force``: regardless, for the documentation screenshot)."""
    if dismissed() and not force:
        return None
    panel = WelcomePanel(window)
    window.tabs.widget(0).layout().insertWidget(0, panel)
    window.welcome_panel = panel
    return panel
