"""The window's actions, menus and toolbar, built from one table so menu,
toolbar, context menu and shortcuts never disagree."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


# name, label, shortcuts, scope ("tree": only while the tree has focus; "window")
ACTIONS = [
    ("new_plan", "新增計畫…", ["Ctrl+N"], "window"),
    ("import_plan", "匯入舊計畫…", ["Ctrl+I"], "window"),
    ("export_plan", "匯出…", ["Ctrl+E"], "window"),
    ("print_preview", "預覽列印…", ["Ctrl+P"], "window"),
    ("recycle_bin", "資源回收筒…", [], "window"),
    ("quit", "結束", ["Ctrl+Q"], "window"),
    ("undo", "復原", ["Ctrl+Z"], "window"),
    ("redo", "重做", ["Ctrl+Y", "Ctrl+Shift+Z"], "window"),
    ("cut", "剪下", ["Ctrl+X"], "tree"),
    ("copy", "複製", ["Ctrl+C"], "tree"),
    ("paste", "貼上", ["Ctrl+V"], "tree"),
    ("new_sibling", "新增同層項目", ["Return", "Enter"], "tree"),
    ("new_child", "新增子項目", ["Ctrl+Return", "Insert", "Ctrl+Enter"], "tree"),
    ("indent", "縮排", ["Tab"], "tree"),
    ("outdent", "凸排", ["Shift+Tab", "Backtab"], "tree"),
    ("move_up", "上移", ["Alt+Up"], "tree"),
    ("move_down", "下移", ["Alt+Down"], "tree"),
    ("delete", "刪除項目", ["Delete"], "tree"),
    ("edit_title", "修改標題", ["F2"], "tree"),
    ("find", "搜尋…", ["Ctrl+F"], "window"),
    ("rename_plan", "重新命名計畫…", [], "window"),
    ("duplicate_plan", "建立計畫複本", [], "window"),
    ("delete_plan", "刪除計畫…", [], "window"),
    ("clone_year", "複製為新年度計畫…", [], "window"),
    ("diff_view", "新舊對照表…", [], "window"),
    ("plan_properties", "計畫資料與章節", ["Ctrl+K"], "window"),
    ("about", "關於 PlanDesk", [], "window"),
]

MENUS = [
    ("檔案(&F)", ["new_plan", "import_plan", None, "export_plan", "print_preview", None,
                "recycle_bin", None, "quit"]),
    ("編輯(&E)", ["undo", "redo", None, "cut", "copy", "paste", None, "new_sibling", "new_child",
                "indent", "outdent", "move_up", "move_down", "delete", "edit_title", None, "find"]),
    ("計畫(&P)", ["plan_properties", None, "rename_plan", "duplicate_plan", "delete_plan", None,
                "clone_year", "diff_view"]),
    ("檢視(&V)", []),
    ("說明(&H)", ["about"]),
]

TOOLBAR = ["undo", "redo", None, "new_sibling", "new_child", "indent", "outdent", "move_up",
           "move_down", "delete", None, "plan_properties", "export_plan", "print_preview"]

CONTEXT = ["new_sibling", "new_child", None, "cut", "copy", "paste", None, "indent", "outdent",
           "move_up", "move_down", None, "edit_title", "delete"]

# enabled only when the plan may be edited (not 核定, not read-only)
EDITING = {"cut", "paste", "new_sibling", "new_child", "indent", "outdent", "move_up", "move_down",
           "delete", "edit_title"}


def build_actions(window, tree, handlers: dict) -> dict[str, QAction]:
    """QActions for ``window``; tree-scoped ones only fire while ``tree`` has focus,
    so Enter, Tab and Delete keep working in the detail editor's fields."""
    actions = {}
    for name, label, keys, scope in ACTIONS:
        action = QAction(_tr(label), window)
        action.setObjectName(name)
        action.setShortcuts([QKeySequence(k) for k in keys])
        if scope == "tree":
            action.setShortcutContext(Qt.WidgetShortcut)
            tree.addAction(action)
        else:
            action.setShortcutContext(Qt.WindowShortcut)
            window.addAction(action)
        if name in handlers:
            action.triggered.connect(lambda _checked=False, f=handlers[name]: f())
        actions[name] = action
    return actions


def build_menus(window, actions: dict) -> dict:
    menus = {}
    for title, names in MENUS:
        menu = window.menuBar().addMenu(_tr(title))
        for name in names:
            if name is None:
                menu.addSeparator()
            else:
                menu.addAction(actions[name])
        menus[title] = menu
    return menus


def build_toolbar(window, actions: dict):
    bar = window.addToolBar(_tr("工具列"))
    bar.setObjectName("main_toolbar")
    bar.setToolButtonStyle(Qt.ToolButtonTextOnly)
    for name in TOOLBAR:
        if name is None:
            bar.addSeparator()
        else:
            bar.addAction(actions[name])
    return bar
