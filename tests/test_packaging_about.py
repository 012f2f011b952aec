"""The About box shows version, library location and the licenses of every
shipped component, Qt's LGPL notice included."""
import json

import pytest

from conftest import ROOT

pytest.importorskip("PySide6.QtWidgets")

LICENSES = ROOT / "resources" / "licenses"


def test_every_locked_runtime_package_has_its_license_listed_with_the_locked_version():
    import sys
    sys.path.insert(0, str(ROOT / "packaging"))
    from collect_licenses import locked_runtime_packages
    locked = locked_runtime_packages()
    assert {"pyside6-essentials", "python-docx", "odfpy", "sqlite-utils", "lxml", "pypdfium2"} <= set(locked)
    data = json.loads((LICENSES / "components.json").read_text(encoding="utf-8"))
    listed = {c["distribution"]: c["version"] for c in data["components"] if "distribution" in c}
    stale = {name: (version, listed.get(name)) for name, version in locked.items() if listed.get(name) != version}
    assert not stale, f"run packaging/collect_licenses.py: lock vs components.json {stale}"
    for component in data["components"]:
        for name in component["files"]:
            assert (LICENSES / name).stat().st_size > 200, name


def test_about_box_shows_version_library_path_and_licenses(qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QDesktopServices

    from desktop import __version__
    from desktop.gui.about import AboutDialog
    library_path = tmp_path / "資料" / "library.sqlite"
    dialog = AboutDialog(library_path)
    qtbot.addWidget(dialog)
    assert f"版本 {__version__}" in dialog.title_label.text()
    assert dialog.path_field.text() == str(library_path) and dialog.path_field.isReadOnly()
    assert "LGPL-3.0" in dialog.lgpl_label.text() and "Qt" in dialog.lgpl_label.text()
    names = [dialog.component_list.item(i).text() for i in range(dialog.component_list.count())]
    assert any(n.startswith("Qt —") or n.startswith("Qt ") for n in names)
    assert any(n.startswith("PySide6") and "LGPL-3.0" in n for n in names)
    assert any(n.startswith("python-docx") for n in names) and any(n.startswith("odfpy") for n in names)
    dialog.select_component("PySide6")
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in dialog.license_view.toPlainText()
    dialog.select_component("python-docx")
    assert "MIT" in dialog.license_view.toPlainText() or "Permission is hereby granted" in dialog.license_view.toPlainText()
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    qtbot.mouseClick(dialog.open_folder_button, Qt.LeftButton)
    assert opened == [str(library_path.parent)]


def test_show_about_opens_without_blocking_and_closes(qtbot, tmp_path):
    from PySide6.QtWidgets import QWidget

    from desktop.gui.about import show_about
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    dialog = show_about(parent, tmp_path / "library.sqlite")
    qtbot.waitExposed(dialog)
    assert dialog.isVisible() and dialog.parent() is parent
    dialog.reject()
    assert not dialog.isVisible()


def test_application_has_the_plandesk_icon(qtbot):
    from desktop.gui.app import make_application
    app = make_application([])
    sizes = app.windowIcon().availableSizes()
    assert not app.windowIcon().isNull() and any(s.width() >= 256 for s in sizes)


def test_help_menu_about_opens_the_about_box_with_this_library(qtbot, tmp_path):
    from PySide6.QtWidgets import QApplication

    from desktop.gui.about import AboutDialog
    from desktop.gui.app import create_main_window
    window = create_main_window(tmp_path / "lib.sqlite")
    qtbot.addWidget(window)
    window.actions["about"].trigger()
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, AboutDialog) and w.isVisible()]
    assert len(dialogs) == 1 and dialogs[0].path_field.text() == str(window.library.path)
    dialogs[0].reject()
    window.close()
    window.library.close()
