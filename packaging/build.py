"""Build the PlanDesk bundle for this OS, and on Windows the installer.

    python packaging/build.py [--clean] [--no-installer]

Result: ``dist/PlanDesk/`` with the executable ``dist/PlanDesk/plandesk``
(``plandesk.exe`` and ``plandesk-cli.exe`` on Windows). On Windows, when Inno
Setup's ISCC is on PATH or in its default folder, it also writes
``dist/installer/PlanDesk-<version>-setup.exe``.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bundle_layout import DIST, ROOT, bundle_dir, executable, size_on_disk, source_metadata, utf8_output  # noqa: E402

WORK = ROOT / "build" / "pyinstaller"


def find_iscc() -> Path | None:
    """Inno Setup's command-line compiler, if installed."""
    found = shutil.which("ISCC") or shutil.which("iscc")
    if found:
        return Path(found)
    for env in ("ProgramFiles(x86)", "ProgramFiles", "LOCALAPPDATA"):
        base = os.environ.get(env)
        for sub in ("Inno Setup 6", os.path.join("Programs", "Inno Setup 6")):
            if base and (Path(base) / sub / "ISCC.exe").is_file():
                return Path(base) / sub / "ISCC.exe"
    return None


def build_bundle(clean: bool) -> Path:
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
           "--distpath", str(DIST), "--workpath", str(WORK), str(HERE / "plandesk.spec")]
    if clean:
        cmd.insert(3, "--clean")
    subprocess.run(cmd, cwd=ROOT, check=True)
    exe = executable(console=False)
    if not exe.is_file():
        raise SystemExit(f"建置失敗：找不到 {exe}")
    return exe


def iscc_command(iscc: Path) -> list[str]:
    """ISCC call with the names and version from desktop/__init__.py, so the
    install folder matches the library folder and QSettings key."""
    meta = source_metadata()
    return [str(iscc), f"/DAppName={meta['APP_NAME']}", f"/DOrgName={meta['ORG_NAME']}",
            f"/DAppVersion={meta['__version__']}",
            f"/DBundleDir={bundle_dir()}", f"/O{DIST / 'installer'}", str(HERE / "plandesk.iss")]


def build_installer(iscc: Path) -> None:
    subprocess.run(iscc_command(iscc), cwd=HERE, check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="建置 PlanDesk 執行檔資料夾（Windows 上另建安裝程式）")
    parser.add_argument("--clean", action="store_true", help="清除 PyInstaller 快取後重新建置")
    parser.add_argument("--no-installer", action="store_true", help="Windows 上不執行 Inno Setup")
    args = parser.parse_args(argv)
    utf8_output()
    exe = build_bundle(args.clean)
    print(f"執行檔：{exe}")
    print(f"資料夾大小：{size_on_disk(bundle_dir()) / 1e6:.1f} MB")
    if sys.platform == "win32" and not args.no_installer:
        iscc = find_iscc()
        if iscc:
            build_installer(iscc)
            print(f"安裝程式：{DIST / 'installer'}")
        else:
            print("找不到 Inno Setup（ISCC.exe），略過安裝程式；請安裝 Inno Setup 6 後重新執行。")
    return 0


if __name__ == "__main__":
    sys.exit(main())
