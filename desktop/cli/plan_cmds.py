"""clone, check and diff: next year's plan, the consistency checker, 新舊對照表."""
from __future__ import annotations

from pathlib import Path

from ..errors import PlanDeskError
from ..model import STATUSES
from .context import print_json


def register(sub) -> None:
    p = sub.add_parser("clone", help="複製為新年度計畫（年份自動順延）")
    p.add_argument("id", type=int)
    p.add_argument("--year", type=int, required=True, help="新計畫的民國年度，例如 115")
    p.add_argument("--json", action="store_true", help="以 JSON 列出原計畫的實際年度與年份順延的提議")
    p.add_argument("--no-rollover", action="store_true", help="照原文複製，不順延年份")
    p.set_defaults(func=cmd_clone)

    p = sub.add_parser("status", help="查看或變更核定狀態（草稿 → 陳核 → 核定），列出變更紀錄")
    p.add_argument("id", type=int)
    p.add_argument("status", nargs="?", choices=list(STATUSES), help="新的狀態；省略則只列出紀錄")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_status)

    p = sub.add_parser("check", help="檢查計畫的一致性（年份、日期、部門、重複項目…）")
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("diff", help="新舊對照表：比較兩個計畫")
    p.add_argument("old", type=int, help="上年度計畫編號")
    p.add_argument("new", type=int, help="本年度計畫編號")
    p.add_argument("--json", action="store_true")
    p.add_argument("-o", "--output", metavar="FILE", help="另存對照表為 .docx 或 .odt")
    p.set_defaults(func=cmd_diff)


def cmd_clone(args, ctx) -> int:
    from ..clone import clone_with_preview
    new_id, preview = clone_with_preview(ctx.library(), args.id, args.year, rollover=not args.no_rollover)
    evidence = preview.source_year
    if args.json:
        print_json({"source_year": evidence.as_dict(), "proposals": [p.as_dict() for p in preview.proposals]})
    else:
        if evidence.disagrees:
            print(evidence.message())
        for p in preview.proposals:
            change = (f"{p.old} → {p.new}" if p.accept else f"{p.old}（保留）") if p.changes_text else "（未修改）"
            print(f"{p.location}\t{change}\t{p.note}")
    print(new_id)  # last line: scripts read the new id from here
    return 0


def cmd_status(args, ctx) -> int:
    """Status changes go through PlanDocument, so they are persisted and logged
    like any edit; a 核定 plan stays locked for every other change."""
    from ..document import PlanDocument
    from ..ops import EditPlan
    library = ctx.library()
    if args.status:
        doc = PlanDocument.open(library, args.id)
        if doc.plan.status != args.status:  # another process may write meanwhile: apply to the latest
            doc.apply_latest(EditPlan({"status": args.status}, "變更狀態"))
    else:
        library.load_plan(args.id)  # a clear error for a missing plan
    history = library.status_notes(args.id)  # with 「依 … 修正 (N 處)」 notes of accepted reviews
    if args.json:
        print_json([{"status": s, "at": at, **({"note": note} if note else {})} for s, at, note in history])
    else:
        for status, at, note in history:
            print(f"{at}\t{status}" + (f"\t{note}" if note else ""))
    return 0


def cmd_check(args, ctx) -> int:
    from ..checks import check_plan, rule_name
    library = ctx.library()
    findings = check_plan(library.load_plan(args.id), library)
    if args.json:
        print_json([f.as_dict() for f in findings])
        return 0
    for f in findings:
        print(f"{f.severity}\t{rule_name(f.rule)}\t{f.location}\t{f.message}")
    if not findings:
        print("沒有發現問題。")
    return 0


def cmd_diff(args, ctx) -> int:
    from ..diff import compare_plans
    library = ctx.library()
    old, new = library.load_plan(args.old), library.load_plan(args.new)
    comparison = compare_plans(old, new)
    if args.output:
        from ..diff.table import write_diff_table
        path = Path(args.output)
        fmt = path.suffix.lower().lstrip(".")
        if fmt not in ("docx", "odt"):
            raise PlanDeskError(f"對照表只能存成 .docx 或 .odt，「{path.name}」的副檔名不符，請改用其中之一。")
        write_diff_table(old, new, comparison, fmt, path)
    if args.json:
        print_json(comparison.as_dict())
    else:
        for e in comparison.rows:
            print(f"{e.label}\t{e.new_location or e.old_location}\t{e.detail}")
        print(comparison.summary())
        if args.output:
            print(args.output)
    return 0
