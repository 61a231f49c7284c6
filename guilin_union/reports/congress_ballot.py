"""表决票: each motion with ☐同意 ☐反对 ☐弃权 (boxes drawn, see congress_common).

One ballot per page, or as many as fit with dashed cut lines between them. Ballots are
anonymous: no names, only the session, the motions and how to mark them.

>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "表决票.pdf"
>>> build_ballots(out, session_title="第一届第三次会议", motions=["通过工会工作报告"], copies=2).name
'表决票.pdf'
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Sequence
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Table

from guilin_union.core.errors import ValidationError
from guilin_union.reports.congress_common import BoxedChoices, CutLine, add_flowable
from guilin_union.reports.document import Report
from guilin_union.reports.markup import esc
from guilin_union.reports.registry import register
from guilin_union.reports.styles import cell_style, text_style

NAME = "ballot"
register(NAME, "教代会表决票（每项 ☐同意 ☐反对 ☐弃权，可一页一张或一页多张）")

CHOICES = ["同意", "反对", "弃权"]
INSTRUCTIONS = "填写说明：请在每一表决事项后选定的方框内划“√”，每项只能选一种；多选、不选或无法辨认的，该项视为弃权。"


def build_ballots(
    path: str | os.PathLike[str],
    *,
    session_title: str,
    motions: Sequence[str],
    copies: int,
    institution: str = "桂林学院",
    one_per_page: bool = False,
    date_text: str = "",
    generated_on: datetime.date | None = None,
) -> Path:
    """``copies`` identical ballots (usually one per 正式代表)."""
    if copies < 1:
        raise ValidationError("表决票张数至少为 1")
    report = Report(
        path,
        "表决票",
        institution=institution,
        subtitle=session_title,
        generated_on=generated_on,
        show_print_date=False,
    )
    fonts = report.fonts
    width = report.frame_width
    for n in range(copies):
        if n:
            if one_per_page:
                report.page_break()
            else:
                add_flowable(report, CutLine(fonts.body))
        add_flowable(
            report,
            KeepTogether(
                [_ballot(report, session_title, motions, date_text, width, n + 1, copies)]
            ),
        )
    return report.save()


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
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
    ]
    first_motion = 2 if date_text else 1
    if date_text:
        style.append(("SPAN", (0, 1), (-1, 1)))
    for r in range(first_motion, len(rows) - 1):
        style.append(("LINEBELOW", (0, r), (-1, r), 0.3, colors.Color(0.6, 0.6, 0.6)))
    style.append(("TOPPADDING", (0, first_motion), (-1, len(rows) - 2), 6 * mm / 3))
    return Table(rows, colWidths=[left, width - left], style=style)
