"""Names and order for people who do not see the screen (or use only the keys):
every field and list gets an accessible name, labels in forms are buddies of
their fields, and Tab moves through the window from left to right — library,
search, items, the selected item's fields, then the check results."""
from __future__ import annotations

import re

from PySide6.QtWidgets import (QAbstractItemView, QAbstractSpinBox, QComboBox, QFormLayout,
                               QHeaderView, QLabel, QLineEdit, QPlainTextEdit, QTextEdit, QWidget)

INPUTS = (QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox, QAbstractItemView)


def _plain(text: str) -> str:
    """「標題(&T)：」 → 「標題」: what a screen reader should say."""
    text = re.sub(r"\(&[A-Za-z0-9]\)|&(?!&)", "", text).replace("&&", "&")
    return text.rstrip("：: ").strip()


def label_forms(root: QWidget) -> None:
    """Each QFormLayout label under ``root`` becomes its field's buddy, and the
    field is named after it (unless it has a name already)."""
    for form in root.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.LabelRole)
            field = form.itemAt(row, QFormLayout.FieldRole)
            label = label.widget() if label else None
            field = field.widget() if field else None
            if not isinstance(label, QLabel) or field is None or not _plain(label.text()):
                continue
            if label.buddy() is None:
                label.setBuddy(field)
            if not field.accessibleName():
                field.setAccessibleName(_plain(label.text()))


def _internal(widget: QWidget) -> bool:
    """Parts of a composite input (a combo box's line edit, a spin box's editor, a header)."""
    if isinstance(widget, QHeaderView):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QComboBox, QAbstractSpinBox)):
            return True
        parent = parent.parentWidget()
    return False


def unnamed_inputs(root: QWidget) -> list[QWidget]:
    """Fields and lists under ``root`` a screen reader could only call 「編輯欄」."""
    return [w for w in root.findChildren(QWidget)
            if isinstance(w, INPUTS) and not _internal(w) and not w.accessibleName()]


def describe_window(window) -> None:
    """Names, buddies and the Tab order of the main window's panels."""
    tr = window.tr
    names = [
        (window.library_panel, tr("計畫庫")), (window.library_panel.tree, tr("計畫庫清單")),
        (window.search_panel, tr("搜尋")), (window.tree, tr("項目表")),
        (window.detail, tr("項目內容")), (window.detail.departments, tr("承辦部門")),
        (window.detail.departments.list, tr("承辦部門清單")),
        (window.detail.departments.picker, tr("要加入的部門")),
        (window.plan_editor, tr("計畫資料與章節")), (window.plan_editor.sections.list, tr("章節清單")),
        (window.plan_editor.sections.paragraphs, tr("段落清單")),
        (window.plan_editor.sections.notes, tr("表格下方附註")),
        (window.tabs, tr("編輯分頁")),
    ]
    if window.check_panel is not None:
        names.append((window.check_panel, tr("檢查結果")))
    for widget, name in names:
        if not widget.accessibleName():
            widget.setAccessibleName(name)
    label_forms(window)
    detail = window.detail
    order = [window.library_panel.tree, window.search_panel.box, window.search_panel.results,
             window.tree, detail.title, detail.text, detail.departments.list,
             detail.departments.picker, detail.period, detail.numbered]
    if window.check_panel is not None:
        order.append(window.check_panel.list)
    for first, second in zip(order, order[1:]):
        QWidget.setTabOrder(first, second)
