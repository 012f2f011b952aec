"""Running an office program (LibreOffice, or PowerShell driving Word) as a converter.

What it takes to start one cleanly from the Windows bundle:

* no console window (``CREATE_NO_WINDOW``): the GUI is a windowed program;
* a clean environment: PyInstaller puts the bundle's ``_internal`` on PATH and sets
  its own variables; LibreOffice would then load the bundle's msvcp140/vcruntime;
* the default DLL search path: the bootloader's ``SetDllDirectoryW(_MEIPASS)`` is
  inherited by child processes, so it is reset around the start and put back after
  (PlanDesk itself still loads Qt plugins from ``_internal`` later);
* on a timeout the whole process tree ends (``soffice`` starts ``soffice.bin``;
  killing only the launcher leaves it running).
"""
from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from typing import Callable

from ..errors import PlanDeskError

# PyInstaller's bootloader variables; LD_LIBRARY_PATH is restored from its _ORIG copy.
_BUNDLE_VARS = ("_MEIPASS2", "_PYI_APPLICATION_HOME_DIR", "_PYI_ARCHIVE_FILE",
                "_PYI_PARENT_PROCESS_LEVEL", "_PYI_SPLASH_IPC", "PYTHONHOME", "PYTHONPATH")
_LIBRARY_PATHS = ("LD_LIBRARY_PATH", "DYLD_LIBRARY_PATH")
CREATE_NO_WINDOW = 0x08000000
CREATE_NEW_PROCESS_GROUP = 0x00000200


def clean_env(environ: dict[str, str] | None = None, bundle: str | None = None) -> dict[str, str]:
    """``environ`` (default: this process's) without what the frozen bundle added."""
    env = dict(os.environ if environ is None else environ)
    bundle = getattr(sys, "_MEIPASS", None) if bundle is None else bundle
    for name in _BUNDLE_VARS:
        env.pop(name, None)
    for name in _LIBRARY_PATHS:
        original = env.pop(name + "_ORIG", None)
        if original is not None:
            env[name] = original
        elif bundle:
            env.pop(name, None)
    if bundle and env.get("PATH"):
        inside = os.path.normcase(os.path.normpath(bundle))
        kept = [entry for entry in env["PATH"].split(os.pathsep)
                if entry and not os.path.normcase(os.path.normpath(entry)).startswith(inside)]
        env["PATH"] = os.pathsep.join(kept)
    return env


@contextlib.contextmanager
def default_dll_search():
    """Undo the frozen app's SetDllDirectoryW for the child being started (Windows only)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if sys.platform != "win32" or not getattr(sys, "frozen", False) or not bundle:
        yield
        return
    import ctypes
    kernel32 = ctypes.windll.kernel32
    kernel32.SetDllDirectoryW(None)
    try:
        yield
    finally:
        kernel32.SetDllDirectoryW(bundle)


def spawn_options() -> dict:
    """Popen arguments: own process group (POSIX session), no window, clean environment."""
    if sys.platform == "win32":
        return {"creationflags": CREATE_NO_WINDOW | CREATE_NEW_PROCESS_GROUP, "env": clean_env()}
    return {"start_new_session": True, "env": clean_env()}


def taskkill(pid: int) -> None:
    """End Windows process ``pid`` and its children."""
    subprocess.run(["taskkill", "/T", "/F", "/PID", str(pid)], stdin=subprocess.DEVNULL,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   creationflags=CREATE_NO_WINDOW, check=False)


def kill_tree(proc: subprocess.Popen) -> None:
    """End ``proc`` and every process it started."""
    if sys.platform == "win32":
        taskkill(proc.pid)
        with contextlib.suppress(OSError):
            proc.kill()  # taskkill missing or refused: at least the launcher
    else:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)


def run_converter(cmd: list[str], timeout: float, program: str, hint: str,
                  on_timeout: Callable[[], None] | None = None) -> tuple[int, bytes]:
    """Run ``cmd``; returns (exit code, stdout+stderr). ``program`` names it in the
    errors, ``hint`` says what to do when it cannot be started; ``on_timeout`` ends
    what is not in the tree (Word, started by COM, is not PowerShell's child)."""
    try:
        with default_dll_search():
            proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                    stderr=subprocess.STDOUT, **spawn_options())
    except OSError as exc:
        raise PlanDeskError(f"無法啟動 {program}（{exc.strerror or exc}）；{hint}") from exc
    try:
        output, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        kill_tree(proc)
        proc.communicate()
        if on_timeout is not None:
            on_timeout()
        raise PlanDeskError(f"{program} 超過 {int(timeout)} 秒仍未完成 PDF 轉檔，"
                            f"請關閉其他 {program} 視窗後再試，或改匯出 ODT。") from exc
    return proc.returncode, output or b""
