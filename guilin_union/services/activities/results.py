"""Results of activities: placings, scores and awards per event, and the team table (团体总分).

Team points per 分工会 follow the point scheme (setting ``activity_point_scheme``, default
7-5-4-3-2-1 for places 1 to 6), times the event's weight (relays often count double).
Tied placings in one event either share the points of the places they occupy (平分, the
usual rule of 运动会竞赛规程) or each get the full points of the place (同分): setting
``activity_tie_points``. Teams level on points are separated by the number of first
places, then of second places; teams still level share the rank.

Points are kept as exact fractions (three people tied for 3rd share 4+3+2 = 3 each; two
share 3.5), never as floats.

>>> standings = compute_team_standings(
...     [TeamResult(1, "文学院", 1), TeamResult(1, "机关", 2), TeamResult(2, "机关", 1), TeamResult(2, "文学院", 2)],
...     [7, 5, 4, 3, 2, 1])
>>> [(s.rank, s.branch, format_points(s.points), s.tied) for s in standings]
[(1, '文学院', '12', True), (1, '机关', '12', True)]
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import sqlite_utils

from guilin_union.core.activities import TIE_RULES
from guilin_union.core.errors import ConflictError, NotFoundError, ValidationError
from guilin_union.core.text import clean_cell_text, to_halfwidth
from guilin_union.services import activities as activities_service
from guilin_union.services import row_undo, settings
from guilin_union.services.activities import AREA, CHANGES
from guilin_union.services.activities.registration import OCCUPYING, check_events, get_participant
from guilin_union.services.changes import Changes, OpResult
from guilin_union.services.common_query import column_values, filter_clauses, select_rows, where_sql
from guilin_union.services.row_undo import Scope
from guilin_union.storage import audit

# ---------------------------------------------------------------- the point scheme


def parse_point_scheme(text: object) -> list[int]:
    """``"7,5,4,3,2,1"`` (also ``7-5-4``, ``7、5、4``, full-width) → ``[7, 5, 4, 3, 2, 1]``.

    >>> parse_point_scheme("９－７－６")
    [9, 7, 6]
    """
    if isinstance(text, (list, tuple)):
        parts = [str(p) for p in text]
    else:
        value = to_halfwidth(str(text or ""))
        for sep in ("、", "，", "-", "—", ";", "；", " ", "/"):
            value = value.replace(sep, ",")
        parts = [p for p in value.split(",") if p.strip()]
    if not parts:
        raise ValidationError("计分办法不能为空，例如：7,5,4,3,2,1", "point_scheme")
    points: list[int] = []
    for part in parts:
        part = part.strip()
        if not part.isdigit():
            raise ValidationError(
                f"计分办法中的“{part}”不是非负整数，例如：7,5,4,3,2,1", "point_scheme"
            )
        points.append(int(part))
    if len(points) > 20:
        raise ValidationError("计分办法最多设置前20名的得分", "point_scheme")
    if any(b > a for a, b in zip(points, points[1:])):
        raise ValidationError("计分办法中名次越靠后得分应越少（或相同）", "point_scheme")
    if points[0] == 0:
        raise ValidationError("第1名的得分应大于0", "point_scheme")
    return points


def point_scheme(db: sqlite_utils.Database) -> list[int]:
    return parse_point_scheme(settings.get(db, "activity_point_scheme"))


def tie_rule(db: sqlite_utils.Database) -> str:
    value = settings.get(db, "activity_tie_points")
    return value if value in TIE_RULES else TIE_RULES[0]


def set_scoring(db: sqlite_utils.Database, scheme: str, rule: str | None = None) -> OpResult:
    """Save the point scheme (validated) and, optionally, the tie rule."""
    points = parse_point_scheme(scheme)
    if rule is not None and rule not in TIE_RULES:
        raise ValidationError("并列名次的得分应为：" + "、".join(TIE_RULES), "tie_rule")
    with db.atomic():
        settings.set_value(db, "activity_point_scheme", ",".join(str(p) for p in points))
        if rule is not None:
            settings.set_value(db, "activity_tie_points", rule)
    return OpResult(Changes.of(AREA, "settings"))


def scheme_text(points: Sequence[int]) -> str:
    """``[7, 5, 4]`` → ``第1名7分、第2名5分、第3名4分``."""
    return "、".join(f"第{i}名{p}分" for i, p in enumerate(points, start=1))


# ---------------------------------------------------------------- team standings (pure)


@dataclass(frozen=True)
class TeamResult:
    """One placing that earns points for a team (分工会)."""

    event_id: int
    branch: str
    rank: int | None
    weight: int = 1
    branch_id: int | None = None


@dataclass
class TeamStanding:
    rank: int
    branch: str
    points: Fraction
    places: list[int]  # places[0] = number of 1st places, places[1] = 2nd …
    tied: bool = False
    branch_id: int | None = None

    @property
    def firsts(self) -> int:
        return self.places[0] if self.places else 0

    @property
    def seconds(self) -> int:
        return self.places[1] if len(self.places) > 1 else 0

    @property
    def points_text(self) -> str:
        return format_points(self.points)


def format_points(points: Fraction) -> str:
    """``Fraction(7, 2)`` → ``3.5``; thirds print with two decimals (``2.33``).

    >>> format_points(Fraction(12)), format_points(Fraction(7, 2)), format_points(Fraction(7, 3))
    ('12', '3.5', '2.33')
    """
    if points.denominator == 1:
        return str(points.numerator)
    hundredths = (points * 100).__round__()
    text = f"{hundredths // 100}.{hundredths % 100:02d}".rstrip("0")
    return text


def place_points(rank: int, tied: int, scheme: Sequence[int], rule: str = "平分") -> Fraction:
    """Points of one placing when ``tied`` teams/people share ``rank``.

    >>> place_points(3, 2, [7, 5, 4, 3, 2, 1])   # two share 3rd and 4th: (4 + 3) / 2
    Fraction(7, 2)
    >>> place_points(3, 2, [7, 5, 4, 3, 2, 1], "同分")
    Fraction(4, 1)
    """

    def at(position: int) -> int:
        return scheme[position - 1] if 1 <= position <= len(scheme) else 0

    if rule == "同分" or tied <= 1:
        return Fraction(at(rank))
    return Fraction(sum(at(rank + i) for i in range(tied)), tied)


def compute_team_standings(
    results: Iterable[TeamResult],
    scheme: Sequence[int],
    rule: str = "平分",
    *,
    teams: Sequence[str] = (),
) -> list[TeamStanding]:
    """The team table: points per team, ranked; ties broken by 1st places, then 2nd places.

    ``teams`` lists teams to show even without points (in display order for equal teams).
    """
    # Each placed result with its rank (results without a placing earn nothing).
    placed = [(r, r.rank) for r in results if r.rank is not None and r.rank > 0]
    tally: OrderedDict[str, TeamStanding] = OrderedDict()
    for name in teams:
        tally.setdefault(name, TeamStanding(0, name, Fraction(0), [0] * max(len(scheme), 2)))
    tied_count: dict[tuple[int, int], int] = {}
    for r, rank in placed:
        tied_count[(r.event_id, rank)] = tied_count.get((r.event_id, rank), 0) + 1
    for r, rank in placed:
        standing = tally.setdefault(
            r.branch, TeamStanding(0, r.branch, Fraction(0), [0] * max(len(scheme), 2))
        )
        if r.branch_id is not None:
            standing.branch_id = r.branch_id
        standing.points += (
            place_points(rank, tied_count[(r.event_id, rank)], scheme, rule) * r.weight
        )
        if rank <= len(standing.places):
            standing.places[rank - 1] += 1
    order = {name: i for i, name in enumerate(tally)}
    ranked = sorted(
        tally.values(), key=lambda s: (-s.points, -s.firsts, -s.seconds, order[s.branch])
    )
    previous_key = None
    for position, standing in enumerate(ranked, start=1):
        key = (standing.points, standing.firsts, standing.seconds)
        if key == previous_key:
            standing.rank = ranked[position - 2].rank
            standing.tied = True
            ranked[position - 2].tied = True
        else:
            standing.rank = position
        previous_key = key
    return ranked


# ---------------------------------------------------------------- writes


_rows = select_rows


def _event(db: sqlite_utils.Database, activity_id: int, event_id: int) -> dict[str, Any]:
    rows = _rows(
        db,
        "SELECT * FROM activity_events WHERE id = ? AND activity_id = ?",
        [event_id, activity_id],
    )
    if not rows:
        raise ValidationError("请选择本活动的项目", "event")
    return rows[0]


def _rank(value: Any) -> int | None:
    if value in (None, "", 0, "0"):
        return None
    if isinstance(value, bool):
        raise ValidationError("名次应为正整数", "rank")
    try:
        rank = int(to_halfwidth(str(value)).strip().removeprefix("第").removesuffix("名"))
    except ValueError:
        raise ValidationError(f"名次“{value}”不是正整数", "rank") from None
    if rank < 0 or rank > 999:
        raise ValidationError("名次应为1到999之间的整数", "rank")
    return rank or None


def record_result(
    db: sqlite_utils.Database,
    activity_id: int,
    event_id: int,
    *,
    participant_id: int | None = None,
    branch_id: int | None = None,
    rank: Any = None,
    score: str | None = None,
    award: str | None = None,
    notes: str | None = None,
    result_id: int | None = None,
) -> OpResult:
    """Record (or, with ``result_id``, correct) one result.

    An individual event needs a participant: someone not yet entered in the event is entered
    (within the per-person limit) and someone registered is marked 已参加, since a result
    proves attendance. A team event needs a 分工会. ``undo`` holds the previous row (edit) or
    what the insert added.
    """
    with db.atomic():
        activity = activities_service.get_activity_row(db, activity_id)
        event = _event(db, activity_id, event_id)
        values: dict[str, Any] = {
            "activity_id": activity_id,
            "event_id": event_id,
            "rank": _rank(rank),
            "score": clean_cell_text(score or "") or None,
            "award": clean_cell_text(award or "") or None,
            "notes": clean_cell_text(notes or "") or None,
        }
        if values["rank"] is None and values["score"] is None and values["award"] is None:
            raise ValidationError("请至少填写名次、成绩或奖项之一", "rank")
        side_effects: dict[str, Any] = {}
        saved: list[tuple[Scope, list[dict[str, Any]]]] = []
        if event["kind"] == "团体" and participant_id is None:
            if branch_id is None:
                raise ValidationError(f"“{event['name']}”是团体项目，请选择获奖的分工会", "branch")
            if not db.execute("SELECT 1 FROM branches WHERE id = ?", [branch_id]).fetchone():
                raise ValidationError("分工会不存在", "branch")
            values.update(participant_id=None, branch_id=branch_id)
            clash = db.execute(
                "SELECT id FROM activity_results WHERE event_id = ? AND branch_id = ? AND participant_id IS NULL"
                " AND id IS NOT ?",
                [event_id, branch_id, result_id],
            ).fetchone()
            who = db.execute("SELECT name FROM branches WHERE id = ?", [branch_id]).fetchone()[0]
        else:
            if participant_id is None:
                raise ValidationError("请选择参赛人员", "participant")
            person = get_participant(db, participant_id)
            if person["activity_id"] != activity_id:
                raise ValidationError("所选人员没有报名本活动", "participant")
            if person["status"] not in OCCUPYING:
                raise ConflictError(
                    f"{person['name']}的报名状态为“{person['status']}”，不能录入成绩"
                )
            values.update(participant_id=participant_id, branch_id=person["branch_id"])
            clash = db.execute(
                "SELECT id FROM activity_results WHERE event_id = ? AND participant_id = ? AND id IS NOT ?",
                [event_id, participant_id, result_id],
            ).fetchone()
            who = person["name"]
            if event_id not in person["event_ids"]:
                check_events(db, activity, person["name"], [*person["event_ids"], event_id])
                side_effects["entry"] = audit.insert(
                    db,
                    "activity_entries",
                    {"participant_id": participant_id, "event_id": event_id},
                    note="录入成绩时补报项目",
                )
                saved.append((Scope.row("activity_entries", side_effects["entry"]), []))
            if person["status"] != "已参加":
                person_before = audit.update(
                    db,
                    "activity_participants",
                    participant_id,
                    {"status": "已参加"},
                    note="录入成绩",
                )
                side_effects["status"] = {participant_id: person["status"]}
                saved.append((Scope.row("activity_participants", participant_id), [person_before]))
        if clash:
            raise ConflictError(f"{who}在“{event['name']}”已有成绩记录，请修改原记录")
        if result_id is None:
            new_id = audit.insert(db, "activity_results", values)
            undo = {"added": new_id, **side_effects}
            saved.append((Scope.row("activity_results", new_id), []))
        else:
            try:
                before = audit.update(db, "activity_results", result_id, values)
            except NotFoundError:
                raise NotFoundError("成绩记录不存在（可能已被删除）") from None
            new_id = result_id
            undo = {"row": before, **side_effects}
            saved.append((Scope.row("activity_results", result_id), [before]))
    return OpResult(
        Changes.of(AREA),
        new_id,
        undo=undo,
        inverse=row_undo.inverse(saved, Changes.of(AREA), new_id),
    )


def delete_result(db: sqlite_utils.Database, result_id: int) -> OpResult:
    missing = "成绩记录不存在（可能已被删除）"
    return row_undo.delete_row(db, "activity_results", result_id, CHANGES, missing=missing)


# ---------------------------------------------------------------- reads


def list_results(
    db: sqlite_utils.Database, activity_id: int, *, event_id: int | None = None
) -> list[dict[str, Any]]:
    """Results in event order, then by rank (unranked last), with names for display."""
    sql = (
        "SELECT r.*, e.name AS event, e.kind AS event_kind, e.sort_order, b.name AS branch, m.name AS name,"
        " m.staff_no, p.member_id FROM activity_results r JOIN activity_events e ON e.id = r.event_id"
        " JOIN branches b ON b.id = r.branch_id LEFT JOIN activity_participants p ON p.id = r.participant_id"
        " LEFT JOIN members m ON m.id = p.member_id"
    )
    clauses, params = filter_clauses(
        (("r.activity_id = ?", activity_id), ("r.event_id = ?", event_id))
    )
    sql += where_sql(clauses) + " ORDER BY e.sort_order, e.id, r.rank IS NULL, r.rank, r.id"
    rows = _rows(db, sql, params)
    for row in rows:
        row["winner"] = row["name"] if row["participant_id"] else row["branch"]
        row["rank_text"] = f"第{row['rank']}名" if row["rank"] else ""
    return rows


def get_result(db: sqlite_utils.Database, result_id: int) -> dict[str, Any]:
    try:
        return audit.get_row(db, "activity_results", result_id)
    except NotFoundError:
        raise NotFoundError("成绩记录不存在（可能已被删除）") from None


@dataclass
class EventAwards:
    """One event's results for the 获奖名单."""

    event_id: int
    event: str
    kind: str
    results: list[dict[str, Any]] = field(default_factory=list)


