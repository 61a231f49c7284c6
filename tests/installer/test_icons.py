"""The app icon: SVG source, every PNG size, a multi-size .ico, all made by make_icons.py."""

from __future__ import annotations

import importlib.util
import struct
from pathlib import Path

import pytest

ICONS = Path(__file__).resolve().parents[2] / "resources" / "icons"


@pytest.fixture(scope="module")
def make_icons():
    spec = importlib.util.spec_from_file_location("make_icons", ICONS / "make_icons.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", data[16:24])


def _ico_entries(data: bytes) -> list[tuple[int, bytes]]:
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    entries = []
    for i in range(count):
        width, _h, _c, _r, _planes, bits, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * i : 22 + 16 * i]
        )
        assert bits == 32
        entries.append((width or 256, data[offset : offset + length]))
    return entries


def test_svg_is_a_valid_drawing_without_text(qapp):
    from PySide6.QtSvg import QSvgRenderer

    text = (ICONS / "app.svg").read_text(encoding="utf-8")
    assert "<text" not in text  # drawn with paths: no font needed to render it
    assert QSvgRenderer(str(ICONS / "app.svg")).isValid()


@pytest.mark.parametrize("size", [16, 24, 32, 48, 64, 128, 256])
def test_png_sizes(make_icons, size):
    assert size in make_icons.SIZES
    assert _png_size(ICONS / f"app-{size}.png") == (size, size)


def test_window_icon_is_the_256_png():
    assert (ICONS / "app.png").read_bytes() == (ICONS / "app-256.png").read_bytes()


def test_ico_holds_every_size_bmp_below_256_and_png_at_256(make_icons):
    entries = _ico_entries((ICONS / "app.ico").read_bytes())
    assert sorted(size for size, _ in entries) == sorted(make_icons.SIZES)
    for size, payload in entries:
        if size == 256:
            assert payload[:8] == b"\x89PNG\r\n\x1a\n"
        else:
            header_size, width, height = struct.unpack("<Iii", payload[:12])
            assert (header_size, width, height) == (
                40,
                size,
                2 * size,
            )  # BMP: height counts the mask


def test_pillow_reads_the_ico():
    from PIL import Image

    with Image.open(ICONS / "app.ico") as image:
        assert {(s, s) for s in (16, 32, 48, 256)} <= set(image.info["sizes"])


def test_committed_icons_match_a_fresh_render(make_icons, tmp_path, qapp):
    """The outputs are up to date with app.svg (pixels compared with a small tolerance, so a
    different Qt version's anti-aliasing does not count as a change)."""
    written = make_icons.make_icons(ICONS / "app.svg", tmp_path)
    assert {p.name for p in written} == {
        p.name for p in ICONS.iterdir() if p.suffix in (".png", ".ico")
    }
    for size in (16, 48, 256):
        fresh = make_icons.render(ICONS / "app.svg", size)
        committed = _decode_png(ICONS / f"app-{size}.png")
        assert len(fresh) == len(committed)
        differing = sum(abs(a - b) > 24 for a, b in zip(fresh, committed))
        assert differing <= len(fresh) // 50, (
            f"app-{size}.png is out of date: run resources/icons/make_icons.py"
        )


def test_red_face_white_glyph(make_icons, qapp):
    """The drawing itself: red corners inside the rounded square, white centre (the 工 stem)."""
    pixels = make_icons.render(ICONS / "app.svg", 64)

    def bgra(x: int, y: int) -> tuple[int, ...]:
        i = (y * 64 + x) * 4
        return tuple(pixels[i : i + 4])

    b, g, r, a = bgra(10, 32)
    assert a == 255 and r > 150 and g < 80 and b < 80  # red
    assert bgra(32, 32) == (255, 255, 255, 255)  # white stem of 工
    assert bgra(0, 0)[3] == 0  # transparent outside the rounded corner


def _decode_png(path: Path) -> bytes:
    """BGRA pixels of a PNG via Qt (whatever encoder wrote it)."""
    from PySide6.QtGui import QImage

    image = QImage(str(path)).convertToFormat(QImage.Format.Format_ARGB32)
    bits, stride, width = bytes(image.constBits()), image.bytesPerLine(), image.width()
    return b"".join(bits[y * stride : y * stride + width * 4] for y in range(image.height()))


def test_docstring_examples(make_icons):
    import doctest

    result = doctest.testmod(make_icons)
    assert result.attempted >= 2 and result.failed == 0
