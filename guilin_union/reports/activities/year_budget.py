"""活动经费年度汇总: spending of one year by activity type, then every activity.

>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "年度.pdf"
>>> build_year_budget(out, 2024, [TypeTotals("文体活动", 3, 120, 500000, 480000)], [],
...                   institution="桂林学院工会委员会").name
'年度.pdf'
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from guilin_union.core.money import format_fen
from guilin_union.reports.activities.info import cn_date
from guilin_union.reports.document import Col, Report
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


def build_year_budget(
    path: str | os.PathLike[str],
    year: int,
    types: Sequence[TypeTotals],
    activities: Sequence[ActivityTotals],
    *,
    institution: str,
    generated_on: datetime.date | None = None,
) -> Path:
    report = Report(
        path, f"{year}年活动经费汇总表", institution=institution, generated_on=generated_on
    )
    report.section("按活动类型")
    cols = [
        Col("序号", 1, "center"),
        Col("活动类型", 3),
        Col("活动数", 1.4, "right"),
        Col("参加人次", 1.6, "right"),
        Col("预算（元）", 2.4, "right"),
        Col("实际支出（元）", 2.4, "right"),
        Col("结余（元）", 2.4, "right"),
    ]
    rows = [
        [
            i,
            t.type,
            t.activities,
            t.participants,
            format_fen(t.planned),
            format_fen(t.actual),
            format_fen(t.planned - t.actual),
        ]
        for i, t in enumerate(types, start=1)
    ]
    planned = sum(t.planned for t in types)
    actual = sum(t.actual for t in types)
    report.table(
        cols,
        rows,
        total_row=[
            "合计",
            "",
            sum(t.activities for t in types),
            sum(t.participants for t in types),
            format_fen(planned),
            format_fen(actual),
            format_fen(planned - actual),
        ],
    )
    with report.keep_together():
        report.totals("全年预算合计", planned)
        report.totals("全年实际支出合计", actual)
    if activities:
        report.section("各项活动")
        cols = [
            Col("序号", 1, "center"),
            Col("日期", 2.4),
            Col("活动名称", 5),
            Col("类型", 2.2),
            Col("人数", 1.2, "right"),
            Col("预算（元）", 2.2, "right"),
            Col("实际（元）", 2.2, "right"),
        ]
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
        report.table(cols, rows)
    report.sign_off(signature_of(NAME))
    return report.save()
