"""form, merge-form and report: the half-year review (半年自行考核) round trip."""
from __future__ import annotations

import sys
from pathlib import Path

from ..errors import PlanDeskError
from .context import print_json


def register(sub) -> None:
    p = sub.add_parser("form", help="產生各部門的考核填報表（執行情形／執行狀態）")
    p.add_argument("id", type=int)
    p.add_argument("--period", required=True, help="考核期間，例如 上半年 或 下半年")
    p.add_argument("--department", help="只產生此部門的填報表；省略則每個部門一份，存入資料夾")
    p.add_argument("-o", "--output", required=True, metavar="FILE|FOLDER",
                   help="填報表檔案（.docx／.odt）或資料夾")
    p.add_argument("--format", choices=["docx", "odt"], default="docx", help="存入資料夾時的格式（預設 docx）")
    p.set_defaults(func=cmd_form)

    p = sub.add_parser("merge-form", help="把各部門交回的填報表併入計畫的執行情形")
    p.add_argument("id", type=int)
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--dry-run", action="store_true", help="只列出會發生的變更，不寫入計畫庫")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_merge_form)

    p = sub.add_parser("report", help="印出考核成果與考核結果統計表")
    p.add_argument("id", type=int)
    p.add_argument("--period", required=True, help="考核期間，例如 上半年 或 下半年")
    p.add_argument("-o", "--output", metavar="FILE", help="成果文件（.docx、.odt 或 .pdf）")
    p.add_argument("--json", action="store_true", help="以 JSON 輸出統計數字")
    p.set_defaults(func=cmd_report)


def cmd_form(args, ctx) -> int:
    from ..assessment.form_writer import period_or_error, write_form, write_forms
    plan = ctx.library().load_plan(args.id)
    period = period_or_error(plan, args.period)
    out = Path(args.output)
    if out.suffix.lower() in (".docx", ".odt") and not out.is_dir():
        if not args.department:
            raise PlanDeskError("輸出為單一檔案時請以 --department 指定部門；要產生所有部門的填報表，請以 -o 指定資料夾。")
        paths = [write_form(plan, period, args.department, out)]
    else:
        paths = write_forms(plan, period, out, args.format, [args.department] if args.department else None)
    for path in paths:
        print(path)
    from ..assessment.items import review_items
    orphans = sum(1 for item in review_items(plan) if not item.departments)
    if orphans:
        print(f"有 {orphans} 個項目沒有承辦部門，不在任何填報表中；請在計畫中指定部門，或在考核頁直接填寫。",
              file=sys.stderr)
    return 0


def cmd_merge_form(args, ctx) -> int:
    from ..assessment.merge import CONFLICT, KIND_NAMES, UNMATCHED, preview_merge
    from ..document import PlanDocument
    doc = PlanDocument.open(ctx.library(), args.id)
    preview = preview_merge(doc.plan, [Path(f) for f in args.files])
    op = preview.operation()
    if op is not None and not args.dry_run:
        from ..backup import create_backup
        create_backup(doc.library, "合併填報表前")  # many results at once: keep the state before
        doc.apply(op)
    if args.json:
        print_json({**preview.as_dict(), "applied": op is not None and not args.dry_run})
        return 0
    for o in preview.outcomes:  # the rows that need the clerk; the counts say the rest
        if o.kind in (CONFLICT, UNMATCHED) or o.message:
            print(f"{KIND_NAMES[o.kind]}\t{o.file} 第 {o.row} 列\t{o.location or o.key}\t{o.message}")
    for note in preview.notes:
        print(f"注意\t{note}")
    verb = "（試算，未寫入）" if args.dry_run else ""
    print(f"{preview.summary()}{verb}")
    return 0


def cmd_report(args, ctx) -> int:
    from ..assessment.form_writer import period_or_error
    from ..assessment.statistics import period_statistics
    plan = ctx.library().load_plan(args.id)
    period = period_or_error(plan, args.period)
    if not args.output and not args.json:
        raise PlanDeskError("請以 -o 指定成果文件（.docx、.odt 或 .pdf），或加上 --json 輸出統計數字。")
    if args.output:
        from ..assessment.report import write_report
        write_report(plan, period, args.output)
    if args.json:
        print_json(period_statistics(plan, period.name))
    else:
        print(args.output)
    return 0
