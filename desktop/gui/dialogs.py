"""Small message helpers. Every question and error goes through here, so tests
can answer them (monkeypatch) and no code path shows a traceback."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox


def _tr(text: str) -> str:
    return QCoreApplication.translate("dialogs", text)


def show_error(parent, message: str) -> None:
    """One sentence that says what happened and what to do."""
    QMessageBox.warning(parent, _tr("PlanDesk"), message)


def show_info(parent, message: str) -> None:
    QMessageBox.information(parent, _tr("PlanDesk"), message)


def ask(parent, message: str) -> bool:
    """Yes/no question; the safe answer (否) is the default."""
    answer = QMessageBox.question(parent, _tr("PlanDesk"), message,
                                  QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
    return answer == QMessageBox.Yes
