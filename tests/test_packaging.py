"""Packaging inputs that matter, checked without building: the bundle keeps
every Qt module the program imports, drops only what it never loads, and the
icon and Windows version resource are well formed."""
import ast
import re
import struct

import pytest

from conftest import ROOT
from packaging_helpers import PACKAGING, load

layout = load("bundle_layout")
versioninfo = load("versioninfo")


def imported_modules() -> set[str]:
    """Every module imported anywhere in the desktop package (static scan)."""
    names = set()
    for path in (ROOT / "desktop").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_no_module_the_program_imports_is_excluded_from_the_bundle():
    used = imported_modules()
    excluded = set(layout.EXCLUDED_MODULES)
    clash = {name for name in used for ex in excluded if name == ex or name.startswith(ex + ".")}
    assert not clash, f"excluded from the bundle but imported by desktop/: {sorted(clash)}"


@pytest.mark.parametrize("dest, kept", [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/Qt/plugins/platforms/qwindows.dll", True),
    ("PySide6/Qt/plugins/platforms/libqminimal.so", True),
    ("PySide6/Qt/plugins/platforms/libqminimalegl.so", False),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
    ("PySide6/Qt/plugins/imageformats/libqico.so", True),
    ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
    ("PySide6/Qt/plugins/imageformats/qjpeg.dll", True),
    ("PySide6/Qt/plugins/imageformats/libqtiff.so", False),
    ("PySide6/Qt/plugins/imageformats/qwebp.dll", False),
    ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
    ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", True),
    ("libcairo.so.2", False),
    ("libQt6EglFSDeviceIntegration.so.6", False),
    ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
    ("libglib-2.0.so.0", True),
    ("libpython3.11.so.1.0", True),
])
def test_binary_filter(dest, kept):
    assert layout.keep_binary(dest) is kept


@pytest.mark.parametrize("dest, kept", [
    ("PySide6/Qt/translations/qtbase_zh_TW.qm", True),
    ("PySide6/Qt/translations/qtbase_en.qm", True),
    ("PySide6/Qt/translations/qtbase_de.qm", False),
    ("PySide6/Qt/translations/qt_ja.qm", False),
    ("templates/profiles/taipower.json", True),
    ("resources/icons/plandesk.png", True),
])
def test_data_filter_keeps_our_files_and_only_zh_tw_en_qt_translations(dest, kept):
    assert layout.keep_data(dest) is kept


def test_spec_is_onedir_without_upx_and_bundles_data_and_cli_modules():
    text = (PACKAGING / "plandesk.spec").read_text(encoding="utf-8")
    ast.parse(text)
    assert "COLLECT(" in text and "exclude_binaries=True" in text  # onedir, not onefile
    assert "upx=True" not in text and text.count("upx=False") == 2
    assert 'collect_submodules("desktop")' in text
    assert "DATA_DIRS" in text and layout.DATA_DIRS == ("db", "templates", "resources")
    assert 'icon=str(ICON)' in text and "version=version_file(name) if WINDOWS" in text
    assert (ROOT / "packaging" / "plandesk_entry.py").is_file()


def test_spec_bundles_pdfium_for_the_print_preview():
    """pypdfium2 loads its native pdfium (pdfium.dll / libpdfium.so) by path from
    pypdfium2_raw: the spec collects it, and the binary filter keeps it."""
    import pypdfium2_raw
    from pathlib import Path
    text = (PACKAGING / "plandesk.spec").read_text(encoding="utf-8")
    assert 'binaries=collect_dynamic_libs("pypdfium2_raw")' in text
    assert '"pypdfium2", "pypdfium2_raw"' in text and 'collect_data_files("pypdfium2_raw")' in text
    native = [p for p in Path(pypdfium2_raw.__file__).parent.iterdir() if "pdfium" in p.name
              and p.suffix in (".so", ".dll", ".dylib")]
    assert native, "the pypdfium2_raw wheel carries no pdfium library"
    for path in native + [Path("pypdfium2_raw/pdfium.dll")]:
        assert layout.keep_binary(f"pypdfium2_raw/{path.name}")


