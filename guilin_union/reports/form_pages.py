"""Per-person forms (登记表, 申请书, 审批表): one form per A4 page, each with its own title.

The forms of several areas share this report class: the house issuer and the title on every
page, opinion boxes to sign in, and a page that never spills onto the next one.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar

from guilin_union.reports.document import Report, _TitleText
from guilin_union.reports.house import house_style
from guilin_union.reports.styles import INSTITUTION_SIZE, TITLE_SIZE

T = TypeVar("T")


class FormReport(Report):
    """A Report whose pages each carry their own title (one form per page)."""

    def _add_title_block(self, *_args: Any, **_kwargs: Any) -> None:  # noqa: D401
        pass  # every form page adds its own title

    def approval_boxes(self, labels: Sequence[str], *, height_mm: float = 30) -> None:
        """Opinion boxes: label at the top, then room to write, then "签名（盖章）：" and the
        date on their own lines (so they fit however narrow the box)."""
        from reportlab.lib import colors
        from reportlab.lib.units import mm
        from reportlab.platypus import Paragraph, Spacer, Table

        from guilin_union.reports.markup import esc
        from guilin_union.reports.styles import BOX_WIDTH, GRID_WIDTH, TABLE_SIZE, cell_style

        blank = "\u00a0"
        head = cell_style(self.fonts, TABLE_SIZE + 0.5, "left", "header")
        left = cell_style(self.fonts, TABLE_SIZE, "left", "body")
        right = cell_style(self.fonts, TABLE_SIZE, "right", "body")
        cells = [
            [
                Paragraph(esc(label), head),
                Spacer(1, height_mm * mm),
                Paragraph(esc("签名（盖章）："), left),
                Paragraph(esc(f"{blank * 6}年{blank * 4}月{blank * 4}日"), right),
            ]
            for label in labels
        ]
        width = self.frame_width / len(labels)
        style = [
            ("BOX", (0, 0), (-1, -1), BOX_WIDTH, colors.black),
            ("INNERGRID", (0, 0), (-1, -1), GRID_WIDTH, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 6),
            ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ]
        self._add(Table([cells], colWidths=[width] * len(labels), style=style, hAlign="CENTER"))

    @contextlib.contextmanager
    def one_page(self) -> Iterator[None]:
        """One form per page: what is added inside is shrunk to fit the page if a long
        value (a 40-character name, a long address) would push its last lines over."""
        from reportlab.platypus import KeepInFrame

        self._groups.append([])
        try:
            yield
        finally:
            page = self._groups.pop()
            self._add(KeepInFrame(self.frame_width, self.frame_height - 2, page, mode="shrink"))

    def form_title(self, institution: str, title: str) -> None:
        """The form's own title block: the house issuer (单位信息; ``institution`` where none
        is set) and the title."""
        fake_bold = self.fonts.title == self.fonts.body
        issuer = house_style().issuer or institution
        self._add(_TitleText(issuer, self.fonts.title, INSTITUTION_SIZE, fake_bold=False))
        self._add(_TitleText(title, self.fonts.title, TITLE_SIZE, fake_bold=fake_bold))
        self.spacer(5)

    def pages(self, items: Iterable[T]) -> Iterator[T]:
        """Each of ``items`` on a page of its own (:meth:`one_page`): ``for case in
        report.pages(cases): report.form_title(...); ...``."""
        for index, item in enumerate(items):
            if index:
                self.page_break()
            with self.one_page():
                yield item
