"""督办提案清单: per 督办 committee member (包案), the proposals they follow with the handling
state, the lead department, the deadline and the reply date.

>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "督办.pdf"
>>> line = SupervisedLine("2024-001", "关于改善夜间照明的提案", "立案（重点）", "办理中", "后勤保障处", "2024-06-13", "")
>>> build_supervision_list(out, session_title="第一届第三次会议", groups=[("张三", [line])]).name
'督办.pdf'
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from guilin_union.core.dates import format_cn_date
from guilin_union.reports.document import Col, Report
from guilin_union.reports.registry import signature_of

NAME = "proposal-supervision"

COLUMNS = (
    Col("序号", 9, "center", kind="seq"),
    Col("提案编号", 20, "center", kind="code"),
    Col("案由", 60),
    Col("审查结果", 22, "center"),
    Col("办理状态", 20, "center", kind="state"),
    Col("主办单位", 26),
    Col("答复期限", 24, "center", kind="date"),
    Col("答复日期", 24, "center", kind="date"),
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
    institution: str = "桂林学院",
    generated_on: datetime.date | None = None,
) -> Path:
    report = Report(
        path,
        "督办提案清单",
        institution=institution,
        subtitle=session_title,
        landscape=True,
        generated_on=generated_on,
    )
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
