"""Start the editor: ``run_gui(db_path, argv)``.

Opens the library (seeding the demo plans into a new default library), takes
the instance lock, shows the main window and runs the event loop. A second
launch on the same library hands over to the running window (single_instance);
it opens read-only only when the lock belongs to another PC.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from .. import APP_NAME, ORG_NAME
from ..backup import create_backup, daily_backup
from ..demo import seed_if_empty
from ..errors import LibraryDamaged, PlanDeskError
from ..library import Library
from ..paths import data_dir, default_db_path, reject_foreign_path
from . import single_instance, welcome
from .crash import install_excepthook, log, setup_logging
from .instance_lock import InstanceLock
from .menu_keys import MenuKeyStyle


def qt_translation_dirs() -> list[str]:
    """Where PySide6 keeps Qt's own .qm files: QLibraryInfo's answer, then the wheel's
    folders (a frozen bundle may not report the path; Windows wheels use PySide6/translations)."""
    import PySide6
    package = Path(PySide6.__file__).parent
    folders = [QLibraryInfo.path(QLibraryInfo.TranslationsPath),
               str(package / "Qt" / "translations"), str(package / "translations")]
    return [f for f in dict.fromkeys(folders) if f and Path(f).is_dir()]


def _install_translations(app: QApplication) -> None:
    """Qt's own zh_TW strings (標準按鈕「是」「否」、檔案對話框…) and ours, when present."""
    app._translators = []
    locale = QLocale(QLocale.Chinese, QLocale.TraditionalChineseScript, QLocale.Taiwan)
    QLocale.setDefault(locale)
    candidates = [(folder, "qtbase_zh_TW") for folder in qt_translation_dirs()]
    try:
        candidates.append((str(data_dir("resources") / "i18n"), "plandesk_zh_TW"))
    except FileNotFoundError:
        pass
    loaded = set()
    for folder, name in candidates:
        if name in loaded:
            continue
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            app._translators.append(translator)
            loaded.add(name)


def make_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "plandesk", *argv])
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    # title bar / taskbar icon (the bundle's .exe icon only covers Explorer)
    app.setWindowIcon(QIcon(str(data_dir("resources") / "icons" / "plandesk.png")))
    _install_translations(app)
    if not isinstance(app.style(), MenuKeyStyle):
        app.setStyle(MenuKeyStyle())  # the platform's style; menus name keys as the F1 list does
    return app


def open_library(db_path: Path) -> Library:
    """Open the library; the default library gets the demo plans when new; the
    first open of the day backs it up (a failed backup is a warning, not a stop)."""
    db_path = Path(db_path)
    reject_foreign_path(db_path)
    fresh = not db_path.exists()
    library = Library.open(db_path)
    if fresh and db_path == default_db_path() and "PLANDESK_DB" not in os.environ:
        seed_if_empty(library)
    failed = daily_backup(library)
    if failed:
        library.warning = " ".join(filter(None, [library.warning, failed]))
    return library


def create_main_window(db_path: Path):
    """Library + lock + main window + change watcher, not yet shown (tests and
    run_gui share it); the window holding the lock listens for later launches.
    A lock held from another computer is shown with who and how long ago, and
    the clerk may take it over."""
    from . import dialogs
    from .change_watcher import ChangeWatcher
    from .main_window import MainWindow
    library = open_library(db_path)
    lock = InstanceLock(library.path)
    if not lock.acquired and lock.foreign and not library.read_only and dialogs.ask(
            None, lock.describe() + " 要接手編輯嗎？"):
        log.warning("lock of %s held by %s taken over", library.path, lock.owner)
        lock.take_over()
    window = MainWindow(library, read_only=library.read_only or not lock.acquired)
    window.instance_lock = lock
    if lock.acquired:
        window.instance_server = single_instance.serve(window, library.path)
    else:
        window.read_only_reason = lock.read_only_message()
    window.change_watcher = ChangeWatcher(window)
    window.opened_revisions = library.revisions()
    welcome.install(window)  # first start: what the demo is, three first steps
    return window


def backup_on_close(window) -> None:
    """A library changed in this session is backed up when the program closes."""
    library = window.library
    if window.read_only or library.revisions() == getattr(window, "opened_revisions", None):
        return
    try:
        create_backup(library, "關閉時")
    except PlanDeskError as exc:
        log.warning("backup on close failed: %s", exc.message)


def run_gui(db_path: Path, argv: list[str], open_file: Path | None = None) -> int:
    """The ``plandesk`` desktop program; returns the exit code. ``open_file``
    (an old plan to import) goes to the running window when there is one."""
    app = make_application(argv)
    setup_logging()
    install_excepthook()
    from . import dialogs
    if Path(db_path).exists() and single_instance.hand_over(db_path, open_file):
        return 0  # the running window came to the front with the file
    try:
        try:
            window = create_main_window(db_path)
        except LibraryDamaged as damaged:  # straight to choosing a backup
            from .backup_dialog import recover_damaged
            if not recover_damaged(None, Path(db_path), damaged):
                return 2
            window = create_main_window(db_path)
    except PlanDeskError as exc:
        dialogs.show_error(None, exc.message)
        return 2
    window.show()
    if open_file:
        QTimer.singleShot(0, lambda: window.import_file(Path(open_file)))
    smoke = os.environ.get("PLANDESK_SMOKE_EXIT_MS")
    if smoke:
        QTimer.singleShot(int(smoke), window.close)
        QTimer.singleShot(int(smoke) + 50, app.quit)  # also ends a message box left open
    QTimer.singleShot(0, window.announce_startup)  # once the window is up, never before the timers
    code = app.exec()
    backup_on_close(window)
    window.library.close()
    return code
