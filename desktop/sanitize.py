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
