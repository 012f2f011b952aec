"""Work around a reference-count bug of the installed PySide6 on Python < 3.12.

PySide6 6.12 (built for Python 3.12+, where None/True/False are immortal)
returns ``None`` from every void Qt method without taking a reference. On
Python 3.11 each such call (``setObjectName``, ``endInsertRows`` …) drops one
reference to ``None``; after some ten thousand calls Python aborts with
"none_dealloc: deallocating None". These three objects are static and never
freed, so giving them a huge extra count is harmless and stops the crash.
"""
from __future__ import annotations

import ctypes
import sys

_EXTRA = 1 << 40  # far more than any session can drop; the counter is 64 bits


def guard_static_refcounts() -> None:
    if sys.version_info >= (3, 12) or getattr(sys, "_plandesk_refcount_guard", False):
        return
    for obj in (None, True, False):
        ctypes.c_ssize_t.from_address(id(obj)).value += _EXTRA
    sys._plandesk_refcount_guard = True
