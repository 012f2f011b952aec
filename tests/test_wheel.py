"""An installed wheel carries db/, templates/ and resources/ and finds them."""
import subprocess
import sys
import zipfile

from conftest import ROOT


def test_wheel_ships_data_and_installed_package_finds_it(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
                    "-w", str(tmp_path), str(ROOT)], check=True, timeout=300,
                   cwd=tmp_path, capture_output=True)
    wheel = next(tmp_path.glob("plandesk-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in ("desktop/_data/db/migrations/v001_initial.py",
                     "desktop/_data/templates/profiles/taipower.json",
                     "desktop/_data/templates/plans/skeleton.json",
                     "desktop/_data/templates/plans/examples/hualien-108.json",
                     "desktop/_data/resources/fontconfig/65-plandesk-kai.conf"):
        assert expected in names
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    # every core module imports from the wheel alone (a package missing from
    # pyproject's list would fail here), then the data is found
    probe = ("import importlib, pkgutil, desktop\n"
             "for m in pkgutil.walk_packages(desktop.__path__, 'desktop.'):\n"
             "    if not m.name.startswith(('desktop.gui', 'desktop.__main__')):\n"
             "        assert importlib.import_module(m.name).__file__.startswith(desktop.__path__[0]), m.name\n"
             "from desktop.paths import data_dir; from desktop.migrate import latest_version\n"
             "print(data_dir('templates')); print(latest_version())")
    out = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True,
                         env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"}, timeout=60)
    assert out.returncode == 0, out.stderr
    folder, version = out.stdout.split()
    assert folder == str(target / "desktop" / "_data" / "templates") and int(version) >= 2
