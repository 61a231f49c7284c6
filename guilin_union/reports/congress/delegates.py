"""代表名册: the delegates of a session grouped by 代表团, with the composition summary.

The composition (by type, by delegation, by category, women, age bands) is computed by the
service and handed in as plain numbers; a teacher share under the setting is printed as a
warning line, not hidden.

>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "名册.pdf"
>>> d = DelegateRow("张三", "男", "文学院分工会", "汉语言文学系", "副教授", "正式代表", "教师", True)
>>> group = DelegateGroup("文学院代表团", "张三", [d])
>>> build_delegate_roster(out, session_title="第一届第三次会议", on_date="2024-03-15",
...                       groups=[group], summary=RosterSummary(["共 1 人"], [], [], [])).name
'名册.pdf'
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Unpack

from guilin_union.core.dates import format_cn_date
from guilin_union.reports.congress.common import congress_report
from guilin_union.reports.document import Report, ReportOptions, cols
from guilin_union.reports.registry import signature_of

NAME = "delegates"

ROSTER_COLUMNS = cols(
    "序号 8 中 | 姓名 16 | 性别 8 中 | 部门 34 | 职称 18 | 代表类型 16 中 | 类别 11 中 | 备注 14 中"
)
BY_DELEGATION_COLUMNS = cols("代表团 4 | 正式代表 2 右 | 列席代表 2 右 | 特邀代表 2 右 | 合计 2 右")


@dataclass(frozen=True)
class DelegateRow:
    name: str
    gender: str
    branch: str
    department: str
    title: str
    delegate_type: str
    category: str
    is_head: bool = False
    note: str = ""


@dataclass(frozen=True)
class DelegateGroup:
    delegation: str
    head: str
    delegates: Sequence[DelegateRow]


@dataclass(frozen=True)
class RosterSummary:
    """Composition printed at the end: sentences, three small tables and warnings.

    ``by_delegation`` rows: (代表团, 正式, 列席, 特邀); ``by_category`` and ``by_age``:
    (label, count, share text).
    """

    lines: Sequence[str]
    by_delegation: Sequence[tuple[str, int, int, int]]
    by_category: Sequence[tuple[str, int, str]]
    by_age: Sequence[tuple[str, int, str]]
    warnings: Sequence[str] = field(default_factory=tuple)


def build_delegate_roster(
    path: str | os.PathLike[str],
    *,
    session_title: str,
    on_date: str,
    groups: Sequence[DelegateGroup],
    summary: RosterSummary,
    **options: Unpack[ReportOptions],
) -> Path:
    subtitle = f"{session_title}\n（代表资格以{format_cn_date(on_date)}为准）"
    report = congress_report(path, "代表名册", subtitle, show_print_date=True, **options)
    number = 0
    for group in groups:
        if not group.delegates:
            continue
        head = f"，团长：{group.head}" if group.head else ""
        rows = []
        for d in group.delegates:
            number += 1
            note = "团长" if d.is_head else d.note
            rows.append(
                [
                    number,
                    d.name,
                    d.gender,
                    d.department or d.branch,
                    d.title,
                    d.delegate_type,
                    d.category,
                    note,
                ]
            )
        report.table(
            ROSTER_COLUMNS,
            rows,
            group_title=f"{group.delegation}（{len(group.delegates)} 人{head}）",
        )
        report.spacer(2)
    if number == 0:
        report.paragraph("（尚无代表）", align="center")
    _summary(report, summary)
    report.sign_off(signature_of(NAME))
    return report.save()


def _summary(report: Report, summary: RosterSummary) -> None:
    report.heading("代表构成统计", level=1)
    for line in summary.lines:
        report.paragraph(line)
    for warning in summary.warnings:
        report.paragraph(f"※ {warning}")
    if summary.by_delegation:
        totals = [sum(r[i] for r in summary.by_delegation) for i in (1, 2, 3)]
        with report.keep_together():
            report.table(
                BY_DELEGATION_COLUMNS,
                [[name, a, b, c, a + b + c] for name, a, b, c in summary.by_delegation],
                total_row=["合计", *totals, sum(totals)],
                group_title="按代表团",
                width_fraction=0.85,
            )
    for title, label, rows in (
        ("正式代表按类别", "类别", summary.by_category),
        ("正式代表按年龄", "年龄段", summary.by_age),
    ):
        if rows:
            with report.keep_together():
                report.table(
                    cols(f"{label} 3 | 人数 2 右 | 占正式代表 2 右"),
                    [list(r) for r in rows],
                    group_title=title,
                    width_fraction=0.6,
                )
