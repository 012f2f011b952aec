"""The Inno Setup script and the Windows workflow, read as text: a fixed per-user
folder (all users on request), an uninstaller that removes only what setup
installed and keeps the plan library unless asked, upgrades that replace the
runtime, AppMutex, complete Traditional-Chinese messages, version info from the
one version source, pinned tools and current action majors; build.py fails
loudly and signs on request."""
import os
import re
import sys
from pathlib import Path, PureWindowsPath

import pytest

from conftest import ROOT
from packaging_helpers import load

ISS = ROOT / "packaging" / "plandesk.iss"


@pytest.fixture(scope="module")
def iss() -> str:
    raw = ISS.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "ISCC needs the BOM to read the Chinese texts as UTF-8"
    return raw[3:].decode("utf-8").replace("\r\n", "\n")


def defines(text: str) -> dict[str, str]:
    return dict(re.findall(r'#define (\w+) "([^"]*)"', text))


def setup_value(text: str, key: str) -> str:
    return re.search(rf"^{key}=(.*)$", text, re.M).group(1).strip()


def test_fixed_per_user_folder_with_an_optional_all_users_mode(iss):
    assert setup_value(iss, "PrivilegesRequired") == "lowest"
    # {autopf}: %LOCALAPPDATA%\Programs per user, Program Files when IT picks all users
    assert "dialog" in setup_value(iss, "PrivilegesRequiredOverridesAllowed").split()
    assert setup_value(iss, "DefaultDirName") == r"{autopf}\{#AppName}"
    assert setup_value(iss, "DisableDirPage") == "yes"  # nobody points setup at a folder of theirs
    assert "{pf}" not in iss and "{commonpf}" not in iss and "{userpf}" not in iss and "HKLM" not in iss
    assert "{userdesktop}" not in iss and "{autodesktop}" in iss


def section(text: str, name: str) -> list[str]:
    body = text.split(f"[{name}]", 1)[1].split("\n[", 1)[0]
    return [line for line in body.splitlines() if line.strip() and not line.startswith(";")]


def test_uninstall_removes_only_what_setup_installed_and_upgrades_replace_the_runtime(iss):
    uninstall = section(iss, "UninstallDelete")
    assert not [line for line in uninstall if 'Name: "{app}"' in line and "dirifempty" not in line]
    assert 'Type: dirifempty; Name: "{app}"' in uninstall
    assert section(iss, "InstallDelete") == ['Type: filesandordirs; Name: "{app}\\_internal"']


def test_running_program_blocks_setup_and_uninstall(iss):
    mutexes = setup_value(iss, "AppMutex").split(",")
    assert mutexes == ["{#AppMutexName}", "Global\\{#AppMutexName}"]  # names: tests/test_winmutex.py
    assert setup_value(iss, "CloseApplications") == "yes"


def test_setup_exe_carries_the_program_version_and_product_fields(iss):
    for key in ("VersionInfoVersion", "VersionInfoProductVersion"):
        assert setup_value(iss, key) == "{#FileVersion}"
    assert setup_value(iss, "VersionInfoTextVersion") == "{#AppVersion}"
    assert setup_value(iss, "VersionInfoProductName") == "{#AppName}"
    assert setup_value(iss, "VersionInfoCompany") == "{#OrgName}"
    assert "#ifndef FileVersion" in iss
    build = load("build")
    from desktop import __version__
    cmd = build.iscc_command(Path("C:/Inno/ISCC.exe"))
    file_version = next(a.split("=", 1)[1] for a in cmd if a.startswith("/DFileVersion="))
    assert re.fullmatch(r"\d+\.\d+\.\d+\.\d+", file_version)
    assert file_version.split(".")[:2] == re.findall(r"\d+", __version__)[:2]


def isl_messages(path: Path) -> dict[str, str]:
    text = path.read_bytes().decode("utf-8-sig")
    body = text.split("[Messages]", 1)[1].split("\n[", 1)[0]
    return dict(re.findall(r"^(\w+)=(.*?)\r?$", body, re.M))


