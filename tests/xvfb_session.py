"""A real X display for GUI tests: Xvfb on a free display, the real
``python -m desktop gui --db ...`` on the xcb platform, and xdotool for real key
and mouse events (the X server delivers them exactly as from a keyboard, so Qt's
shortcut map, focus handling and drag and drop all take part).

Run as a script (``python xvfb_session.py DB``) it is the *probe*: the same window
the program opens on that library, whose row positions it prints as JSON, so the
tests know where to click and drag without guessing pixel offsets.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path


SCREEN = "3000x1000x24"  # room for two windows side by side
HERE = Path(__file__).resolve().parent


def missing_tools() -> list[str]:
    return [tool for tool in ("Xvfb", "xdotool") if shutil.which(tool) is None]


def wait_for(condition, timeout: float = 20.0, what: str = "condition"):
    """Poll ``condition()`` until it returns something truthy; fail after ``timeout`` s."""
    end = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


class XSession:
    """One Xvfb server; :meth:`launch` starts the program on it."""

    def __init__(self, logs: Path):
        self.logs = logs  # the programs' stderr (a pipe nobody reads could fill and stall them)
        self._start_server()
        self.env = dict(os.environ, DISPLAY=self.display, QT_QPA_PLATFORM="xcb",
                        PYTHONPATH=os.pathsep.join(filter(None, [str(HERE.parent), os.environ.get("PYTHONPATH")])))
        self.env.pop("WAYLAND_DISPLAY", None)
        self.apps: list[subprocess.Popen] = []
        self.window = ""  # the window that clicks and drags are relative to: the last launched

    def _start_server(self) -> None:
        """Xvfb on a display it picks itself (``-displayfd``: it writes the number once it
        accepts connections), so parallel test runs never race for the same one."""
        read_end, write_end = os.pipe()
        self.server = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-screen", "0", SCREEN,
                                        "-nolisten", "tcp"], pass_fds=(write_end,),
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write_end)
        with os.fdopen(read_end) as numbers:
            number = numbers.readline().strip()  # empty when Xvfb could not start
        if not number:
            self.server.wait(timeout=10)
            raise RuntimeError("Xvfb did not start")
        self.display = f":{number}"

    def probe(self, db: Path) -> dict[str, list[int]]:
        """Centre of each visible row of the window the program opens on ``db`` (window
        coordinates), by node id; run before :meth:`launch` (it holds the same lock)."""
        out = subprocess.run([sys.executable, str(HERE / "xvfb_session.py"), str(db)], env=self.env,
                             capture_output=True, text=True, timeout=60)
        assert out.returncode == 0, out.stderr
        return json.loads(out.stdout.strip().splitlines()[-1])

    def launch(self, db: Path, x: int = 0) -> str:
        """Start ``plandesk gui --db`` with its window's left edge at ``x``; its X window id."""
        log = self.logs / f"app{len(self.apps)}.log"
        with open(log, "w") as err:
            app = subprocess.Popen([sys.executable, "-m", "desktop", "gui", "--db", str(db)],
                                   env=self.env, cwd=HERE.parent, stdout=subprocess.DEVNULL, stderr=err)
        self.apps.append(app)
        self.window = wait_for(lambda: self._find_window(app, log), 30, "the PlanDesk window")
        if x:
            self.xdo("windowmove", "--sync", self.window, x, 0)
        self.focus(self.window)
        return self.window

    def messages(self, index: int = 0) -> str:
        """What program ``index`` (in launch order) wrote to stderr so far (Qt's warnings)."""
        return (self.logs / f"app{index}.log").read_text(encoding="utf-8", errors="replace")

    def focus(self, window: str) -> None:
        self.window = window
        self.xdo("windowfocus", "--sync", window)
        time.sleep(0.3)  # let Qt take the focus in

    def _find_window(self, app: subprocess.Popen, log: Path) -> str:
        if app.poll() is not None:
            raise AssertionError(f"the program ended: {log.read_text()}")
        out = subprocess.run(["xdotool", "search", "--all", "--onlyvisible", "--pid", str(app.pid),
                              "--name", "— PlanDesk$"], env=self.env, capture_output=True, text=True)
        return out.stdout.split()[0] if out.stdout.split() else ""

    def xdo(self, *args) -> str:
        out = subprocess.run(["xdotool", *map(str, args)], env=self.env, capture_output=True,
                             text=True, timeout=30)
        assert out.returncode == 0, out.stderr
        return out.stdout

    def key(self, *keys: str) -> None:
        """Real key presses, e.g. ``key("shift+Tab")``; a short pause lets the program act."""
        for name in keys:
            self.xdo("key", "--clearmodifiers", name)
            time.sleep(0.15)

    def type(self, text: str) -> None:
        self.xdo("type", "--delay", "40", text)
        time.sleep(0.15)

    def click(self, point) -> None:
        self.xdo("mousemove", "--window", self.window, point[0], point[1], "click", "1")
        time.sleep(0.2)

    def drag(self, start, end, onto: str = "") -> None:
        """Press on ``start``, move in small steps (Qt starts a drag past a few pixels), release
        on ``end`` — in the window ``onto`` when given (a drag between two programs)."""
        self.xdo("mousemove", "--window", self.window, start[0], start[1], "mousedown", "1")
        origin = self._origin(self.window)
        target = self._origin(onto) if onto else origin
        end = (end[0] + target[0] - origin[0], end[1] + target[1] - origin[1])
        steps = 12
        for i in range(1, steps + 1):
            x = start[0] + (end[0] - start[0]) * i // steps
            y = start[1] + (end[1] - start[1]) * i // steps
            self.xdo("mousemove", origin[0] + x, origin[1] + y)
            time.sleep(0.04)
        time.sleep(0.3)
        self.xdo("mouseup", "1")
        time.sleep(0.3)

    def _origin(self, window: str) -> tuple[int, int]:
        out = self.xdo("getwindowgeometry", "--shell", window)
        values = dict(line.split("=", 1) for line in out.split())
        return int(values["X"]), int(values["Y"])

    def close(self) -> None:
        for process in (*self.apps, self.server):
            if process is not None and process.poll() is None:
                process.terminate()
                try:
                    process.wait(10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


def _probe(db: str) -> None:
    from desktop.gui.app import create_main_window, make_application
    app = make_application([])
    window = create_main_window(Path(db))
    window.show()
    for _ in range(40):
        app.processEvents()
        time.sleep(0.01)
    tree, model = window.tree, window.model
    rows = {}
    for node in window.document.plan.walk():
        rect = tree.visualRect(model.index_of(node.id))
        if rect.isValid() and tree.viewport().rect().contains(rect.center()):
            point = tree.viewport().mapTo(window, rect.center())
            rows[node.id] = [point.x() - rect.width() // 3, point.y()]  # on the text, not the branch
    print(json.dumps(rows))
    sys.stdout.flush()
    window.instance_lock.release()
    os._exit(0)  # no closeEvent: the saved window state stays what the program will read


if __name__ == "__main__":
    _probe(sys.argv[1])
