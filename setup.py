"""Ship the top-level data folders (db/, templates/, resources/) inside the wheel.

They live at the repository top level by design; an installed package finds them
under ``desktop/_data/`` (see ``desktop/paths.py``).
"""
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

DATA_DIRS = ("db", "templates", "resources")


class BuildWithData(build_py):
    def run(self):
        super().run()
        here = Path(__file__).parent
        target = Path(self.build_lib) / "desktop" / "_data"
        for name in DATA_DIRS:
            shutil.copytree(here / name, target / name, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns("__pycache__"))


setup(cmdclass={"build_py": BuildWithData})
