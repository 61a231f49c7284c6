"""签到表: one sheet per 代表团 with 应到/实到 boxes and a signature column.

Each delegation starts on a new page (the sheets go to different tables at the meeting).
应到 counts the 正式代表; 列席 and 特邀代表 sign on a separate table below.

>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "签到表.pdf"
>>> g = SigninGroup("文学院代表团", ["张三", "李四"], ["王五（列席代表）"])
>>> build_signin_sheets(out, session_title="第一届第三次会议", groups=[g]).name
'签到表.pdf'
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Unpack

from guilin_union.reports.congress.common import congress_report, when_and_where
from guilin_union.reports.document import ReportOptions, cols
from guilin_union.reports.registry import signature_of

NAME = "signin"

SIGNIN_COLUMNS = cols("序号 8 中 | 代表团 28 | 姓名 28 | 签名 38 | 备注 14")
# The per-代表团 sheet has no 代表团 column: the sheet is one 代表团, named in its heading.
SHEET_COLUMNS = cols("序号 8 中 | 姓名 28 | 签名 52 | 备注 14")
# A cell holding a line break is two lines high: room for a handwritten signature.
# (No-break spaces: reportlab drops a line that holds only ordinary white space.)
SIGN_SPACE = "\u00a0\n\u00a0"
# A count to write in by hand.
BLANK_COUNT = "\u3000\u3000\u3000\u3000人"


@dataclass(frozen=True)
class SigninGroup:
    delegation: str
    formal: Sequence[str]  # names of the 正式代表
    others: Sequence[str] = field(default_factory=tuple)  # 列席/特邀, with their type in brackets
    present: int | None = None  # 实到 when already known (else a blank box)


def build_signin_sheets(
    path: str | os.PathLike[str],
    *,
    session_title: str,
    groups: Sequence[SigninGroup],
    date_text: str = "",
    venue: str = "",
    **options: Unpack[ReportOptions],
) -> Path:
    where = when_and_where(date_text, venue)
    subtitle = session_title + (f"\n{where}" if where else "")
    report = congress_report(path, "代表签到表", subtitle, **options)
    first = True
    for group in groups:
        if not group.formal and not group.others:
            continue
        if not first:
            report.new_page_with_title()  # each 代表团's sheet is handed out on its own
        first = False
        report.heading(group.delegation, level=1)
        present = BLANK_COUNT if group.present is None else f"{group.present} 人"
        report.key_values(
            [("应到", f"{len(group.formal)} 人"), ("实到", present), ("请假", BLANK_COUNT)],
            columns=3,
        )
        report.spacer(3)
        report.table(SHEET_COLUMNS, _sheet_rows(group.formal))
        if group.others:
            report.spacer(3)
            report.table(
                SHEET_COLUMNS,
                _sheet_rows(group.others),
                group_title="列席、特邀代表（不计入应到人数）",
            )
        report.sign_off(signature_of(NAME), per_row=2)
    if first:
        report.paragraph("（尚无代表）", align="center")
    return report.save()


def _sheet_rows(names: Sequence[str]) -> list[list[object]]:
    """The names numbered from 1, each with room for a handwritten signature."""
    return [[i, name, SIGN_SPACE, ""] for i, name in enumerate(names, start=1)]
