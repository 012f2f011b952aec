"""The Inno Setup script: per-user, Chinese Start-menu entry, keeps the plan
library unless asked, and uses the same names as the program's library
folder and QSettings key."""
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


def test_per_user_install_into_local_programs(iss):
    assert setup_value(iss, "PrivilegesRequired") == "lowest"
    assert "PrivilegesRequiredOverridesAllowed" not in iss
    assert setup_value(iss, "DefaultDirName") == r"{userpf}\{#AppName}"  # %LOCALAPPDATA%\Programs\PlanDesk
    assert "{pf}" not in iss and "{commonpf}" not in iss and "HKLM" not in iss


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
    section = iss.split("[UninstallDelete]", 1)[1].split("\n[", 1)[0]
    entries = [line for line in section.splitlines() if line.strip() and not line.startswith(";")]
    assert entries and all('Name: "{app}"' in line for line in entries)  # never the library folder


def test_start_menu_entry_and_wizard_in_traditional_chinese(iss):
    icons = iss.split("[Icons]", 1)[1].split("\n[", 1)[0]
    assert '{group}\\{#DisplayName}"; Filename: "{app}\\plandesk.exe"' in icons
    assert defines(iss)["DisplayName"] == "PlanDesk 計畫桌"
    assert setup_value(iss, "DefaultGroupName") == "{#DisplayName}"
    messages = re.findall(r"^zhtw\.(\w+)=(.+)$", iss, re.M)
    assert dict(messages)["AskDeleteLibrary"].count("%1") == 1
    isl = (ROOT / "packaging" / "zh-TW.isl").read_bytes()
    assert isl.startswith(b"\xef\xbb\xbf") and b"LanguageID=$0404" in isl
    assert 'MessagesFile: "compiler:Default.isl,zh-TW.isl"' in iss
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
    settings = Path(QSettings().fileName())
    assert settings.parts[-2:] == (ORG_NAME, f"{APP_NAME}.conf") or settings.parts[-3:-1] == (ORG_NAME, APP_NAME)
