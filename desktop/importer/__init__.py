"""Import last year's hand-made DOCX/ODT plan: ``read_document(path) -> (plan, report)``.

container (safe zip) → docx_reader / odt_reader (neutral blocks) →
document_parser + table_parser (one format-neutral parser) → Plan.
The report lists, with where it came from, everything that could not be placed.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import PlanDeskError
from ..limits import check_plan
from ..model import Plan
from .container import open_package
from .document_parser import parse_blocks
from . import docx_reader, odt_reader
from .docx_reader import read_docx, read_notes
from .odt_reader import read_odt

_ODT_MIME = b"application/vnd.oasis.opendocument.text"


_PAGE_NUMBER = re.compile(r"^[\s\d第頁共，,.\-－/／|PageofNUMPAGES]*$")


def _margins(lines: list[str], notes: list[str]) -> None:
    """Report header/footer text other than page numbers (each distinct line once)."""
    seen = set()
    for line in (text.strip() for text in lines):
        if line and line not in seen and not _PAGE_NUMBER.match(line):
            seen.add(line)
            notes.append(f"頁首／頁尾的文字「{line}」沒有放入計畫，請視需要自行加入。")


def read_blocks(path: Path, notes: list[str]):
    """The file's neutral blocks, whichever of DOCX/ODT it really is; text found
    outside the body (DOCX footnotes) is appended to ``notes`` for the report."""
    return package_blocks(open_package(path), notes)


def package_blocks(package, notes: list[str]):
    """``read_blocks`` of an opened package (the markup review reads edited copies of its parts)."""
    path = Path(package.name)
    if package.has("mimetype") or package.has("content.xml"):
        mime = package.read("mimetype").strip() if package.has("mimetype") else _ODT_MIME
        if package.has("META-INF/manifest.xml") and b"encryption-data" in package.read("META-INF/manifest.xml"):
            raise PlanDeskError(f"{path.name} 設有密碼保護，無法讀取；請在 LibreOffice 中移除密碼後另存新檔再匯入。")
        if mime != _ODT_MIME:
            raise PlanDeskError(f"{path.name} 不是文字文件（{mime.decode('ascii', 'replace')}），請選擇 .odt 或 .docx 的計畫文件。")
        _margins(odt_reader.read_margins(package), notes)
        return read_odt(package)
    if package.has("[Content_Types].xml"):
        blocks = read_docx(package)
        notes.extend(f"文件的註腳「{text}」沒有放入計畫，請視需要自行加入。" for text in read_notes(package))
        _margins(docx_reader.read_margins(package), notes)
        return blocks
    raise PlanDeskError(f"{path.name} 不是 Word（.docx）或 ODT 文件，請用 Word 或 LibreOffice 另存為 .docx 或 .odt 再匯入。")


def read_document(path: Path) -> tuple[Plan, list[str]]:
    """Parse a .docx/.odt plan; PlanDeskError (one zh-TW sentence) on any bad file."""
    path = Path(path)

    def read() -> tuple[Plan, list[str]]:
        from ..markup.summary import markup_report  # tracked changes accepted, comments left out
        notes: list[str] = []
        package = open_package(path)
        plan, report = parse_blocks(package_blocks(package, notes), path.name)
        check_plan(plan, path.name)
        return plan, report + notes + markup_report(package)
    return guarded(path, read)


def guarded(path: Path, read, action: str = "匯入"):
    """``read()`` of the document ``path``, with a missing file and any malformed-file
    failure turned into one clear sentence (``action``: what could not be done)."""
    if not path.is_file():
        raise PlanDeskError(f"找不到檔案 {path}，請確認路徑是否正確。")
    try:
        return read()
    except PlanDeskError:
        raise
    except RecursionError as exc:
        raise PlanDeskError(f"{path.name} 的結構層次過深，無法讀取；請用 Word 或 LibreOffice 另存新檔再{action}。") from exc
    except (ValueError, KeyError, IndexError, TypeError, AttributeError, UnicodeError) as exc:
        # A malformed file that slipped past the checks: still one clear sentence.
        raise PlanDeskError(f"{path.name} 的內容有誤，無法{action}（{type(exc).__name__}）；請用 Word 或 LibreOffice 開啟後另存新檔再試。") from exc