def default_isl_names() -> list[str]:
    text = (ROOT / "packaging" / "inno_messages.txt").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def test_every_wizard_message_is_traditional_chinese(iss):
    assert 'MessagesFile: "compiler:Default.isl,ChineseTraditional.isl,zh-TW.isl"' in iss  # ours last
    vendored = ROOT / "packaging" / "ChineseTraditional.isl"
    licence = (ROOT / "packaging" / "ChineseTraditional.isl.LICENSE.txt").read_text(encoding="utf-8")
    assert "Inno Setup License" in licence and "Jordan Russell" in licence
    assert vendored.read_bytes().startswith(b"\xef\xbb\xbf; *** Inno Setup version 6.1.0+ Chinese (Traditional)")
    translated = {**isl_messages(vendored), **isl_messages(ROOT / "packaging" / "zh-TW.isl")}
    names = default_isl_names()
    assert len(names) == 281 and not set(names) - set(translated)
    ours = isl_messages(ROOT / "packaging" / "zh-TW.isl")
    assert not set(ours) - set(names), "zh-TW.isl has messages Inno Setup 6 does not know"
    for name in names:  # Chinese, not English left over (empty notes and "%1 KB" have no words)
        text = translated[name]
        assert re.search(r"[\u4e00-\u9fff]", text) or not re.search(r"[A-Za-z]{3,}", text), name
    iscc = load("build").find_iscc()
    if iscc and iscc.parent.name == "Inno Setup 6":  # the real list where Inno Setup 6 is installed (CI)
        assert set(isl_messages(iscc.parent / "Default.isl")) == set(names)


def test_names_agree_with_the_program(iss):
    from desktop import APP_NAME, ORG_NAME
    d = defines(iss)
    assert d["AppName"] == APP_NAME and d["OrgName"] == ORG_NAME


def test_uninstaller_targets_the_real_library_folder_and_settings_key(iss, monkeypatch, tmp_path):
    from desktop import APP_NAME, ORG_NAME
    from desktop.paths import app_data_dir
    d = defines(iss)
    folder = re.search(r"LibraryFolder = '([^']+)'", iss).group(1)
    key = re.search(r"SettingsKey = '([^']+)'", iss).group(1)
    local = tmp_path / "AppData" / "Local"
    monkeypatch.setenv("LOCALAPPDATA", str(local))
    monkeypatch.setattr(sys, "platform", "win32")
    expanded = folder.replace("{localappdata}", str(local))
    for name, value in d.items():
        expanded = expanded.replace("{#" + name + "}", value)
    assert PureWindowsPath(expanded).parts[-2:] == app_data_dir().parts[-2:]
    assert Path(*PureWindowsPath(expanded).parts[-2:]) == app_data_dir().relative_to(local)
    assert key == r"Software\{#OrgName}\{#AppName}" and (ORG_NAME, APP_NAME) == (d["OrgName"], d["AppName"])


def test_library_is_kept_unless_the_user_says_yes(iss):
    code = iss.split("[Code]", 1)[1]
    assert "usPostUninstall" in code and "UninstallSilent" in code  # silent uninstall never deletes
    ask = code.index("MsgBox(")
    assert "MB_DEFBUTTON2" in code[ask:ask + 200]  # default answer is 否 (keep)
    assert code.index("DelTree(") > ask and "= IDYES then" in code[ask:code.index("DelTree(")]
    entries = section(iss, "UninstallDelete")
    assert entries and all('Name: "{app}' in line for line in entries)  # never the library folder
    assert "IsAdminInstallMode" in code[:ask]  # an all-users uninstall leaves every clerk's library


def test_start_menu_entry_and_wizard_in_traditional_chinese(iss):
    icons = iss.split("[Icons]", 1)[1].split("\n[", 1)[0]
    assert '{group}\\{#DisplayName}"; Filename: "{app}\\plandesk.exe"' in icons
    assert defines(iss)["DisplayName"] == "PlanDesk 計畫桌"
    assert setup_value(iss, "DefaultGroupName") == "{#DisplayName}"
    messages = re.findall(r"^zhtw\.(\w+)=(.+)$", iss, re.M)
    assert dict(messages)["AskDeleteLibrary"].count("%1") == 1
    isl = (ROOT / "packaging" / "zh-TW.isl").read_bytes()
    assert isl.startswith(b"\xef\xbb\xbf") and b"LanguageID=$0404" in isl
    assert setup_value(iss, "SetupIconFile") == r"..\resources\icons\plandesk.ico"
    assert (ROOT / "resources" / "icons" / "plandesk.ico").is_file()


