"""Draw the application icon (resources/icons/govshare.ico): the exe's, the Start-menu
shortcut's and Add/Remove Programs'. Run once when the design changes; the .ico is committed.

    QT_QPA_PLATFORM=offscreen python packaging/make_icon.py

A blue rounded square with 共 (共享, sharing) in white, drawn by Qt with the bundled CJK font
so every machine draws it the same; sizes 16-256 as PNG entries of one .ico (Vista+ format).
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QImage, QPainter

ROOT = Path(__file__).resolve().parent.parent
FONT = ROOT / "resources" / "fonts" / "NotoSansSC-Regular-GB2312.otf"
TARGET = ROOT / "resources" / "icons" / "govshare.ico"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw(size: int, family: str) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#1f5fa8"))
    radius = size * 0.18
    painter.drawRoundedRect(QRectF(0, 0, size, size), radius, radius)
    font = QFont(family)
    font.setPixelSize(round(size * 0.72))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(QRectF(0, -size * 0.04, size, size), Qt.AlignmentFlag.AlignCenter, "共")
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico(images: list[tuple[int, bytes]]) -> bytes:
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, blobs = b"", b""
    for size, png in images:
        edge = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", edge, edge, 0, 0, 1, 32, len(png), offset)
        offset += len(png)
        blobs += png
    return header + entries + blobs


def main() -> int:
    app = QGuiApplication(sys.argv)
    families = QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(str(FONT)))
    if not families:
        raise SystemExit(f"cannot load {FONT}")
    TARGET.write_bytes(ico([(size, draw(size, families[0])) for size in SIZES]))
    print(f"{TARGET} ({TARGET.stat().st_size} bytes)")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
