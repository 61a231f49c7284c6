"""场次签到表: the sign-in sheet of one sitting (预备会议, a half-day 正式会议, 主席团会议 or a
分组讨论), grouped by 代表团, with its own 应到/实到/请假 and a signature column.

>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "场次签到表.pdf"
>>> g = SigninGroup("文学院代表团", ["张三", "李四"], ["王五（列席代表）"])
>>> build_sitting_signin(out, session_title="第一届第三次会议", sitting_title="第一次全体会议",
...                      when="2024年3月15日 上午", groups=[g]).name
'场次签到表.pdf'
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Unpack

from guilin_union.reports.congress.common import congress_report, when_and_where
from guilin_union.reports.congress.signin import BLANK_COUNT, SHEET_COLUMNS, SIGN_SPACE, SigninGroup
from guilin_union.reports.document import ReportOptions
from guilin_union.reports.registry import signature_of

NAME = "sitting-signin"

__all__ = ["SigninGroup", "build_sitting_signin"]


def _name_and_remark(text: str) -> tuple[str, str, str]:
    """``王五（列席代表）`` → name, signature space, ``列席代表`` (the type goes to 备注)."""
    if text.endswith("）") and "（" in text:
        name, _sep, remark = text[:-1].partition("（")
        return name, SIGN_SPACE, remark
    return text, SIGN_SPACE, ""


def build_sitting_signin(
    path: str | os.PathLike[str],
    *,
    session_title: str,
    sitting_title: str,
    when: str,
    groups: Sequence[SigninGroup],
    place: str = "",
    quorum_text: str = "",
    counts: tuple[int, int, int] | None = None,  # 实到, 请假, 缺席 when printed after the sitting
    **options: Unpack[ReportOptions],
) -> Path:
    subtitle = "\n".join(x for x in (session_title, when_and_where(when, place)) if x)
    report = congress_report(path, f"{sitting_title}签到表", subtitle, **options)
    expected = sum(len(g.formal) for g in groups)
    present, leave, absent = (
        (f"{counts[0]} 人", f"{counts[1]} 人", f"{counts[2]} 人") if counts else (BLANK_COUNT,) * 3
    )
    report.key_values(
        [("应到", f"{expected} 人"), ("实到", present), ("请假", leave), ("缺席", absent)],
        columns=4,
    )
    if quorum_text:
        report.paragraph(quorum_text, size=9)
    report.spacer(3)
    number = 0
    for group in groups:
        if not group.formal and not group.others:
            continue
        rows = []
        for name in group.formal:
            number += 1
            rows.append([number, name, SIGN_SPACE, ""])
        if rows:
            report.table(
                SHEET_COLUMNS, rows, group_title=f"{group.delegation}（应到 {len(rows)} 人）"
            )
            report.spacer(2)
        if group.others:
            others = [[i, *_name_and_remark(x)] for i, x in enumerate(group.others, start=1)]
            report.table(
                SHEET_COLUMNS,
                others,
                group_title=f"{group.delegation}　列席、特邀代表（不计入应到）",
            )
            report.spacer(2)
    if not groups:
        report.paragraph("（本场次尚无参会代表）", align="center")
    report.sign_off(signature_of(NAME), per_row=2)
    return report.save()
