"""Fixtures for the PDF report tests."""
from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from guilin_union.reports import fonts

FIXED_DAY = datetime.date(2026, 11, 21)


def _has_truetype_cjk_font() -> bool:
    fonts.reset_font_cache()
    try:
        return fonts.register_fonts().embedded
    finally:
        fonts.reset_font_cache()


HAS_CJK_TTF = _has_truetype_cjk_font()
needs_cjk_ttf = pytest.mark.skipif(not HAS_CJK_TTF, reason="no TrueType Chinese font installed on this machine")


@pytest.fixture(autouse=True)
def _no_font_env(monkeypatch: pytest.MonkeyPatch):
    """Tests see the machine's fonts, not a developer's GUILIN_UNION_FONT settings; the font
    choice is re-made after a test that changed it."""
    monkeypatch.delenv(fonts.ENV_FONT, raising=False)
    monkeypatch.delenv(fonts.ENV_FONT_DIR, raising=False)
    yield
    fonts.reset_font_cache()


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """A PDF path in a fresh folder."""
    return tmp_path / "报表.pdf"
