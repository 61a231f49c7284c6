"""优秀提案名单: the proposals of a session selected as 优秀提案, with the selection date.

>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "优秀提案.pdf"
>>> row = ExcellentRow("2024-001", "关于改善夜间照明的提案", "张三（联名：李四）", "后勤保障", "2024-06-01")
>>> build_excellent_list(out, session_title="第一届第三次会议", rows=[row]).name
'优秀提案.pdf'
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

NAME = "proposal-excellent"

COLUMNS = cols(
    "序号 9 中 序 | 提案编号 20 中 码 | 案由 70 | 提案人 36 | 类别 18 中 | 评选日期 26 中 日"
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
    **options: Unpack[ReportOptions],
) -> Path:
    report = Report(path, "优秀提案名单", subtitle=session_title, **options)
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
