"""Installing PlanDesk: the lock is current, the pip export matches it, the
README's two commands are what CI runs, and they work from a fresh clone with
nothing but the system's /usr/bin:/bin on PATH (PEP 668: .venv, never the
system Python)."""
import os
import re
import shutil
import subprocess
import tomllib

import pytest

from conftest import ROOT

UV = ROOT / ".uv" / "bin" / "uv"
REQUIREMENTS = ROOT / "packaging" / "requirements-lock.txt"
EXPORT_ARGS = ["export", "--locked", "--offline", "--format", "requirements-txt", "--no-emit-project",
               "--all-groups", "--quiet", "--no-header"]


def uv(*args, **kwargs):
    if not UV.exists():
        pytest.skip("uv is installed by bash .ci/setup")
    return subprocess.run([str(UV), *args], cwd=ROOT, capture_output=True, text=True, timeout=120, **kwargs)


def readme_commands() -> list[str]:
    """The fenced bash blocks under 「兩個指令」, in order."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## 兩個指令", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"```bash\n(.*?)```", section, re.S)]


def test_lock_is_up_to_date_with_pyproject():
    result = uv("lock", "--check", "--offline")
    assert result.returncode == 0, f"uv.lock is stale; run .uv/bin/uv lock: {result.stderr}"


def test_pip_requirements_are_the_lock_exported_with_hashes(tmp_path):
    out = tmp_path / "requirements.txt"
    result = uv(*EXPORT_ARGS, "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8") == REQUIREMENTS.read_text(encoding="utf-8"), \
        f"run: .uv/bin/uv {' '.join(EXPORT_ARGS)} -o packaging/requirements-lock.txt"
    assert "--hash=sha256:" in out.read_text(encoding="utf-8")


def test_lock_resolves_for_linux_and_windows_and_excludes_known_bad_qt():
    lock = tomllib.loads((ROOT / "uv.lock").read_text(encoding="utf-8"))
    environments = " ".join(lock.get("supported-markers", lock.get("resolution-markers", [])))
    assert "sys_platform == 'linux'" in environments and "sys_platform == 'win32'" in environments
    pyside = next(p for p in lock["package"] if p["name"] == "pyside6-essentials")
    assert not pyside["version"].startswith("6.12"), "PySide6 6.12 aborts under Python 3.11"
    wheels = " ".join(w["url"] for w in pyside["wheels"])
    assert "win_amd64" in wheels and "manylinux" in wheels


def test_readme_has_exactly_two_commands_and_ci_runs_the_test_one_verbatim():
    commands = readme_commands()
    assert len(commands) == 2, commands
    start, test = commands
    assert start.startswith("bash .ci/setup && ") and test.startswith("bash .ci/setup && ")
    assert "pytest" in test and "pytest" not in start
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test in ci, ".ci/run must run the README's test command as written"


def test_pyproject_ships_every_package_and_the_data_folders():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    setuptools = project["tool"]["setuptools"]
    on_disk = {".".join(path.parent.relative_to(ROOT).parts)
               for path in (ROOT / "desktop").rglob("__init__.py") if "__pycache__" not in path.parts}
    declared = set(setuptools["packages"])
    assert on_disk <= declared, f"add to [tool.setuptools] packages: {sorted(on_disk - declared)}"
    assert setuptools["package-dir"] == {f"desktop._data.{name}": name for name in ("db", "templates", "resources")}
    assert "version" in project["project"] and "dynamic" not in project["project"]
    assert project["project"]["license"] == "MIT" and (ROOT / "LICENSE").is_file()


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("git") or not os.path.exists("/usr/bin/python3"),
                    reason="needs git and the system's /usr/bin/python3")
def test_readme_setup_works_from_a_fresh_clone_with_only_the_system_python(tmp_path):
    clone = tmp_path / "plandesk"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True, timeout=120)
    setup = readme_commands()[0].split(" && ")[0]
    env = {"PATH": "/usr/bin:/bin", "HOME": os.environ.get("HOME", str(tmp_path))}
    result = subprocess.run(["bash", "-c", setup], cwd=clone, env=env, capture_output=True, text=True,
                            timeout=900)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    assert "home = /usr/bin" in (clone / ".venv" / "pyvenv.cfg").read_text(encoding="utf-8")
    version = subprocess.run([str(clone / ".venv" / "bin" / "plandesk"), "--version"], env=env,
                             capture_output=True, text=True, timeout=60)
    expected = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert version.returncode == 0 and version.stdout.strip() == f"PlanDesk {expected}", version
    system = subprocess.run(["/usr/bin/python3", "-c", "import desktop"], env=env, cwd=tmp_path, capture_output=True)
    assert system.returncode != 0, "the system Python must stay untouched"
    again = subprocess.run(["bash", "-c", setup], cwd=clone, env=env, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr[-2000:]