def test_build_passes_names_version_and_bundle_to_iscc():
    build = load("build")
    from desktop import APP_NAME, ORG_NAME, __version__
    cmd = build.iscc_command(Path("C:/Inno/ISCC.exe"))
    assert cmd[0].endswith("ISCC.exe") and cmd[-1].endswith("plandesk.iss")
    assert {f"/DAppName={APP_NAME}", f"/DOrgName={ORG_NAME}", f"/DAppVersion={__version__}"} <= set(cmd)
    assert any(a.startswith("/DBundleDir=") and a.endswith("PlanDesk") for a in cmd)
    # every define the build passes is one the script declares
    iss_defines = set(re.findall(r"#ifndef (\w+)", ISS.read_text(encoding="utf-8-sig")))
    assert {a[2:].split("=")[0] for a in cmd if a.startswith("/D")} <= iss_defines


def test_qt_settings_and_app_data_agree_with_the_library_folder(qtbot):
    """Qt's own idea of the app-data folder and settings file (from the names
    make_application sets) is where desktop/paths.py puts the library."""
    from PySide6.QtCore import QSettings, QStandardPaths

    from desktop import APP_NAME, ORG_NAME
    from desktop.gui.app import make_application
    from desktop.paths import app_data_dir, default_db_path
    make_application([])
    qt_folder = QStandardPaths.writableLocation(QStandardPaths.AppLocalDataLocation)
    assert Path(qt_folder) == app_data_dir() == default_db_path().parent
    if sys.platform == "win32":  # the registry key the uninstaller deletes on request
        assert QSettings().fileName().endswith(f"\\Software\\{ORG_NAME}\\{APP_NAME}")
        return
    settings = Path(QSettings().fileName())
    assert settings.parts[-2:] == (ORG_NAME, f"{APP_NAME}.conf") or settings.parts[-3:-1] == (ORG_NAME, APP_NAME)


# --- the Windows workflow ---------------------------------------------------------------------

WORKFLOW = ROOT / ".github" / "workflows" / "windows-installer.yml"
# the first majors that run on Node 24 (the Node 20 ones are being retired)
NODE24_MAJORS = {"actions/checkout": 5, "actions/setup-python": 6, "actions/upload-artifact": 5}


@pytest.fixture(scope="module")
def workflow() -> str:
    return WORKFLOW.read_text(encoding="utf-8")


def run_steps(text: str) -> list[str]:
    return re.findall(r"^\s+run: (?:\|\n)?(.*?)(?=\n\s+- |\Z)", text, re.M | re.S)


def test_workflow_uses_current_action_majors_or_pinned_commits(workflow):
    uses = re.findall(r"uses: ([\w.-]+/[\w.-]+)@(\S+)", workflow)
    assert {name for name, _ in uses} >= set(NODE24_MAJORS) | {"astral-sh/setup-uv"}
    for name, ref in uses:
        if name in NODE24_MAJORS:
            assert re.fullmatch(r"v\d+", ref) and int(ref[1:]) >= NODE24_MAJORS[name], (name, ref)
        else:  # third-party actions by full commit
            assert re.fullmatch(r"[0-9a-f]{40}", ref), (name, ref)
    assert "runs-on: windows-latest" in workflow


