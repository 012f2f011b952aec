"""Gather the license texts of everything the bundle ships into
``resources/licenses/`` plus ``components.json`` (what the About box lists).

    python3 packaging/collect_licenses.py

Run it after changing dependencies; tests/test_packaging_about.py fails when
a runtime dependency of plandesk is missing from components.json. Texts come
from the installed distributions' own license files, the Python install, and
Debian's /usr/share/common-licenses for the GNU and Apache texts.
"""
from __future__ import annotations

import importlib.metadata as md
import json
import platform
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "licenses"
COMMON = Path("/usr/share/common-licenses")

# Python distributions the bundle carries: (distribution, shown license)
DISTRIBUTIONS = [
    ("PySide6_Essentials", "LGPL-3.0-only"), ("shiboken6", "LGPL-3.0-only"),
    ("python-docx", "MIT"), ("lxml", "BSD-3-Clause"), ("odfpy", "Apache-2.0（亦可選 LGPL-2.1／GPL-2.0）"),
    ("defusedxml", "PSF-2.0"), ("sqlite-utils", "Apache-2.0"), ("sqlite-fts4", "Apache-2.0"),
    ("click", "BSD-3-Clause"), ("click-default-group", "Public Domain"), ("colorama", "BSD-3-Clause"),
    ("tabulate", "MIT"), ("python-dateutil", "Apache-2.0 / BSD-3-Clause"), ("six", "MIT"),
    ("pluggy", "MIT"), ("typing_extensions", "PSF-2.0"), ("pyinstaller", "GPL-2.0（附開機程式例外條款）"),
]
# Runtime dependencies of sqlite-utils that PlanDesk never imports, so the bundle lacks them.
NOT_SHIPPED = ("pip",)


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
    for dist_name, license_name in DISTRIBUTIONS:
        try:
            dist = md.distribution(dist_name)
        except md.PackageNotFoundError:
            print(f"not installed, skipped: {dist_name}", file=sys.stderr)
            continue
        files = []
        own = dist_license_text(dist)
        if own.strip():
            files.append(write(f"{dist.metadata['Name']}.txt", own))
        if "LGPL-3.0" in license_name:
            files += [lgpl, gpl]
        elif license_name.startswith("Apache-2.0") and not own.strip():
            files.append(apache)
        components.append({"name": dist.metadata["Name"], "distribution": dist_name, "version": dist.version,
                           "license": license_name, "files": files,
                           "url": (dist.metadata.get("Home-page") or "")})
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
