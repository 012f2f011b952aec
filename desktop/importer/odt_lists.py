"""OpenDocument list numbering (text:list + list styles) → the token shown before a
paragraph, so automatically numbered items read like typed 「(1)」 ones."""
from __future__ import annotations

from .tokens import list_numeral

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_FORMATS = {"1": "arabic", "１": "arabic", "一": "chinese", "壹": "capital", "甲": "stems", "子": "branches"}


class ListNumbering:
    """List styles of one document and the running counters of its lists."""

    def __init__(self, roots):
        self.levels: dict[str, dict[int, tuple[str, str, str, int]]] = {}
        self.paragraph_lists: dict[str, str] = {}  # paragraph style → its list style
        self.counters: dict[str, list[int]] = {}
        for root in roots:
            for style in root.iter(TEXT + "list-style"):
                self._read_list_style(style)
            for style in root.iter(STYLE + "style"):
                if style.get(STYLE + "list-style-name"):
                    self.paragraph_lists[style.get(STYLE + "name", "")] = style.get(STYLE + "list-style-name")

    def _read_list_style(self, style) -> None:
        levels = {}
        for lvl in style:
            try:
                level = int(lvl.get(TEXT + "level", "1"))
                start = int(lvl.get(TEXT + "start-value", "1"))
            except ValueError:
                continue
            if lvl.tag != TEXT + "list-level-style-number":
                continue
            kind = _FORMATS.get((lvl.get(STYLE + "num-format") or "")[:1])
            if kind:
                levels[level] = (kind, lvl.get(STYLE + "num-prefix", ""), lvl.get(STYLE + "num-suffix", ""), start)
        self.levels[style.get(STYLE + "name", "")] = levels

    def start_list(self, style: str | None, continues: bool) -> None:
        """A new top-level list restarts its style's counters unless it continues one."""
        if style is not None and not continues:
            self.counters.pop(style, None)

    def style_for(self, list_style: str | None, paragraph) -> str | None:
        return list_style or self.paragraph_lists.get(paragraph.get(TEXT + "style-name", ""))

    def token(self, style: str | None, level: int) -> str:
        """Advance the counter of ``level`` (1-based) and return its token ("" if not numbered)."""
        levels = self.levels.get(style or "")
        if not levels or not 1 <= level <= 10:
            return ""
        counts = self.counters.setdefault(style, [0] * 11)
        counts[level] += 1
        for deeper in range(level + 1, 11):
            counts[deeper] = 0
        if level not in levels:
            return ""
        kind, prefix, suffix, start = levels[level]
        return f"{prefix}{list_numeral(start - 1 + counts[level], kind)}{suffix}"
