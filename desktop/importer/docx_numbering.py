"""Word's automatic list numbering (w:numPr) → the token a clerk sees, e.g. 「(1)」.

Clerks often let Word number the (1)(2)… items; the token is then not in the
text. It is computed here from numbering.xml (level format, lvlText, start) and
the paragraph's style, so the parser reads it like a typed token.
"""
from __future__ import annotations

from .container import Package
from .tokens import list_numeral
from .xmlsafe import parse_xml

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_KINDS = {
    "decimal": "arabic", "decimalZero": "arabic", "decimalHalfWidth": "arabic",
    "decimalFullWidth": "arabic", "decimalFullWidth2": "arabic", "decimalEnclosedParen": "arabic",
    "taiwaneseCountingThousand": "chinese", "taiwaneseCounting": "chinese", "chineseCounting": "chinese",
    "chineseCountingThousand": "chinese", "ideographDigital": "chinese", "japaneseCounting": "chinese",
    "ideographLegalTraditional": "capital", "chineseLegalSimplified": "capital",
    "ideographTraditional": "stems", "ideographZodiac": "branches",
}
_STRICT = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
_TRANSITIONAL = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def read_part(package: Package, part: str):
    """Parse a WordprocessingML part; Word's "Strict Open XML" files use another namespace."""
    return parse_xml(package.read(part).replace(_STRICT, _TRANSITIONAL), package.name, part)


def _val(el, name: str, default: str | None = None) -> str | None:
    child = el.find(W + name) if el is not None else None
    return child.get(W + "val", default) if child is not None else default


def _format(n: int, fmt: str) -> str | None:
    kind = _KINDS.get(fmt)
    return None if kind is None else list_numeral(n, kind)


class Numbering:
    """Counters for the lists of one document, advanced paragraph by paragraph."""

    def __init__(self, package: Package):
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # abstractNumId → ilvl → (start, fmt, text)
        self.nums: dict[str, str] = {}  # numId → abstractNumId
        self.style_num: dict[str, tuple[str | None, int, str | None]] = {}  # styleId → (numId, ilvl, basedOn)
        self.counters: dict[str, list[int]] = {}
        if package.has("word/numbering.xml"):
            self._read_numbering(read_part(package, "word/numbering.xml"))
        if package.has("word/styles.xml"):
            self._read_styles(read_part(package, "word/styles.xml"))

    def _read_numbering(self, root) -> None:
        for abstract in root.iter(W + "abstractNum"):
            levels = {}
            for lvl in abstract.iter(W + "lvl"):
                try:
                    ilvl, start = int(lvl.get(W + "ilvl", "0")), int(_val(lvl, "start", "1"))
                except ValueError:
                    continue
                levels[ilvl] = (start, _val(lvl, "numFmt", "decimal"), _val(lvl, "lvlText", "") or "")
            self.levels[abstract.get(W + "abstractNumId", "")] = levels
        for num in root.iter(W + "num"):
            self.nums[num.get(W + "numId", "")] = _val(num, "abstractNumId", "") or ""

    def _read_styles(self, root) -> None:
        for style in root.iter(W + "style"):
            ppr = style.find(W + "pPr")
            numpr = ppr.find(W + "numPr") if ppr is not None else None
            ilvl = _val(numpr, "ilvl", "0")
            self.style_num[style.get(W + "styleId", "")] = (
                _val(numpr, "numId"), int(ilvl) if ilvl and ilvl.isdigit() else 0, _val(style, "basedOn"))

    def _num_of(self, p) -> tuple[str | None, int]:
        ppr = p.find(W + "pPr")
        numpr = ppr.find(W + "numPr") if ppr is not None else None
        if numpr is not None and _val(numpr, "numId") is not None:
            ilvl = _val(numpr, "ilvl", "0")
            return _val(numpr, "numId"), int(ilvl) if ilvl and ilvl.isdigit() else 0
        style = _val(ppr, "pStyle")
        for _ in range(8):  # follow basedOn a few steps; cycles end here too
            if style is None or style not in self.style_num:
                return None, 0
            num_id, ilvl, style_based = self.style_num[style]
            if num_id is not None:
                return num_id, ilvl
            style = style_based
        return None, 0

    def token(self, p) -> str:
        """The token Word shows before paragraph ``p`` ("" when it is not numbered)."""
        num_id, ilvl = self._num_of(p)
        abstract = self.nums.get(num_id or "")
        levels = self.levels.get(abstract or "")
        if not levels or ilvl not in levels or not 0 <= ilvl < 9:
            return ""
        counts = self.counters.setdefault(abstract, [0] * 9)
        counts[ilvl] += 1
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = 0
        start, fmt, text = levels[ilvl]
        if _format(1, fmt) is None or not text:
            return ""
        out = text
        for level in range(ilvl, -1, -1):
            lv_start, lv_fmt, _t = levels.get(level, (1, "decimal", ""))
            shown = _format(lv_start - 1 + max(counts[level], 1), lv_fmt) or ""
            out = out.replace(f"%{level + 1}", shown)
        return out
