"""获奖名单: every event's placings, scores and awards, followed by the team table.

>>> import tempfile, pathlib
>>> from guilin_union.reports.activities.info import ActivityInfo, AwardLine, EventAwards
>>> info = ActivityInfo("田径运动会", "文体活动", "校工会", "2024-10-20")
>>> events = [EventAwards("男子100米", lines=(AwardLine(1, "张三", "文学院分工会", "12.3秒", "一等奖"),))]
>>> out = pathlib.Path(tempfile.mkdtemp()) / "获奖名单.pdf"
>>> build_award_list(out, info, events, institution="桂林学院工会委员会").name
'获奖名单.pdf'
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Unpack

from guilin_union.reports.activities.common import activity_report, add_team_table
from guilin_union.reports.activities.info import ActivityInfo, AwardLine, EventAwards, StandingLine
from guilin_union.reports.document import Report, ReportOptions, cols
from guilin_union.reports.registry import signature_of

NAME = "activity-results"


def build_award_list(
    path: str | os.PathLike[str],
    info: ActivityInfo,
    events: Sequence[EventAwards],
    *,
    standings: Sequence[StandingLine] = (),
    scheme_note: str = "",
    **options: Unpack[ReportOptions],
) -> Path:
    """Write the list: one table per event (individual or team), then the 团体总分 if any."""
    report = activity_report(path, info, "获奖名单", **options)
    add_award_tables(report, events)
    if standings:
        report.heading("团体总分", level=1)
        add_team_table(report, standings, scheme_note)
    report.sign_off(signature_of(NAME))
    return report.save()


_TEAM_COLUMNS = cols("名次 1.2 中 | 分工会 5 | 成绩 2.2 | 奖项 2.2")
_PERSON_COLUMNS = cols("名次 1.2 中 | 姓名 2.2 | 分工会 4.2 | 成绩 2.2 | 奖项 2.2")


def add_award_tables(report: Report, events: Sequence[EventAwards]) -> None:
    """One small table per event; a team event names the 分工会 only."""
    if not events:
        report.paragraph("尚未录入成绩。")
        return
    for event in events:
        if event.kind == "团体":
            columns = _TEAM_COLUMNS
            rows = [[_rank(line.rank), line.winner, line.score, line.award] for line in event.lines]
        else:
            columns = _PERSON_COLUMNS
            rows = [
                [_rank(rank), line.winner, line.branch, line.score, line.award]
                for rank, line in rank_by_result(event.lines)
            ]
        report.table(
            columns,
            rows,
            group_title=f"{event.event}" + ("（团体）" if event.kind == "团体" else ""),
        )


_MEASURE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(秒|分钟|米|厘米|千米|公里|个|次|分|环)?\s*$")
# Units where less is better (times); every other unit: more is better.
_LOWER_IS_BETTER = {"秒", "分钟"}


def rank_by_result(lines: Sequence[AwardLine]) -> list[tuple[int | None, AwardLine]]:
    """Lines with the ranks the results support: people entered with the same rank but
    different measured results (13.03秒 and 13.24秒) are no tie — the better result is
    placed first and the other takes the next place. Equal results stay tied; results that
    are not measurements (or mix units) keep the entered ranks.

    >>> a, b = AwardLine(4, "甲", "", "13.24秒", ""), AwardLine(4, "乙", "", "13.03秒", "")
    >>> [(r, x.winner) for r, x in rank_by_result([a, b])]
    [(4, '乙'), (5, '甲')]
    >>> c = AwardLine(4, "丙", "", "13.03秒", "")
    >>> [(r, x.winner) for r, x in rank_by_result([b, c])]
    [(4, '乙'), (4, '丙')]
    """
    out: list[tuple[int | None, AwardLine]] = []
    i = 0
    while i < len(lines):
        j = i
        while j + 1 < len(lines) and lines[j + 1].rank == lines[i].rank:
            j += 1
        group = list(lines[i : j + 1])
        measured = [_MEASURE.match(line.score or "") for line in group]
        units = {m.group(2) for m in measured if m}
        if len(group) > 1 and all(measured) and len(units) == 1 and lines[i].rank is not None:
            lower = units.pop() in _LOWER_IS_BETTER
            values = [float(m.group(1)) for m in measured if m]
            order = sorted(range(len(group)), key=lambda k: values[k] if lower else -values[k])
            base = lines[i].rank or 0
            for position, k in enumerate(order):
                tied_with = next(
                    (p for p, q in enumerate(order[:position]) if values[q] == values[k]), None
                )
                rank = base + (tied_with if tied_with is not None else position)
                out.append((rank, group[k]))
        else:
            out += [(line.rank, line) for line in group]
        i = j + 1
    return out


def _rank(rank: int | None) -> str:
    return f"第{rank}名" if rank else "—"
