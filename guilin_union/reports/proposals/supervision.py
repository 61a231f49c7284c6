"""督办提案清单: per 督办 committee member (包案), the proposals they follow with the handling
state, the lead department, the deadline and the reply date.

>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "督办.pdf"
>>> line = SupervisedLine("2024-001", "关于改善夜间照明的提案", "立案（重点）", "办理中", "后勤保障处", "2024-06-13", "")
>>> build_supervision_list(out, session_title="第一届第三次会议", groups=[("张三", [line])]).name
'督办.pdf'
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Unpack

from guilin_union.core.dates import format_cn_date
from guilin_union.reports.document import Report, ReportOptions, cols
from guilin_union.reports.registry import signature_of

NAME = "proposal-supervision"

COLUMNS = cols(
    "序号 9 中 序 | 提案编号 20 中 码 | 案由 60 | 审查结果 22 中 | 办理状态 20 中 态 | 主办单位 26"
    " | 答复期限 24 中 日 | 答复日期 24 中 日"
)


@dataclass(frozen=True)
class SupervisedLine:
    number: str
    title: str
    review: str
    state: str
    lead_department: str
    deadline: str  # ISO or ""
    replied: str  # ISO or ""


def build_supervision_list(
    path: str | os.PathLike[str],
    *,
    session_title: str,
    groups: Sequence[tuple[str, Sequence[SupervisedLine]]],
    **options: Unpack[ReportOptions],
) -> Path:
    report = Report(path, "督办提案清单", subtitle=session_title, landscape=True, **options)
    for member, lines in groups:
        rows = [
            [
                i,
                x.number,
                x.title,
                x.review,
                x.state,
                x.lead_department,
                format_cn_date(x.deadline) if x.deadline else "",
                format_cn_date(x.replied) if x.replied else "",
            ]
            for i, x in enumerate(lines, start=1)
        ]
        report.table(list(COLUMNS), rows, group_title=f"督办委员：{member}（{len(rows)} 件）")
        report.spacer(3)
    if not groups:
        report.paragraph("（本次会议尚未指定督办委员）", align="center")
    report.sign_off(signature_of(NAME))
    return report.save()
