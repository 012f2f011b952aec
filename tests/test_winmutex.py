"""The named mutex the running program holds for the installer's AppMutex:
created under both names on Windows (simulated with a fake kernel32), nothing
elsewhere, held by the entry script of both executables before anything runs."""
import ctypes
import re
import sys
from types import SimpleNamespace

from conftest import ROOT
from desktop import winmutex


class Function:
    """A ctypes foreign function stand-in: callable, takes restype/argtypes."""

    def __init__(self, body):
        self.body = body

    def __call__(self, *args):
        return self.body(*args)


class FakeKernel32:
    def __init__(self, refuse=()):
        self.created, self.closed, self.refuse = [], [], refuse
        self.CreateMutexW = Function(self._create)
        self.CloseHandle = Function(self.closed.append)

    def _create(self, attributes, initial_owner, name):
        assert attributes is None and initial_owner is False  # opened, never owned or waited on
        if name in self.refuse:
            return 0
        self.created.append(name)
        return 100 + len(self.created)


def fake_windows(monkeypatch, kernel32):
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(ctypes, "WinDLL", lambda name, use_last_error=False: kernel32, raising=False)


def test_windows_creates_the_session_and_global_mutex_and_releases_them(monkeypatch):
    kernel32 = FakeKernel32()
    fake_windows(monkeypatch, kernel32)
    held = winmutex.hold_running_mutex()
    assert kernel32.created == ["PlanDesk.Running", "Global\\PlanDesk.Running"]
    assert held.handles == [101, 102]
    held.release()
    assert sorted(kernel32.closed) == [101, 102] and held.handles == []


def test_a_refused_global_name_does_not_stop_the_program(monkeypatch):
    kernel32 = FakeKernel32(refuse={"Global\\PlanDesk.Running"})
    fake_windows(monkeypatch, kernel32)
    assert winmutex.hold_running_mutex().handles == [101]


def test_nothing_happens_off_windows(monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(ctypes, "WinDLL", lambda *a, **k: (_ for _ in ()).throw(AssertionError("called")),
                        raising=False)
    assert winmutex.hold_running_mutex().handles == []


def test_installer_waits_for_exactly_these_names():
    iss = (ROOT / "packaging" / "plandesk.iss").read_text(encoding="utf-8-sig")
    name = re.search(r'#define AppMutexName "([^"]+)"', iss).group(1)
    app_mutex = re.search(r"^AppMutex=(.*)$", iss, re.M).group(1).strip()
    expanded = [part.replace("{#AppMutexName}", name) for part in app_mutex.split(",")]
    assert tuple(expanded) == winmutex.MUTEX_NAMES


def test_both_executables_hold_the_mutex_before_running(monkeypatch):
    """plandesk.exe and plandesk-cli.exe run one entry script: it takes the mutex, then main()."""
    import runpy
    events = []
    monkeypatch.setattr(winmutex, "hold_running_mutex", lambda: events.append("mutex") or SimpleNamespace())
    monkeypatch.setattr("desktop.cli.main", lambda: events.append("main") or 0)
    try:
        runpy.run_path(str(ROOT / "packaging" / "plandesk_entry.py"), run_name="__main__")
    except SystemExit as exc:
        assert exc.code == 0
    assert events == ["mutex", "main"]
