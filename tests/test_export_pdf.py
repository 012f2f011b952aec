"""PDF through LibreOffice: pages, text layer, the header row on later pages."""
from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from conftest import fixture_path
from desktop.errors import PlanDeskError
from desktop.exchange import read_plan_file
from desktop.export import export_plan

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="fake converters are shell scripts")
needs_lo = pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftotext")),
                              reason="LibreOffice and poppler are installed by .ci/setup")


def _pdf_text(path, first=None, last=None) -> str:
    cmd = ["pdftotext", "-layout"]
    if first:
        cmd += ["-f", str(first), "-l", str(last or first)]
    return subprocess.run(cmd + [str(path), "-"], capture_output=True, text=True, check=True).stdout


@needs_lo
@pytest.mark.parametrize("via", ["pdf", "docx"])
def test_pdf_pages_text_and_repeated_header(tmp_path, via):
    """``pdf``: the PDF export itself; ``docx``: the DOCX as LibreOffice (like Word) lays it out."""
    from desktop.export.pdf import convert_to_pdf
    plan = read_plan_file(fixture_path("taipei-114"))
    if via == "pdf":
        path = export_plan(plan, "pdf", tmp_path / "plan.pdf")
    else:
        path = convert_to_pdf(export_plan(plan, "docx", tmp_path / "plan.docx"), tmp_path)
    assert path.read_bytes()[:5] == b"%PDF-"
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert 3 <= pages <= 15
    assert "(A4)" in info
    squeeze = lambda s: "".join(s.split())  # noqa: E731 - the text layer wraps lines anywhere
    text = squeeze(_pdf_text(path))
    for node in plan.walk():
        if node.text:
            assert squeeze(node.text)[:12] in text
    for page in range(2, pages + 1):
        page_text = squeeze(_pdf_text(path, page))
        if "持續辦理" in page_text:  # a page holding part of the table repeats its header
            assert all(label[:2] in page_text for label in plan.columns)
            assert page_text.index(plan.columns[2]) < page_text.index("持續辦理")
    assert squeeze(f"第 2 頁，共 {pages} 頁") in squeeze(_pdf_text(path, 2))
    assert not list(tmp_path.glob(".*tmp"))


