"""Draw the PlanDesk application icon with Qt (no Pillow needed) and write
``resources/icons/plandesk.png`` (256 px) and ``resources/icons/plandesk.ico``.

    QT_QPA_PLATFORM=offscreen python3 packaging/make_icon.py

The icon is drawn as vectors at every ICO size so small sizes stay crisp: a
blue rounded square holding a white sheet with an indented outline (the plan
tree). The ICO stores PNG images (valid since Windows Vista; PyInstaller and
Inno Setup accept it).
"""
from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICON_DIR = ROOT / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
BLUE, ORANGE, WHITE = "#1f4e79", "#e8893a", "#ffffff"


def render_png(size: int) -> bytes:
    """PNG bytes of the icon drawn at ``size`` × ``size`` pixels."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath

    image = QImage(size, size, QImage.Format_ARGB32)
    image.fill(Qt.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.Antialiasing)
    s = size / 64.0  # design grid is 64 × 64
    p.setPen(Qt.NoPen)
    p.setBrush(QColor(BLUE))
    p.drawRoundedRect(QRectF(1 * s, 1 * s, 62 * s, 62 * s), 12 * s, 12 * s)
    # the sheet with a folded corner
    sheet = QPainterPath()
    sheet.moveTo(14 * s, 9 * s)
    sheet.lineTo(40 * s, 9 * s)
    sheet.lineTo(50 * s, 19 * s)
    sheet.lineTo(50 * s, 55 * s)
    sheet.lineTo(14 * s, 55 * s)
    sheet.closeSubpath()
    p.setBrush(QColor(WHITE))
    p.drawPath(sheet)
    fold = QPainterPath()
    fold.moveTo(40 * s, 9 * s)
    fold.lineTo(40 * s, 19 * s)
    fold.lineTo(50 * s, 19 * s)
    fold.closeSubpath()
    p.setBrush(QColor("#b8cde0"))
    p.drawPath(fold)
    # outline rows: (indent, width, colour) — 面向, 策略, 作法, 作法, 策略
    rows = ((0, 26, ORANGE), (5, 17, BLUE), (10, 15, BLUE), (10, 11, BLUE), (5, 20, BLUE))
    for i, (indent, width, colour) in enumerate(rows):
        p.setBrush(QColor(colour))
        y = (24 + i * 6.2) * s
        p.drawRoundedRect(QRectF((19 + indent) * s, y, width * s, 3.6 * s), 1.2 * s, 1.2 * s)
    p.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """An ICO file holding one PNG image per size."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, png in sorted(images.items()):
        dim = 0 if size >= 256 else size  # 0 means 256 in the ICO directory
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset + len(blobs))
        blobs += png
    return header + entries + blobs


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (fonts/raster need it)
    sys.path.insert(0, str(ROOT))
    from desktop.atomic import write_atomic
    images = {size: render_png(size) for size in ICO_SIZES}
    ICON_DIR.mkdir(parents=True, exist_ok=True)
    write_atomic(ICON_DIR / "plandesk.png", lambda tmp: tmp.write_bytes(images[256]))
    ico = ico_bytes(images)
    write_atomic(ICON_DIR / "plandesk.ico", lambda tmp: tmp.write_bytes(ico))
    for name in ("plandesk.png", "plandesk.ico"):
        (ICON_DIR / name).chmod(0o644)  # mkstemp makes 0600; these ship to everyone
    print(ICON_DIR / "plandesk.ico")
    return 0


if __name__ == "__main__":
    sys.exit(main())
