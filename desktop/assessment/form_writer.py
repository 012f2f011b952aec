"""Department return forms (DOCX/ODT) through the export layer: the office, plan,
period and due date on top, then one row per item the department leads or assists
with a visible key (「K-3f2a91」) — a visible cell text survives Word and LibreOffice
re-saving in either format, where bookmarks and hidden fields do not reliably.
DOCX forms offer the 執行狀態 as a drop-down (typed text works as well)."""
from __future__ import annotations

import re
from pathlib import Path

from ..atomic import write_atomic
from ..errors import PlanDeskError
from ..export import write_document
from ..export.blocks import Para
from ..export.layout import table_document
from ..model import Plan
from ..sanitize import clean_line
from ..yeartext import roc_date_text
from . import form_layout as F
from .due_dates import due_of
from .items import ReviewItem, department_names, review_items
from .model import RESULT_STATUSES, ReviewPeriod
from .status_list import add_status_lists

FORM_FORMATS = ("docx", "odt")
_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')


def period_or_error(plan: Plan, name: str) -> ReviewPeriod:
    period = plan.review.period(name)
    if period is None:
        names = "、".join(p.name for p in plan.review.periods)
        raise PlanDeskError(f"此計畫沒有「{name}」這個考核期間，請改用 {names} 其中之一。")
    return period


def form_rows(items: list[ReviewItem], department: str) -> list[list[str]]:
    return [row for row in (F.form_row(item, department) for item in items) if row is not None]


def form_title(plan: Plan, period: ReviewPeriod) -> str:
    return f"{plan.office}{plan.year}年度{period.name}{F.TITLE_SUFFIX}"


def write_form(plan: Plan, period: ReviewPeriod, department: str, target: str | Path,
               fmt: str | None = None, items: list[ReviewItem] | None = None) -> Path:
    """One department's form for ``period``; ``fmt`` defaults to the target's suffix."""
    target = Path(target)
    fmt = fmt or target.suffix.lower().lstrip(".")
    if fmt not in FORM_FORMATS:
        raise PlanDeskError(f"填報表只能存成 .docx 或 .odt，「{target.name}」的副檔名不符，請改用其中之一。")
    items = review_items(plan) if items is None else items
    rows = form_rows(items, department)
    if not rows:
        raise PlanDeskError(f"「{department}」在此計畫中沒有主辦或協辦的項目，請確認部門名稱。")
    doc = table_document(form_title(plan, period), F.HEADERS, rows, plan.profile, F.WIDTHS)
    due = due_of(plan, period)
    due_text = f"{roc_date_text(due.value)}前送業務組" if due.value else "請依業務組通知期限送回"
    lines = [f"{F.PLAN_LABEL}{plan.title}", f"{F.DEPARTMENT_LABEL}{department}",
             f"{F.PERIOD_LABEL}{period.name}（{period.start_month} 月至 {period.end_month} 月）",
             f"{F.DUE_LABEL}{due_text}",
             f"{F.HELP_LABEL}請在「{F.TEXT_HEADER}」欄填寫辦理情形，「{F.STATUS_HEADER}」欄填 "
             f"{'／'.join(RESULT_STATUSES)} 其中之一；請勿修改「{F.KEY_HEADER}」欄。"]
    doc.blocks[1:1] = [Para(clean_line(line)) for line in lines]
    if fmt == "odt":
        return write_document(doc, fmt, target)

    def produce(tmp: Path) -> None:
        from ..export.docx_writer import write_docx  # python-docx: only when a DOCX is written
        write_docx(doc, tmp)
        add_status_lists(tmp, F.HEADERS.index(F.STATUS_HEADER), F.STATUS_HEADER)

    return write_atomic(target, produce)


def form_file_name(period: ReviewPeriod, department: str, fmt: str) -> str:
    return f"{period.name}-{_UNSAFE.sub('_', department).strip('_') or '部門'}.{fmt}"


def write_forms(plan: Plan, period: ReviewPeriod, folder: str | Path, fmt: str = "docx",
                departments: list[str] | None = None) -> list[Path]:
    """Forms for ``departments`` (all that have items) into ``folder``."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PlanDeskError(f"無法建立資料夾 {folder}（{exc.strerror}），請改用可寫入的位置。") from exc
    items = review_items(plan)
    names = departments if departments is not None else department_names(items)
    return [write_form(plan, period, name, folder / form_file_name(period, name, fmt), fmt, items)
            for name in names]
