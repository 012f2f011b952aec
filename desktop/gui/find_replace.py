"""尋找與取代 (Ctrl+F / Ctrl+H) in the open plan: a thin dialog over
:mod:`desktop.findreplace`. Matches are listed to review (a click jumps there);
取代 and 全部取代 each apply one core operation through the tree controller,
so either is one undo step and a 核定 plan refuses with the usual sentence."""
from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (QCheckBox, QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QPushButton, QVBoxLayout)

from ..findreplace import Match, find, replace_operation
from .match_highlight import marked_selection
from .search_panel import HitDelegate



class FindReplaceDialog(QDialog):
    """Non-modal, kept by the window; follows the shown plan and its edits."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.matches: list[Match] = []
        self.setWindowTitle(self.tr("尋找與取代"))
        self.find_box = QLineEdit()
        self.find_box.setPlaceholderText(self.tr("要尋找的文字"))
        self.replace_box = QLineEdit()
        self.replace_box.setPlaceholderText(self.tr("取代為（可留空，表示刪除）"))
        self.match_case = QCheckBox(self.tr("英文大小寫須相符"))
        form = QFormLayout()
        form.addRow(self.tr("尋找(&N)："), self.find_box)
        form.addRow(self.tr("取代為(&I)："), self.replace_box)
        form.addRow("", self.match_case)
        self.count = QLabel()
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setItemDelegate(HitDelegate(self))  # the match marked, as in the library search
        self.list.setAccessibleName(self.tr("符合的位置"))
        self.find_button = QPushButton(self.tr("尋找(&F)"))
        self.replace_button = QPushButton(self.tr("取代(&R)"))
        self.replace_all_button = QPushButton(self.tr("全部取代(&A)"))
        close = QPushButton(self.tr("關閉"))
        buttons = QHBoxLayout()
        for button in (self.find_button, self.replace_button, self.replace_all_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.count)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.resize(560, 480)

        self._timer = QTimer(self, singleShot=True, interval=200)  # search when typing pauses
        self._timer.timeout.connect(self.run)
        self.find_box.textChanged.connect(lambda _t: self._timer.start())
        self.find_box.returnPressed.connect(self.next_match)
        self.match_case.toggled.connect(lambda _on: self.run())
        self.find_button.clicked.connect(self.next_match)
        self.replace_button.clicked.connect(self.replace_current)
        self.replace_all_button.clicked.connect(self.replace_all)
        self.list.itemClicked.connect(lambda item: self.jump(self.list.row(item)))
        self.list.itemActivated.connect(lambda item: self.jump(self.list.row(item)))
        close.clicked.connect(self.close)
        window.model.changed.connect(lambda _change: self.isVisible() and self._timer.start())
        window.model.modelReset.connect(lambda: self.isVisible() and self._timer.start())  # another plan
        self.run()

    # what HitDelegate reads
    @property
    def query(self) -> str:
        return self.find_box.text()

    @property
    def results(self) -> QListWidget:
        return self.list

    # --- showing --------------------------------------------------------------------------------
    def open_for(self, replace: bool) -> None:
        """Ctrl+F puts the cursor in 尋找, Ctrl+H in 取代為; the selected text seeds the search."""
        seed = self.window.detail.title.selectedText() or self.window.detail.text.textCursor().selectedText()
        if seed and "\u2029" not in seed:
            self.find_box.setText(seed)
        self.show()
        self.raise_()
        self.activateWindow()
        box = self.replace_box if replace and self.find_box.text() else self.find_box
        box.setFocus()
        box.selectAll()
        self.run()

    def run(self) -> None:
        """Find again in the shown plan and list the matches."""
        self._timer.stop()
        document = self.window.document
        query = self.find_box.text()
        self.matches = find(document.plan, query, self.match_case.isChecked()) if document and query else []
        current = max(self.list.currentRow(), 0)
        self.list.clear()
        for match in self.matches:
            before, hit, after = match.context()
            item = QListWidgetItem(f"{match.location}\n{before}{hit}{after}")
            item.setToolTip(match.text)
            self.list.addItem(item)
        if not query:
            self.count.setText(self.tr("請輸入要尋找的文字。"))
        elif not self.matches:
            self.count.setText(self.tr("找不到「{0}」。").format(query))
        else:
            self.count.setText(self.tr("找到 {0} 處。").format(len(self.matches)))
            self.list.setCurrentRow(min(current, len(self.matches) - 1))
        self.replace_button.setEnabled(bool(self.matches))  # a 核定 plan says why when pressed
        self.replace_all_button.setEnabled(bool(self.matches))

    def next_match(self) -> None:
        """尋找 / Enter: jump to the next match (from the top after the last)."""
        if self._timer.isActive() or not self.matches:
            self.run()
        if self.matches:
            row = self.list.currentRow()
            self.jump((row + 1) % len(self.matches) if row >= 0 and self._jumped else max(row, 0))

    _jumped = False

    def jump(self, row: int) -> None:
        """Show match ``row`` in the window and select its text in the editor."""
        if not 0 <= row < len(self.matches):
            return
        self.list.setCurrentRow(row)
        self._jumped = True
        match = self.matches[row]
        self.window.locate(match.target)
        if match.ref.kind != "node":
            return
        detail = self.window.detail
        if match.ref.attr == "title":
            detail.title.setSelection(match.start, match.end - match.start)
        elif match.ref.attr == "text":  # this very occurrence, marked even while 尋找 has the focus
            cursor = detail.text.textCursor()
            cursor.setPosition(match.start)
            cursor.setPosition(match.end, QTextCursor.KeepAnchor)
            detail.text.setTextCursor(cursor)
            detail.text.ensureCursorVisible()
            detail.text.setExtraSelections([marked_selection(detail.text, cursor)])

    # --- replacing ------------------------------------------------------------------------------
    def _apply(self, matches: list[Match], label: str) -> int:
        document = self.window.document
        if document is None or not matches:
            return 0
        replacement = self.replace_box.text()
        change = self.window.controller.run(lambda: replace_operation(document.plan, matches, replacement, label))
        self.run()
        return len(matches) if change is not None else 0

    def replace_current(self) -> int:
        """取代: the selected match only (then the list moves on to the next)."""
        row = self.list.currentRow()
        if not 0 <= row < len(self.matches):
            return 0
        done = self._apply([self.matches[row]], self.tr("取代"))
        if done and self.matches:
            self.jump(min(row, len(self.matches) - 1))
        return done

    def replace_all(self) -> int:
        """全部取代: every match, one undo step."""
        done = self._apply(list(self.matches), self.tr("全部取代"))
        if done:
            self.count.setText(self.tr("已取代 {0} 處（可用「復原」一次還原）。").format(done))
        return done