def test_workflow_builds_from_the_lock_with_pinned_uv_and_inno_setup(workflow):
    ci_uv = re.search(r"^UV_VERSION=(\S+)", (ROOT / ".ci" / "setup").read_text(encoding="utf-8"), re.M).group(1)
    assert re.search(rf'UV_VERSION: "{re.escape(ci_uv)}"', workflow)
    assert "version: ${{ env.UV_VERSION }}" in workflow
    assert "enable-cache: true" in workflow and "cache-dependency-glob: uv.lock" in workflow
    assert "uv sync --locked --group package" in workflow
    inno = re.search(r'INNO_SETUP_VERSION: "(\d+)\.(\d+)\.(\d+)"', workflow)
    assert inno and inno.group(1) == "6"  # the major the messages and script are written for
    assert "choco install innosetup --version=${{ env.INNO_SETUP_VERSION }}" in workflow
    # build.py and the tests use that compiler, not whichever (6 or 7) the runner image has
    assert 'echo "ISCC=$(cygpath -w "$dir/ISCC.exe")" >> "$GITHUB_ENV"' in workflow
    assert workflow.index("choco install innosetup") < workflow.index("python -m pytest")
    assert "pip install" not in workflow


def test_workflow_tests_builds_smoke_tests_the_cli_exe_and_uploads(workflow):
    steps = run_steps(workflow)
    pytest_step = next(step for step in steps if "pytest" in step)
    for name in ("test_export_pdf.py", "test_winmutex.py", "test_packaging_installer.py", "test_print_preview.py"):
        assert f"tests/{name}" in pytest_step and (ROOT / "tests" / name).is_file()
    build = next(step for step in steps if "packaging/build.py" in step)
    assert "--require-installer" in build and "--sign" in build
    smoke = next(step for step in steps if "smoke_test.py" in step)
    assert "--exe dist/PlanDesk/plandesk-cli.exe" in smoke and "--skip-pdf" not in smoke
    order = [workflow.index(s) for s in (pytest_step, build, smoke)]
    assert order == sorted(order)
    uploads = re.findall(r"uses: actions/upload-artifact@\S+\n\s+with:\n\s+name: (\S+)\n\s+path: (\S+)", workflow)
    assert dict(uploads) == {"PlanDesk-installer": "dist/installer/*.exe", "PlanDesk-bundle": "dist/PlanDesk/"}
    assert workflow.count("if-no-files-found: error") == 2


# --- build.py -----------------------------------------------------------------------------------

def _exe(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"MZ")
    return path


def test_build_finds_inno_setup_7_and_6_in_every_install_folder(tmp_path, monkeypatch):
    build = load("build")
    monkeypatch.setattr(build.shutil, "which", lambda name: None)
    env = {"ProgramFiles(x86)": str(tmp_path / "x86"), "ProgramFiles": str(tmp_path / "pf"),
           "LOCALAPPDATA": str(tmp_path / "local")}
    assert build.find_iscc(env) is None
    user6 = _exe(tmp_path / "local" / "Programs" / "Inno Setup 6" / "ISCC.exe")
    assert build.find_iscc(env) == user6
    six = _exe(tmp_path / "x86" / "Inno Setup 6" / "ISCC.exe")
    assert build.find_iscc(env) == six
    seven = _exe(tmp_path / "pf" / "Inno Setup 7" / "ISCC.exe")
    assert build.find_iscc(env) == seven
    chosen = _exe(tmp_path / "portable" / "ISCC.exe")
    assert build.find_iscc({**env, "ISCC": str(chosen)}) == chosen


def _fake_windows_build(build, monkeypatch, tmp_path, iscc):
    """build.py's main on a simulated Windows: PyInstaller and ISCC replaced by recorders."""
    calls = []
    monkeypatch.setattr(build.sys, "platform", "win32")
    monkeypatch.setattr(build, "DIST", tmp_path / "dist")
    monkeypatch.setattr(build, "build_bundle", lambda clean: calls.append("pyinstaller") or tmp_path / "x.exe")
    monkeypatch.setattr(build, "size_on_disk", lambda folder: 0)
    monkeypatch.setattr(build, "find_iscc", lambda: iscc)
    monkeypatch.setattr(build, "installer_path", lambda: tmp_path / "dist" / "installer" / "PlanDesk-setup.exe")

    def run(cmd, **kwargs):
        calls.append(cmd)
        if cmd[0] == str(iscc) and iscc.name == "ISCC.exe":  # a working compiler writes the setup
            _exe(tmp_path / "dist" / "installer" / "PlanDesk-setup.exe")
    monkeypatch.setattr(build.subprocess, "run", run)
    return calls


