"""Shared setup for the GUI tests: a library with fixture plans, a main window,
and answers for message boxes (recorded instead of shown)."""
from __future__ import annotations

import contextlib
import subprocess
import sys
import textwrap

from desktop.exchange import read_plan_file
from desktop.library import Library

from conftest import fixture_path


class Dialogs:
    """Records errors/infos and answers questions with ``answer``."""

    def __init__(self, monkeypatch, answer: bool = True):
        from desktop.gui import dialogs
        self.errors: list[str] = []
        self.questions: list[str] = []
        self.answer = answer
        monkeypatch.setattr(dialogs, "show_error", lambda parent, msg: self.errors.append(msg))
        monkeypatch.setattr(dialogs, "show_info", lambda parent, msg: self.errors.append(msg))
        monkeypatch.setattr(dialogs, "ask", self._ask)

    def _ask(self, parent, message):
        self.questions.append(message)
        return self.answer


def library_with(path, *names) -> tuple[Library, list[int]]:
    library = Library.open(path)
    ids = [library.add_plan(read_plan_file(fixture_path(name))) for name in names]
    return library, ids


def make_window(qtbot, library, plan_id=None, read_only=False):
    from desktop.gui.main_window import MainWindow
    window = MainWindow(library, read_only=read_only, restore=False)
    qtbot.addWidget(window)
    if plan_id is not None:
        window.open_plan(plan_id)
    return window


def shown_window(qtbot, library, plan_id=None):
    """A main window on ``plan_id`` of the library, shown and exposed (keys and grabs work)."""
    window = make_window(qtbot, library, plan_id)
    window.show()
    qtbot.waitExposed(window)
    return window


def reopen(library) -> Library:
    """A second connection to the same file: what is really on disk."""
    return Library.open(library.path)


def titles(nodes) -> list[str]:
    return [n.title or n.text[:10] for n in nodes]


def type_text(widget, text: str) -> None:
    """Type ``text`` key by key (QTest cannot type non-Latin-1 characters):
    each character is a real key press with that text, as an IME delivers it."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication
    for char in text:
        for kind in (QEvent.KeyPress, QEvent.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key_unknown, Qt.NoModifier, char))


@contextlib.contextmanager
def lock_held_by_another_process(library_path):
    """Another program holds the instance lock of ``library_path`` while inside."""
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import time
        from desktop.gui.instance_lock import InstanceLock
        lock = InstanceLock({str(library_path)!r})
        print(lock.acquired, flush=True)
        time.sleep(60)
    """)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "True"
        yield
    finally:
        holder.kill()
        holder.wait()
