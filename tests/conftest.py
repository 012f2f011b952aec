import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "templates" / "plans" / "examples"
FIXTURE_NAMES = ["hualien-108", "taipei-114", "xinying-111"]


def fixture_path(name: str) -> Path:
    return FIXTURES / f"{name}.json"


def fixture_json(name: str) -> dict:
    return json.loads(fixture_path(name).read_text(encoding="utf-8"))


@pytest.fixture
def library(tmp_path):
    from desktop.library import Library
    lib = Library.open(tmp_path / "lib.sqlite")
    yield lib
    lib.close()


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path, monkeypatch):
    """Never touch the real user's library or settings."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("PLANDESK_DB", raising=False)


def saved_plan(db, plan_id: int):
    """The plan as saved in the library file ``db``, read through a new connection."""
    from desktop.library import Library
    library = Library.open(db)
    try:
        return library.load_plan(plan_id)
    finally:
        library.close()


def run_cli(*args, env=None, cwd=None):
    """Run the real ``plandesk`` entry point in a subprocess."""
    full_env = dict(os.environ, **(env or {}))
    return subprocess.run([sys.executable, "-m", "desktop", *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", env=full_env, cwd=cwd, timeout=120)


def cli_import(db, name: str) -> str:
    """Import the fixture ``name`` into ``db`` with ``plandesk import``; the new plan id."""
    result = run_cli("--db", db, "import", fixture_path(name))
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]

