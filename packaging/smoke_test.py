"""Smoke-test the BUILT PlanDesk bundle (not the source tree).

    python packaging/smoke_test.py [--exe dist/PlanDesk/plandesk] [--fixture FILE]

Checks, each against the executable in a fresh temporary library and fresh
user folders: ``--version``; a bad file gives one zh-TW sentence and exit 2;
import an example plan; list and export it as JSON with the same content;
export DOCX and ODT (and PDF when LibreOffice is installed, found the way the
program finds it); start the GUI offscreen with ``PLANDESK_SMOKE_EXIT_MS`` and
require a clean exit 0. Exit code 0 when every check passed, 1 otherwise.

On Windows every check runs ``plandesk-cli.exe``: ``plandesk.exe`` is windowed,
its stdout/stderr are None (nothing to check) and an early error would wait in a
message box until the timeout. Both are the same program (one entry script).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bundle_layout import ROOT, executable, source_metadata, utf8_output  # noqa: E402

DEFAULT_FIXTURE = ROOT / "templates" / "plans" / "examples" / "hualien-108.json"
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


class SmokeFailure(Exception):
    pass


def source_version() -> str:
    """The version the bundle must report, read from the source it was built from."""
    return source_metadata()["__version__"]


def isolated_env(home: Path, **extra: str) -> dict[str, str]:
    """Environment with throw-away user folders, so no real library is touched."""
    env = {k: v for k, v in os.environ.items() if k != "PLANDESK_DB"}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"),
               LOCALAPPDATA=str(home / "local"), APPDATA=str(home / "roaming"),
               QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")
    env.update(extra)
    return env


def run(exe: Path, args: list, env: dict, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([str(exe), *map(str, args)], capture_output=True, text=True, encoding="utf-8",
                          errors="replace", env=env, timeout=timeout)


def expect(cond: bool, what: str, proc: subprocess.CompletedProcess | None = None) -> None:
    if not cond:
        detail = f"\n  exit {proc.returncode}\n  stdout: {proc.stdout[-800:]}\n  stderr: {proc.stderr[-1500:]}" if proc else ""
        raise SmokeFailure(what + detail)


def titles(nodes: list[dict]) -> list[str]:
    """Every item title of an exchange-format tree, depth first."""
    out = []
    for node in nodes:
        out.append(node.get("title", ""))
        out.extend(titles(node.get("children", [])))
    return out


def xml_text(archive: Path, member: str) -> str:
    """The text of one XML part of a DOCX/ODT with tags removed (runs joined)."""
    with zipfile.ZipFile(archive) as zf:
        return re.sub(r"<[^>]+>", "", zf.read(member).decode("utf-8"))


def check_version(exe, env):
    proc = run(exe, ["--version"], env)
    expect(proc.returncode == 0 and proc.stdout.strip() == f"PlanDesk {source_version()}",
           f"--version should print PlanDesk {source_version()}", proc)
    return proc.stdout.strip()


def source_subcommands() -> set[str]:
    """Subcommands of the source tree the bundle was built from."""
    sys.path.insert(0, str(ROOT))
    from desktop.cli import build_parser
    actions = [a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)]
    return set(actions[0].choices) if actions else set()


def check_subcommands(exe, env) -> str:
    """Every desktop/cli/*_cmds.py module made it into the bundle (found at run time by name)."""
    proc = run(exe, ["--help"], env)
    listed = re.search(r"\{([\w,-]+)\}", proc.stdout)
    bundled = set(listed.group(1).split(",")) if listed else set()
    missing = source_subcommands() - bundled
    expect(proc.returncode == 0 and not missing, f"the bundle lacks subcommands {sorted(missing)}", proc)
    return ", ".join(sorted(bundled))


def check_bad_input(exe, env, work):
    proc = run(exe, ["--db", work / "lib.sqlite", "import", work / "missing.json"], env)
    lines = proc.stderr.strip().splitlines()
    expect(proc.returncode == 2 and len(lines) == 1 and "Traceback" not in proc.stderr,
           "a missing file should give exit 2 and one sentence", proc)
    return lines[0]


def check_import_export_json(exe, env, work, fixture) -> int:
    db = work / "lib.sqlite"
    proc = run(exe, ["--db", db, "import", fixture], env)
    expect(proc.returncode == 0 and proc.stdout.strip().splitlines()[-1].isdigit(), "import failed", proc)
    plan_id = int(proc.stdout.strip().splitlines()[-1])
    proc = run(exe, ["--db", db, "list", "--json"], env)
    expect(proc.returncode == 0 and [p["id"] for p in json.loads(proc.stdout)] == [plan_id],
           "list should show exactly the imported plan", proc)
    out = work / "export.json"
    proc = run(exe, ["--db", db, "export", plan_id, "--format", "json", "-o", out], env)
    expect(proc.returncode == 0 and out.is_file(), "JSON export failed", proc)
    original = json.loads(Path(fixture).read_text(encoding="utf-8"))
    exported = json.loads(out.read_text(encoding="utf-8"))
    for key in ("office", "year", "title"):
        expect(exported.get(key) == original.get(key), f"exported {key} differs from the fixture")
    expect(titles(exported["tree"]) == titles(original["tree"]), "exported items differ from the fixture")
    expect(len(exported["sections"]) == len(original["sections"]), "exported sections differ")
    return plan_id


def check_documents(exe, env, work, plan_id, fixture) -> list[str]:
    original = json.loads(Path(fixture).read_text(encoding="utf-8"))
    probe = next(t for t in titles(original["tree"]) if t)  # first item title must appear
    done = []
    for fmt, member in (("docx", "word/document.xml"), ("odt", "content.xml")):
        out = work / f"export.{fmt}"
        proc = run(exe, ["--db", work / "lib.sqlite", "export", plan_id, "--format", fmt, "-o", out], env)
        expect(proc.returncode == 0 and out.is_file(), f"{fmt.upper()} export failed", proc)
        expect(zipfile.is_zipfile(out), f"{fmt.upper()} export is not a valid document")
        if fmt == "odt":
            with zipfile.ZipFile(out) as zf:
                expect(zf.read("mimetype") == ODT_MIMETYPE, "ODT export has the wrong mimetype")
        expect(probe in xml_text(out, member), f"{fmt.upper()} export lacks the item {probe!r}")
        done.append(f"{fmt} {out.stat().st_size // 1024} KB")
    return done


def find_libreoffice() -> str | None:
    """LibreOffice as the program looks for it (PATH, both Program Files, App Paths...)."""
    sys.path.insert(0, str(ROOT))
    from desktop.export.office_finder import find_soffice
    return find_soffice()


def check_pdf(exe, env, work, plan_id) -> str:
    """PDF goes through LibreOffice, an outside program started from the
    frozen app (the classic place for a bundle's library path to leak)."""
    soffice = find_libreoffice()
    if soffice is None:
        return "skipped (no LibreOffice on this machine)"
    out = work / "export.pdf"
    proc = run(exe, ["--db", work / "lib.sqlite", "export", plan_id, "--format", "pdf", "-o", out], env, timeout=300)
    expect(proc.returncode == 0 and out.is_file() and out.read_bytes()[:5] == b"%PDF-", "PDF export failed", proc)
    return f"pdf {out.stat().st_size // 1024} KB via {soffice}"


def check_bundled_files(exe: Path) -> str:
    """Data the CLI run does not touch but the About box and window need."""
    internal = exe.parent / "_internal"
    if not internal.is_dir():
        return "skipped (not a PyInstaller bundle)"
    needed = ["resources/licenses/components.json", "resources/licenses/LGPL-3.0.txt",
              "resources/icons/plandesk.png", "templates/profiles", "db/migrations"]
    data = internal / "desktop" / "_data"  # the packages desktop._data.<name>
    missing = [name for name in needed if not (data / name).exists()]
    expect(not missing, f"the bundle lacks {', '.join(missing)}")
    return f"{len(needed)} present"


def check_gui(exe, env, work) -> float:
    """Start the GUI offscreen; it quits itself via PLANDESK_SMOKE_EXIT_MS."""
    gui_env = dict(env, PLANDESK_SMOKE_EXIT_MS="300")
    start = time.perf_counter()
    proc = run(exe, ["--db", work / "lib.sqlite"], gui_env, timeout=60)
    elapsed = time.perf_counter() - start
    expect("計畫庫位置" not in proc.stdout, "the bundle has no GUI (desktop.gui missing from the build)", proc)
    expect(proc.returncode == 0, "the GUI did not exit cleanly", proc)
    expect("Traceback" not in proc.stderr, "the GUI printed a traceback", proc)
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Smoke-test the built PlanDesk bundle")
    parser.add_argument("--exe", type=Path, default=None, help="the built executable (default: dist/PlanDesk)")
    parser.add_argument("--fixture", type=Path, default=DEFAULT_FIXTURE)
    parser.add_argument("--skip-pdf", action="store_true", help="do not start LibreOffice")
    args = parser.parse_args(argv)
    utf8_output()
    cli = args.exe or executable(console=True)  # plandesk-cli.exe on Windows, see the docstring
    if not cli.is_file():
        print(f"FAIL: no built executable at {cli}; run python packaging/build.py first")
        return 1
    with tempfile.TemporaryDirectory(prefix="plandesk-smoke-") as tmp:
        work = Path(tmp)
        env = isolated_env(work / "home")
        steps = [
            ("version", lambda: check_version(cli, env)),
            ("bundled data", lambda: check_bundled_files(cli)),
            ("subcommands", lambda: check_subcommands(cli, env)),
            ("bad input", lambda: check_bad_input(cli, env, work)),
            ("import + export json", lambda: check_import_export_json(cli, env, work, args.fixture)),
        ]
        results = {}
        try:
            for name, step in steps:
                results[name] = step()
                print(f"ok   {name}: {results[name]}", flush=True)
            docs = check_documents(cli, env, work, results["import + export json"], args.fixture)
            print(f"ok   export docx/odt: {', '.join(docs)}", flush=True)
            if not args.skip_pdf:
                pdf = check_pdf(cli, env, work, results["import + export json"])
                print(f"ok   export pdf: {pdf}", flush=True)
            print(f"ok   gui offscreen start and clean exit: {check_gui(cli, env, work):.2f} s", flush=True)
        except SmokeFailure as exc:
            print(f"FAIL {exc}")
            return 1
        except subprocess.TimeoutExpired as exc:
            print(f"FAIL {exc.cmd} did not finish in {exc.timeout} s")
            return 1
    print("smoke test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
