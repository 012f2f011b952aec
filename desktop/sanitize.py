"""Clean text pasted from Word before it enters the model or a document.

Word uses \\x0b for a manual line break and \\x0c for a page break; python-docx
raises ValueError on them and odfpy silently writes U+FFFD. Both become a line
break; other control characters and XML-illegal code points vanish.
"""
import re

_BREAKS = re.compile(r"\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_ILLEGAL = re.compile("[\x00-\x08\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def clean_text(text: str) -> str:
    """Return ``text`` safe for XML documents and SQLite: only \\n and \\t remain
    of the control characters."""
    if not text:
        return ""
    text = _BREAKS.sub("\n", text)
    return _ILLEGAL.sub("", text)


def clean_line(text: str) -> str:
    """Like :func:`clean_text` for one-line fields (titles, names): breaks become spaces."""
    return clean_text(text).replace("\n", " ").replace("\t", " ").strip()


# Characters that show nothing but change what is shown: bidi controls (RLO
# prints 「反向文字」 reversed), zero-width spaces/joiners, the BOM, soft hyphen.
INVISIBLE_NAMES = {
    "\u202a": "由左至右嵌入（LRE）", "\u202b": "由右至左嵌入（RLE）", "\u202c": "方向格式結束（PDF）",
    "\u202d": "由左至右覆寫（LRO）", "\u202e": "由右至左覆寫（RLO）",
    "\u2066": "由左至右隔離（LRI）", "\u2067": "由右至左隔離（RLI）", "\u2068": "方向隔離（FSI）",
    "\u2069": "方向隔離結束（PDI）", "\u200e": "由左至右標記（LRM）", "\u200f": "由右至左標記（RLM）",
    "\u061c": "阿拉伯字母標記（ALM）", "\u200b": "零寬空格", "\u200c": "零寬不連字", "\u200d": "零寬連字",
    "\u2060": "零寬不換行", "\ufeff": "零寬不換行空格（BOM）", "\u00ad": "軟連字號",
}
INVISIBLE = re.compile("[" + "".join(INVISIBLE_NAMES) + "]")


def invisible_chars(text: str) -> list[str]:
    """The distinct invisible or bidi control characters in ``text``, in order of appearance."""
    return list(dict.fromkeys(INVISIBLE.findall(text or "")))


def strip_invisible(text: str) -> str:
    return INVISIBLE.sub("", text or "")
