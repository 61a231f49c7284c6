"""Font sizes and shared ``ParagraphStyle`` objects for every printout.

Styles are created once per (font, size, alignment, role) and reused: a 3,000-row table must
not create 30,000 style objects.

>>> from guilin_union.reports.fonts import FontChoice
>>> fonts = FontChoice("Helvetica", "Helvetica", None, None, False)
>>> cell_style(fonts, 10, "right").alignment == TA_RIGHT
True
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from guilin_union.reports.fonts import FontChoice

Align = Literal["left", "center", "right"]
ALIGNMENTS: dict[str, int] = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}

# Sizes in points (GB/T 9704 uses 号 sizes: 小二 = 18 pt, 四号 = 14 pt, 小四 = 12 pt, 五号 = 10.5 pt).
TITLE_SIZE = 18.0
INSTITUTION_SIZE = 14.0
SUBTITLE_SIZE = 12.0
HEADING_SIZES = {1: 13.0, 2: 12.0, 3: 11.0}
BODY_SIZE = 11.0
TABLE_SIZE = 10.0
NOTE_SIZE = 9.0
FOOTER_SIZE = 9.0
RUNNING_HEADER_SIZE = 8.5

MARGIN = 20 * mm
# The house style (issuer, binding margin) lives in a module without reportlab, so that the
# GUI can apply the database's settings at start-up without loading reportlab.
from guilin_union.reports.house import BINDING_MARGIN_MM as BINDING_MARGIN_MM  # noqa: E402
from guilin_union.reports.house import HouseStyle as HouseStyle  # noqa: E402
from guilin_union.reports.house import configure_house_style as configure_house_style  # noqa: E402
from guilin_union.reports.house import house_style as house_style  # noqa: E402
from guilin_union.reports.house import restore_house_style as restore_house_style  # noqa: E402

LINE_SPACING = 1.25  # table cells: compact but readable
BODY_LINE_SPACING = 1.55  # running text
GRID_WIDTH = 0.5  # thin black grid lines
BOX_WIDTH = 0.9  # a slightly heavier outer frame, as on printed forms
HEADER_BACKGROUND = colors.Color(0.88, 0.88, 0.88)
LABEL_BACKGROUND = colors.Color(0.93, 0.93, 0.93)
CELL_PADDING_H = 3.0
CELL_PADDING_V = 2.5

Role = Literal["body", "header", "total", "label"]


def _cjk_style(
    name: str, font: str, size: float, leading: float, align: str = "left", **extra: float
) -> ParagraphStyle:
    """A paragraph style that breaks lines between any two characters ('CJK': Chinese has no
    spaces to break at); ``extra``: other attributes (spaceBefore, spaceAfter…)."""
    return ParagraphStyle(
        name,
        fontName=font,
        fontSize=size,
        leading=leading,
        alignment=ALIGNMENTS[align],
        wordWrap="CJK",
        **extra,
    )


@lru_cache(maxsize=256)
def cell_style(
    fonts: FontChoice, size: float, align: str = "left", role: Role = "body"
) -> ParagraphStyle:
    """The style of a table cell Paragraph. Headers and totals use the title face, other
    cells the table face (宋体 where installed)."""
    font = fonts.title if role in ("header", "total") else fonts.table_font
    leading = round(size * LINE_SPACING, 2)
    name = f"cell-{role}-{align}-{size}"
    return _cjk_style(name, font, size, leading, align, splitLongWords=True)


@lru_cache(maxsize=64)
def text_style(fonts: FontChoice, size: float = BODY_SIZE, align: str = "left") -> ParagraphStyle:
    """Running text (``Report.paragraph``)."""
    leading = round(size * BODY_LINE_SPACING, 2)
    return _cjk_style(
        f"text-{align}-{size}", fonts.body, size, leading, align, spaceAfter=size * 0.3
    )


@lru_cache(maxsize=16)
def heading_style(fonts: FontChoice, level: int) -> ParagraphStyle:
    """Section headings: level 1 in the title face, deeper levels in the body face."""
    size = HEADING_SIZES.get(level, HEADING_SIZES[3])
    font = fonts.title if level == 1 else fonts.body
    return _cjk_style(
        f"heading-{level}",
        font,
        size,
        round(size * 1.4, 2),
        spaceBefore=size * 0.8,
        spaceAfter=size * 0.45,
    )


@lru_cache(maxsize=16)
def subtitle_style(fonts: FontChoice) -> ParagraphStyle:
    return _cjk_style(
        "subtitle", fonts.body, SUBTITLE_SIZE, SUBTITLE_SIZE * 1.5, "center", spaceAfter=2
    )


@lru_cache(maxsize=16)
def note_style(fonts: FontChoice, align: str = "left") -> ParagraphStyle:
    return _cjk_style(f"note-{align}", fonts.body, NOTE_SIZE, NOTE_SIZE * 1.35, align)


@lru_cache(maxsize=16)
def totals_style(fonts: FontChoice) -> ParagraphStyle:
    """The "合计：… 元（大写：…）" line under a money table."""
    return _cjk_style(
        "totals", fonts.title, BODY_SIZE, BODY_SIZE * 1.5, spaceBefore=4, spaceAfter=4
    )
