"""Find and replace in one plan (Ctrl+F / Ctrl+H): every match in document
order, and replacements built as ONE core operation so a whole 全部取代 is a
single undo step. Qt-free; the dialog in ``desktop/gui/find_replace.py`` is thin."""
from .matches import Match, find
from .replace import replace_operation

__all__ = ["Match", "find", "replace_operation"]
