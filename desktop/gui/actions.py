"""The window's actions, menus and toolbar, built from one table so menu,
toolbar, context menu and shortcuts never disagree."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


# name, label, shortcuts, scope ("tree": only while the tree has focus; "window")
ACTIONS = [
    ("new_plan", QT_TRANSLATE_NOOP("MainWindow", "新增計畫…"), ["Ctrl+N"], "window"),
    ("import_plan", QT_TRANSLATE_NOOP("MainWindow", "匯入舊計畫…"), ["Ctrl+I"], "window"),
    ("review_markup", QT_TRANSLATE_NOOP("MainWindow", "匯入處長修正…"), [], "window"),
    ("export_plan", QT_TRANSLATE_NOOP("MainWindow", "匯出…"), ["Ctrl+E"], "window"),
    ("print_preview", QT_TRANSLATE_NOOP("MainWindow", "預覽列印…"), ["Ctrl+P"], "window"),
    ("backup", QT_TRANSLATE_NOOP("MainWindow", "備份與還原…"), [], "window"),
    ("recycle_bin", QT_TRANSLATE_NOOP("MainWindow", "資源回收筒…"), [], "window"),
    ("settings", QT_TRANSLATE_NOOP("MainWindow", "設定…"), [], "window"),
    ("quit", QT_TRANSLATE_NOOP("MainWindow", "結束"), ["Ctrl+Q"], "window"),
    ("undo", QT_TRANSLATE_NOOP("MainWindow", "復原"), ["Ctrl+Z"], "window"),
    ("redo", QT_TRANSLATE_NOOP("MainWindow", "重做"), ["Ctrl+Y", "Ctrl+Shift+Z"], "window"),
    ("cut", QT_TRANSLATE_NOOP("MainWindow", "剪下"), ["Ctrl+X"], "tree"),
    ("copy", QT_TRANSLATE_NOOP("MainWindow", "複製"), ["Ctrl+C"], "tree"),
    ("paste", QT_TRANSLATE_NOOP("MainWindow", "貼上"), ["Ctrl+V"], "tree"),
    ("new_sibling", QT_TRANSLATE_NOOP("MainWindow", "新增同層項目"), ["Return", "Enter"], "tree"),
    ("new_child", QT_TRANSLATE_NOOP("MainWindow", "新增子項目"), ["Ctrl+Return", "Insert", "Ctrl+Enter"], "tree"),
    ("indent", QT_TRANSLATE_NOOP("MainWindow", "縮排"), ["Tab"], "tree"),
    ("outdent", QT_TRANSLATE_NOOP("MainWindow", "凸排"), ["Shift+Tab"], "tree"),  # Backtab is the same key
    ("move_up", QT_TRANSLATE_NOOP("MainWindow", "上移"), ["Alt+Up"], "tree"),
    ("move_down", QT_TRANSLATE_NOOP("MainWindow", "下移"), ["Alt+Down"], "tree"),
    ("delete", QT_TRANSLATE_NOOP("MainWindow", "刪除項目"), ["Delete"], "tree"),
    ("edit_title", QT_TRANSLATE_NOOP("MainWindow", "修改標題"), ["F2"], "tree"),
    ("find", QT_TRANSLATE_NOOP("MainWindow", "在計畫中尋找…"), ["Ctrl+F"], "window"),
    ("replace", QT_TRANSLATE_NOOP("MainWindow", "取代…"), ["Ctrl+H"], "window"),
    ("search_library", QT_TRANSLATE_NOOP("MainWindow", "搜尋所有計畫…"), ["Ctrl+Shift+F"], "window"),
    ("next_pane", QT_TRANSLATE_NOOP("MainWindow", "移到下一個窗格"), ["Ctrl+Tab", "F6"], "window"),
    ("previous_pane", QT_TRANSLATE_NOOP("MainWindow", "移到上一個窗格"), ["Ctrl+Shift+Tab", "Shift+F6"], "window"),
    ("zoom_in", QT_TRANSLATE_NOOP("MainWindow", "放大"), ["Ctrl++", "Ctrl+="], "window"),
    ("zoom_out", QT_TRANSLATE_NOOP("MainWindow", "縮小"), ["Ctrl+-"], "window"),
    ("zoom_reset", QT_TRANSLATE_NOOP("MainWindow", "實際大小"), ["Ctrl+0"], "window"),
    ("font_size", QT_TRANSLATE_NOOP("MainWindow", "字型大小…"), [], "window"),
    ("rename_plan", QT_TRANSLATE_NOOP("MainWindow", "重新命名計畫…"), [], "window"),
    ("duplicate_plan", QT_TRANSLATE_NOOP("MainWindow", "建立計畫複本"), [], "window"),
    ("delete_plan", QT_TRANSLATE_NOOP("MainWindow", "刪除計畫…"), [], "window"),
    ("clone_year", QT_TRANSLATE_NOOP("MainWindow", "複製為新年度計畫…"), [], "window"),
    ("diff_view", QT_TRANSLATE_NOOP("MainWindow", "新舊對照表…"), [], "window"),
    ("plan_properties", QT_TRANSLATE_NOOP("MainWindow", "計畫資料與章節"), ["Ctrl+K"], "window"),
    ("manual", QT_TRANSLATE_NOOP("MainWindow", "使用說明…"), [], "window"),
    ("shortcuts", QT_TRANSLATE_NOOP("MainWindow", "鍵盤操作…"), ["F1"], "window"),
    ("about", QT_TRANSLATE_NOOP("MainWindow", "關於 PlanDesk"), [], "window"),
]

MENUS = [
    (QT_TRANSLATE_NOOP("MainWindow", "檔案(&F)"), ["new_plan", "import_plan", "review_markup", None, "export_plan", "print_preview", None,
                "backup", "recycle_bin", "settings", None, "quit"]),
    (QT_TRANSLATE_NOOP("MainWindow", "編輯(&E)"), ["undo", "redo", None, "cut", "copy", "paste", None, "new_sibling", "new_child",
                "indent", "outdent", "move_up", "move_down", "delete", "edit_title", None, "find", "replace", "search_library"]),
    (QT_TRANSLATE_NOOP("MainWindow", "計畫(&P)"), ["plan_properties", None, "rename_plan", "duplicate_plan", "delete_plan", None,
                "clone_year", "diff_view"]),
    (QT_TRANSLATE_NOOP("MainWindow", "檢視(&V)"), ["zoom_in", "zoom_out", "zoom_reset", "font_size", None,
                                                "next_pane", "previous_pane", None]),
    (QT_TRANSLATE_NOOP("MainWindow", "說明(&H)"), ["manual", "shortcuts", "about"]),
]

TOOLBAR = ["undo", "redo", None, "new_sibling", "new_child", "indent", "outdent", "move_up",
           "move_down", "delete", None, "plan_properties", "export_plan", "print_preview"]

CONTEXT = ["new_sibling", "new_child", None, "cut", "copy", "paste", None, "indent", "outdent",
           "move_up", "move_down", None, "edit_title", "delete"]

# enabled only when the plan may be edited (not 核定, not read-only)
EDITING = {"cut", "paste", "new_sibling", "new_child", "indent", "outdent", "move_up", "move_down",
           "delete", "edit_title"}


def same_key(a: QKeySequence, b: QKeySequence) -> bool:
    """Do two sequences fire on the same keystroke? Backtab is how X11 and Windows
    deliver Shift+Tab, so Qt treats both spellings as one key (an ambiguous shortcut)."""
    return canonical_key(a) == canonical_key(b)


def canonical_key(sequence: QKeySequence) -> tuple:
    """The keystrokes of ``sequence`` as (modifiers, key) pairs, Backtab spelled Shift+Tab."""
    strokes = []
    for i in range(sequence.count()):
        combo = sequence[i]
        key, mods = combo.key(), combo.keyboardModifiers()
        if key == Qt.Key_Backtab:
            key, mods = Qt.Key_Tab, mods | Qt.ShiftModifier
        strokes.append((mods.value, key.value))
    return tuple(strokes)


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
    bar = window.addToolBar(QCoreApplication.translate("MainWindow", "工具列"))
    bar.setObjectName("main_toolbar")
    bar.setToolButtonStyle(Qt.ToolButtonTextOnly)
    for name in TOOLBAR:
        if name is None:
            bar.addSeparator()
        else:
            bar.addAction(actions[name])
    return bar
