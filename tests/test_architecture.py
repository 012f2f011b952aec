"""The core (everything but desktop/gui) imports no Qt: the CLI and the
exporters run where no display libraries are installed."""
import pkgutil
import subprocess
import sys

import desktop
from conftest import ROOT


def test_core_modules_import_no_qt():
    core = sorted(info.name for info in pkgutil.walk_packages(desktop.__path__, "desktop.")
                  if not info.name.startswith("desktop.gui") and not info.name.endswith("__main__"))
    assert {"desktop.library", "desktop.export", "desktop.importer", "desktop.checks", "desktop.cli"} <= set(core)
    code = ("import importlib, sys\n"
            f"for name in {core!r}: importlib.import_module(name)\n"
            "print(sorted(m for m in sys.modules if m.startswith('PySide6')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
