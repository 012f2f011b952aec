"""Build the PlanDesk bundle for this OS, and on Windows the installer.

    python packaging/build.py [--clean] [--no-installer] [--require-installer] [--sign]

Result: ``dist/PlanDesk/`` with the executable ``dist/PlanDesk/plandesk``
(``plandesk.exe`` and ``plandesk-cli.exe`` on Windows). On Windows, when Inno
Setup 6 or 7 (ISCC.exe) is on PATH, in ``%ISCC%`` or in its default folder, it
also writes ``dist/installer/PlanDesk-<version>-setup.exe``.

``--require-installer`` (CI) fails unless that installer was written.
``--sign`` signs both executables, setup.exe and its uninstaller with signtool,
using the certificate the environment names:

* ``PLANDESK_SIGN_THUMBPRINT``: SHA-1 thumbprint of a certificate in the
  Windows certificate store (recommended: the password never reaches a command line), or
* ``PLANDESK_SIGN_PFX`` (+ ``PLANDESK_SIGN_PASSWORD``): a .pfx file;
* ``PLANDESK_SIGN_TIMESTAMP``: RFC 3161 timestamp server (default DigiCert's);
* ``SIGNTOOL``: signtool.exe, when it is neither on PATH nor in the Windows SDK.

Without ``--sign`` the output says the build is unsigned (SmartScreen and
Defender warn more about unsigned programs; see the README's IT section).
"""
from __future__ import annotations

import argparse
import glob
import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bundle_layout import DIST, ROOT, bundle_dir, executable, size_on_disk, source_metadata, utf8_output  # noqa: E402
from versioninfo import version_tuple  # noqa: E402

WORK = ROOT / "build" / "pyinstaller"
INNO_FOLDERS = ("Inno Setup 7", "Inno Setup 6")  # newest first
DEFAULT_TIMESTAMP = "http://timestamp.digicert.com"
SIGN_TOOL_NAME = "plandesk"  # the name plandesk.iss's SignTool= refers to


class BuildError(Exception):
    """A build that must not be reported as a success."""


def find_iscc(environ: dict[str, str] | None = None) -> Path | None:
    """Inno Setup's command-line compiler (6 or 7), if installed."""
    env = os.environ if environ is None else environ
    if env.get("ISCC") and Path(env["ISCC"]).is_file():
        return Path(env["ISCC"])
    found = shutil.which("ISCC") or shutil.which("iscc")
    if found:
        return Path(found)
    roots = [env.get(name) for name in ("ProgramFiles(x86)", "ProgramFiles")]
    if env.get("LOCALAPPDATA"):
        roots.append(os.path.join(env["LOCALAPPDATA"], "Programs"))  # per-user install
    for folder in INNO_FOLDERS:
        for root in filter(None, roots):
            candidate = Path(root) / folder / "ISCC.exe"
            if candidate.is_file():
                return candidate
    return None


def find_signtool(environ: dict[str, str] | None = None) -> str | None:
    """signtool.exe: ``%SIGNTOOL%``, PATH, or the newest x64 one of the Windows SDK."""
    env = os.environ if environ is None else environ
    if env.get("SIGNTOOL"):
        return env["SIGNTOOL"]
    found = shutil.which("signtool")
    if found:
        return found
    kits = Path(env.get("ProgramFiles(x86)", r"C:\Program Files (x86)")) / "Windows Kits" / "10" / "bin"
    sdk = sorted(glob.glob(str(kits / "10.*" / "x64" / "signtool.exe")),
                 key=lambda p: version_tuple(Path(p).parent.parent.name))
    return sdk[-1] if sdk else None


def sign_command(environ: dict[str, str] | None = None) -> list[str]:
    """``signtool sign ...`` without the file names, from the environment; BuildError
    when ``--sign`` was asked for but no certificate or signtool is there."""
    env = os.environ if environ is None else environ
    tool = find_signtool(env)
    if not tool:
        raise BuildError("--sign：找不到 signtool.exe，請安裝 Windows SDK 或以 SIGNTOOL 指定其位置。")
    cmd = [tool, "sign", "/fd", "SHA256", "/tr", env.get("PLANDESK_SIGN_TIMESTAMP") or DEFAULT_TIMESTAMP,
           "/td", "SHA256"]
    if env.get("PLANDESK_SIGN_THUMBPRINT"):
        return cmd + ["/sha1", env["PLANDESK_SIGN_THUMBPRINT"]]
    if env.get("PLANDESK_SIGN_PFX"):
        cmd += ["/f", env["PLANDESK_SIGN_PFX"]]
        if env.get("PLANDESK_SIGN_PASSWORD"):
            cmd += ["/p", env["PLANDESK_SIGN_PASSWORD"]]
        return cmd
    raise BuildError("--sign：沒有憑證，請設定 PLANDESK_SIGN_THUMBPRINT（憑證存放區）"
                     "或 PLANDESK_SIGN_PFX（.pfx 檔）後再建置。")


