"""Find and replace in one plan (Ctrl+F / Ctrl+H), Qt-free."""
from .matches import Match, find, read_field
from .replace import replace_operation

__all__ = ["Match", "find", "read_field", "replace_operation"]
