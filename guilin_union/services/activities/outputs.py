"""Printouts (PDF) and Excel exports of an activity: the same data the screen shows.

Each function gathers plain data from the database and hands it to a pure report function
in ``guilin_union.reports.activity_*``; full ID numbers and phones leave the program only by
an explicit choice, which is logged.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypedDict

import sqlite_utils

from guilin_union.services import activities as activities_service
from guilin_union.services import settings
from guilin_union.services.activities import budget as budget_service
from guilin_union.services.activities import registration
from guilin_union.services.activities import results as results_service
from guilin_union.services.common_outputs import issuer_name
from guilin_union.services.common_query import pick
from guilin_union.services.members import branches as branches_service
from guilin_union.storage import audit

# The ActivityInfo fields printed as the activity row holds them.
INFO_AS_STORED = (
    "name",
    "type",
    "organiser",
    "start_date",
    "end_date",
    "signup_deadline",
    "places",
    "event_limit",
    "status",
)


def activity_info(db: sqlite_utils.Database, activity_id: int):
    """The activity as the printouts describe it (:class:`reports.activity_info.ActivityInfo`)."""
    from guilin_union.reports.activities.info import ActivityInfo

    a = activities_service.get_activity(db, activity_id)
    return ActivityInfo(
        **pick(a, INFO_AS_STORED),
        place=a["place"] or "",
        events=tuple(e["name"] for e in a["events"]),
        description=a["description"] or "",
        workpoint=a["workpoint_label"] or "",
    )


def _activity_pdf(
    build: Callable[..., Any],
    db: sqlite_utils.Database,
    activity_id: int,
    path: str | Path,
    *args: Any,
    **options: Any,
) -> Path:
    """``build(path, the activity, *args, institution=the union, **options)``: every activity
    printout is headed by the activity and the union's name."""
    info = activity_info(db, activity_id)
    return Path(build(path, info, *args, institution=issuer_name(db), **options))


class _Scoring(TypedDict):
    standings: list[Any]
    scheme_note: str


def _scoring(db: sqlite_utils.Database, activity_id: int) -> _Scoring:
    """The 团体总分 lines and the scoring rule below them (results, team table, summary)."""
    return {"standings": standing_lines(db, activity_id), "scheme_note": scheme_note(db)}


def scheme_note(db: sqlite_utils.Database) -> str:
    points = results_service.point_scheme(db)
    rule = results_service.tie_rule(db)
    tie = "名次并列时平分所占名次的得分" if rule == "平分" else "名次并列时各得该名次的分数"
    return (
        f"计分办法：{results_service.scheme_text(points)}，第{len(points) + 1}名起不计分；"
        f"{tie}；团体项目按设定倍数计分。总分相同时，以获第一名多者列前，再相同以获第二名多者列前，仍相同则名次并列。"
    )


def standing_lines(db: sqlite_utils.Database, activity_id: int):
    from guilin_union.reports.activities.info import StandingLine

    standings = results_service.team_standings(db, activity_id)
    if not any(s.points for s in standings):
        return []
    return [
        StandingLine(s.rank, s.branch, s.points_text, tuple(s.places), s.tied) for s in standings
    ]


def award_events(db: sqlite_utils.Database, activity_id: int):
    from guilin_union.reports.activities.info import AwardLine, EventAwards

    out = []
    for group in results_service.award_list(db, activity_id):
        lines = tuple(
            AwardLine(r["rank"], r["winner"], r["branch"], r["score"] or "", r["award"] or "")
            for r in group.results
        )
        out.append(EventAwards(group.event, group.kind, lines))
    return out


# ---------------------------------------------------------------- PDFs


def signup_form_pdf(
    db: sqlite_utils.Database,
    activity_id: int,
    path: str | Path,
    *,
    branch_ids: Sequence[int] | None = None,
    blank: bool = False,
    rows: int = 15,
) -> Path:
    """活动报名表: one page per 分工会 (all active ones unless ``branch_ids``); ``blank``
    gives a single form with an empty 报送单位."""
    from guilin_union.reports.activities.signup import build_signup_form

    if blank:
        names: list[str] = []
    elif branch_ids is None:
        names = branches_service.branch_names(db)
    else:
        lookup = {b.id: b.name for b in branches_service.list_branches(db)}
        names = [lookup[i] for i in branch_ids if i in lookup]
    roles = activities_service.roles(db)
    return _activity_pdf(build_signup_form, db, activity_id, path, names, roles=roles, rows=rows)


