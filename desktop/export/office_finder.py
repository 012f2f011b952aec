"""Where the office programs that make PDFs are: LibreOffice (or a LibreOffice-based
suite such as 國發會／數位部「ODF 文件應用工具」) and, on Windows, Microsoft Word.

Windows installs them in places PATH does not reach: either Program Files folder,
a per-user folder, or only the registry's App Paths. The console launcher
``soffice.com`` sits next to ``soffice.exe`` and comes first in PATHEXT order; started
from the windowed GUI it flashes a console window, so only ``soffice.exe`` is used.
"""
from __future__ import annotations

import glob
import os
import shutil
import sys

SOFFICE_ENV = "PLANDESK_SOFFICE"
APP_PATHS = r"SOFTWARE\Microsoft\Windows\CurrentVersion\App Paths"
# LibreOffice ("LibreOffice", older "LibreOffice 7"), the NDC/MODA ODF Application
# Tools ("NDC ODF Application Tools 6", "MODA ODF Application Tools") and OxOffice.
SUITE_FOLDERS = ("LibreOffice*", "*ODF Application Tools*", "OxOffice*")
PROGRAM_ROOTS = ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)")
_POSIX_NAMES = ("soffice", "libreoffice", "/Applications/LibreOffice.app/Contents/MacOS/soffice")


def is_windows() -> bool:
    return sys.platform == "win32"


def find_soffice(configured: str | None = None) -> str | None:
    """The LibreOffice program, or None.

    ``configured`` (the program the clerk picked in 設定) wins while it exists;
    then ``PLANDESK_SOFFICE`` (empty: "none", for tests and locked-down PCs);
    then the usual places of this OS."""
    if configured and os.path.isfile(configured):
        return _console_free(configured)
    override = os.environ.get(SOFFICE_ENV)
    if override is not None:
        found = override and shutil.which(override)
        return _console_free(found) if found else None
    found = soffice_candidates()
    return found[0] if found else None


def soffice_candidates() -> list[str]:
    """Every LibreOffice program found automatically, best first, without duplicates."""
    if not is_windows():
        return _unique(filter(None, map(shutil.which, _POSIX_NAMES)))
    found = _registry_app_paths("soffice.exe")
    for root in _program_roots():
        for pattern in SUITE_FOLDERS:
            found += sorted(glob.glob(os.path.join(glob.escape(root), pattern, "program", "soffice.exe")),
                            reverse=True)  # "LibreOffice 7" before "LibreOffice 6"
    on_path = shutil.which("soffice.exe")
    if on_path:
        found.append(on_path)
    return _unique(_console_free(path) for path in found if os.path.isfile(path))


def find_word() -> bool:
    """Whether Microsoft Word can be automated here (its COM class is registered)."""
    if not is_windows():
        return False
    winreg = _winreg()
    try:
        with winreg.OpenKey(winreg.HKEY_CLASSES_ROOT, r"Word.Application\CLSID"):
            return True
    except OSError:
        return False


def _program_roots() -> list[str]:
    roots = [os.environ.get(name) for name in PROGRAM_ROOTS]
    local = os.environ.get("LOCALAPPDATA")
    if local:
        roots.append(os.path.join(local, "Programs"))  # per-user installs
    return _unique(root for root in roots if root)


def _registry_app_paths(exe: str) -> list[str]:
    """The default value of App Paths\\<exe> in HKLM (64- and 32-bit views) and HKCU."""
    winreg = _winreg()
    views = (winreg.KEY_WOW64_64KEY, winreg.KEY_WOW64_32KEY)
    keys = [(winreg.HKEY_LOCAL_MACHINE, view) for view in views] + [(winreg.HKEY_CURRENT_USER, 0)]
    found = []
    for hive, view in keys:
        try:
            with winreg.OpenKey(hive, f"{APP_PATHS}\\{exe}", 0, winreg.KEY_READ | view) as key:
                value, _kind = winreg.QueryValueEx(key, "")
        except OSError:
            continue
        if value:
            found.append(os.path.expandvars(str(value).strip().strip('"')))
    return found


def _winreg():
    """The registry module (a parameter-free seam: tests put a fake into sys.modules)."""
    import winreg
    return winreg


def _console_free(path: str) -> str:
    """``soffice.exe`` instead of the console launcher ``soffice.com`` next to it."""
    if is_windows() and path.lower().endswith(".com"):
        exe = path[:-4] + ".exe"
        if os.path.isfile(exe):
            return exe
    return path


def _unique(paths) -> list[str]:
    seen, out = set(), []
    for path in paths:
        key = os.path.normcase(path)
        if key not in seen:
            seen.add(key)
            out.append(path)
    return out


__all__ = ["SOFFICE_ENV", "find_soffice", "find_word", "soffice_candidates", "is_windows"]
