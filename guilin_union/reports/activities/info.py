"""Plain data shared by the activity printouts: the activity's details and the team table.

The printouts themselves are in ``activity_signup``, ``activity_participants``,
``activity_results``, ``activity_team_points``, ``activity_summary`` and
``activity_year_budget``; each is a pure function of these dataclasses.

>>> info = ActivityInfo("教职工气排球比赛", "文体活动", "校工会", "2024-05-10", "2024-05-11", "体育馆")
>>> when_text(info)
'2024年5月10日至2024年5月11日'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from guilin_union.core.dates import format_cn_date_lenient as cn_date  # noqa: F401 (re-exported)
from guilin_union.reports.document import Col, Report


@dataclass(frozen=True)
class ActivityInfo:
    """What every activity printout says about the activity (dates ISO, ``""`` when unknown)."""

    name: str
    type: str
    organiser: str
    start_date: str
    end_date: str | None = None
    place: str = ""
    signup_deadline: str | None = None
    places: int | None = None
    event_limit: int | None = None
    events: tuple[str, ...] = ()
    description: str = ""
    status: str = ""
    workpoint: str = ""


@dataclass(frozen=True)
class StandingLine:
    """One row of the 团体总分表; ``points`` already formatted (``12``, ``3.5``)."""

    rank: int
    branch: str
    points: str
    places: tuple[int, ...] = ()
    tied: bool = False


@dataclass(frozen=True)
class AwardLine:
    """One placing or award in the 获奖名单 (``winner`` is a person or a 分工会)."""

    rank: int | None
    winner: str
    branch: str
    score: str = ""
    award: str = ""


@dataclass(frozen=True)
class EventAwards:
    event: str
    kind: str = "个人"
    lines: tuple[AwardLine, ...] = field(default_factory=tuple)


def when_text(info: ActivityInfo) -> str:
    text = cn_date(info.start_date)
    if info.end_date and info.end_date != info.start_date:
        text += f"至{cn_date(info.end_date)}"
    return text


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
    cols = [Col("名次", 2.2, "center"), Col("分工会", 5)]
    cols += [Col(f"第{i}名", 1.3, "center") for i in range(1, places_shown + 1)]
    cols += [Col("总分", 1.6, "right")]
    rows = []
    for s in standings:
        counts = [s.places[i] if i < len(s.places) else 0 for i in range(places_shown)]
        rank = f"{s.rank}（并列）" if s.tied else str(s.rank)
        rows.append([rank, s.branch, *counts, s.points])
    report.table(cols, rows)
    if scheme_note:
        report.paragraph(scheme_note, size=9)
