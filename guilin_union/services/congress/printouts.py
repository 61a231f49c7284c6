"""The issue-20 congress printouts: per-sitting 签到表, 选举计票结果, 分组讨论记录 (PDF through
the report engine, so they follow the house style)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import sqlite_utils

from guilin_union.core.dates import format_cn_date
from guilin_union.core.errors import ValidationError
from guilin_union.services import congress
from guilin_union.services.common_outputs import institution_name
from guilin_union.services.congress import elections, sittings
from guilin_union.services.congress.outputs import signin_names


def _when(s: sittings.Sitting) -> str:
    return " ".join(
        x for x in (format_cn_date(s.sitting_date), s.half_day or "", s.start_time or "") if x
    )


def _other_name(r: Mapping[str, Any]) -> str:
    mark = "，原正式代表" if r.get("continues_id") else ""
    return f"{r['name']}（{r['delegate_type']}{mark}）"


def sitting_signin_pdf(
    db: sqlite_utils.Database, sitting_id: int, path: str | Path, *, with_counts: bool = False
) -> tuple[Path, int]:
    """The 签到表 of one sitting; ``with_counts`` prints the recorded 实到/请假/缺席."""
    from guilin_union.reports.congress.sitting_signin import SigninGroup, build_sitting_signin

    s = sittings.get_sitting(db, sitting_id)
    session = congress.get_session(db, s.session_id)
    names = signin_names(sittings.sitting_rows(db, sitting_id), _other_name)
    summary = sittings.sitting_summary(db, sitting_id)
    out = build_sitting_signin(
        path,
        session_title=session.title,
        sitting_title=s.title,
        when=_when(s),
        place=s.place or "",
        groups=[SigninGroup(n, formal, others) for n, (formal, others) in names.items()],
        quorum_text=f"法定人数：{summary.rule_text}，本场次至少需 {summary.needed} 人。",
        counts=(summary.present, summary.on_leave, summary.absent) if with_counts else None,
        institution=institution_name(db),
    )
    return out, summary.expected


def election_results_pdf(
    db: sqlite_utils.Database, session_id: int, path: str | Path
) -> tuple[Path, int]:
    from guilin_union.reports.congress.election import (
        CandidateLine,
        ElectionSheet,
        build_election_results,
    )

    session = congress.get_session(db, session_id)
    sheets = []
    for election_id in elections.list_elections(db, session_id):
        r = elections.election_result(db, election_id)
        validity = "—" if r.valid is None else ("有效" if r.valid else "无效")
        facts = [
            ("应到", f"{r.expected} 人"),
            ("实到", f"{r.present} 人"),
            ("发出选票", "" if r.issued is None else f"{r.issued} 张"),
            ("收回选票", "" if r.returned is None else f"{r.returned} 张"),
            ("有效票", "" if r.valid_ballots is None else f"{r.valid_ballots} 张"),
            ("无效票", "" if r.invalid_ballots is None else f"{r.invalid_ballots} 张"),
            ("选举结果", validity),
            ("当选", "、".join(r.elected) or "—"),
            ("当选所需赞成票", f"{r.needed} 票"),
        ]
        if r.sitting_id is not None:
            sitting = sittings.get_sitting(db, r.sitting_id)
            when = f"{_when(sitting)}　{sitting.title}"
        else:
            when = format_cn_date(r.held_on) if r.held_on else ""
        sheets.append(
            ElectionSheet(
                r.title,
                r.method,
                r.seats,
                when,
                facts,
                [
                    CandidateLine(
                        c.name,
                        c.yes,
                        c.no,
                        c.abstain,
                        c.other,
                        "当选" if c.elected else (c.note or ("" if c.yes is None else "未当选")),
                    )
                    for c in r.candidates
                ],
                r.rule_text,
                r.scrutineers,
                r.tellers,
                tuple(r.notes),
            )
        )
    out = build_election_results(
        path, session_title=session.title, elections=sheets, institution=institution_name(db)
    )
    return out, len(sheets)


def discussion_minutes_pdf(
    db: sqlite_utils.Database,
    session_id: int,
    path: str | Path,
    *,
    sitting_id: int | None = None,
) -> tuple[Path, int]:
    """All 分组讨论 of a session (or one of them)."""
    from guilin_union.reports.congress.discussion import (
        DiscussionMinutes,
        build_discussion_minutes,
    )

    session = congress.get_session(db, session_id)
    groups = [s for s in sittings.list_sittings(db, session_id) if s.kind == "分组讨论"]
    if sitting_id is not None:
        groups = [s for s in groups if s.id == sitting_id]
        if not groups:
            raise ValidationError("所选场次不是本次会议的分组讨论")
    minutes = []
    for s in groups:
        rows = sittings.sitting_rows(db, s.id)
        summary = sittings.sitting_summary(db, s.id)
        present = [r["name"] for r in rows if r["signin"] == "已签到"]
        leave = [r["name"] for r in rows if r["signin"] == "请假"]
        minutes.append(
            DiscussionMinutes(
                s.title,
                _when(s),
                s.place or "",
                s.convenor or "",
                s.recorder or "",
                f"应到 {summary.expected} 人，实到 {summary.present} 人"
                + (f"，请假 {len(leave)} 人（{'、'.join(leave)}）" if leave else ""),
                "、".join(present),
                s.minutes or "",
            )
        )
    out = build_discussion_minutes(
        path, session_title=session.title, minutes=minutes, institution=institution_name(db)
    )
    return out, len(minutes)