def test_missing_libreoffice_says_how_to_install(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANDESK_SOFFICE", "")
    target = tmp_path / "plan.pdf"
    target.write_bytes(b"old")
    with pytest.raises(PlanDeskError, match="安裝 LibreOffice"):
        export_plan(read_plan_file(fixture_path("taipei-114")), "pdf", target)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.pdf"]


@posix_only
def test_converter_failure_is_reported(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANDESK_SOFFICE", "false")  # exits 1 without output
    with pytest.raises(PlanDeskError, match="未能產生 PDF"):
        export_plan(read_plan_file(fixture_path("taipei-114")), "pdf", tmp_path / "plan.pdf")
    assert not list(tmp_path.iterdir())


@pytest.mark.skipif(not __import__("sys").platform.startswith("linux"), reason="reads /proc")
def test_hung_converter_is_stopped_by_the_timeout(tmp_path, monkeypatch):
    """Like soffice, the fake launcher starts a child; the timeout ends both."""
    import os
    import time
    from desktop.export import pdf
    fake = tmp_path / "bin" / "soffice"
    fake.parent.mkdir()
    pid_file = tmp_path / "child.pid"
    fake.write_text(f"#!/bin/sh\nsleep 30 &\necho $! > {pid_file}\nwait\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PLANDESK_SOFFICE", str(fake))
    monkeypatch.setattr(pdf, "TIMEOUT_S", 1)
    target = tmp_path / "plan.pdf"
    with pytest.raises(PlanDeskError, match="超過 1 秒"):
        export_plan(read_plan_file(fixture_path("taipei-114")), "pdf", target)
    assert not target.exists()
    child = int(pid_file.read_text())
    for _ in range(50):
        try:
            os.kill(child, 0)
        except ProcessLookupError:
            break
        with open(f"/proc/{child}/stat") as fh:  # killed but not yet reaped by init counts as gone
            if fh.read().split()[2] == "Z":
                break
        time.sleep(0.05)
    else:
        pytest.fail("the converter's child process survived the timeout")


@needs_lo
def test_cli_exports_one_department_as_pdf(tmp_path):
    from conftest import cli_import, run_cli
    db = tmp_path / "lib.sqlite"
    plan_id = cli_import(db, "hualien-108")
    out = tmp_path / "資訊課.pdf"
    result = run_cli("--db", db, "export", plan_id, "--format", "pdf", "--department", "資訊課", "-o", out)
    assert result.returncode == 0, result.stderr
    text = "".join(_pdf_text(out).split())
    assert "資訊課" in text and "收費課" not in text
    plan = read_plan_file(fixture_path("hualien-108"))
    for node in plan.walk():
        if any(d.name == "資訊課" for d in node.departments):
            assert "".join(node.text.split())[:10] in text


# --- Windows, simulated on Linux: sys.platform, a fake winreg, fake folders, a fake Popen ---------

class FakeRegistry:
    """The few winreg calls office_finder makes, over {(hive, view, key path): default value}."""
    HKEY_CLASSES_ROOT, HKEY_CURRENT_USER, HKEY_LOCAL_MACHINE = "HKCR", "HKCU", "HKLM"
    KEY_READ, KEY_WOW64_64KEY, KEY_WOW64_32KEY = 0x20019, 0x100, 0x200

    def __init__(self, values: dict):
        self.values = values

    def OpenKey(self, hive, path, reserved=0, access=0):  # noqa: N802 - winreg's names
        import contextlib
        view = access & (self.KEY_WOW64_64KEY | self.KEY_WOW64_32KEY)
        for (h, v, p), value in self.values.items():
            if h == hive and p.lower() == path.lower() and v in (view, None):
                return contextlib.nullcontext(value)
        raise FileNotFoundError(2, "The system cannot find the file specified")

    def QueryValueEx(self, key, name):  # noqa: N802
        return key, 1


def app_paths(exe):
    from desktop.export.office_finder import APP_PATHS
    return f"{APP_PATHS}\\{exe}"


@pytest.fixture
def windows(monkeypatch, tmp_path):
    """Pretend to be Windows with empty Program Files folders and an empty registry;
    returns a helper that installs fake programs and registry values."""
    roots = {name: tmp_path / name for name in ("ProgramFiles", "ProgramFiles(x86)", "LocalAppData")}
    for name, folder in roots.items():
        folder.mkdir()
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("ProgramFiles", str(roots["ProgramFiles"]))
    monkeypatch.setenv("ProgramW6432", str(roots["ProgramFiles"]))
    monkeypatch.setenv("ProgramFiles(x86)", str(roots["ProgramFiles(x86)"]))
    monkeypatch.setenv("LOCALAPPDATA", str(roots["LocalAppData"]))
    monkeypatch.delenv("PLANDESK_SOFFICE", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "empty-path"))
    registry = FakeRegistry({})
    monkeypatch.setitem(sys.modules, "winreg", registry)

    class Machine:
        def install(self, root, *parts):
            exe = roots[root].joinpath(*parts)
            exe.parent.mkdir(parents=True, exist_ok=True)
            exe.write_bytes(b"MZ")
            exe.chmod(0o755)
            return str(exe)
    machine = Machine()
    machine.registry = registry.values
    machine.root = roots
    return machine


def test_windows_finds_libreoffice_in_both_program_files_the_registry_and_odf_tools(windows, tmp_path):
    from desktop.export.office_finder import find_soffice, soffice_candidates
    assert find_soffice() is None and soffice_candidates() == []
    x86 = windows.install("ProgramFiles(x86)", "LibreOffice", "program", "soffice.exe")
    assert find_soffice() == x86
    ndc = windows.install("ProgramFiles", "NDC ODF Application Tools 6", "program", "soffice.exe")
    moda = windows.install("ProgramFiles", "MODA ODF Application Tools", "program", "soffice.exe")
    user = windows.install("LocalAppData", "Programs", "LibreOffice", "program", "soffice.exe")
    assert set(soffice_candidates()) == {x86, ndc, moda, user}
    portable = windows.install("LocalAppData", "Portable", "LO", "program", "soffice.exe")
    windows.registry[("HKCU", None, app_paths("soffice.exe"))] = f'"{portable}"'
    assert find_soffice() == portable  # App Paths (what Windows itself uses) first
    machine_wide = windows.install("ProgramFiles", "Custom", "soffice.exe")
    windows.registry[("HKLM", FakeRegistry.KEY_WOW64_32KEY, app_paths("soffice.exe"))] = machine_wide
    assert soffice_candidates()[:2] == [machine_wide, portable]  # HKLM before HKCU
    windows.registry[("HKLM", FakeRegistry.KEY_WOW64_32KEY, app_paths("soffice.exe"))] = str(tmp_path / "gone.exe")
    assert find_soffice() == portable  # a stale registry entry is skipped


def test_windows_uses_soffice_exe_never_the_console_launcher(windows, monkeypatch):
    import os
    from desktop.export.office_finder import find_soffice
    exe = windows.install("ProgramFiles", "Tools", "soffice.exe")
    com = windows.install("ProgramFiles", "Tools", "soffice.com")
    monkeypatch.setenv("PATH", str(windows.root["ProgramFiles"] / "Tools"))
    monkeypatch.setenv("PATHEXT", os.pathsep.join([".com", ".exe", ".bat"]))  # Windows' order
    assert shutil.which("soffice") == com  # what the old lookup started: a console flashed up
    assert find_soffice() == exe
    windows.registry[("HKCU", None, app_paths("soffice.exe"))] = com
    assert find_soffice() == exe
    assert find_soffice(configured=com) == exe


def test_the_program_picked_in_settings_wins_while_it_exists(windows, tmp_path):
    from desktop.export.office_finder import find_soffice
    found = windows.install("ProgramFiles", "LibreOffice", "program", "soffice.exe")
    picked = windows.install("ProgramFiles", "LibreOffice 24.8 portable", "App", "soffice.exe")
    assert find_soffice(configured=picked) == picked
    assert find_soffice(configured=str(tmp_path / "removed" / "soffice.exe")) == found


def test_word_is_found_through_its_com_class(windows):
    from desktop.export.office_finder import find_word
    assert not find_word()
    windows.registry[("HKCR", None, r"Word.Application\CLSID")] = "{000209FF-0000-0000-C000-000000000046}"
    assert find_word()


class FakePopen:
    """Records how a converter is started; ``behaviour(cmd, kwargs)`` returns (code, output)
    or raises TimeoutExpired the first time communicate is called."""
    started: list = []

    def __init__(self, cmd, **kwargs):
        self.cmd, self.kwargs, self.pid, self.returncode = cmd, kwargs, 4242, None
        self._calls = 0
        FakePopen.started.append(self)

    def communicate(self, timeout=None):
        self._calls += 1
        if self._calls == 1:
            self.returncode, output = FakePopen.behaviour(self.cmd, self.kwargs)
            if self.returncode is None:
                raise subprocess.TimeoutExpired(self.cmd, timeout)
            return output, None
        return b"", None

    def kill(self):
        FakePopen.killed.append(self.pid)


@pytest.fixture
def fake_spawn(monkeypatch):
    """subprocess.Popen/run replaced (Windows creation flags would be refused on Linux);
    SetDllDirectoryW recorded through a fake ctypes.windll."""
    import ctypes
    from types import SimpleNamespace
    FakePopen.started, FakePopen.killed = [], []
    events = []
    monkeypatch.setattr(subprocess, "Popen", lambda cmd, **kw: (events.append(("spawn", cmd[0])),
                                                                 FakePopen(cmd, **kw))[1])
    monkeypatch.setattr(subprocess, "run", lambda cmd, **kw: events.append(("run", cmd, kw.get("creationflags"))))
    kernel32 = SimpleNamespace(SetDllDirectoryW=lambda path: events.append(("dll", path)))
    monkeypatch.setattr(ctypes, "windll", SimpleNamespace(kernel32=kernel32), raising=False)
    return events


def _write_pdf_at(cmd, kwargs):
    """A converter that works: writes <outdir>/<stem>.pdf like soffice does."""
    from pathlib import Path
    source = Path(cmd[-1])
    out = Path(cmd[cmd.index("--outdir") + 1])
    (out / (source.stem + ".pdf")).write_bytes(b"%PDF-1.7 fake")
    return 0, b""


def test_windows_starts_soffice_without_window_clean_env_and_default_dll_path(
        windows, fake_spawn, monkeypatch, tmp_path):
    from desktop.export.office_process import CREATE_NO_WINDOW
    bundle = str(tmp_path / "PlanDesk" / "_internal")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", bundle, raising=False)
    import os
    monkeypatch.setenv("PATH", os.pathsep.join([bundle, str(tmp_path / "bin"), bundle + os.sep + "PySide6"]))
    monkeypatch.setenv("_PYI_APPLICATION_HOME_DIR", bundle)
    monkeypatch.setenv("LD_LIBRARY_PATH", bundle)
    monkeypatch.setenv("LD_LIBRARY_PATH_ORIG", "/opt/lib")
    soffice = windows.install("ProgramFiles", "LibreOffice", "program", "soffice.exe")
    FakePopen.behaviour = staticmethod(_write_pdf_at)
    target = tmp_path / "plan.pdf"
    export_plan(read_plan_file(fixture_path("taipei-114")), "pdf", target)
    assert target.read_bytes() == b"%PDF-1.7 fake"
    (proc,) = FakePopen.started
    assert proc.cmd[0] == soffice and proc.cmd[-1].endswith(".odt")
    assert proc.kwargs["creationflags"] & CREATE_NO_WINDOW
    env = proc.kwargs["env"]
    assert env["PATH"] == str(tmp_path / "bin")
    assert "_PYI_APPLICATION_HOME_DIR" not in env and env["LD_LIBRARY_PATH"] == "/opt/lib"
    assert fake_spawn == [("dll", None), ("spawn", soffice), ("dll", bundle)]


def test_windows_timeout_ends_the_whole_process_tree(windows, fake_spawn, monkeypatch, tmp_path):
    from desktop.export import pdf
    from desktop.export.office_process import CREATE_NO_WINDOW
    windows.install("ProgramFiles", "LibreOffice", "program", "soffice.exe")
    FakePopen.behaviour = staticmethod(lambda cmd, kwargs: (None, b""))
    monkeypatch.setattr(pdf, "TIMEOUT_S", 2)
    with pytest.raises(PlanDeskError, match="LibreOffice 超過 2 秒"):
        export_plan(read_plan_file(fixture_path("taipei-114")), "pdf", tmp_path / "plan.pdf")
    assert ("run", ["taskkill", "/T", "/F", "/PID", "4242"], CREATE_NO_WINDOW) in fake_spawn
    assert not [e for e in fake_spawn if e[0] == "dll"]  # not frozen: the DLL search path is left alone
    assert not (tmp_path / "plan.pdf").exists()


def _fake_word(pdf_bytes=b"%PDF-1.7 from Word", code=0, output=b"", hang=False):
    """PowerShell running the Word script: checks the script, then acts like Word."""
    import base64
    import re
    from pathlib import Path

    def behaviour(cmd, kwargs):
        assert cmd[:4] == ["powershell.exe", "-NoProfile", "-NonInteractive", "-EncodedCommand"]
        script = base64.b64decode(cmd[4]).decode("utf-16-le")
        assert "New-Object -ComObject Word.Application" in script and "$word.Quit(0)" in script
        source, = re.findall(r"Documents\.Open\('([^']*)'", script)
        target, = re.findall(r"ExportAsFixedFormat\('([^']*)', 17\)", script)
        pid_file, = re.findall(r"Set-Content -LiteralPath '([^']*)'", script)
        assert Path(source).read_bytes()[:2] == b"PK" and source.endswith(".docx")
        Path(pid_file).write_text("5150\n")
        if hang:
            return None, b""
        if pdf_bytes:
            Path(target).write_bytes(pdf_bytes)
        return code, output
    return behaviour


def test_windows_without_libreoffice_prints_the_docx_to_pdf_with_word(windows, fake_spawn, tmp_path):
    windows.registry[("HKCR", None, r"Word.Application\CLSID")] = "{000209FF-0000-0000-C000-000000000046}"
    FakePopen.behaviour = staticmethod(_fake_word())
    target = tmp_path / "plan.pdf"
    export_plan(read_plan_file(fixture_path("taipei-114")), "pdf", target)
    assert target.read_bytes() == b"%PDF-1.7 from Word"
    assert FakePopen.started[0].kwargs["creationflags"]


def test_word_failure_and_timeout_are_clear_and_end_word(windows, fake_spawn, monkeypatch, tmp_path):
    from desktop.export import pdf
    windows.registry[("HKCR", None, r"Word.Application\CLSID")] = "{000209FF-0000-0000-C000-000000000046}"
    plan = read_plan_file(fixture_path("taipei-114"))
    FakePopen.behaviour = staticmethod(_fake_word(pdf_bytes=None, code=1,
                                                  output="Exception calling \"Open\": 檔案已損毀\r\n".encode()))
    with pytest.raises(PlanDeskError, match="Microsoft Word 未能產生 PDF（Exception calling \"Open\": 檔案已損毀）"):
        export_plan(plan, "pdf", tmp_path / "plan.pdf")
    FakePopen.behaviour = staticmethod(_fake_word(hang=True))
    monkeypatch.setattr(pdf, "TIMEOUT_S", 3)
    with pytest.raises(PlanDeskError, match="Microsoft Word 超過 3 秒"):
        export_plan(plan, "pdf", tmp_path / "plan.pdf")
    killed = [event[1][-1] for event in fake_spawn if event[0] == "run"]
    assert killed == ["4242", "5150"]  # PowerShell's tree, then the Word that COM started
    assert not list(tmp_path.glob("plan.pdf"))


@posix_only  # on a real Windows the folders themselves depend on the policy
def test_too_long_a_target_is_refused_on_windows_unless_long_paths_are_on(monkeypatch, tmp_path):
    """Without the LongPathsEnabled policy Windows says "not found"; PlanDesk says what to do."""
    from desktop.long_path import FILESYSTEM_KEY, TEMP_NAME_ROOM
    plan = read_plan_file(fixture_path("taipei-114"))
    deep = tmp_path.joinpath(*["年度提升服務效能執行計畫資料夾"] * 14)
    deep.mkdir(parents=True)
    target = deep / ("x" * max(1, 246 - TEMP_NAME_ROOM - len(str(deep))) + ".docx")
    assert len(str(target)) + TEMP_NAME_ROOM >= 260
    export_plan(plan, "docx", target)  # Linux: no such limit
    registry = FakeRegistry({})
    monkeypatch.setitem(sys.modules, "winreg", registry)
    monkeypatch.setattr(sys, "platform", "win32")
    with pytest.raises(PlanDeskError, match=r"完整路徑有 \d+ 個字元.*請改存到較短的資料夾"):
        export_plan(plan, "docx", target)
    from desktop.atomic import write_atomic  # every file PlanDesk writes (考核 forms too) is checked
    with pytest.raises(PlanDeskError, match=r"完整路徑有 \d+ 個字元"):
        write_atomic(target.with_suffix(".odt"), lambda tmp: tmp.write_bytes(b"x"))
    short = tmp_path / "short.docx"
    assert export_plan(plan, "docx", short) == short
    registry.values[("HKLM", None, FILESYSTEM_KEY)] = 1  # the policy is on: written as asked
    target.unlink()
    assert export_plan(plan, "docx", target).is_file()


@posix_only
def test_a_failed_temp_cleanup_does_not_hide_the_converters_message(tmp_path, monkeypatch):
    """Windows: a virus scanner still holds the converted file in the temporary folder."""
    import os
    import tempfile
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    real_unlink = os.unlink

    def unlink(path, *, dir_fd=None):
        if os.path.basename(path) == "plan.odt":
            raise PermissionError(13, "The process cannot access the file because it is being used", path)
        return real_unlink(path, dir_fd=dir_fd)
    monkeypatch.setattr(os, "unlink", unlink)
    monkeypatch.setenv("PLANDESK_SOFFICE", "false")
    with pytest.raises(PlanDeskError, match="未能產生 PDF"):
        export_plan(read_plan_file(fixture_path("taipei-114")), "pdf", tmp_path / "plan.pdf")
    assert [p.name for p in temp.rglob("*.odt")] == ["plan.odt"]  # the cleanup did fail


@posix_only
def test_the_configured_program_is_what_export_uses(tmp_path, monkeypatch):
    """The core takes the program as a parameter (the GUI passes the one picked in 設定)."""
    fake = tmp_path / "my office" / "soffice"
    fake.parent.mkdir()
    fake.write_text('#!/bin/sh\nfor a; do last=$a; done\n'
                    'out=$(echo "$@" | sed "s/.*--outdir \\([^ ]*\\) .*/\\1/")\n'
                    'printf "%%PDF-1.4 picked" > "$out/$(basename "${last%.*}").pdf"\n')
    fake.chmod(0o755)
    monkeypatch.setenv("PLANDESK_SOFFICE", "")  # nothing found automatically
    target = export_plan(read_plan_file(fixture_path("taipei-114")), "pdf", tmp_path / "p.pdf", str(fake))
    assert target.read_bytes() == b"%PDF-1.4 picked"
