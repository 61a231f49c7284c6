"""Plain data shared by the activity printouts: the activity's details, placings and standings.

The printouts themselves are in ``activity_signup``, ``activity_participants``,
``activity_results``, ``activity_team_points``, ``activity_summary`` and
``activity_year_budget``; each is a pure function of these dataclasses (the pieces they share
are in :mod:`guilin_union.reports.activities.common`).

>>> info = ActivityInfo("教职工气排球比赛", "文体活动", "校工会", "2024-05-10", "2024-05-11", "体育馆")
>>> when_text(info)
'2024年5月10日至2024年5月11日'
"""

from __future__ import annotations

from dataclasses import dataclass, field

from guilin_union.core.dates import format_cn_date_lenient as cn_date


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
