"""获奖名单: every event's placings, scores and awards, followed by the team table.

>>> import tempfile, pathlib
>>> from guilin_union.reports.activity_info import ActivityInfo, AwardLine, EventAwards
>>> info = ActivityInfo("田径运动会", "文体活动", "校工会", "2024-10-20")
>>> events = [EventAwards("男子100米", lines=(AwardLine(1, "张三", "文学院分工会", "12.3秒", "一等奖"),))]
>>> out = pathlib.Path(tempfile.mkdtemp()) / "获奖名单.pdf"
>>> build_award_list(out, info, events, institution="桂林学院工会委员会").name
'获奖名单.pdf'
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Sequence
from pathlib import Path

from guilin_union.reports.activity_info import (
    ActivityInfo,
    EventAwards,
    StandingLine,
    add_team_table,
    when_text,
)
from guilin_union.reports.document import Col, Report
from guilin_union.reports.registry import register

NAME = "activity-results"
register(NAME, "活动获奖名单（各项目名次、成绩、奖项，附团体总分表）")


def build_award_list(
    path: str | os.PathLike[str],
    info: ActivityInfo,
    events: Sequence[EventAwards],
    *,
    institution: str,
    standings: Sequence[StandingLine] = (),
    scheme_note: str = "",
    generated_on: datetime.date | None = None,
) -> Path:
    """Write the list: one table per event (individual or team), then the 团体总分 if any."""
    subtitle = when_text(info) + (f"　{info.place}" if info.place else "")
    report = Report(
        path,
        f"{info.name}获奖名单",
        institution=institution,
        subtitle=subtitle,
        generated_on=generated_on,
    )
    add_award_tables(report, events)
    if standings:
        report.heading("团体总分", level=1)
        add_team_table(report, standings, scheme_note)
    report.sign_off("table", labels=("制表人", "裁判长", "负责人"))
    return report.save()


def add_award_tables(report: Report, events: Sequence[EventAwards]) -> None:
    """One small table per event; a team event names the 分工会 only."""
    if not events:
        report.paragraph("尚未录入成绩。")
        return
    for event in events:
        if event.kind == "团体":
            cols = [
                Col("名次", 1.2, "center"),
                Col("分工会", 5),
                Col("成绩", 2.2),
                Col("奖项", 2.2),
            ]
            rows = [[_rank(line.rank), line.winner, line.score, line.award] for line in event.lines]
        else:
            cols = [
                Col("名次", 1.2, "center"),
                Col("姓名", 2.2),
                Col("分工会", 4.2),
                Col("成绩", 2.2),
                Col("奖项", 2.2),
            ]
            rows = [
                [_rank(line.rank), line.winner, line.branch, line.score, line.award]
                for line in event.lines
            ]
        report.table(
            cols, rows, group_title=f"{event.event}" + ("（团体）" if event.kind == "团体" else "")
        )


def _rank(rank: int | None) -> str:
    return f"第{rank}名" if rank else "—"
