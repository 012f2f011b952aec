"""The documentation screenshots can be regenerated (the script drives the real dialogs)."""
from PySide6.QtGui import QImage

from desktop.gui.screenshots import take


def test_screenshots_cover_the_editor_and_the_yearly_dialogs(qapp, tmp_path):
    written = take(tmp_path)
    names = {p.name for p in written}
    assert {"main-window-hualien-108.png", "welcome-panel.png", "clone-wizard-rollover.png", "diff-view.png",
            "import-preview.png", "assessment-view.png", "assessment-merge-preview.png",
            "find-replace.png", "drop-inside.png", "drop-between.png", "markup-review.png"} <= names
    for path in written:
        image = QImage(str(path))
        assert image.width() >= 600 and image.height() >= 400, path.name
