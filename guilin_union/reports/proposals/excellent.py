"""优秀提案名单: the proposals of a session selected as 优秀提案, with the selection date.

>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "优秀提案.pdf"
>>> row = ExcellentRow("2024-001", "关于改善夜间照明的提案", "张三（联名：李四）", "后勤保障", "2024-06-01")
>>> build_excellent_list(out, session_title="第一届第三次会议", rows=[row]).name
'优秀提案.pdf'
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

NAME = "proposal-excellent"

COLUMNS = (
    Col("序号", 9, "center", kind="seq"),
    Col("提案编号", 20, "center", kind="code"),
    Col("案由", 70),
    Col("提案人", 36),
    Col("类别", 18, "center"),
    Col("评选日期", 26, "center", kind="date"),
)


@dataclass(frozen=True)
class ExcellentRow:
    number: str
    title: str
    proposer: str
    category: str
    selected_on: str  # ISO


def build_excellent_list(
    path: str | os.PathLike[str],
    *,
    session_title: str,
    rows: Sequence[ExcellentRow],
    institution: str = "桂林学院",
    generated_on: datetime.date | None = None,
) -> Path:
    report = Report(
        path,
        "优秀提案名单",
        institution=institution,
        subtitle=session_title,
        generated_on=generated_on,
    )
    table = [
        [i, r.number, r.title, r.proposer, r.category, format_cn_date(r.selected_on)]
        for i, r in enumerate(rows, start=1)
    ]
    if table:
        report.table(list(COLUMNS), table)
    else:
        report.paragraph("（本次会议尚未评选优秀提案）", align="center")
    report.sign_off(signature_of(NAME))
    return report.save()
