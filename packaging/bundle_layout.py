"""What goes into the bundle and where it ends up; shared by the spec, the
build command, the smoke test and the packaging benchmark."""
from __future__ import annotations

import ast
import os
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
DATA_DIRS = ("db", "templates", "resources")

# Qt and Python modules PlanDesk never uses; some hooks would pull them in
# (and with them 100+ MB of QML/Chromium). The GUI uses QtCore/QtGui/QtWidgets
# (plus QtPrintSupport/QtSvg if present).
EXCLUDED_MODULES = [
    "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets", "PySide6.QtQuickControls2",
    "PySide6.QtQuick3D", "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebEngineQuick", "PySide6.QtWebChannel", "PySide6.QtWebSockets", "PySide6.QtWebView",
    "PySide6.Qt3DCore", "PySide6.Qt3DRender", "PySide6.Qt3DInput", "PySide6.Qt3DLogic",
    "PySide6.Qt3DAnimation", "PySide6.Qt3DExtras", "PySide6.QtMultimedia",
    "PySide6.QtMultimediaWidgets", "PySide6.QtCharts", "PySide6.QtDataVisualization",
    "PySide6.QtGraphs", "PySide6.QtBluetooth", "PySide6.QtNfc", "PySide6.QtPositioning",
    "PySide6.QtLocation", "PySide6.QtSensors", "PySide6.QtSerialPort", "PySide6.QtSerialBus",
    "PySide6.QtDesigner", "PySide6.QtHelp", "PySide6.QtTest", "PySide6.QtSql",
    "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets", "PySide6.QtPdf", "PySide6.QtPdfWidgets",
    "PySide6.QtRemoteObjects", "PySide6.QtScxml", "PySide6.QtStateMachine",
    "PySide6.QtTextToSpeech", "PySide6.QtSpatialAudio", "PySide6.QtHttpServer",
    "readline", "tkinter", "lxml.objectify", "lxml.html", "lxml.isoschematron",
    "pytest", "pytestqt", "hypothesis", "IPython", "matplotlib", "numpy",
    # PlanDesk never goes online: TLS (and OpenSSL's 5 MB) only come in because
    # xml.sax imports urllib.request, which does without them (hashlib too).
    "ssl", "_ssl", "_hashlib",
]

# Qt plugin folders a desktop form editor does not need: Wayland compositor
# side, QML tooling, designer, SQL drivers, embedded-Linux input and EGL
# devices, network status and TLS backends (PlanDesk never goes online).
_DROPPED_PLUGIN_DIRS = ("qmltooling", "designer", "sqldrivers", "wayland-graphics-integration-server",
                        "egldeviceintegrations", "generic", "networkinformation", "tls")
# Platform plugins kept: desktop X11/Wayland/Windows/macOS plus offscreen and
# minimal (headless runs, the smoke test); not framebuffer/EGL/VNC kiosks.
_KEPT_PLATFORMS = ("qxcb", "qwayland", "qoffscreen", "qminimal.", "qwindows", "qcocoa", "qdirect2d")
# The GTK3 platform theme cannot load without GTK (never bundled) yet drags
# in cairo/pango/gdk-pixbuf; the EGLFS libraries serve only kiosk platforms. QtNetwork stays:
# QLocalServer/QLocalSocket hand a second launch to the running window (gui/single_instance.py).
# Shared libraries used by nothing else in the bundle (checked with objdump
# NEEDED lists on Debian 12) go with them.
_DROPPED_LIBS = ("libqgtk3.", "libQt6EglFS", "libQt6EglFs", "libcairo", "libpango", "libatk-",
                 "libgdk_pixbuf", "libthai.", "libdatrie.", "libpixman-", "libfribidi.", "libharfbuzz.",
                 "libgraphite2.", "libjpeg.", "libgio-", "libgmodule-", "libmount.", "libselinux.",
                 "libblkid.",
                 # OpenSSL: only TLS used it (Python's ssl/_hashlib and Qt's tls plugins are left out)
                 "libssl.", "libcrypto.",
                 # image formats no plan, icon or dialog uses (PNG is built in; ICO, SVG, JPEG, GIF stay)
                 "libqtiff.", "libqwebp.", "libqicns.", "libqtga.", "libqwbmp.", "qtiff.", "qwebp.", "qicns.",
                 "qtga.", "qwbmp.")
# Qt ships ~30 languages of its own dialog translations; keep ours.
_KEPT_TRANSLATIONS = ("_zh_TW", "_en")


def keep_binary(dest: str) -> bool:
    """False for Qt plugins PlanDesk never loads."""
    path = Path(dest)
    if path.name.startswith(_DROPPED_LIBS):
        return False
    if "plugins" not in path.parts:
        return True
    if path.parent.name == "platforms":
        return any(name in path.name for name in _KEPT_PLATFORMS)
    return not any(d in path.parts for d in _DROPPED_PLUGIN_DIRS)


def keep_data(dest: str) -> bool:
    """False for Qt translations of languages other than zh-TW and English."""
    path = Path(dest)
    if path.suffix == ".qm" and "translations" in path.parts and "PySide6" in path.parts:
        return path.stem.endswith(_KEPT_TRANSLATIONS)
    return True


def data_script_imports(folder: Path) -> list[str]:
    """Modules imported by the .py files shipped as data (db/migrations are
    loaded from files at run time, so PyInstaller never sees their imports)."""
    names = set()
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
    return sorted(names)


def utf8_output() -> None:
    """Print Chinese messages on Windows consoles with legacy code pages too."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")


def source_metadata() -> dict[str, str]:
    """``__version__`` (from pyproject.toml, the one version source), ``APP_NAME``
    and ``ORG_NAME`` (desktop/__init__.py), read as text so the build tools need
    not import the program."""
    text = (ROOT / "desktop" / "__init__.py").read_text(encoding="utf-8")
    names = dict(re.findall(r'^(APP_NAME|ORG_NAME)\s*=\s*"([^"]*)"', text, re.M))
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {"__version__": project["version"], **names}


def bundle_dir(dist: Path = DIST) -> Path:
    """``dist/<APP_NAME>``: the folder PyInstaller's COLLECT writes."""
    return dist / source_metadata()["APP_NAME"]


def executable(dist: Path = DIST, console: bool = True) -> Path:
    """The built program; on Windows the console twin serves the CLI."""
    if sys.platform == "win32":
        return bundle_dir(dist) / ("plandesk-cli.exe" if console else "plandesk.exe")
    return bundle_dir(dist) / "plandesk"


def size_on_disk(folder: Path) -> int:
    """Bytes the folder takes on disk (allocated blocks where the OS reports them)."""
    total = 0
    for base, _dirs, files in os.walk(folder):
        for name in files:
            st = os.lstat(os.path.join(base, name))
            total += st.st_blocks * 512 if hasattr(st, "st_blocks") else st.st_size
    return total
