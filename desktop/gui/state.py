"""Window geometry, splitter sizes, last plan and selection across starts (QSettings)."""
from __future__ import annotations

from PySide6.QtCore import QSettings


def _settings() -> QSettings:
    return QSettings()  # organization/application names come from the QApplication


def save_state(window) -> None:
    settings = _settings()
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/state", window.saveState())
    for splitter in window.splitters:
        settings.setValue(f"splitters/{splitter.objectName()}", splitter.saveState())
    document = window.document
    settings.setValue("last/plan", document.plan.id if document else 0)
    settings.setValue("last/node", window.controller.current_id() or "")
    settings.setValue("last/library", str(window.library.path))
    settings.sync()


def restore_state(window) -> tuple[int, str] | None:
    """Restore the layout; returns (last plan id, last node id) for this library, if any."""
    settings = _settings()
    geometry = settings.value("window/geometry")
    if geometry is not None:
        window.restoreGeometry(geometry)
    state = settings.value("window/state")
    if state is not None:
        window.restoreState(state)
    for splitter in window.splitters:
        value = settings.value(f"splitters/{splitter.objectName()}")
        if value is not None:
            splitter.restoreState(value)
    if settings.value("last/library", "") != str(window.library.path):
        return None
    try:
        plan_id = int(settings.value("last/plan", 0) or 0)
    except (TypeError, ValueError):
        return None
    return (plan_id, str(settings.value("last/node", "") or "")) if plan_id else None
