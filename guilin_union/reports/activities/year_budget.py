"""活动经费年度汇总: spending of one year by activity type, then every activity.

>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "年度.pdf"
>>> build_year_budget(out, 2024, [TypeTotals("文体活动", 3, 120, 500000, 480000)], [],
...                   institution="桂林学院工会委员会").name
'年度.pdf'
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Unpack

from guilin_union.core.money import format_fen
from guilin_union.reports.activities.common import budget_cells
from guilin_union.reports.activities.info import cn_date
from guilin_union.reports.document import Report, ReportOptions, cols
from guilin_union.reports.registry import signature_of

NAME = "activity-year-budget"


@dataclass(frozen=True)
class TypeTotals:
    type: str
    activities: int
    participants: int
    planned: int
    actual: int


@dataclass(frozen=True)
class ActivityTotals:
    name: str
    type: str
    start_date: str
    participants: int
    planned: int
    actual: int


_TYPE_COLUMNS = cols(
    "序号 1 中 | 活动类型 3 | 活动数 1.4 右 | 参加人次 1.6 右"
    " | 预算（元） 2.4 右 | 实际支出（元） 2.4 右 | 结余（元） 2.4 右"
)
_ACTIVITY_COLUMNS = cols(
    "序号 1 中 | 日期 2.4 | 活动名称 5 | 类型 2.2 | 人数 1.2 右 | 预算（元） 2.2 右 | 实际（元） 2.2 右"
)


def build_year_budget(
    path: str | os.PathLike[str],
    year: int,
    types: Sequence[TypeTotals],
    activities: Sequence[ActivityTotals],
    **options: Unpack[ReportOptions],
) -> Path:
    report = Report(path, f"{year}年活动经费汇总表", **options)
    report.section("按活动类型")
    rows = [
        [i, t.type, t.activities, t.participants, *budget_cells(t.planned, t.actual)]
        for i, t in enumerate(types, start=1)
    ]
    planned = sum(t.planned for t in types)
    actual = sum(t.actual for t in types)
    activity_count = sum(t.activities for t in types)
    participants = sum(t.participants for t in types)
    total = ["合计", "", activity_count, participants, *budget_cells(planned, actual)]
    report.table(_TYPE_COLUMNS, rows, total_row=total)
    with report.keep_together():
        report.totals("全年预算合计", planned)
        report.totals("全年实际支出合计", actual)
    if activities:
        report.section("各项活动")
        rows = [
            [
                i,
                cn_date(a.start_date),
                a.name,
                a.type,
                a.participants,
                format_fen(a.planned),
                format_fen(a.actual),
            ]
            for i, a in enumerate(activities, start=1)
        ]
        report.table(_ACTIVITY_COLUMNS, rows)
    report.sign_off(signature_of(NAME))
    return report.save()