def award_list(
    db: sqlite_utils.Database, activity_id: int, *, only_awarded: bool = True
) -> list[EventAwards]:
    """Results grouped by event; with ``only_awarded`` only placings and awards (no bare scores)."""
    groups: OrderedDict[int, EventAwards] = OrderedDict()
    for event in activities_service.list_events(db, activity_id):
        groups[event["id"]] = EventAwards(event["id"], event["name"], event["kind"])
    for row in list_results(db, activity_id):
        if only_awarded and not row["rank"] and not row["award"]:
            continue
        groups[row["event_id"]].results.append(row)
    return [g for g in groups.values() if g.results]


def team_standings(db: sqlite_utils.Database, activity_id: int) -> list[TeamStanding]:
    """The activity's 团体总分 from its results, the point scheme and the tie rule.

    Every 分工会 with participants appears, with 0 points if it won nothing.
    """
    rows = db.execute(
        "SELECT r.event_id, b.name, r.rank, e.points_weight, b.id FROM activity_results r"
        " JOIN activity_events e ON e.id = r.event_id JOIN branches b ON b.id = r.branch_id"
        " WHERE r.activity_id = ? AND r.rank IS NOT NULL",
        [activity_id],
    ).fetchall()
    teams = column_values(
        db,
        "SELECT DISTINCT b.name, b.sort_order, b.id FROM activity_participants p JOIN branches b ON b.id = p.branch_id"
        " WHERE p.activity_id = ? AND p.status <> '已取消' ORDER BY b.sort_order, b.id",
        [activity_id],
    )
    standings = compute_team_standings(
        [TeamResult(r[0], r[1], r[2], r[3], r[4]) for r in rows],
        point_scheme(db),
        tie_rule(db),
        teams=teams,
    )
    ids = {r[1]: r[0] for r in db.execute("SELECT id, name FROM branches")}
    for s in standings:
        s.branch_id = s.branch_id or ids.get(s.branch)
    return standings


def standings_json(standings: Sequence[TeamStanding]) -> list[dict[str, Any]]:
    """Plain data for the CLI and exports; ``points`` as text so 3.5 stays exact."""
    return [
        {
            "rank": s.rank,
            "branch": s.branch,
            "points": s.points_text,
            "firsts": s.firsts,
            "seconds": s.seconds,
            "places": list(s.places),
            "tied": s.tied,
        }
        for s in standings
    ]
