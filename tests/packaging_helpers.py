"""Load the packaging scripts by path: ``packaging/`` must not become an
importable package (it would shadow the PyPI ``packaging`` library)."""
import importlib.util
import sys

from conftest import ROOT

PACKAGING = ROOT / "packaging"


def load(name: str):
    """Import ``packaging/<name>.py`` as a module named ``plandesk_packaging_<name>``."""
    full = f"plandesk_packaging_{name}"
    if full in sys.modules:
        return sys.modules[full]
    if str(PACKAGING) not in sys.path:  # the scripts import their siblings by name
        sys.path.append(str(PACKAGING))
    spec = importlib.util.spec_from_file_location(full, PACKAGING / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[full] = module
    spec.loader.exec_module(module)
    return module
