"""活动总结表: one sheet that accounts for an activity — details, participation by 分工会,
results (placings and the team table), budget against actual spending, and the summary.

>>> import tempfile, pathlib
>>> from guilin_union.reports.activities.info import ActivityInfo
>>> info = ActivityInfo("健步走", "文体活动", "校工会", "2024-04-20")
>>> out = pathlib.Path(tempfile.mkdtemp()) / "总结.pdf"
>>> build_activity_summary(out, info, institution="桂林学院工会委员会",
...     budget=[BudgetLine("奖品", 100000, 95000)]).name
'总结.pdf'
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Unpack

from guilin_union.reports.activities.common import add_details, add_team_table, budget_cells
from guilin_union.reports.activities.info import ActivityInfo, EventAwards, StandingLine
from guilin_union.reports.activities.results import add_award_tables
from guilin_union.reports.document import Report, ReportOptions, cols
from guilin_union.reports.registry import signature_of

NAME = "activity-summary"


@dataclass(frozen=True)
class BranchParticipation:
    branch: str
    registered: int
    attended: int
    waiting: int = 0
    cancelled: int = 0


@dataclass(frozen=True)
class BudgetLine:
    """One expense category: planned and actual in integer 分."""

    category: str
    planned: int
    actual: int


_PARTICIPATION_COLUMNS = cols(
    "序号 1 中 | 分工会 5 | 报名 1.5 右 | 实到 1.5 右 | 候补 1.5 右 | 取消 1.5 右"
)
_BUDGET_COLUMNS = cols(
    "序号 1 中 | 支出科目 3 | 预算（元） 2.4 右 | 实际支出（元） 2.4 右 | 结余（元） 2.4 右 | 说明 2.6"
)


def _overspent(planned: int, actual: int) -> str:
    return "超支" if actual > planned else ""


def build_activity_summary(
    path: str | os.PathLike[str],
    info: ActivityInfo,
    *,
    participation: Sequence[BranchParticipation] = (),
    awards: Sequence[EventAwards] = (),
    standings: Sequence[StandingLine] = (),
    scheme_note: str = "",
    budget: Sequence[BudgetLine] = (),
    warnings: Sequence[str] = (),
    summary_text: str = "",
    attachments: Sequence[str] = (),
    signers: Sequence[str] = ("经办人", "审核人", "工会主席"),
    **options: Unpack[ReportOptions],
) -> Path:
    report = Report(path, f"{info.name}总结表", **options)
    report.section("基本情况")
    add_details(report, info, with_description=True)

    report.section("参加情况")
    if participation:
        counts = [(p.registered, p.attended, p.waiting, p.cancelled) for p in participation]
        rows = [[i, p.branch, *c] for i, (p, c) in enumerate(zip(participation, counts), start=1)]
        sums = [sum(column) for column in zip(*counts)]
        total = ["合计", f"{len(participation)} 个分工会", *sums]
        report.table(_PARTICIPATION_COLUMNS, rows, total_row=total)
        report.paragraph(
            "注：“报名”为已报名、已确认和已参加的人数；“实到”为签到（已参加）人数。", size=9
        )
    else:
        report.paragraph("无报名记录。")

    report.section("成绩与奖项")
    add_award_tables(report, awards)
    if standings:
        report.heading("团体总分", level=2)
        add_team_table(report, standings, scheme_note)

    report.section("经费预算与实际支出")
    planned = sum(b.planned for b in budget)
    actual = sum(b.actual for b in budget)
    if budget:
        rows = [
            [i, b.category, *budget_cells(b.planned, b.actual), _overspent(b.planned, b.actual)]
            for i, b in enumerate(budget, start=1)
        ]
        total = ["合计", "", *budget_cells(planned, actual), _overspent(planned, actual)]
        report.table(_BUDGET_COLUMNS, rows, total_row=total)
        with report.keep_together():
            report.totals("预算合计", planned)
            report.totals("实际支出合计", actual)
    else:
        report.paragraph("未录入经费。")
    for warning in warnings:
        report.paragraph(f"提示：{warning}。", size=10)

    report.section("活动总结")
    report.paragraph(summary_text or "（未填写）")
    if attachments:
        report.heading("附件", level=2)
        report.paragraph(
            "\n".join(f"{i}. {name}" for i, name in enumerate(attachments, start=1)), size=10
        )
    report.sign_off(signature_of(NAME), labels=signers)
    return report.save()
