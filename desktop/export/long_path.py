"""Paths longer than Windows' classic MAX_PATH (260 characters).

Without the LongPathsEnabled policy, Windows file calls fail on such paths and
the clerk would read "not found". The ``\\\\?\\`` prefix lifts the limit for
the calls PlanDesk makes itself; programs it starts (LibreOffice, Word) only
ever get short temporary paths.
"""
from __future__ import annotations

import ntpath
import os
import sys
from pathlib import Path

MAX_PATH = 260


def extended(path: str | Path) -> str:
    """``path`` as a string Windows accepts at any length (unchanged elsewhere or when short)."""
    text = str(path)
    if sys.platform != "win32" or len(text) < MAX_PATH or text.startswith("\\\\?\\"):
        return text
    text = ntpath.abspath(text)  # also turns / into \\
    if text.startswith("\\\\"):  # \\server\share\... → \\?\UNC\server\share\...
        return "\\\\?\\UNC\\" + text[2:]
    return "\\\\?\\" + text
