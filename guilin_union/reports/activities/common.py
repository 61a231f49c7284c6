"""Pieces shared by the activity printouts: the report titled after the activity, the details
grid, the 团体总分 table and the budget cells.

>>> budget_cells(100000, 123456)
['1,000.00', '1,234.56', '-234.56']
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Unpack

from guilin_union.core.money import format_fen
from guilin_union.reports.activities.info import ActivityInfo, StandingLine, cn_date, when_text
from guilin_union.reports.document import Col, Report, ReportOptions, cols


def activity_report(
    path: str | os.PathLike[str],
    info: ActivityInfo,
    what: str,
    *,
    landscape: bool = False,
    **options: Unpack[ReportOptions],
) -> Report:
    """A report titled "<activity><what>" with the activity's dates and place under the title."""
    subtitle = when_text(info) + (f"　{info.place}" if info.place else "")
    return Report(path, f"{info.name}{what}", subtitle=subtitle, landscape=landscape, **options)


def budget_cells(planned: int, actual: int) -> list[str]:
    """预算, 实际支出 and 结余 (in 元) of amounts in 分, as printed side by side."""
    return [format_fen(planned), format_fen(actual), format_fen(planned - actual)]


def detail_pairs(info: ActivityInfo, *, with_description: bool = False) -> list[tuple[str, str]]:
    """The label/value pairs printed in the activity's details grid."""
    pairs: list[tuple[str, str]] = [
        ("活动名称", info.name),
        ("活动类型", info.type),
        ("主办", info.organiser),
        ("活动时间", when_text(info)),
        ("地点", info.place or "待定"),
        ("报名截止", cn_date(info.signup_deadline) or "—"),
        ("名额", f"{info.places} 人" if info.places else "不限"),
        ("每人限报", f"{info.event_limit} 项" if info.event_limit else "不限"),
    ]
    if info.events:
        pairs.append(("比赛项目", "、".join(info.events)))
    if info.workpoint:
        pairs.append(("对应工作要点", info.workpoint))
    if with_description and info.description:
        pairs.append(("活动内容", info.description))
    if len(pairs) % 2:
        pairs.append(("", ""))
    return pairs


def add_details(report: Report, info: ActivityInfo, *, with_description: bool = False) -> None:
    """The details grid. Long values (项目, 内容) get a full row so they wrap comfortably."""
    pairs = detail_pairs(info, with_description=with_description)
    short = [p for p in pairs[:8]]
    long = [p for p in pairs[8:] if p[0]]
    report.key_values(short, columns=2)
    if long:
        report.key_values(long, columns=1)


def add_team_table(
    report: Report, standings: Sequence[StandingLine], scheme_note: str, *, places_shown: int = 3
) -> None:
    """团体总分 rows: 名次, 分工会, 第1名…第N名 counts, 总分. ``scheme_note`` explains the scoring."""
    places = [Col(f"第{i}名", 1.3, "center") for i in range(1, places_shown + 1)]
    columns = [*cols("名次 2.2 中 | 分工会 5"), *places, *cols("总分 1.6 右")]
    rows = []
    for s in standings:
        counts = [s.places[i] if i < len(s.places) else 0 for i in range(places_shown)]
        rank = f"{s.rank}（并列）" if s.tied else str(s.rank)
        rows.append([rank, s.branch, *counts, s.points])
    report.table(columns, rows)
    if scheme_note:
        report.paragraph(scheme_note, size=9)
