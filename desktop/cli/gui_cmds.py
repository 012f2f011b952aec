"""``plandesk gui [--db PATH]``: open the editor on a library."""
from __future__ import annotations

from pathlib import Path

from ..errors import PlanDeskError


def register(sub) -> None:
    p = sub.add_parser("gui", help="開啟編輯視窗")
    p.add_argument("--db", dest="gui_db", metavar="PATH", help="要開啟的計畫庫檔案（預設：使用者資料夾）")
    p.set_defaults(func=cmd_gui)


def cmd_gui(args, ctx) -> int:
    try:
        from ..gui.app import run_gui
    except ImportError as exc:
        raise PlanDeskError("找不到圖形介面元件（PySide6），請重新安裝 PlanDesk。") from exc
    db_path = Path(args.gui_db) if args.gui_db else ctx.db_path
    return run_gui(db_path, [])
