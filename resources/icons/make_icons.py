"""Render the app icon ``app.svg`` to the PNG sizes and the multi-size ``app.ico`` Windows needs.

Run after editing the SVG (the outputs are committed)::

    uv run python resources/icons/make_icons.py

Outputs, next to this script:

- ``app-16.png`` … ``app-256.png`` (16, 24, 32, 48, 64, 128, 256 px) and ``app.png`` (256 px,
  the window icon the program loads);
- ``app.ico`` with every size: 16–128 px as 32-bit BMP images (what old Windows parts such
  as the Explorer's small icons and Inno Setup expect), 256 px as PNG (the Vista+ format).

Qt's own SVG renderer (QtSvg, part of PySide6-Essentials) draws the images, so no extra
package is needed; the ICO container is written here (it is a 6-byte header, a 16-byte
entry per image and the images).

>>> ico = build_ico({16: _blank(16), 256: _blank(256)})
>>> ico[:6] == bytes([0, 0, 1, 0, 2, 0])   # reserved, type 1 = icon, 2 images
True
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SVG = HERE / "app.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256)
WINDOW_ICON = "app.png"
ICO = "app.ico"


def render(svg: Path, size: int) -> bytes:
    """The icon as straight (not premultiplied) BGRA pixels, top row first."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _keep.append(QGuiApplication(sys.argv[:1]))
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    # Format_ARGB32 is stored as B, G, R, A bytes on little-endian machines (all Windows/x86).
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    bits, stride = bytes(image.constBits()), image.bytesPerLine()
    return b"".join(bits[y * stride : y * stride + size * 4] for y in range(size))


_keep: list[object] = []  # the QGuiApplication must outlive the renders


def _blank(size: int) -> bytes:
    return bytes(size * size * 4)


def png_bytes(bgra: bytes, size: int) -> bytes:
    """PNG file bytes of ``size``×``size`` BGRA pixels (zlib only: no imaging library)."""
    import zlib

    rows = []
    for y in range(size):
        row = bgra[y * size * 4 : (y + 1) * size * 4]
        rgba = bytearray(row)
        rgba[0::4], rgba[2::4] = row[2::4], row[0::4]  # BGRA -> RGBA
        rows.append(b"\x00" + bytes(rgba))  # filter type 0 per row

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
        + chunk(b"IEND", b"")
    )


def bmp_entry(bgra: bytes, size: int) -> bytes:
    """An ICO image in BMP form: BITMAPINFOHEADER, BGRA rows bottom-up, an all-zero AND mask
    (transparency comes from the alpha channel)."""
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    pixels = b"".join(bgra[y * size * 4 : (y + 1) * size * 4] for y in range(size - 1, -1, -1))
    mask_row = ((size + 31) // 32) * 4
    return header + pixels + bytes(mask_row * size)


def build_ico(images: dict[int, bytes]) -> bytes:
    """A multi-size .ico from ``{size: BGRA pixels}``; 256 px as PNG, smaller ones as BMP."""
    sizes = sorted(images)
    payloads = [png_bytes(images[s], s) if s >= 256 else bmp_entry(images[s], s) for s in sizes]
    out = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    for size, payload in zip(sizes, payloads):
        edge = 0 if size >= 256 else size  # 0 means 256 in the ICO directory
        out += struct.pack("<BBBBHHII", edge, edge, 0, 0, 1, 32, len(payload), offset)
        offset += len(payload)
    return out + b"".join(payloads)


def make_icons(svg: Path = SVG, out_dir: Path = HERE) -> list[Path]:
    """Write every PNG size, ``app.png`` and ``app.ico``; return the written paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    images = {size: render(svg, size) for size in SIZES}
    written = []
    for size, pixels in images.items():
        path = out_dir / f"app-{size}.png"
        path.write_bytes(png_bytes(pixels, size))
        written.append(path)
    window_icon = out_dir / WINDOW_ICON
    window_icon.write_bytes(png_bytes(images[256], 256))
    ico = out_dir / ICO
    ico.write_bytes(build_ico(images))
    return [*written, window_icon, ico]


if __name__ == "__main__":
    for written_path in make_icons():
        print(written_path.relative_to(HERE.parents[1]))
