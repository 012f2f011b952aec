"""Gather the license texts of everything the bundle ships into
``resources/licenses/`` plus ``components.json`` (what the About box lists).

    .venv/bin/python packaging/collect_licenses.py

Which packages and which versions come from ``uv.lock``: the runtime closure of
plandesk's own dependencies (no test or packaging groups), for Linux and
Windows alike, plus PyInstaller, whose bootloader is inside the bundle. Run it
after every lock upgrade; tests/test_packaging_about.py fails when the lock has
a runtime package, or a version, that components.json does not list. Texts come
from the installed distributions' own license files (``bash .ci/setup`` installs
exactly the locked versions), the Python install, and Debian's
/usr/share/common-licenses for the GNU and Apache texts.
"""
from __future__ import annotations

import importlib.metadata as md
import json
import platform
import sys
import sysconfig
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "licenses"
LOCK = ROOT / "uv.lock"
COMMON = Path("/usr/share/common-licenses")

# The license shown in the About box, per locked package (the metadata's own
# fields are too uneven to show as they are).
LICENSE_NAMES = {
    "pyside6-essentials": "LGPL-3.0-only", "shiboken6": "LGPL-3.0-only",
    "python-docx": "MIT", "lxml": "BSD-3-Clause", "odfpy": "Apache-2.0（亦可選 LGPL-2.1／GPL-2.0）",
    "defusedxml": "PSF-2.0", "sqlite-utils": "Apache-2.0", "sqlite-fts4": "Apache-2.0",
    "click": "BSD-3-Clause", "click-default-group": "Apache-2.0", "colorama": "BSD-3-Clause",
    "tabulate": "MIT", "python-dateutil": "Apache-2.0 / BSD-3-Clause", "six": "MIT", "tzdata": "Apache-2.0",
    "pluggy": "MIT", "typing-extensions": "PSF-2.0", "pypdfium2": "Apache-2.0 / BSD-3-Clause（PDFium）",
    "pyinstaller": "GPL-2.0（附開機程式例外條款）",
}
# Runtime dependencies of sqlite-utils that PlanDesk never imports, so the bundle lacks them.
NOT_SHIPPED = ("pip",)
# Not a runtime dependency, but its bootloader is part of every bundle.
BUNDLED_TOOLS = ("pyinstaller",)


def locked_runtime_packages(lock_path: Path = LOCK) -> dict[str, str]:
    """{package name: version} of plandesk's runtime closure in the lock,
    on every platform the lock covers, plus the bundled build tools."""
    packages = {p["name"]: p for p in tomllib.loads(lock_path.read_text(encoding="utf-8"))["package"]}
    seen, todo = {}, [d["name"] for d in packages["plandesk"].get("dependencies", [])]
    todo += list(BUNDLED_TOOLS)
    while todo:
        name = todo.pop()
        if name in seen or name in NOT_SHIPPED:
            continue
        seen[name] = packages[name]["version"]
        if name not in BUNDLED_TOOLS:
            todo += [d["name"] for d in packages[name].get("dependencies", [])]
    return seen


def dist_license_text(dist: md.Distribution) -> str:
    files = [f for f in dist.files or [] if f.name.upper().startswith(("LICENSE", "COPYING", "LICENCE"))]
    return "\n\n".join(Path(dist.locate_file(f)).read_text(encoding="utf-8", errors="replace") for f in files)


def write(name: str, text: str) -> str:
    (OUT / name).write_text(text.strip() + "\n", encoding="utf-8")
    return name


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    lgpl = write("LGPL-3.0.txt", (COMMON / "LGPL-3").read_text(encoding="utf-8"))
    gpl = write("GPL-3.0.txt", (COMMON / "GPL-3").read_text(encoding="utf-8"))
    apache = write("Apache-2.0.txt", (COMMON / "Apache-2.0").read_text(encoding="utf-8"))
    python_license = Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt"
    components = [
        {"name": "Python", "version": platform.python_version(), "license": "PSF-2.0",
         "files": [write("Python.txt", python_license.read_text(encoding="utf-8"))], "url": "https://www.python.org"},
        {"name": "Qt", "version": "", "license": "LGPL-3.0-only", "files": [lgpl, gpl],
         "url": "https://www.qt.io/licensing/open-source-lgpl-obligations"},
    ]
    for name, version in sorted(locked_runtime_packages().items()):
        try:
            dist = md.distribution(name)
        except md.PackageNotFoundError:  # a Windows-only package, seen on Linux
            dist = None
        if dist is not None and dist.version != version:
            raise SystemExit(f"{name} {dist.version} is installed but the lock has {version}: run bash .ci/setup first")
        license_name = LICENSE_NAMES[name]
        files = []
        own = dist_license_text(dist) if dist else ""
        if own.strip():
            files.append(write(f"{name}.txt", own))
        elif dist is None and (OUT / f"{name}.txt").is_file():
            files.append(f"{name}.txt")  # kept from a run where it was installed
        if "LGPL-3.0" in license_name:
            files += [lgpl, gpl]
        elif license_name.startswith("Apache-2.0") and not files:
            files.append(apache)
        components.append({"name": dist.metadata["Name"] if dist else name, "distribution": name,
                           "version": version, "license": license_name, "files": files,
                           "url": (dist.metadata.get("Home-page") or "") if dist else ""})
    icu = Path("/usr/share/doc/libicu72/copyright")
    components.append({"name": "ICU（Qt 內附）", "version": "", "license": "Unicode-3.0",
                       "files": [write("ICU.txt", icu.read_text(encoding="utf-8"))] if icu.is_file() else [],
                       "url": "https://github.com/unicode-org/icu/blob/main/LICENSE"})
    components.append({"name": "SQLite", "version": "", "license": "Public Domain", "files": [],
                       "url": "https://www.sqlite.org/copyright.html"})
    components.append({"name": "OpenSSL（Python 內附）", "version": "", "license": "Apache-2.0",
                       "files": [apache], "url": "https://www.openssl.org/source/license.html"})
    data = {"not_shipped": list(NOT_SHIPPED), "components": components}
    (OUT / "components.json").write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(components)} components → {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
