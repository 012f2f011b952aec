"""Entry script the bundle starts (PyInstaller needs a script, and
``desktop/__main__.py`` uses a relative import that a script cannot).
Both plandesk.exe (GUI) and plandesk-cli.exe run it, so both hold the mutex
the installer's AppMutex looks for."""
import sys

from desktop.cli import main
from desktop.winmutex import hold_running_mutex

if __name__ == "__main__":
    running = hold_running_mutex()  # held until the process exits
    sys.exit(main())
