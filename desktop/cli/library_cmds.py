"""list, import, export and search: the library commands."""
from __future__ import annotations

import sys
from dataclasses import asdict
from pathlib import Path

from ..atomic import write_text_atomic
from ..errors import PlanDeskError
from ..exchange import dumps, read_plan_file
from ..model import Plan
from .context import print_json


def register(sub) -> None:
    p = sub.add_parser("list", help="列出計畫庫中的計畫")
    p.add_argument("--json", action="store_true", help="以 JSON 輸出")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("import", help="匯入計畫（.json、.docx、.odt）")
    p.add_argument("file")
    p.add_argument("--dry-run", action="store_true", help="只解析並輸出交換格式 JSON，不寫入計畫庫")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("export", help="匯出計畫")
    p.add_argument("id", type=int)
    p.add_argument("--format", required=True, choices=["json", "docx", "odt", "pdf"])
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.add_argument("--department", help="只匯出此部門主辦或協辦的項目")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("search", help="全文搜尋所有計畫")
    p.add_argument("text")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_search)


def cmd_list(args, ctx) -> int:
    plans = ctx.library().list_plans()
    if args.json:
        print_json([{"id": p.id, "office": p.office, "year": p.year, "status": p.status, "title": p.title}
                    for p in plans])
        return 0
    for p in plans:
        print(f"{p.id}\t{p.office}\t{p.year}\t{p.status}\t{p.title}")
    return 0


def read_any(path: Path) -> tuple[Plan, list[str]]:
    """Parse an importable file into a plan plus a report of what could not be placed."""
    suffix = path.suffix.lower()
    if suffix == ".json":
        return read_plan_file(path), []
    if suffix in (".docx", ".odt", ".doc"):
        from ..importer import read_document  # lazily: JSON-only commands start faster
        return read_document(path)
    raise PlanDeskError(f"不支援 {path.suffix or '無副檔名'} 檔案，請選擇 .json、.docx 或 .odt 檔。")


def cmd_import(args, ctx) -> int:
    path = Path(args.file)
    if not path.is_file():
        raise PlanDeskError(f"找不到檔案 {path}，請確認路徑是否正確。")
    plan, report = read_any(path)
    for line in report:
        print(line, file=sys.stderr)
    if args.dry_run:
        sys.stdout.write(dumps(plan))
        return 0
    library = ctx.library()
    if library.plan_count():
        from ..backup import create_backup
        create_backup(library, "匯入前")
    plan_id = library.add_plan(plan)
    print(plan_id)
    return 0


def cmd_export(args, ctx) -> int:
    plan = ctx.library().load_plan(args.id)
    if args.department:
        from ..filtering import only_department
        plan = only_department(plan, args.department)
    if args.format == "json":
        write_text_atomic(args.output, dumps(plan))
    else:
        from ..export import export_plan
        export_plan(plan, args.format, Path(args.output))
    print(args.output)
    return 0


def cmd_search(args, ctx) -> int:
    hits = ctx.library().search(args.text)
    if args.json:
        print_json([asdict(h) for h in hits])
        return 0
    for h in hits:
        print(f"{h.plan_id}\t{h.office} {h.year}\t{h.where}\t{h.snippet}")
    return 0