@pytest.mark.parametrize("exe, description", [("plandesk", "編輯器"), ("plandesk-cli", "命令列")])
def test_version_resource_evaluates_to_the_package_version(exe, description):
    from desktop import APP_NAME, ORG_NAME, __version__

    class Rec:  # stands in for PyInstaller's classes: records what it is given
        def __init__(self, *args, **kwargs):
            self.args, self.kwargs = args, kwargs

    names = {n: type(n, (Rec,), {}) for n in ("VSVersionInfo", "FixedFileInfo", "StringFileInfo",
                                              "StringTable", "StringStruct", "VarFileInfo", "VarStruct")}
    text = versioninfo.version_file_text(__version__, APP_NAME, ORG_NAME, versioninfo.EXE_DESCRIPTIONS[exe],
                                         exe_name=f"{exe}.exe")
    info = eval(text, names)  # noqa: S307
    numbers = tuple(int(n) for n in re.findall(r"\d+", __version__)[:3]) + (0,)
    assert info.kwargs["ffi"].kwargs["filevers"] == numbers[:4]
    table = info.kwargs["kids"][0].args[0][0]
    assert table.args[0] == "040404B0"  # zh-TW, Unicode
    strings = {s.args[0]: s.args[1] for s in table.args[1]}
    assert strings["ProductName"] == APP_NAME and strings["CompanyName"] == ORG_NAME
    assert strings["ProductVersion"] == __version__ and strings["OriginalFilename"] == f"{exe}.exe"
    assert strings["InternalName"] == exe and description in strings["FileDescription"]


@pytest.mark.parametrize("version, expected", [("0.1.0", (0, 1, 0, 0)), ("1.2.3.4", (1, 2, 3, 4)),
                                               ("2.0rc1", (2, 0, 1, 0)), ("3", (3, 0, 0, 0))])
def test_version_tuple(version, expected):
    assert versioninfo.version_tuple(version) == expected


def test_icon_files_are_a_valid_multi_size_ico_and_a_256_png():
    ico = (ROOT / "resources" / "icons" / "plandesk.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", ico)
    assert (reserved, kind) == (0, 1) and count >= 5
    sizes = set()
    for i in range(count):
        w, h, _c, _r, _planes, _bits, length, offset = struct.unpack_from("<BBBBHHII", ico, 6 + 16 * i)
        assert w == h and ico[offset:offset + 8] == b"\x89PNG\r\n\x1a\n" and offset + length <= len(ico)
        sizes.add(w or 256)
    assert {16, 32, 48, 256} <= sizes
    png = (ROOT / "resources" / "icons" / "plandesk.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", png[16:24]) == (256, 256)


def test_build_tools_read_the_same_names_and_version_as_the_program():
    import desktop
    meta = layout.source_metadata()
    assert meta == {"__version__": desktop.__version__, "APP_NAME": desktop.APP_NAME, "ORG_NAME": desktop.ORG_NAME}
    assert layout.bundle_dir().name == desktop.APP_NAME
    assert layout.executable(console=False).parent == layout.bundle_dir()


def test_imports_of_migration_scripts_become_hidden_imports(tmp_path):
    (tmp_path / "migrations").mkdir()
    (tmp_path / "migrations" / "v009_x.py").write_text(
        "import json\nfrom decimal import Decimal\nfrom . import sibling\n\ndef upgrade(db):\n    import csv\n",
        encoding="utf-8")
    assert layout.data_script_imports(tmp_path) == ["csv", "decimal", "json"]
    assert all(isinstance(n, str) for n in layout.data_script_imports(ROOT / "db"))
    assert "data_script_imports(ROOT / \"db\")" in (PACKAGING / "plandesk.spec").read_text(encoding="utf-8")


def test_icon_drawing_is_crisp_at_every_ico_size(qtbot):
    from PySide6.QtGui import QColor, QImage
    make_icon = load("make_icon")
    for size in make_icon.ICO_SIZES:
        image = QImage.fromData(make_icon.render_png(size))
        assert (image.width(), image.height()) == (size, size)
        assert image.pixelColor(0, 0).alpha() == 0  # rounded corner is transparent
        assert image.pixelColor(size // 2, size // 20 + 1) == QColor(make_icon.BLUE)  # frame
    ico = make_icon.ico_bytes({16: make_icon.render_png(16), 256: make_icon.render_png(256)})
    assert struct.unpack_from("<HHH", ico) == (0, 1, 2) and ico[6 + 16] == 0  # 256 is stored as 0
