"""What each command does, for its tooltip and status-bar tip: a sentence plus
its keys, never a repeat of the button label (which is all Qt shows by default)."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from .shortcuts_help import key_text

DESCRIPTIONS = {
    "new_plan": QT_TRANSLATE_NOOP("Tooltips", "建立新計畫（五大面向骨架或空白）"),
    "import_plan": QT_TRANSLATE_NOOP("Tooltips", "讀取舊的 Word／LibreOffice 計畫，先預覽再匯入"),
    "export_plan": QT_TRANSLATE_NOOP("Tooltips", "把計畫存成 DOCX、ODT 或 PDF 公文格式"),
    "print_preview": QT_TRANSLATE_NOOP("Tooltips", "依匯出版面預覽並列印計畫"),
    "backup": QT_TRANSLATE_NOOP("Tooltips", "立即備份計畫庫，或從自動備份中挑一份還原"),
    "recycle_bin": QT_TRANSLATE_NOOP("Tooltips", "找回已刪除的計畫"),
    "quit": QT_TRANSLATE_NOOP("Tooltips", "關閉 PlanDesk（修改都已自動儲存）"),
    "undo": QT_TRANSLATE_NOOP("Tooltips", "取消上一個修改"),
    "redo": QT_TRANSLATE_NOOP("Tooltips", "再做一次剛才復原的修改"),
    "cut": QT_TRANSLATE_NOOP("Tooltips", "剪下選取的項目與其細項，可貼到其他計畫"),
    "copy": QT_TRANSLATE_NOOP("Tooltips", "複製選取的項目與其細項，可貼到其他計畫或年度"),
    "paste": QT_TRANSLATE_NOOP("Tooltips", "把剪下或複製的項目貼在選取項目之後"),
    "new_sibling": QT_TRANSLATE_NOOP("Tooltips", "在選取項目下方新增一個同層項目"),
    "new_child": QT_TRANSLATE_NOOP("Tooltips", "在選取項目底下新增一個子項目"),
    "indent": QT_TRANSLATE_NOOP("Tooltips", "把項目降一層，成為上一個項目的子項目"),
    "outdent": QT_TRANSLATE_NOOP("Tooltips", "把項目升一層，移出所屬的上層項目"),
    "move_up": QT_TRANSLATE_NOOP("Tooltips", "把項目移到上一個同層項目之前"),
    "move_down": QT_TRANSLATE_NOOP("Tooltips", "把項目移到下一個同層項目之後"),
    "delete": QT_TRANSLATE_NOOP("Tooltips", "刪除選取的項目與其細項（可復原）"),
    "edit_title": QT_TRANSLATE_NOOP("Tooltips", "直接在項目表中修改標題"),
    "find": QT_TRANSLATE_NOOP("Tooltips", "在目前計畫中尋找文字，逐處列出並可跳到該處"),
    "replace": QT_TRANSLATE_NOOP("Tooltips", "在目前計畫中把文字取代為另一段文字（全部取代算一個復原步驟）"),
    "search_library": QT_TRANSLATE_NOOP("Tooltips", "在計畫庫的所有計畫中搜尋文字"),
    "next_pane": QT_TRANSLATE_NOOP("Tooltips", "把游標移到下一個窗格（計畫庫、搜尋、項目表、項目內容、檢查結果）"),
    "previous_pane": QT_TRANSLATE_NOOP("Tooltips", "把游標移到上一個窗格"),
    "zoom_in": QT_TRANSLATE_NOOP("Tooltips", "放大項目表與編輯區的文字（也可按住 Ctrl 轉動滑鼠滾輪）"),
    "zoom_out": QT_TRANSLATE_NOOP("Tooltips", "縮小項目表與編輯區的文字"),
    "zoom_reset": QT_TRANSLATE_NOOP("Tooltips", "文字回到原本大小"),
    "font_size": QT_TRANSLATE_NOOP("Tooltips", "指定項目表與編輯區的字型大小（下次開啟仍記得）"),
    "rename_plan": QT_TRANSLATE_NOOP("Tooltips", "修改選取計畫的名稱"),
    "duplicate_plan": QT_TRANSLATE_NOOP("Tooltips", "建立選取計畫的完整複本（狀態為草稿）"),
    "delete_plan": QT_TRANSLATE_NOOP("Tooltips", "把選取的計畫移到資源回收筒"),
    "clone_year": QT_TRANSLATE_NOOP("Tooltips", "以此計畫為底稿建立下一年度計畫，並逐項順延年份"),
    "diff_view": QT_TRANSLATE_NOOP("Tooltips", "比較兩個年度的計畫，產生新舊對照表"),
    "plan_properties": QT_TRANSLATE_NOOP("Tooltips", "編輯計畫名稱、訂定日期、狀態與各章節文字"),
    "shortcuts": QT_TRANSLATE_NOOP("Tooltips", "列出所有鍵盤操作"),
    "manual": QT_TRANSLATE_NOOP("Tooltips", "開啟內建的使用說明（可搜尋）"),
    "about": QT_TRANSLATE_NOOP("Tooltips", "版本、計畫庫位置與授權資訊"),
}


def tooltip_for(name: str, action) -> str:
    """「取消上一個修改（Ctrl+Z）」: the description and the first key, if any."""
    text = QCoreApplication.translate("Tooltips", DESCRIPTIONS[name])
    keys = action.shortcuts()
    return f"{text}（{key_text(keys[0])}）" if keys else text


def apply_tooltips(actions: dict) -> None:
    """Tooltip and status tip of every action that has a description."""
    for name, action in actions.items():
        if name in DESCRIPTIONS:
            action.setToolTip(tooltip_for(name, action))
            action.setStatusTip(QCoreApplication.translate("Tooltips", DESCRIPTIONS[name]))
