"""Page furniture: "第 X 页 共 Y 页" on every page and a small running header on later pages.

The total page count is only known at the end, so the canvas keeps each finished page's
state and draws the footers when the document is saved (the well-known reportlab
"NumberedCanvas" recipe). That costs one pass, unlike ``multiBuild`` which lays out twice.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from guilin_union.reports.fonts import draw_string
from guilin_union.reports.styles import FOOTER_SIZE, MARGIN, RUNNING_HEADER_SIZE

FOOTER_Y = 11 * mm
RUNNING_HEADER_Y_FROM_TOP = 12 * mm


def page_label(page: int, total: int) -> str:
    """The footer text.

    >>> page_label(2, 7)
    '第 2 页 共 7 页'
    """
    return f"第 {page} 页 共 {total} 页"


def numbered_canvas(font: str) -> type[Canvas]:
    """A Canvas class that writes the page footer in ``font`` when the PDF is saved."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # Otherwise every page names Helvetica as its starting font: a needless
            # non-embedded font in the PDF.
            # (platypus passes initialFontName=None explicitly.)
            kwargs["initialFontName"] = kwargs.get("initialFontName") or font
            super().__init__(*args, **kwargs)
            self._page_states: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._page_states.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._page_states)
            for state in self._page_states:
                self.__dict__.update(state)
                self._draw_footer(total)
                super().showPage()
            super().save()

        def _draw_footer(self, total: int) -> None:
            width = self._pagesize[0]
            self.saveState()
            self.setFont(font, FOOTER_SIZE)
            self.setFillColor(colors.black)
            self.drawCentredString(width / 2, FOOTER_Y, page_label(self._pageNumber, total))
            self.restoreState()

    return NumberedCanvas


def running_header(
    canvas: Canvas,
    font: str,
    text: str,
    margins: tuple[float, float, float, float] = (MARGIN, MARGIN, MARGIN, MARGIN),
) -> None:
    """Draw the small header of pages 2, 3, …: the document's title over a hairline, across
    the text area (``margins`` = left, right, top, bottom)."""
    width, height = canvas._pagesize
    left, right, top, _bottom = margins
    y = height - top + (MARGIN - RUNNING_HEADER_Y_FROM_TOP)
    middle = left + (width - left - right) / 2
    canvas.saveState()
    canvas.setFont(font, RUNNING_HEADER_SIZE)
    canvas.setFillColor(colors.Color(0.25, 0.25, 0.25))
    draw_string(canvas, middle, y, text, font, RUNNING_HEADER_SIZE, "center")
    canvas.setStrokeColor(colors.Color(0.35, 0.35, 0.35))
    canvas.setLineWidth(0.4)
    canvas.line(left, y - 2.2 * mm, width - right, y - 2.2 * mm)
    canvas.restoreState()
