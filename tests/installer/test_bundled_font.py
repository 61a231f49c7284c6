"""The bundled Chinese font: present, licensed, and used when a PC has no Chinese font.

The fallback path is exercised on Linux by pretending to be a Windows PC whose font folder
holds no Chinese font (and hiding the Linux system fonts), then inside a PyInstaller bundle
(``sys._MEIPASS``) where only the bundle's copy exists.
"""

from __future__ import annotations

import os
import sys
import types
from pathlib import Path

import pytest

from guilin_union.reports import fonts
from guilin_union.ui.selftest import check_pdf

ROOT = Path(__file__).resolve().parents[2]
FONT_DIR = ROOT / "resources" / "fonts"
BUNDLED = FONT_DIR / "wqy-microhei.ttc"


@pytest.fixture
def no_system_fonts(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """A Windows PC whose C:\\Windows\\Fonts has no Chinese font; nothing from env vars."""
    for name in (fonts.ENV_FONT, fonts.ENV_FONT_DIR):
        monkeypatch.delenv(name, raising=False)
    windir = tmp_path / "Windows"
    (windir / "Fonts").mkdir(parents=True)
    (windir / "Fonts" / "arial.ttf").write_bytes(b"not chinese")
    monkeypatch.setenv("WINDIR", str(windir))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "LocalAppData"))
    # Only the font module sees Windows; the rest of the process stays as it is.
    fake_sys = types.SimpleNamespace(platform="win32", executable=sys.executable)
    monkeypatch.setattr(fonts, "sys", fake_sys)
    monkeypatch.setattr(fonts, "_SYSTEM_DIRS", ())
    monkeypatch.setattr(fonts, "_fc_list", lambda: [])
    fonts.reset_font_cache()
    yield fake_sys
    fonts.reset_font_cache()


def test_bundled_font_file_and_licence():
    data = BUNDLED.read_bytes()
    assert data[:4] == b"ttcf"  # a TrueType collection (glyf outlines: reportlab can embed it)
    assert len(data) < 6 * 1024 * 1024
    licence = (FONT_DIR / "LICENSE-Apache-2.0.txt").read_text(encoding="utf-8")
    assert "Apache License" in licence and "Version 2.0" in licence
    readme = (FONT_DIR / "README.md").read_text(encoding="utf-8")
    assert "WenQuanYi" in readme and "Apache" in readme


def test_bundled_font_has_the_characters_of_union_paperwork():
    from reportlab.pdfbase.ttfonts import TTFont

    face = TTFont("GU-test-wqy", str(BUNDLED), subfontIndex=0).face
    for char in "桂林学院工会会员慰问教代会壹贰叁肆伍陆柒捌玖拾佰仟万元整￥（）：、":
        assert ord(char) in face.charWidths, char


def test_windows_pc_without_chinese_fonts_uses_the_bundled_font(no_system_fonts, tmp_path: Path):
    choice = fonts.register_fonts()
    assert choice.embedded
    assert Path(choice.body_path).resolve() == BUNDLED.resolve()

    from guilin_union.reports.document import Report

    report = Report(tmp_path / "后备字体.pdf", "会员花名册")
    report.paragraph("桂林学院工会 张三 李四")
    path = report.save()
    check_pdf(path)  # readable, Chinese text, every font embedded

    from pypdf import PdfReader

    fonts_used = {
        str(ref.get_object()["/BaseFont"])
        for page in PdfReader(str(path)).pages
        for ref in page["/Resources"]["/Font"].values()
    }
    assert any("WenQuanYi" in name for name in fonts_used), fonts_used


def test_windows_system_font_wins_over_the_bundled_one(no_system_fonts, tmp_path: Path):
    """On a normal office PC the system's 仿宋/宋体 is used, not the bundled font."""
    windows_fonts = Path(os.environ["WINDIR"]) / "Fonts"
    try:
        (windows_fonts / "simsun.ttc").symlink_to(BUNDLED)  # a stand-in with Chinese glyphs
    except OSError:
        (windows_fonts / "simsun.ttc").write_bytes(BUNDLED.read_bytes())
    choice = fonts.register_fonts()
    assert Path(choice.body_path).parent == windows_fonts


def test_inside_a_bundle_the_font_is_found_in_meipass(
    no_system_fonts, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
):
    """As in the PyInstaller bundle: no checkout around, only ``_MEIPASS/resources/fonts``."""
    bundle = tmp_path / "bundle" / "_internal"
    (bundle / "resources" / "fonts").mkdir(parents=True)
    copy = bundle / "resources" / "fonts" / BUNDLED.name
    try:
        copy.symlink_to(BUNDLED)
    except OSError:
        copy.write_bytes(BUNDLED.read_bytes())
    no_system_fonts._MEIPASS = str(bundle)
    no_system_fonts.frozen = True
    no_system_fonts.executable = str(bundle.parent / "guilin-union.exe")
    # The module file as it sits inside the bundle (so the checkout's resources/ is not seen).
    monkeypatch.setattr(fonts, "__file__", str(bundle / "guilin_union" / "reports" / "fonts.pyc"))
    choice = fonts.register_fonts()
    assert choice.embedded and Path(choice.body_path) == copy


def test_without_any_font_the_fallback_is_not_embedded(
    no_system_fonts, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
):
    """If even the bundled font is missing the PDF falls back to STSong-Light (not embedded) —
    the self-test's font check reports exactly that."""
    monkeypatch.setattr(
        fonts, "__file__", str(tmp_path / "x" / "guilin_union" / "reports" / "fonts.py")
    )
    choice = fonts.register_fonts()
    assert not choice.embedded and choice.body == fonts.FALLBACK_CID_FONT
