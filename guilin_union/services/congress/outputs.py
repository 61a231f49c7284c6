"""The congress printouts and Excel exports, fed from the database (the same queries as the
screens, so what is printed is what is shown).

>>> # agenda_pdf(db, session_id, "议程.pdf"); signin_pdf(db, session_id, "签到表.pdf")
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, TypedDict

import sqlite_utils

from guilin_union.core.congress import AGENDA_PARTS
from guilin_union.core.dates import format_cn_date
from guilin_union.services import congress
from guilin_union.services.common_outputs import institution_name
from guilin_union.services.congress import agenda as agenda_service
from guilin_union.services.congress import delegates as delegates_service
from guilin_union.services.congress.attendance import attendance_rows, attendance_summary
from guilin_union.services.congress.rules import percent_text
from guilin_union.services.congress.votes import vote_summary

NO_DELEGATION = "（未分团）"


def session_date_text(session: congress.Session) -> str:
    """``2024年3月15日`` or ``2024年3月15日至16日`` / ``…至4月2日`` for a longer meeting.

    >>> s = congress.Session(1, 1, 1, 1, "", "2024-03-15", "2024-03-16", None, "筹备中", None, None, "2024", None, None)
    >>> session_date_text(s)
    '2024年3月15日至16日'
    """
    start = format_cn_date(session.start_date)
    if not session.end_date or session.end_date == session.start_date:
        return start
    end = session.end_date
    if end[:7] == session.start_date[:7]:
        return f"{start}至{int(end[8:])}日"
    if end[:4] == session.start_date[:4]:
        return f"{start}至{int(end[5:7])}月{int(end[8:])}日"
    return f"{start}至{format_cn_date(end)}"


class SessionHeading(TypedDict):
    """The head of a session's printout: the meeting, the school, the meeting's dates."""

    session_title: str
    institution: str
    date_text: str


def session_heading(db: sqlite_utils.Database, session: congress.Session) -> SessionHeading:
    return {
        "session_title": session.title,
        "institution": institution_name(db),
        "date_text": session_date_text(session),
    }


def signin_names(
    rows: Iterable[Mapping[str, Any]], other_name: Callable[[Mapping[str, Any]], str]
) -> dict[str, tuple[list[str], list[str]]]:
    """The names on a 签到表 by delegation, in the order the delegations first appear:
    ``(正式代表, the others)``, the others written as ``other_name(row)``."""
    groups: dict[str, tuple[list[str], list[str]]] = {}
    for r in rows:
        formal, others = groups.setdefault(r["delegation"] or NO_DELEGATION, ([], []))
        if r["delegate_type"] == congress.FORMAL:
            formal.append(r["name"])
        else:
            others.append(other_name(r))
    return groups


def agenda_pdf(db: sqlite_utils.Database, session_id: int, path: str | Path) -> Path:
    from guilin_union.reports.congress.agenda import AgendaRow, build_agenda

    session = congress.get_session(db, session_id)
    items = agenda_service.list_items(db, session_id)
    parts = []
    for part in AGENDA_PARTS:
        rows = [
            AgendaRow(
                i.item_date or "",
                i.time_range,
                i.content,
                i.presider or "",
                i.reporter or "",
                i.place or "",
            )
            for i in items
            if i.part == part
        ]
        parts.append((part, rows))
    return build_agenda(
        path,
        parts=parts,
        venue=session.venue or "",
        presidium=_presidium(db, session_id),
        **session_heading(db, session),
    )


def _presidium(db: sqlite_utils.Database, session_id: int) -> str:
    from guilin_union.services.congress.sittings import presidium_text

    return presidium_text(db, session_id)


def roster_data(db: sqlite_utils.Database, session_id: int):
    """Groups and composition summary of the 代表名册 (also used by the screen's preview)."""
    from guilin_union.reports.congress.delegates import DelegateGroup, DelegateRow, RosterSummary

    session = congress.get_session(db, session_id)
    rows = delegates_service.session_delegates(db, session_id)
    comp = delegates_service.composition(db, session.term_id, session.date)
    heads = {
        g.name: g.head_name or "" for g in delegates_service.list_delegations(db, session.term_id)
    }
    groups: dict[str, list[DelegateRow]] = {}
    for r in rows:
        note = {"补选": "补选", "更换": "更换"}.get(r["start_reason"], "")
        groups.setdefault(r["delegation"] or NO_DELEGATION, []).append(
            DelegateRow(
                r["name"],
                r["gender"] or "",
                r["branch"],
                r["department"] or "",
                r["title"] or "",
                r["delegate_type"],
                r["category"],
                bool(r["is_head"]),
                note,
            )
        )
    summary = RosterSummary(
        lines=comp.summary_lines(),
        by_delegation=[
            (c.name, c.formal, c.attending, c.special) for c in comp.by_delegation if c.total
        ],
        by_category=[
            (name, n, percent_text(n, comp.formal)) for name, n in comp.by_category.items()
        ],
        by_age=[(label, n, percent_text(n, comp.formal)) for label, n in comp.age_bands],
        warnings=comp.warnings,
    )
    return (
        session,
        [DelegateGroup(name, heads.get(name, ""), members) for name, members in groups.items()],
        summary,
    )


def delegates_pdf(db: sqlite_utils.Database, session_id: int, path: str | Path) -> tuple[Path, int]:
    from guilin_union.reports.congress.delegates import build_delegate_roster

    session, groups, summary = roster_data(db, session_id)
    out = build_delegate_roster(
        path,
        session_title=session.title,
        on_date=session.start_date,
        groups=groups,
        summary=summary,
        institution=institution_name(db),
    )
    return out, sum(len(g.delegates) for g in groups)


def signin_pdf(
    db: sqlite_utils.Database, session_id: int, path: str | Path, *, with_counts: bool = False
) -> tuple[Path, int]:
    """One sheet per delegation. ``with_counts`` prints the recorded 实到 (for the archive
    copy after the meeting); by default the box is left blank to fill in by hand."""
    from guilin_union.reports.congress.signin import SigninGroup, build_signin_sheets

    session = congress.get_session(db, session_id)
    rows = attendance_rows(db, session_id)
    present = Counter(
        r["delegation"] or NO_DELEGATION
        for r in rows
        if r["delegate_type"] == congress.FORMAL and r["attendance"] == "出席"
    )
    names = signin_names(rows, lambda r: f"{r['name']}（{r['delegate_type']}）")
    groups = [
        SigninGroup(name, formal, others, present[name] if with_counts else None)
        for name, (formal, others) in names.items()
    ]
    out = build_signin_sheets(
        path, groups=groups, venue=session.venue or "", **session_heading(db, session)
    )
    return out, len(groups)


def ballot_pdf(
    db: sqlite_utils.Database,
    session_id: int,
    path: str | Path,
    *,
    copies: int | None = None,
    one_per_page: bool = False,
) -> tuple[Path, int]:
    """Ballots for every motion; one per 正式代表 unless ``copies`` says otherwise."""
    from guilin_union.core.errors import ValidationError
    from guilin_union.reports.congress.ballot import build_ballots
    from guilin_union.services.congress.votes import list_motions

    session = congress.get_session(db, session_id)
    motions = [m.title for m in list_motions(db, session_id)]
    if not motions:
        raise ValidationError(f"“{session.title}”还没有表决事项，请先在“表决”页添加。")
    if copies is None:
        copies = attendance_summary(db, session_id).expected or 1
    if copies < 1 or copies > 2000:
        raise ValidationError("表决票张数应在 1 到 2000 之间")
    out = build_ballots(
        path,
        motions=motions,
        copies=copies,
        one_per_page=one_per_page,
        **session_heading(db, session),
    )
    return out, copies


def vote_results_pdf(db: sqlite_utils.Database, session_id: int, path: str | Path) -> Path:
    from guilin_union.reports.congress.vote_results import VoteRow, build_vote_results

    summary = vote_summary(db, session_id)
    att = summary.attendance
    rows = [
        VoteRow(
            r.motion.title,
            r.motion.votes_yes,
            r.motion.votes_no,
            r.motion.votes_abstain,
            r.not_voted,
            r.needed,
            r.result_text,
        )
        for r in summary.results
    ]
    return build_vote_results(
        path,
        expected=att.expected,
        present=att.present,
        on_leave=att.on_leave,
        quorum_text=att.status_text,
        rule_text=summary.rule_text,
        rows=rows,
        notes=summary.notes,
        **session_heading(db, summary.session),
    )


# The delegates sheet (a spreadsheets.writer.sheet_columns spec).
DELEGATE_COLUMNS = (
    "delegation 代表团 | name 姓名 | gender 性别 | branch 分工会 | department 部门"
    " | title 职称 | staff_no 工号 | delegate_type 代表类型 | category 类别 | head 团长"
    " | start_date 当选日期 date | attendance 签到情况"
)


def export_delegates(
    db: sqlite_utils.Database, session_id: int, path: str | Path
) -> tuple[Path, int]:
    """The session's delegates with their sign-in as an Excel file."""
    from guilin_union.spreadsheets.writer import Sheet, sheet_columns, write_workbook

    session = congress.get_session(db, session_id)
    rows = attendance_rows(db, session_id)
    data = [
        {
            "delegation": r["delegation"] or "",
            "name": r["name"],
            "gender": r["gender"] or "",
            "branch": r["branch"],
            "department": r["department"] or "",
            "title": r["title"] or "",
            "staff_no": r["staff_no"] or "",
            "delegate_type": r["delegate_type"],
            "category": r["category"],
            "head": "是" if r["is_head"] else "",
            "start_date": r["start_date"],
            "attendance": r["attendance"] or "未签到",
        }
        for r in rows
    ]
    columns = sheet_columns(DELEGATE_COLUMNS)
    out = write_workbook(
        path, [Sheet("代表名单", columns, data, heading=f"{session.title}代表名单")]
    )
    return out, len(data)
