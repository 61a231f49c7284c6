"""Fixtures for the PDF report tests."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from guilin_union.reports import fonts

FIXED_DAY = datetime.date(2026, 11, 21)

HAS_CJK_TTF = fonts.register_fonts().embedded
needs_cjk_ttf = pytest.mark.skipif(
    not HAS_CJK_TTF, reason="no TrueType Chinese font installed on this machine"
)


@pytest.fixture
def fresh_fonts(monkeypatch: pytest.MonkeyPatch):
    """A font search from scratch without the developer's GUILIN_UNION_FONT* settings; the
    normal choice is made again afterwards (font parsing is slow: only font tests use this)."""
    monkeypatch.delenv(fonts.ENV_FONT, raising=False)
    monkeypatch.delenv(fonts.ENV_FONT_DIR, raising=False)
    fonts.reset_font_cache()
    yield fonts
    fonts.reset_font_cache()


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """A PDF path in a fresh folder."""
    return tmp_path / "报表.pdf"


@pytest.fixture(autouse=True)
def default_house_style():
    """Report tests see the engine's default house style, whatever a GUI context or CLI run
    earlier in the same process configured (the style is process-wide)."""
    from guilin_union.reports.styles import HouseStyle, restore_house_style

    restore_house_style(HouseStyle())
    yield
    restore_house_style(HouseStyle())