def participant_groups(
    db: sqlite_utils.Database, activity_id: int, *, branch_id: int | None = None
):
    """(groups by 分工会 of people not cancelled nor waiting, waiting list) as report lines."""
    from guilin_union.reports.activities.participants import ParticipantLine

    q = registration.ParticipantQuery(activity_id, branch_id=branch_id, sort_key="branch")
    rows = registration.list_participants(db, q)
    groups: dict[str, list[Any]] = {}
    waiting: list[tuple[str, Any]] = []
    for r in rows:
        line = ParticipantLine(
            r["name"],
            r["gender"] or "",
            r["staff_no"] or "",
            r["department"] or "",
            r["role"],
            r["events_text"],
            r["status"],
            r["notes"] or "",
        )
        if r["status"] == registration.WAITING:
            waiting.append((r["branch"], (r["seq"], line)))
        elif r["status"] != registration.CANCELLED:
            groups.setdefault(r["branch"], []).append(line)
    waiting.sort(key=lambda item: item[1][0])
    return list(groups.items()), [(b, line) for b, (_seq, line) in waiting]


def participants_pdf(
    db: sqlite_utils.Database,
    activity_id: int,
    path: str | Path,
    *,
    sign_in: bool = False,
    branch_id: int | None = None,
) -> tuple[Path, int]:
    """参加人员名单 (or, with ``sign_in``, the 签到表) grouped by 分工会."""
    from guilin_union.reports.activities.participants import build_participant_list

    groups, waiting = participant_groups(db, activity_id, branch_id=branch_id)
    out = _activity_pdf(
        build_participant_list,
        db,
        activity_id,
        path,
        groups,
        waiting=[] if sign_in else waiting,
        sign_in=sign_in,
    )
    return out, sum(len(g) for _, g in groups)


def results_pdf(db: sqlite_utils.Database, activity_id: int, path: str | Path) -> Path:
    """获奖名单 with the 团体总分 when there are placings."""
    from guilin_union.reports.activities.results import build_award_list

    events = award_events(db, activity_id)
    return _activity_pdf(
        build_award_list, db, activity_id, path, events, **_scoring(db, activity_id)
    )


def team_points_pdf(db: sqlite_utils.Database, activity_id: int, path: str | Path) -> Path:
    from guilin_union.reports.activities.team_points import build_team_table

    places = min(max(len(results_service.point_scheme(db)), 3), 8)
    scoring = _scoring(db, activity_id)
    return _activity_pdf(build_team_table, db, activity_id, path, places_shown=places, **scoring)


def summary_pdf(db: sqlite_utils.Database, activity_id: int, path: str | Path) -> Path:
    """活动总结表: details, participation by 分工会, results, budget vs actual, summary."""
    from guilin_union.reports.activities.summary import (
        BranchParticipation,
        BudgetLine,
        build_activity_summary,
    )

    activity = activities_service.get_activity_row(db, activity_id)
    participation = [
        BranchParticipation(
            p["branch"],
            p["已报名"] + p["已确认"] + p["已参加"],
            p["已参加"],
            p["候补"],
            p["已取消"],
        )
        for p in registration.participation_by_branch(db, activity_id)
    ]
    summary = budget_service.budget_summary(db, activity_id)
    budget = [BudgetLine(c.category, c.planned, c.actual) for c in summary.categories]
    attachments = [
        a["caption"] or a["original_name"]
        for a in activities_service.list_attachments(db, activity_id)
    ]
    return _activity_pdf(
        build_activity_summary,
        db,
        activity_id,
        path,
        participation=participation,
        awards=award_events(db, activity_id),
        budget=budget,
        warnings=summary.warnings(),
        summary_text=activity["summary"] or "",
        attachments=attachments,
        signers=("经办人", "审核人", settings.get(db, "union_chair_title") or "工会主席"),
        **_scoring(db, activity_id),
    )