def test_require_installer_fails_when_no_installer_was_made(tmp_path, monkeypatch, capsys):
    build = load("build")
    _fake_windows_build(build, monkeypatch, tmp_path, None)
    assert build.main(["--no-installer"]) == 0  # asked for no installer: fine
    assert build.main([]) == 0 and "找不到 Inno Setup 6 或 7" in capsys.readouterr().out
    assert build.main(["--require-installer"]) == 1
    assert "找不到 Inno Setup 6 或 7" in capsys.readouterr().err
    stale = _exe(tmp_path / "dist" / "installer" / "PlanDesk-setup.exe")  # from an earlier build
    _fake_windows_build(build, monkeypatch, tmp_path, tmp_path / "broken-iscc.exe")
    assert build.main(["--require-installer"]) == 1 and not stale.exists()
    assert "Inno Setup 沒有產生" in capsys.readouterr().err


def test_unsigned_builds_say_so_and_sign_signs_exes_setup_and_uninstaller(tmp_path, monkeypatch, capsys):
    build = load("build")
    iscc = _exe(tmp_path / "Inno Setup 6" / "ISCC.exe")
    calls = _fake_windows_build(build, monkeypatch, tmp_path, iscc)
    assert build.main(["--require-installer"]) == 0
    assert "未簽署" in capsys.readouterr().out
    assert not any("/DSignToolName=plandesk" in part for call in calls for part in call)
    for name in ("PLANDESK_SIGN_THUMBPRINT", "PLANDESK_SIGN_PFX", "PLANDESK_SIGN_PASSWORD", "SIGNTOOL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SIGNTOOL", r"C:\Program Files (x86)\Windows Kits\10\bin\x64\signtool.exe")
    calls.clear()
    assert build.main(["--sign"]) == 1  # no certificate: refused before the long build
    assert "沒有憑證" in capsys.readouterr().err and calls == []
    monkeypatch.setenv("PLANDESK_SIGN_THUMBPRINT", "0123456789ABCDEF0123456789ABCDEF01234567")
    assert build.main(["--sign", "--require-installer"]) == 0
    assert "未簽署" not in capsys.readouterr().out
    signtool, iscc_call = calls[1], calls[2]
    assert signtool[:2] == [os.environ["SIGNTOOL"], "sign"] and signtool[-2:] == [
        str(build.executable(console=False)), str(build.executable(console=True))]
    assert ["/sha1", "0123456789ABCDEF0123456789ABCDEF01234567"] == signtool[-4:-2]
    assert "/DSignToolName=plandesk" in iscc_call
    sign_arg = next(a for a in iscc_call if a.startswith("/Splandesk="))
    assert sign_arg.startswith("/Splandesk=$q" + os.environ["SIGNTOOL"] + "$q sign /fd SHA256") and sign_arg.endswith(" $f")
    iss = ISS.read_text(encoding="utf-8-sig")
    assert "SignTool={#SignToolName}" in iss and "SignedUninstaller=yes" in iss


def test_sign_with_a_pfx_file(monkeypatch):
    build = load("build")
    env = {"SIGNTOOL": "signtool.exe", "PLANDESK_SIGN_PFX": r"D:\a\_temp\plandesk-sign.pfx",
           "PLANDESK_SIGN_PASSWORD": "secret", "PLANDESK_SIGN_TIMESTAMP": "http://ts.example"}
    assert build.sign_command(env) == ["signtool.exe", "sign", "/fd", "SHA256", "/tr", "http://ts.example",
                                       "/td", "SHA256", "/f", r"D:\a\_temp\plandesk-sign.pfx", "/p", "secret"]


def test_a_dollar_in_the_signing_command_reaches_signtool_as_typed():
    """Inno Setup reads $q, $f and $$ in a SignTool command: a password with a $ must be doubled."""
    build = load("build")
    command = build.iscc_sign_tool(["signtool.exe", "sign", "/f", r"C:\My Certs\a$b.pfx", "/p", "pa$$q$f"])
    assert command == r"/Splandesk=signtool.exe sign /f $qC:\My Certs\a$$b.pfx$q /p pa$$$$q$$f $f"
