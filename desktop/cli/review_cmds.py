"""review and notes: a marked-up plan returned by the 處長, change by change."""
from __future__ import annotations

from pathlib import Path

from ..errors import PlanDeskError
from ..markup.entries import by_whom
from .context import print_json


def register(sub) -> None:
    p = sub.add_parser("review", help="列出退回文件（追蹤修訂、註解、未追蹤的修改）對計畫的修正，並可套用")
    p.add_argument("id", type=int, help="文件原本所屬的計畫編號")
    p.add_argument("file", help="退回的 .docx 或 .odt")
    p.add_argument("--json", action="store_true")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--accept-all", action="store_true", help="接受全部修正（註解存為審閱註解）")
    group.add_argument("--accept", metavar="N,M…", help="只接受這些編號的修正")
    p.set_defaults(func=cmd_review)

    p = sub.add_parser("notes", help="查看或處理計畫的審閱註解")
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true")
    p.add_argument("--all", action="store_true", help="也列出已處理的註解")
    p.add_argument("--resolve", type=int, metavar="NOTE", help="把這個註解標為已處理")
    p.add_argument("--reopen", type=int, metavar="NOTE", help="把這個註解改回未處理")
    p.add_argument("-o", "--output", metavar="FILE", help="把註解另存為 .docx 或 .odt 表格（註解不會隨計畫匯出）")
    p.set_defaults(func=cmd_notes)


def _chosen(entries, spec: str):
    try:
        numbers = [int(part) for part in spec.replace("，", ",").split(",") if part.strip()]
    except ValueError:
        raise PlanDeskError(f"--accept 的「{spec}」不是以逗號分隔的編號，請寫成例如 --accept 1,3。") from None
    wrong = [n for n in numbers if not 1 <= n <= len(entries)]
    if wrong or not numbers:
        raise PlanDeskError(f"沒有第 {wrong[0] if wrong else spec} 項修正（共 {len(entries)} 項），請先不加 --accept 列出編號。")
    return [entries[n - 1] for n in dict.fromkeys(numbers)]


def cmd_review(args, ctx) -> int:
    from ..document import PlanDocument
    from ..markup.apply import accept_entries
    from ..markup.entries import FIELD_NAMES
    from ..markup.review import review_document
    library = ctx.library()
    document = PlanDocument.open(library, args.id)
    path = Path(args.file)
    review = review_document(document.plan, path)
    if not review.recognisable:
        raise PlanDeskError(f"{path.name} 只有約 {round(review.matched * 100)}% 的項目與計畫 {args.id} 相符，"
                            f"可能是別的年度或別的計畫；請改用「plandesk import {path.name}」匯入為新計畫。")
    entries = review.entries
    if args.accept_all or args.accept:
        chosen = entries if args.accept_all else _chosen(entries, args.accept)
        count = accept_entries(document, chosen, path.name)
        notes = sum(1 for e in chosen if e.kind == "comment")
        print(f"已套用 {count} 處修正到計畫 {args.id}，{notes} 則註解存為審閱註解。")
        return 0
    if args.json:
        print_json([e.as_dict() for e in entries])
        return 0
    for number, e in enumerate(entries, 1):
        change = e.new if e.kind == "comment" else f"「{e.old}」→「{e.new}」"
        who = by_whom(e.author, e.date)
        field = "" if e.field in ("paragraph", "note") else FIELD_NAMES.get(e.field, e.field)
        print(f"{number}\t{e.label}\t{e.location} {field}".rstrip() + f"\t{change}\t{who}")
    if not entries:
        print("文件與計畫內容相同，沒有修正。")
    return 0


def cmd_notes(args, ctx) -> int:
    library = ctx.library()
    plan = library.load_plan(args.id)  # also a clear error for a missing plan
    for note_id, done in ((args.resolve, True), (args.reopen, False)):
        if note_id is not None:
            library.resolve_review_note(note_id, done)
    notes = library.review_notes(args.id, resolved=args.all)
    if args.output:
        from ..markup.notes import write_notes
        write_notes(plan, notes, Path(args.output))
    if args.json:
        print_json([n.as_dict() for n in notes])
        return 0
    for n in notes:
        state = "已處理" if n.resolved else "未處理"
        print(f"{n.id}\t{state}\t{n.location}\t{n.author}：{n.text}\t（{n.anchor}）")
    if not notes:
        print("沒有審閱註解。")
    return 0