def year_budget_pdf(db: sqlite_utils.Database, year: int, path: str | Path) -> Path:
    from guilin_union.reports.activities.year_budget import (
        ActivityTotals,
        TypeTotals,
        build_year_budget,
    )

    types = [
        TypeTotals(t.type, t.activities, t.participants, t.planned, t.actual)
        for t in budget_service.year_summary(db, year)
    ]
    rows = [
        ActivityTotals(
            a["name"], a["type"], a["start_date"], a["registered"], a["planned"], a["actual"]
        )
        for a in budget_service.year_activity_totals(db, year)
    ]
    return Path(build_year_budget(path, year, types, rows, institution=issuer_name(db)))


# ---------------------------------------------------------------- Excel


# The participants sheet (a spreadsheets.writer.sheet_columns spec).
PARTICIPANT_COLUMNS = (
    "number 序号 int | branch 分工会 | name 姓名 | gender 性别 | staff_no 工号"
    " | department 部门 | phone_display 手机 | id_number_display 身份证号 | role 角色"
    " | events_text 报名项目 | status 状态 | result 成绩 | notes 备注"
)


def export_participants(
    db: sqlite_utils.Database, activity_id: int, path: str | Path, *, unmasked: bool = False
) -> tuple[Path, int]:
    """All registrations (cancelled included, for the record) in the screen's order.

    ID numbers and phones are masked unless ``unmasked`` (e.g. a list for the insurer),
    which is logged.
    """
    from guilin_union.spreadsheets.writer import Sheet, sheet_columns, write_workbook

    activity = activities_service.get_activity_row(db, activity_id)
    rows = registration.list_participants(
        db, registration.ParticipantQuery(activity_id, sort_key="branch"), masked=not unmasked
    )
    for number, row in enumerate(rows, start=1):
        row["number"] = number
    columns = sheet_columns(PARTICIPANT_COLUMNS)
    out = write_workbook(
        path, [Sheet("参加人员", columns, rows, heading=f"{activity['name']}参加人员名单")]
    )
    if unmasked:
        with db.atomic():
            audit.log_event(
                db,
                "activity_participants",
                None,
                "reveal",
                note=f"导出活动“{activity['name']}”参加人员（完整证件号码和手机号，{len(rows)} 人）：{out}",
            )
    return out, len(rows)


def export_results(db: sqlite_utils.Database, activity_id: int, path: str | Path) -> Path:
    """Two sheets: every result (成绩) and the team table (团体总分)."""
    from guilin_union.spreadsheets.writer import Column, Sheet, sheet_columns, write_workbook

    activity = activities_service.get_activity_row(db, activity_id)
    results = results_service.list_results(db, activity_id)
    for row in results:
        row["person"] = row["name"] or ""
    result_columns = sheet_columns(
        "event 项目 | rank 名次 int | person 姓名 | branch 分工会 | score 成绩 | award 奖项"
        " | notes 备注"
    )
    raw = results_service.team_standings(db, activity_id)
    standings = results_service.standings_json(raw)
    scheme = results_service.point_scheme(db)
    for s, standing in zip(standings, raw):
        # Whole points as numbers (sortable in Excel); shared points such as 3.5 as text.
        s["points"] = (
            standing.points.numerator if standing.points.denominator == 1 else standing.points_text
        )
        for i in range(len(scheme)):
            s[f"place_{i + 1}"] = s["places"][i] if i < len(s["places"]) else 0
        s["rank_text"] = f"{s['rank']}（并列）" if s["tied"] else str(s["rank"])
    team_columns = [Column("rank_text", "名次"), Column("branch", "分工会")]
    team_columns += [
        Column(f"place_{i + 1}", f"第{i + 1}名", kind="int") for i in range(len(scheme))
    ]
    team_columns += [Column("points", "总分", kind="int")]
    return write_workbook(
        path,
        [
            Sheet("成绩", result_columns, results, heading=f"{activity['name']}成绩与获奖名单"),
            Sheet("团体总分", team_columns, standings, heading=f"{activity['name']}团体总分"),
        ],
    )
