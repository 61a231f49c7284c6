"""表决票: each motion with ☐同意 ☐反对 ☐弃权 (boxes drawn, see congress_common).

One ballot per page, or as many as fit with dashed cut lines between them. Ballots are
anonymous: no names, only the session, the motions and how to mark them.

>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "表决票.pdf"
>>> build_ballots(out, session_title="第一届第三次会议", motions=["通过工会工作报告"], copies=2).name
'表决票.pdf'
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Unpack

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table

from guilin_union.core.errors import ValidationError
from guilin_union.reports.congress.common import (
    BoxedChoices,
    add_flowable,
    congress_report,
    page_per_item,
)
from guilin_union.reports.document import Report, ReportOptions
from guilin_union.reports.markup import esc
from guilin_union.reports.styles import cell_style, text_style

NAME = "ballot"

CHOICES = ["同意", "反对", "弃权"]
INSTRUCTIONS = "填写说明：请在每一表决事项后选定的方框内划“√”，每项只能选一种；多选、不选或无法辨认的，该项视为弃权。"


class _BallotReport(Report):
    """No title block: every ballot carries its own title, and page 1 must hold its ballots
    at the same places as every other page."""

    def _add_title_block(self, *_args: object, **_kwargs: object) -> None:
        pass


def build_ballots(
    path: str | os.PathLike[str],
    *,
    session_title: str,
    motions: Sequence[str],
    copies: int,
    one_per_page: bool = False,
    date_text: str = "",
    **options: Unpack[ReportOptions],
) -> Path:
    """``copies`` identical ballots (usually one per 正式代表)."""
    if copies < 1:
        raise ValidationError("表决票张数至少为 1")
    report = congress_report(path, "表决票", session_title, report_type=_BallotReport, **options)
    fonts = report.fonts
    width = report.frame_width
    if one_per_page:
        for n in page_per_item(report, range(copies)):
            add_flowable(
                report,
                KeepTogether(
                    [_ballot(report, session_title, motions, date_text, width, n + 1, copies)]
                ),
            )
        return report.save()
    # Several per page in fixed slots: every page holds the same number of ballots at the
    # same places, so a stack of printed pages is cut apart in one stroke per cut line.
    sample = _ballot(report, session_title, motions, date_text, width, 1, copies)
    _, height = sample.wrap(width, report.frame_height)
    room = report.frame_height - _BALLOT_TOP_ROOM
    per_page = max(1, int((room + _CUT_GAP) // (height + _CUT_GAP)))
    for start in page_per_item(report, range(0, copies, per_page)):
        ballots = [
            _ballot(report, session_title, motions, date_text, width, n + 1, copies)
            for n in range(start, min(start + per_page, copies))
        ]
        add_flowable(report, BallotSheet(ballots, per_page, room, report.margins, fonts.body))
    return report.save()


_CUT_GAP = 10 * mm  # between two ballots: the dashed cut line runs in its middle
_BALLOT_TOP_ROOM = 2 * mm  # below the top of the text area (page 1 has no title block)


class BallotSheet(Flowable):
    """One page of ballots in ``per_page`` equal slots, each ballot centred in its slot,
    with a dashed cut line across the whole sheet between two slots (never at a page edge)."""

    def __init__(
        self,
        ballots: Sequence[Table],
        per_page: int,
        height: float,
        margins: tuple[float, float, float, float],
        font: str,
    ) -> None:
        super().__init__()
        self.ballots = list(ballots)
        self.per_page = per_page
        self.sheet_height = height
        self.margins = margins
        self.font = font

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = min(self.sheet_height, avail_height)
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        slot = self.height / self.per_page
        for i, ballot in enumerate(self.ballots):
            _, h = ballot.wrap(self.width, slot)
            top = self.height - i * slot
            ballot.drawOn(canvas, 0, top - (slot - h) / 2 - h)
        left, right, _top, _bottom = self.margins
        page_width = canvas._pagesize[0]
        canvas.saveState()
        canvas.setStrokeColor(colors.Color(0.45, 0.45, 0.45))
        canvas.setDash(3, 3)
        canvas.setLineWidth(0.5)
        for i in range(1, len(self.ballots)):
            y = self.height - i * slot
            # Across the paper, edge to edge: the cut is made through the whole stack.
            canvas.line(-left + 3 * mm, y, page_width - left - 3 * mm, y)
        canvas.restoreState()


def _ballot(
    report: Report,
    session_title: str,
    motions: Sequence[str],
    date_text: str,
    width: float,
    number: int,
    copies: int,
) -> Table:
    fonts = report.fonts
    head = cell_style(fonts, 13, "center", "header")
    body = cell_style(fonts, 10.5, "left", "body")
    small = text_style(fonts, 8.5, "left")
    rows: list[list[object]] = [
        [Paragraph(esc(f"{session_title}表决票"), head), ""],
    ]
    issuer = report.institution
    if issuer and issuer not in session_title:  # the house issuer line, inside the ballot
        rows.insert(0, [Paragraph(esc(issuer), cell_style(fonts, 10.5, "center", "body")), ""])
    if date_text:
        rows.append(
            [Paragraph(esc(f"表决日期：{date_text}"), cell_style(fonts, 9.5, "center", "body")), ""]
        )
    for i, motion in enumerate(motions, start=1):
        rows.append(
            [Paragraph(esc(f"{i}. {motion}"), body), BoxedChoices(CHOICES, fonts.body, 10.5)]
        )
    if not motions:
        rows.append([Paragraph(esc("（尚无表决事项）"), body), ""])
    rows.append([Paragraph(esc(INSTRUCTIONS), small), ""])
    left = width * 0.56
    style = [
        ("BOX", (0, 0), (-1, -1), 1.0, colors.black),
        ("SPAN", (0, 0), (-1, 0)),
        ("SPAN", (0, -1), (-1, -1)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
    ]
    title_rows = len(rows) - len(motions or [""]) - 1  # issuer, title, date
    first_motion = title_rows
    for r in range(1, title_rows):
        style.append(("SPAN", (0, r), (-1, r)))
    style.append(("LINEBELOW", (0, title_rows - 1), (-1, title_rows - 1), 0.6, colors.black))
    if title_rows > 1:  # the issuer / title / date lines close together
        style.append(("BOTTOMPADDING", (0, 0), (-1, title_rows - 2), 0))
    for r in range(first_motion, len(rows) - 1):
        style.append(("LINEBELOW", (0, r), (-1, r), 0.3, colors.Color(0.6, 0.6, 0.6)))
    style.append(("TOPPADDING", (0, first_motion), (-1, len(rows) - 2), 6 * mm / 3))
    return Table(rows, colWidths=[left, width - left], style=style)
