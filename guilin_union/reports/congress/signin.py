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

import datetime
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from guilin_union.reports.document import Col, Report
from guilin_union.reports.registry import signature_of

NAME = "signin"

SIGNIN_COLUMNS = (
    Col("序号", 8, "center"),
    Col("代表团", 28),
    Col("姓名", 28),
    Col("签名", 38),
    Col("备注", 14),
)
# The per-代表团 sheet has no 代表团 column: the sheet is one 代表团, named in its heading.
SHEET_COLUMNS = (
    Col("序号", 8, "center"),
    Col("姓名", 28),
    Col("签名", 52),
    Col("备注", 14),
)
# A cell holding a line break is two lines high: room for a handwritten signature.
# (No-break spaces: reportlab drops a line that holds only ordinary white space.)
_SIGN_SPACE = "\u00a0\n\u00a0"


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
    institution: str = "桂林学院",
    date_text: str = "",
    venue: str = "",
    generated_on: datetime.date | None = None,
) -> Path:
    where = "　".join(
        x
        for x in (f"时间：{date_text}" if date_text else "", f"地点：{venue}" if venue else "")
        if x
    )
    subtitle = session_title + (f"\n{where}" if where else "")
    report = Report(
        path,
        "代表签到表",
        institution=institution,
        subtitle=subtitle,
        generated_on=generated_on,
        show_print_date=False,
    )
    first = True
    for group in groups:
        if not group.formal and not group.others:
            continue
        if not first:
            report.new_page_with_title()  # each 代表团's sheet is handed out on its own
        first = False
        report.heading(group.delegation, level=1)
        present = (
            f"{group.present} 人" if group.present is not None else "\u3000\u3000\u3000\u3000人"
        )
        report.key_values(
            [
                ("应到", f"{len(group.formal)} 人"),
                ("实到", present),
                ("请假", "\u3000\u3000\u3000\u3000人"),
            ],
            columns=3,
        )
        report.spacer(3)
        rows = [[i, name, _SIGN_SPACE, ""] for i, name in enumerate(group.formal, start=1)]
        report.table(list(SHEET_COLUMNS), rows)
        if group.others:
            report.spacer(3)
            others = [[i, name, _SIGN_SPACE, ""] for i, name in enumerate(group.others, start=1)]
            report.table(
                list(SHEET_COLUMNS), others, group_title="列席、特邀代表（不计入应到人数）"
            )
        report.sign_off(signature_of(NAME), per_row=2)
    if first:
        report.paragraph("（尚无代表）", align="center")
    return report.save()
