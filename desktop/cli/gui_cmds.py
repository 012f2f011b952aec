"""``plandesk gui [--db PATH]``: open the editor on a library."""
from __future__ import annotations

from pathlib import Path

from ..errors import PlanDeskError


def register(sub) -> None:
    p = sub.add_parser("gui", help="開啟編輯視窗")
    p.add_argument("--db", dest="gui_db", metavar="PATH", help="要開啟的計畫庫檔案（預設：使用者資料夾）")
    p.add_argument("file", nargs="?", metavar="FILE",
                   help="要匯入的舊計畫（.docx／.odt／.json）；計畫庫已開啟時交給原視窗")
    p.set_defaults(func=cmd_gui)


def cmd_gui(args, ctx) -> int:
    return start_gui(Path(args.gui_db) if args.gui_db else ctx.db_path,
                     Path(args.file) if args.file else None)


def start_gui(db_path: Path, open_file: Path | None = None) -> int:
    """Run the editor on ``db_path``; also what a bare ``plandesk`` does."""
    try:
        from ..gui.app import run_gui
    except ImportError as exc:  # PySide6 missing, or a Qt system library such as libEGL
        raise PlanDeskError(f"無法載入圖形介面元件（{exc}），請重新安裝 PlanDesk；"
                            "Linux 上請先安裝 README 所列的 Qt 系統程式庫。") from exc
    return run_gui(db_path, [], open_file)