def iscc_sign_tool(cmd: list[str]) -> str:
    """The ISCC ``/S<name>=<command>`` that lets plandesk.iss sign setup and uninstaller
    ($q is a quote, $f the file, $$ a dollar sign, in Inno Setup's SignTool syntax)."""
    escaped = [part.replace("$", "$$") for part in cmd]  # a password or path may hold a $
    quoted = " ".join(f"$q{part}$q" if " " in part else part for part in escaped)
    return f"/S{SIGN_TOOL_NAME}={quoted} $f"


def build_bundle(clean: bool) -> Path:
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
           "--distpath", str(DIST), "--workpath", str(WORK), str(HERE / "plandesk.spec")]
    if clean:
        cmd.insert(3, "--clean")
    subprocess.run(cmd, cwd=ROOT, check=True)
    exe = executable(console=False)
    if not exe.is_file():
        raise BuildError(f"建置失敗：找不到 {exe}")
    return exe


def installer_path() -> Path:
    meta = source_metadata()
    return DIST / "installer" / f"{meta['APP_NAME']}-{meta['__version__']}-setup.exe"


def iscc_command(iscc: Path, sign: list[str] | None = None) -> list[str]:
    """ISCC call with the names and version from desktop/__init__.py, so the
    install folder matches the library folder and QSettings key, and setup.exe
    carries the same version as the programs."""
    meta = source_metadata()
    file_version = ".".join(map(str, version_tuple(meta["__version__"])))
    cmd = [str(iscc), f"/DAppName={meta['APP_NAME']}", f"/DOrgName={meta['ORG_NAME']}",
           f"/DAppVersion={meta['__version__']}", f"/DFileVersion={file_version}",
           f"/DBundleDir={bundle_dir()}", f"/O{DIST / 'installer'}"]
    if sign:
        cmd += [f"/DSignToolName={SIGN_TOOL_NAME}", iscc_sign_tool(sign)]
    return cmd + [str(HERE / "plandesk.iss")]


def sign_files(sign: list[str], files: list[Path]) -> None:
    subprocess.run(sign + [str(f) for f in files], check=True)


def build_installer(iscc: Path, sign: list[str] | None) -> Path:
    target = installer_path()
    if target.exists():
        target.unlink()  # a stale setup.exe must not pass for this build's
    subprocess.run(iscc_command(iscc, sign), cwd=HERE, check=True)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="建置 PlanDesk 執行檔資料夾（Windows 上另建安裝程式）")
    parser.add_argument("--clean", action="store_true", help="清除 PyInstaller 快取後重新建置")
    parser.add_argument("--no-installer", action="store_true", help="Windows 上不執行 Inno Setup")
    parser.add_argument("--require-installer", action="store_true",
                        help="沒有產生安裝程式就視為失敗（CI 使用）")
    parser.add_argument("--sign", action="store_true", help="以環境變數指定的憑證簽署執行檔與安裝程式")
    args = parser.parse_args(argv)
    utf8_output()
    try:
        return _build(args)
    except BuildError as exc:
        print(f"失敗：{exc}", file=sys.stderr)
        return 1


def _build(args) -> int:
    windows = sys.platform == "win32"
    if args.require_installer and (args.no_installer or not windows):
        raise BuildError("--require-installer 只能在 Windows 上、且未加 --no-installer 時使用。")
    sign = sign_command() if args.sign else None  # fail before a long build, not after
    exe = build_bundle(args.clean)
    print(f"執行檔：{exe}")
    print(f"資料夾大小：{size_on_disk(bundle_dir()) / 1e6:.1f} MB")
    if sign and windows:
        sign_files(sign, [executable(console=False), executable(console=True)])
        print("已簽署：plandesk.exe、plandesk-cli.exe")
    if windows and not args.no_installer:
        iscc = find_iscc()
        if iscc is None:
            message = "找不到 Inno Setup 6 或 7（ISCC.exe），未產生安裝程式；請安裝 Inno Setup 後重新執行。"
            if args.require_installer:
                raise BuildError(message)
            print(message)
        else:
            print(f"Inno Setup：{iscc}")
            setup = build_installer(iscc, sign)
            if not setup.is_file():
                raise BuildError(f"Inno Setup 沒有產生 {setup}。")
            print(f"安裝程式：{setup}")
    if windows and not sign:
        print("注意：這次建置未簽署（未加 --sign）；未簽署的程式在辦公室電腦上較常被 SmartScreen／Defender 警告。")
    return 0


if __name__ == "__main__":
    sys.exit(main())
