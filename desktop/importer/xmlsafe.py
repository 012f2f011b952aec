"""XML parsing that refuses DTDs and entities (no billion laughs, no external
entities, no network): defusedxml is not available, so lxml is configured
strictly and any DOCTYPE is rejected before parsing."""
from __future__ import annotations

import re

from lxml import etree

from ..errors import PlanDeskError

_DOCTYPE = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


def parse_xml(data: bytes, name: str, part: str):
    """Parse ``data`` (the part ``part`` of file ``name``) into an lxml element."""
    if _DOCTYPE.search(data):
        raise PlanDeskError(f"{name} 的 {part} 含有 DTD 或實體宣告（可能是惡意檔案），為安全起見不予匯入；請用 Word 或 LibreOffice 另存新檔後再試。")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             dtd_validation=False, huge_tree=False, remove_comments=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise PlanDeskError(f"{name} 已損壞（{part} 不是有效的 XML），請用 Word 或 LibreOffice 開啟後另存新檔再匯入。") from exc
    if root is None:
        raise PlanDeskError(f"{name} 已損壞（{part} 是空的），請用 Word 或 LibreOffice 開啟後另存新檔再匯入。")
    return root
