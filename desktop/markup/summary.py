"""What a plain ``import`` of a marked-up document took and left: it reads every
tracked change as accepted and drops comments, so the report says so."""
from __future__ import annotations

from ..importer.docx_numbering import read_part
from ..importer.docx_reader import W, main_part
from ..importer.xmlsafe import parse_xml
from . import docx_views, odt_views

_SHOWN = 30  # characters of each deleted text quoted in the report


def _counts(package) -> tuple[int, list[str], int]:
    """(insertions, deleted texts, comments) of a DOCX or ODT package."""
    if package.has("content.xml"):
        root = parse_xml(package.read("content.xml"), package.name, "content.xml")
        regions = odt_views.changed_regions(root)
        inserted = sum(1 for kind, *_ in regions.values() if kind == "insertion")
        deleted = ["".join(odt_views.para_text(p) for p in paras)
                   for kind, _a, _d, paras in regions.values() if kind == "deletion"]
        return inserted, deleted, sum(1 for _ in root.iter(odt_views.NOTE))
    root = read_part(package, main_part(package))
    # Word splits one edit into a revision per run: one change per paragraph and kind, as ODT counts
    groups: list[tuple[bool, object, list[str]]] = []
    for el in root.iter(*docx_views.INSERTS, *docx_views.DELETES):
        if docx_views.structural(el):
            continue
        inserted, paragraph = el.tag in docx_views.INSERTS, next(el.iterancestors(W + "p"), None)
        text = docx_views.text_of(el, "t" if inserted else "delText")
        if groups and groups[-1][0] == inserted and groups[-1][1] is paragraph:
            groups[-1][2].append(text)
        else:
            groups.append((inserted, paragraph, [text]))
    deleted = ["".join(texts) for inserted, _p, texts in groups if not inserted]
    return len(groups) - len(deleted), deleted, len(docx_views.comments_of(package))


def markup_report(package) -> list[str]:
    """Report lines for a new-plan import of ``package`` (none for a clean document)."""
    inserted, deleted, comments = _counts(package)
    out = []
    if inserted or deleted:
        quoted = "、".join(f"「{t if len(t) <= _SHOWN else t[:_SHOWN] + '…'}」" for t in deleted if t.strip())
        listing = f"（刪除的文字：{quoted}）" if quoted else ""
        out.append(f"文件含有追蹤修訂，已全部接受：{inserted} 處插入、{len(deleted)} 處刪除{listing}；"
                   "如需逐項檢視，請改用「檔案 → 匯入處長修正…」或 plandesk review。")
    if comments:
        out.append(f"文件的 {comments} 則註解沒有匯入（註解不會成為計畫內容），請視需要自行處理。")
    return out


def has_markup(path) -> bool:
    """Whether the document at ``path`` has tracked changes or comments (False when unreadable)."""
    from pathlib import Path

    from ..errors import PlanDeskError
    from ..importer.container import open_package
    try:
        inserted, deleted, comments = _counts(open_package(Path(path)))
    except (PlanDeskError, ValueError, KeyError, OSError):
        return False
    return bool(inserted or deleted or comments)
