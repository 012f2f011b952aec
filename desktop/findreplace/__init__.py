"""Find and replace in one plan (Ctrl+F / Ctrl+H), Qt-free."""
from .matches import Match, find, find_pattern, read_field
from .replace import replace_operation

__all__ = ["Match", "find", "find_pattern", "read_field", "replace_operation"]
