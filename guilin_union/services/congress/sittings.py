"""Sittings of a session (预备会议, 正式会议 by day or half-day, 主席团会议, 分组讨论), each with
its own sign-in, 应到/实到 and quorum; the 主席团 of a session; motions voted at a sitting.

应到 of a sitting: the 正式代表 on the sitting's date — of one delegation for a 分组讨论 that
names one, the 主席团 members for a 主席团会议. The quorum rule is the session's
(``congress_quorum_*`` settings). Session sign-in recorded before sittings existed was copied
into one default sitting by the migration ``congress_0002_sittings_elections``.

>>> # sid = add_sitting(db, session_id, {"kind": "正式会议", "sitting_date": "2024-03-15", "half_day": "上午"}).row_id
>>> # sign_in(db, sid, delegate_id, "已签到"); sitting_summary(db, sid).quorum_met
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from guilin_union.core.congress import HALF_DAYS, PRESIDIUM_ROLES, SIGNIN_STATES, SITTING_KINDS
from guilin_union.core.dates import parse_date
from guilin_union.core.errors import ConflictError, NotFoundError, ValidationError
from guilin_union.core.text import clean_cell_text
from guilin_union.services import congress
from guilin_union.services.changes import Changes, OpResult
from guilin_union.services.congress.attendance import AttendanceSummary, summarize
from guilin_union.services.congress.delegates import delegates_on
from guilin_union.services.owned_rows import delete_owned
from guilin_union.storage import audit

AREA = congress.AREA
FIELDS = (
    "kind",
    "title",
    "sitting_date",
    "half_day",
    "start_time",
    "place",
    "delegation_id",
    "convenor",
    "recorder",
    "minutes",
    "notes",
)


@dataclass(frozen=True)
class Sitting:
    id: int
    session_id: int
    kind: str
    title: str
    sitting_date: str
    half_day: str | None
    start_time: str | None
    place: str | None
    position: int
    delegation_id: int | None
    convenor: str | None
    recorder: str | None
    minutes: str | None
    is_default: bool
    notes: str | None
    delegation: str | None = None

    @property
    def label(self) -> str:
        """``2024-03-15 上午 正式会议``."""
        return " ".join(x for x in (self.sitting_date, self.half_day or "", self.title) if x)


_SELECT = (
    "SELECT s.id, s.session_id, s.kind, s.title, s.sitting_date, s.half_day, s.start_time, s.place,"
    " s.position, s.delegation_id, s.convenor, s.recorder, s.minutes, s.is_default, s.notes, g.name"
    " FROM congress_sittings s LEFT JOIN congress_delegations g ON g.id = s.delegation_id"
)


def _sitting(row: Iterable[Any]) -> Sitting:
    r = list(row)
    r[13] = bool(r[13])
    return Sitting(*r)


def list_sittings(db: sqlite_utils.Database, session_id: int) -> list[Sitting]:
    return [
        _sitting(r)
        for r in db.execute(
            _SELECT + " WHERE s.session_id = ?"
            " ORDER BY s.sitting_date, CASE s.half_day WHEN '上午' THEN 1 WHEN '下午' THEN 2"
            " WHEN '晚上' THEN 3 ELSE 0 END, s.position, s.id",
            [session_id],
        )
    ]


def get_sitting(db: sqlite_utils.Database, sitting_id: int) -> Sitting:
    row = db.execute(_SELECT + " WHERE s.id = ?", [sitting_id]).fetchone()
    if row is None:
        raise NotFoundError(f"会议场次不存在（编号 {sitting_id}）")
    return _sitting(row)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    lines = str(value).replace("\r\n", "\n").split("\n")
    text = "\n".join(clean_cell_text(x) for x in lines).strip()
    return text or None


def _clean(
    db: sqlite_utils.Database, session: congress.Session, data: Mapping[str, Any]
) -> dict[str, Any]:
    unknown = set(data) - set(FIELDS)
    if unknown:
        raise ValidationError("不能在此修改：" + "、".join(sorted(unknown)))
    kind = data.get("kind") or "正式会议"
    if kind not in SITTING_KINDS:
        raise ValidationError("场次类型应为：" + "、".join(SITTING_KINDS), "kind")
    if data.get("sitting_date") in (None, ""):
        raise ValidationError("请填写场次日期", "sitting_date")
    day = parse_date(data["sitting_date"], field="sitting_date").isoformat()
    half = data.get("half_day") or None
    if half is not None and half not in HALF_DAYS:
        raise ValidationError("时段应为：" + "、".join(HALF_DAYS), "half_day")
    delegation_id = data.get("delegation_id")
    if delegation_id not in (None, ""):
        row = db.execute(
            "SELECT term_id FROM congress_delegations WHERE id = ?", [int(delegation_id)]
        ).fetchone()
        if row is None or row[0] != session.term_id:
            raise ValidationError("代表团不属于本届", "delegation_id")
        delegation_id = int(delegation_id)
    else:
        delegation_id = None
    title = _text(data.get("title")) or (
        f"分组讨论（{db.execute('SELECT name FROM congress_delegations WHERE id = ?', [delegation_id]).fetchone()[0]}）"
        if kind == "分组讨论" and delegation_id
        else kind
    )
    return {
        "kind": kind,
        "title": title,
        "sitting_date": day,
        "half_day": half,
        "start_time": _text(data.get("start_time")),
        "place": _text(data.get("place")) or session.venue,
        "delegation_id": delegation_id,
        "convenor": _text(data.get("convenor")),
        "recorder": _text(data.get("recorder")),
        "minutes": _text(data.get("minutes")),
        "notes": _text(data.get("notes")),
    }


def add_sitting(db: sqlite_utils.Database, session_id: int, data: Mapping[str, Any]) -> OpResult:
    with db.atomic():
        session = congress.get_session(db, session_id)
        row = _clean(db, session, data)
        position = db.execute(
            "SELECT coalesce(max(position), 0) + 1 FROM congress_sittings WHERE session_id = ?",
            [session_id],
        ).fetchone()[0]
        row_id = audit.insert(
            db,
            "congress_sittings",
            {"session_id": session_id, **row, "position": position, "is_default": 0},
        )
    return OpResult(Changes.of(AREA), row_id)


def update_sitting(db: sqlite_utils.Database, sitting_id: int, data: Mapping[str, Any]) -> OpResult:
    with db.atomic():
        current = get_sitting(db, sitting_id)
        session = congress.get_session(db, current.session_id)
        merged = {k: getattr(current, k) for k in FIELDS}
        merged.update(data)
        row = _clean(db, session, merged)
        before = audit.update(db, "congress_sittings", sitting_id, row)
    return OpResult(Changes.of(AREA), sitting_id, undo=before)


def delete_sitting(db: sqlite_utils.Database, sitting_id: int) -> OpResult:
    """Delete a sitting with its sign-in; refused while votes or elections belong to it."""
    with db.atomic():
        current = get_sitting(db, sitting_id)
        for table in ("congress_motions", "congress_elections"):
            if db.execute(f"SELECT 1 FROM {table} WHERE sitting_id = ?", [sitting_id]).fetchone():
                raise ConflictError(f"“{current.title}”已有表决或选举，不能删除。")
        note = f"随场次“{current.title}”删除"
        delete_owned(db, "congress_sitting_attendance", "sitting_id = ?", [sitting_id], note=note)
        before = audit.delete(db, "congress_sittings", sitting_id)
    return OpResult(Changes.of(AREA), sitting_id, undo=before)


def standard_sittings(db: sqlite_utils.Database, session_id: int) -> OpResult:
    """预备会议 and one 正式会议 per half-day of the session (上午/下午), when it has none."""
    with db.atomic():
        session = congress.get_session(db, session_id)
        if list_sittings(db, session_id):
            raise ConflictError("本次会议已有场次")
        start = _dt.date.fromisoformat(session.start_date)
        end = _dt.date.fromisoformat(session.end_date or session.start_date)
        add_sitting(db, session_id, {"kind": "预备会议", "sitting_date": start, "half_day": "上午"})
        days = (end - start).days + 1
        n = 0
        for i in range(days):
            day = start + _dt.timedelta(days=i)
            for half in ("上午", "下午"):
                n += 1
                add_sitting(
                    db,
                    session_id,
                    {
                        "kind": "正式会议",
                        "title": f"第{n}次全体会议" if days > 1 or n > 1 else "全体会议",
                        "sitting_date": day,
                        "half_day": half,
                    },
                )
    return OpResult(Changes.of(AREA), n + 1)


# --------------------------------------------------------------------------- 主席团


def list_presidium(db: sqlite_utils.Database, session_id: int) -> list[dict[str, Any]]:
    return list(
        db.query(
            "SELECT p.id, p.member_id, m.name, p.role, p.position FROM congress_presidium p"
            " JOIN members m ON m.id = p.member_id WHERE p.session_id = ?"
            " ORDER BY CASE p.role WHEN '常务主席' THEN 0 WHEN '秘书长' THEN 1 ELSE 2 END,"
            " p.position, m.name_pinyin",
            [session_id],
        )
    )


def set_presidium(
    db: sqlite_utils.Database, session_id: int, members: Iterable[tuple[int, str]]
) -> OpResult:
    """Replace the 主席团 of a session: ``[(member_id, role)]`` in order."""
    members = list(members)
    ids = [int(m) for m, _r in members]
    if len(set(ids)) != len(ids):
        raise ValidationError("主席团成员有重复", "presidium")
    for _m, role in members:
        if role not in PRESIDIUM_ROLES:
            raise ValidationError("主席团职务应为：" + "、".join(PRESIDIUM_ROLES), "role")
    with db.atomic():
        congress.get_session(db, session_id)
        delete_owned(db, "congress_presidium", "session_id = ?", [session_id])
        for position, (member_id, role) in enumerate(members, start=1):
            if db.execute("SELECT 1 FROM members WHERE id = ?", [member_id]).fetchone() is None:
                raise ValidationError("主席团成员不在会员名册中", "presidium")
            audit.insert(
                db,
                "congress_presidium",
                {
                    "session_id": session_id,
                    "member_id": int(member_id),
                    "role": role,
                    "position": position,
                },
            )
    return OpResult(Changes.of(AREA), len(members))


def presidium_text(db: sqlite_utils.Database, session_id: int) -> str:
    """``常务主席：张三、李四；秘书长：王五；成员：……`` for the agenda."""
    groups: dict[str, list[str]] = {}
    for row in list_presidium(db, session_id):
        groups.setdefault(row["role"], []).append(row["name"])
    return "；".join(f"{role}：{'、'.join(names)}" for role, names in groups.items())


# --------------------------------------------------------------------------- sign-in


def sitting_rows(db: sqlite_utils.Database, sitting_id: int) -> list[dict[str, Any]]:
    """The people of a sitting with their sign-in (``signin`` None = not yet):
    delegates on the sitting's date (one delegation for a group discussion, the 主席团 for a
    主席团会议)."""
    s = get_sitting(db, sitting_id)
    session = congress.get_session(db, s.session_id)
    rows = delegates_on(db, session.term_id, s.sitting_date)
    if s.delegation_id is not None:
        rows = [r for r in rows if r["delegation_id"] == s.delegation_id]
    if s.kind == "主席团会议":
        members = {r["member_id"] for r in list_presidium(db, s.session_id)}
        rows = [r for r in rows if r["member_id"] in members]
    marks = {
        r[0]: (r[1], r[2])
        for r in db.execute(
            "SELECT delegate_id, status, note FROM congress_sitting_attendance WHERE sitting_id = ?",
            [sitting_id],
        )
    }
    for row in rows:
        row["signin"], row["signin_note"] = marks.get(row["id"], (None, None))
    return rows


def sitting_summary(db: sqlite_utils.Database, sitting_id: int) -> AttendanceSummary:
    """应到/实到/请假/缺席 and the quorum of one sitting (same shape as a session's)."""
    s = get_sitting(db, sitting_id)
    rows = sitting_rows(db, sitting_id)
    return summarize(s.session_id, rows, congress.rules(db), "signin", ("已签到", "请假", "缺席"))


def sitting_json(db: sqlite_utils.Database, s: Sitting) -> dict[str, Any]:
    """``congress sittings --json``: one sitting with 应到/实到/quorum."""
    summary = sitting_summary(db, s.id)
    return {
        "id": s.id,
        "session_id": s.session_id,
        "kind": s.kind,
        "title": s.title,
        "date": s.sitting_date,
        "half_day": s.half_day,
        "start_time": s.start_time,
        "place": s.place,
        "delegation": s.delegation,
        "convenor": s.convenor,
        "recorder": s.recorder,
        "is_default": s.is_default,
        "应到": summary.expected,
        "实到": summary.present,
        "请假": summary.on_leave,
        "缺席": summary.absent,
        "未签到": summary.unmarked,
        "expected": summary.expected,
        "present": summary.present,
        "quorum_needed": summary.needed,
        "quorum_met": summary.quorum_met,
        "quorum_rule": str(summary.quorum),
        "others_present": summary.others_present,
    }


def sign_in(
    db: sqlite_utils.Database,
    sitting_id: int,
    delegate_id: int,
    state: str | None,
    *,
    note: str | None = None,
) -> OpResult:
    """Record 已签到 / 请假 / 缺席 (``None`` clears it) for one delegate at one sitting."""
    if state is not None and state not in SIGNIN_STATES:
        raise ValidationError("签到状态应为：" + "、".join(SIGNIN_STATES), "state")
    with db.atomic():
        s = get_sitting(db, sitting_id)
        people = {r["id"]: r["name"] for r in sitting_rows(db, sitting_id)}
        if delegate_id not in people:
            raise ValidationError(
                f"代表（编号 {delegate_id}）不是“{s.title}”（{s.sitting_date}）的参会代表",
                "delegate",
            )
        row = db.execute(
            "SELECT id FROM congress_sitting_attendance WHERE sitting_id = ? AND delegate_id = ?",
            [sitting_id, delegate_id],
        ).fetchone()
        if state is None:
            if row:
                audit.delete(db, "congress_sitting_attendance", row[0])
            return OpResult(Changes.of(AREA), row[0] if row else None)
        values = {"status": state, "note": _text(note), "recorded_at": audit.now_iso()}
        if row:
            audit.update(db, "congress_sitting_attendance", row[0], values)
            row_id = row[0]
        else:
            row_id = audit.insert(
                db,
                "congress_sitting_attendance",
                {"sitting_id": sitting_id, "delegate_id": delegate_id, **values},
            )
    return OpResult(Changes.of(AREA), row_id)


def sign_in_many(
    db: sqlite_utils.Database, sitting_id: int, marks: Mapping[int, str | None]
) -> OpResult:
    with db.atomic():
        for delegate_id, state in marks.items():
            sign_in(db, sitting_id, delegate_id, state)
    return OpResult(Changes.of(AREA), len(marks))


# --------------------------------------------------------------------------- votes at a sitting


def sitting_motions(db: sqlite_utils.Database, sitting_id: int) -> list[dict[str, Any]]:
    """Motions voted at a sitting, evaluated against the sitting's own 应到/实到."""
    from guilin_union.services.congress.votes import evaluate, get_motion

    summary = sitting_summary(db, sitting_id)
    rule = congress.rules(db)
    result = []
    for (motion_id,) in db.execute(
        "SELECT id FROM congress_motions WHERE sitting_id = ? ORDER BY position, id", [sitting_id]
    ).fetchall():
        r = evaluate(get_motion(db, motion_id), summary, rule)
        result.append(
            {
                "id": motion_id,
                "sitting_id": sitting_id,
                "title": r.motion.title,
                "kind": r.motion.kind,
                **r.votes_json(),
            }
        )
    return result


def vote_at_sitting(
    db: sqlite_utils.Database,
    sitting_id: int,
    *,
    title: str | None = None,
    motion_id: int | None = None,
    yes: Any,
    no: Any,
    abstain: Any,
    kind: str = "决议",
    on: Any = None,
) -> OpResult:
    """Record a vote at a sitting: a new motion (``title``) or an existing one of the session
    (``motion_id``), which then belongs to the sitting."""
    from guilin_union.services.congress import votes as congress_votes

    with db.atomic():
        s = get_sitting(db, sitting_id)
        if motion_id is None:
            if not title:
                raise ValidationError("请填写表决事项或选择已有的表决事项", "title")
            new_id = congress_votes.add_motion(db, s.session_id, title, kind=kind).row_id
            assert new_id is not None
            motion_id = new_id
        elif congress_votes.get_motion(db, motion_id).session_id != s.session_id:
            raise ValidationError("表决事项不属于本次会议", "motion")
        audit.update(db, "congress_motions", motion_id, {"sitting_id": sitting_id})
        congress_votes.record_votes(
            db, motion_id, yes=yes, no=no, abstain=abstain, voted_on=on or s.sitting_date
        )
    return OpResult(Changes.of(AREA), motion_id)


def add_to_presidium(
    db: sqlite_utils.Database,
    session_id: int,
    member_ids: list[int],
    *,
    chairs: Iterable[str] = (),
) -> OpResult:
    """Add members to the 主席团 (those already in it keep their place and role); members
    named in ``chairs`` become 常务主席."""
    chair_names = {clean_cell_text(n) for n in chairs if clean_cell_text(n)}
    current = [(r["member_id"], r["role"], r["name"]) for r in list_presidium(db, session_id)]
    known = {m for m, _r, _n in current}
    names = dict(
        db.execute(
            f"SELECT id, name FROM members WHERE id IN ({','.join('?' for _ in member_ids) or 'NULL'})",
            list(member_ids),
        ).fetchall()
    )
    merged = [(m, "常务主席" if n in chair_names else r) for m, r, n in current]
    for member_id in member_ids:
        if member_id not in known and member_id in names:
            known.add(member_id)
            merged.append((member_id, "常务主席" if names[member_id] in chair_names else "成员"))
    return set_presidium(db, session_id, merged)
