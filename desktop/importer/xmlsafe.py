"""XML parsing that refuses DTDs and entities (no billion laughs, no external
entities, no network): lxml is configured strictly, any DOCTYPE is rejected
before parsing, in whichever encoding the part declares (UTF-16 and UTF-32 too,
whose bytes a plain byte search misses), and once more from the parsed tree."""
from __future__ import annotations

import re

from lxml import etree

from ..errors import PlanDeskError

_DOCTYPE = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


_WIDE = {b"\xff\xfe\x00\x00": "utf-32-le", b"\x00\x00\xfe\xff": "utf-32-be",
         b"\x00\x00\x00<": "utf-32-be", b"<\x00\x00\x00": "utf-32-le",
         b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be", b"\x00<": "utf-16-be", b"<\x00": "utf-16-le"}


def _declares_dtd(data: bytes) -> bool:
    """A DOCTYPE or ENTITY declaration, whatever the byte encoding (BOM or the
    zero bytes around the first '<' give a wide one away)."""
    if _DOCTYPE.search(data):
        return True
    encoding = next((enc for prefix, enc in _WIDE.items() if data.startswith(prefix)), None)
    if encoding is None:
        return False
    return bool(_DOCTYPE.search(data.decode(encoding, errors="ignore").encode("utf-8")))


def _refuse_dtd(name: str, part: str) -> PlanDeskError:
    return PlanDeskError(f"{name} 的 {part} 含有 DTD 或實體宣告（可能是惡意檔案），為安全起見不予匯入；"
                         "請用 Word 或 LibreOffice 另存新檔後再試。")


def parse_xml(data: bytes, name: str, part: str):
    """Parse ``data`` (the part ``part`` of file ``name``) into an lxml element."""
    if _declares_dtd(data):
        raise _refuse_dtd(name, part)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             dtd_validation=False, huge_tree=False, remove_comments=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise PlanDeskError(f"{name} 已損壞（{part} 不是有效的 XML），請用 Word 或 LibreOffice 開啟後另存新檔再匯入。") from exc
    if root is None:
        raise PlanDeskError(f"{name} 已損壞（{part} 是空的），請用 Word 或 LibreOffice 開啟後另存新檔再匯入。")
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:  # an encoding the checks above did not know
        raise _refuse_dtd(name, part)
    return root
