"""Entry script the bundle starts (PyInstaller needs a script, and
``desktop/__main__.py`` uses a relative import that a script cannot)."""
import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
