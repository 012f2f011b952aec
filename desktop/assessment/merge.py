"""Merging returned forms: rows matched to items (key first, then content), each
row classified, and everything that would change gathered into ONE operation.

Nothing a department wrote is dropped silently: a row lands, is unchanged, or is
reported (unmatched, conflicting, unreadable status, text outside the table, an
edited 具體作法 cell). Re-merging a file already merged changes nothing.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..checks.items import normalized
from ..model import Plan
from ..plantext import Locator
from . import form_layout as F
from .form_reader import FormRow, ReturnedForm, read_form
from .items import ReviewItem, department_names, review_items
from .model import RESULT_STATUSES, Result
from .ops import SetResults, clean_result

NEW, CHANGED, UNCHANGED, UNMATCHED, CONFLICT, BLANK = "new", "changed", "unchanged", "unmatched", "conflict", "blank"
KIND_NAMES = {NEW: "新增", CHANGED: "更新", UNCHANGED: "未變更", UNMATCHED: "無法對應",
              CONFLICT: "衝突", BLANK: "未填寫"}
_STATUS_ALIASES = {"完成": "已完成", "持續": "持續辦理", "辦理中": "進行中", "執行中": "進行中",
                   "未辦理": "未執行", "無": "不適用", "N/A": "不適用", "NA": "不適用"}
_KEY = re.compile(r"[Kk]\s*[-‐–—]?\s*([0-9A-Fa-f]{4,32})")


@dataclass
class RowOutcome:
    kind: str
    file: str
    row: int
    key: str
    node_id: str = ""
    location: str = ""
    text: str = ""
    status: str = ""
    message: str = ""   # one sentence for people when the row needs attention

    def as_dict(self) -> dict:
        return {"kind": self.kind, "file": self.file, "row": self.row, "key": self.key,
                "node_id": self.node_id, "location": self.location, "text": self.text,
                "status": self.status, "message": self.message}


@dataclass
class MergePreview:
    """What merging ``files`` would do; :attr:`updates` is what gets written."""
    files: list[str]
    outcomes: list[RowOutcome] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    updates: dict[tuple[str, str], Result] = field(default_factory=dict)

    def count(self, kind: str) -> int:
        return sum(1 for o in self.outcomes if o.kind == kind)

    def counts(self) -> dict[str, int]:
        return {kind: self.count(kind) for kind in KIND_NAMES}

    def operation(self) -> SetResults | None:
        """The one operation applying every update (None when nothing changes)."""
        if not self.updates:
            return None
        return SetResults(dict(self.updates), f"合併 {len(self.files)} 份填報表")

    def summary(self) -> str:
        c = self.counts()
        return "、".join(f"{KIND_NAMES[k]} {c[k]} 列" for k in KIND_NAMES)

    def as_dict(self) -> dict:
        return {"files": self.files, "counts": self.counts(),
                "rows": [o.as_dict() for o in self.outcomes], "notes": list(self.notes)}


def parse_status(typed: str) -> str | None:
    """The status a department typed, or None when it is not one of the six."""
    plain = unicodedata.normalize("NFKC", typed).strip().strip("。.").replace(" ", "")
    if plain in RESULT_STATUSES:
        return plain
    return _STATUS_ALIASES.get(plain.upper() if plain.isascii() else plain)


class _Matcher:
    def __init__(self, items: list[ReviewItem]):
        self.by_prefix: dict[str, list[ReviewItem]] = {}  # first four id characters → items
        for item in items:
            self.by_prefix.setdefault(item.node.id[:4].lower(), []).append(item)
        self.by_content: dict[str, list[ReviewItem]] = {}
        for item in items:
            self.by_content.setdefault(normalized(item.label), []).append(item)

    def by_key(self, key: str) -> ReviewItem | None:
        match = _KEY.fullmatch(unicodedata.normalize("NFKC", key).strip())
        if not match:
            return None
        hexpart = match.group(1).lower()
        found = [i for i in self.by_prefix.get(hexpart[:4], []) if i.node.id.lower().startswith(hexpart)]
        return found[0] if len(found) == 1 else None

    def match(self, row: FormRow) -> tuple[ReviewItem | None, str]:
        item = self.by_key(row.key)
        if item is not None:
            return item, "key"
        found = self.by_content.get(normalized(row.item), [])
        return (found[0], "content") if len(found) == 1 else (None, "")


def preview_merge(plan: Plan, paths: list[str | Path], now: str | None = None) -> MergePreview:
    """Read every file (a bad file raises PlanDeskError before anything is decided)."""
    forms = [read_form(p) for p in paths]
    return preview_forms(plan, forms, now)


def preview_forms(plan: Plan, forms: list[ReturnedForm], now: str | None = None) -> MergePreview:
    now = now or datetime.now().isoformat(timespec="seconds")
    preview = MergePreview([f.name for f in forms])
    items = review_items(plan)
    matcher = _Matcher(items)
    locator = Locator(plan)
    periods = {p.name for p in plan.review.periods}
    departments = department_names(items)
    candidates: dict[tuple[str, str], list[tuple[RowOutcome, Result]]] = {}
    for form in forms:
        preview.notes += _known_department(form, departments)
        preview.notes += [f"{form.name}：{extra} 不在填報表格內，未併入，請確認是否需要手動處理。"
                          for extra in form.extras if extra]
        if form.period not in periods:
            preview.notes.append(f"{form.name}：無法辨識考核期間（「{form.period or '空白'}」），"
                                 "整份未併入，請確認表頭的「考核期間」未被修改。")
            preview.outcomes += [RowOutcome(UNMATCHED, form.name, r.number, r.key, text=r.text, status=r.status,
                                            message="考核期間無法辨識，此列未併入。")
                                 for r in form.rows if r.text or r.status]
            continue
        for row in form.rows:
            outcome = RowOutcome(UNMATCHED, form.name, row.number, row.key, text=row.text, status=row.status)
            item, how = matcher.match(row)
            if item is None:
                if not (row.text or row.status):
                    outcome.kind = BLANK
                else:
                    outcome.message = "找不到對應的計畫項目（編號與具體作法都對不上），請手動填入正確項目。"
                preview.outcomes.append(outcome)
                continue
            outcome.node_id, outcome.location = item.node.id, locator.node(item.node.id)
            if how == "key":
                preview.notes += _edited_cells(form, row, item)
            if not (row.text or row.status):
                outcome.kind = BLANK
                preview.outcomes.append(outcome)
                continue
            status = parse_status(row.status) if row.status else ""
            if status is None:
                landed = "只併入執行情形" if row.text else "此列未併入"
                outcome.message = (f"執行狀態「{row.status}」無法辨識，{landed}；"
                                   f"請改填 {'／'.join(RESULT_STATUSES)} 其中之一。")
                status = ""
            # cleaned as storing will clean it, so merging the same file again compares equal
            result = clean_result(Result(item.node.id, form.period, row.text, status,
                                         reporter=form.department or form.name, reported_at=now))
            if not result.filled:  # only an unreadable status: nothing to write
                preview.outcomes.append(outcome)
                continue
            candidates.setdefault(result.key, []).append((outcome, result))
            preview.outcomes.append(outcome)
    for key, entries in candidates.items():
        _decide(preview, plan.review.results.get(key), entries)
    return preview


def _known_department(form: ReturnedForm, departments: list[str]) -> list[str]:
    """Make ``form.department`` a department of the plan when the line only gained
    text (「收費課 聯絡人：王小明」); the extra text is reported."""
    if not form.department or form.department in departments:
        return []
    known = max((d for d in departments if form.department.startswith(d)), key=len, default="")
    if known:
        extra = form.department[len(known):].strip()
        form.department = known
        return [f"{form.name}：填報單位後面的「{extra}」未併入，請確認是否需要手動處理。"]
    return [f"{form.name}：填報單位「{form.department}」不是計畫中的部門，仍以此名稱記為填報者，請確認。"]


def _edited_cells(form: ReturnedForm, row: FormRow, item: ReviewItem) -> list[str]:
    """Notes for cells the form filled in that came back with other text (the plan is not changed)."""
    given = F.form_row(item, form.department) or F.form_row(item, item.departments[0].name if item.departments else "")
    if given is None:
        return []
    returned = {F.CONTEXT_HEADER: row.given.get(F.CONTEXT_HEADER, ""), F.ITEM_HEADER: row.item,
                F.PERIOD_HEADER: row.given.get(F.PERIOD_HEADER, "")}
    notes = []
    for header, text in returned.items():
        if text and normalized(text) != normalized(given[F.HEADERS.index(header)]):
            notes.append(f"{form.name} 第 {row.number} 列：「{header}」欄被改成「{text}」，"
                         "計畫內容不會因此變更，如需修改請直接編輯計畫。")
    return notes


def _decide(preview: MergePreview, old: Result | None, entries: list[tuple[RowOutcome, Result]]) -> None:
    """Classify the rows returned for one (item, period)."""
    distinct = []
    for _, result in entries:
        if not any(result.same_content(d) for d in distinct):
            distinct.append(result)
    if len(distinct) > 1:
        names = "、".join(dict.fromkeys(r.reporter for _, r in entries))
        for outcome, _ in entries:
            outcome.kind = CONFLICT
            outcome.message = f"{names} 對同一項目填了不同的內容，未併入；請決定採用哪一份後直接在考核檢視中填寫。"
        return
    result = distinct[0]
    for outcome, _ in entries:
        if old is None or not old.filled:
            outcome.kind = NEW
        elif old.same_content(result):
            outcome.kind = UNCHANGED
        elif old.reporter != result.reporter:
            outcome.kind = CONFLICT
            outcome.message = (f"已有「{old.reporter}」填報的不同內容，未覆蓋；"
                               "請決定採用哪一份後直接在考核檢視中填寫。")
        else:
            outcome.kind = CHANGED
    if entries[0][0].kind in (NEW, CHANGED):
        preview.updates[result.key] = result
