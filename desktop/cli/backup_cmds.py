"""backup, backups and restore: copies of the whole library."""
from __future__ import annotations

from pathlib import Path

from ..backup import backup_folder, create_backup, list_backups, restore_backup, restore_over_damaged
from ..errors import LibraryDamaged
from ..yeartext import roc_short_datetime
from .context import print_json


def register(sub) -> None:
    p = sub.add_parser("backup", help="立即備份計畫庫（預設存到計畫庫旁的 backups 資料夾）")
    p.add_argument("-o", "--output", metavar="FILE", help="備份檔名（不指定則自動命名並輪替保留）")
    p.add_argument("--folder", metavar="DIR", help="以後的自動備份改存到此資料夾（例如網路資料夾）")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("backups", help="列出備份：路徑、時間、計畫數、大小（新的在前）")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_backups)

    p = sub.add_parser("restore", help="以備份檔取代計畫庫（會先備份目前的計畫庫）")
    p.add_argument("file")
    p.set_defaults(func=cmd_restore)


def cmd_backup(args, ctx) -> int:
    library = ctx.library()
    if args.folder:
        library.set_setting("backup_folder", str(Path(args.folder).resolve()))
    print(create_backup(library, "手動", args.output))
    return 0


def cmd_backups(args, ctx) -> int:
    library = ctx.library()
    backups = list_backups(backup_folder(library), library.path.stem)
    if args.json:
        print_json([b.as_dict() for b in backups])
        return 0
    for b in backups:
        state = "" if b.ok else "\t（檢查不通過，不能還原）"
        print(f"{roc_short_datetime(b.time, seconds=True)}\t{b.plans} 個計畫\t{b.size / 1024:.0f} KB\t{b.path}{state}")
    if not backups:
        print(f"{backup_folder(library)} 中還沒有備份。")
    return 0


def cmd_restore(args, ctx) -> int:
    try:
        library = ctx.library()
    except LibraryDamaged:
        kept = restore_over_damaged(ctx.db_path, args.file)
        print(f"已還原；損壞的計畫庫保留為 {kept}")
        return 0
    before = restore_backup(library, args.file)
    print(f"已還原；還原前的計畫庫已備份為 {before}")
    return 0
