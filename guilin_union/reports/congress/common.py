"""Small drawing pieces shared by the congress and proposal printouts.

The ballot's ☐ is drawn as a rectangle with reportlab instead of being a character: the
embedded Chinese font may have no glyph for U+2610 (WenQuanYi Micro Hei has none; it would
print as an empty gap or a tofu box). The label beside the box is ordinary text, so the PDF
still reads back as "同意 反对 弃权".

Custom flowables go into the report through :meth:`Report.add` (inside ``keep_together``
blocks too).

Every congress printout starts the same way (:func:`congress_report`).

>>> when_and_where("2024年3月15日", ""), when_and_where("", "学术报告厅")
('时间：2024年3月15日', '地点：学术报告厅')
>>> [blank_if_none(n) for n in (None, 0, 12)]
['', '0', '12']
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import TypeVar, Unpack

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable

from guilin_union.reports.document import Report, ReportOptions
from guilin_union.reports.markup import clean

T = TypeVar("T")


def congress_report(
    path: str | os.PathLike[str],
    title: str,
    subtitle: str | None,
    *,
    show_print_date: bool = False,
    report_type: type[Report] = Report,
    **options: Unpack[ReportOptions],
) -> Report:
    """A congress printout; most are handed out at the meeting and carry no print date.
    ``options`` (the issuer line, the print date) go to the report as they are."""
    return report_type(path, title, subtitle=subtitle, show_print_date=show_print_date, **options)


def page_per_item(report: Report, items: Iterable[T]) -> Iterator[T]:
    """``items`` one by one, each after the first starting a new page (one election, one
    group discussion, one ballot per page)."""
    for index, item in enumerate(items):
        if index:
            report.page_break()
        yield item


def when_and_where(date_text: str, venue: str) -> str:
    """``时间：…　地点：…`` for a subtitle, leaving out what is not known."""
    parts = (f"时间：{date_text}" if date_text else "", f"地点：{venue}" if venue else "")
    return "　".join(x for x in parts if x)


def blank_if_none(count: int | None) -> str:
    """A count for a table cell: blank while not known yet (not voted on, not counted)."""
    return "" if count is None else str(count)


def add_flowable(report: Report, flowable: Flowable) -> None:
    """Append a custom flowable to a report (kept for older engines without ``add``)."""
    adder = getattr(report, "add", None)
    if adder is not None:
        adder(flowable)
    else:  # pragma: no cover - engines before Report.add existed
        report._add(flowable)  # noqa: SLF001


class BoxedChoices(Flowable):
    """``□ 同意   □ 反对   □ 弃权`` with drawn boxes, centred in the available width."""

    def __init__(self, labels: list[str], font: str, size: float = 11, gap: float = 6 * mm) -> None:
        super().__init__()
        self.labels = [clean(label) for label in labels]
        self.font = font
        self.size = size
        self.gap = gap
        self.box = size * 0.95

    def _natural_width(self) -> float:
        measure = pdfmetrics.getFont(self.font).stringWidth
        return sum(
            self.box + self.size * 0.35 + measure(label, self.size) for label in self.labels
        ) + self.gap * (len(self.labels) - 1)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self.size * 1.6
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        measure = pdfmetrics.getFont(self.font).stringWidth
        x = max((self.width - self._natural_width()) / 2, 0)
        baseline = (self.height - self.size) / 2 + self.size * 0.15
        canvas.saveState()
        canvas.setLineWidth(0.8)
        canvas.setStrokeColor(colors.black)
        canvas.setFillColor(colors.black)
        canvas.setFont(self.font, self.size)
        for label in self.labels:
            canvas.rect(x, baseline - self.size * 0.08, self.box, self.box, stroke=1, fill=0)
            x += self.box + self.size * 0.35
            canvas.drawString(x, baseline, label)
            x += measure(label, self.size) + self.gap
        canvas.restoreState()


class CutLine(Flowable):
    """A dashed line across the page with a small ✂-free note (cut the ballots apart)."""

    def __init__(self, font: str, text: str = "（沿此线剪开）", size: float = 7.5) -> None:
        super().__init__()
        self.font = font
        self.text = text
        self.size = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = 8 * mm
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        y = self.height / 2
        measure = pdfmetrics.getFont(self.font).stringWidth(self.text, self.size)
        canvas.saveState()
        canvas.setStrokeColor(colors.Color(0.45, 0.45, 0.45))
        canvas.setDash(3, 3)
        canvas.setLineWidth(0.5)
        middle = self.width / 2
        canvas.line(0, y, middle - measure / 2 - 4, y)
        canvas.line(middle + measure / 2 + 4, y, self.width, y)
        canvas.setFillColor(colors.Color(0.45, 0.45, 0.45))
        canvas.setFont(self.font, self.size)
        canvas.drawCentredString(middle, y - self.size * 0.35, self.text)
        canvas.restoreState()


def count_box_text(expected: int | None, label: str) -> str:
    """``应到 85 人`` when known, else ``应到 ____ 人`` to fill in by hand."""
    if expected is None:
        return f"{label}\u3000\u3000\u3000人"
    return f"{label} {expected} 人"
