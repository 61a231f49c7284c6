"""Sign-in (签到) and the quorum (法定人数) of a session.

应到 is the number of 正式代表 on the session's date; 实到 those signed in as 出席; 请假 those
excused. The meeting is valid when 实到 / 应到 ≥ the quorum fraction (a setting, 2/3 by
default), decided in integers (:mod:`congress_rules`). 列席/特邀代表 may sign in too, but do
not count towards the quorum.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from guilin_union.core.congress import ATTENDANCE_STATUSES
from guilin_union.core.errors import ValidationError
from guilin_union.core.text import clean_cell_text
from guilin_union.services import congress
from guilin_union.services.changes import Changes, OpResult
from guilin_union.services.congress.delegates import session_delegates
from guilin_union.services.congress.rules import Fraction, quorum_met, quorum_needed
from guilin_union.storage import audit

AREA = congress.AREA


@dataclass(frozen=True)
class AttendanceSummary:
    """The numbers always shown on the session page."""

    session_id: int
    expected: int  # 应到: 正式代表 on the session date
    present: int  # 实到
    on_leave: int  # 请假
    absent: int  # 缺席 (recorded as absent)
    unmarked: int  # not signed in yet
    needed: int  # the smallest 实到 that makes a quorum
    quorum: Fraction
    quorum_met: bool
    others_present: int = 0  # 列席/特邀 who signed in

    @property
    def rule_text(self) -> str:
        return f"出席正式代表不少于全体正式代表的{self.quorum.text}"

    @property
    def status_text(self) -> str:
        """``已达到法定人数（实到 85 人，至少需 80 人）`` or the shortfall."""
        if self.expected == 0:
            return "尚无正式代表"
        if self.quorum_met:
            return f"已达到法定人数（实到 {self.present} 人，至少需 {self.needed} 人）"
        return f"未达到法定人数（实到 {self.present} 人，至少需 {self.needed} 人，还差 {self.needed - self.present} 人）"

    def to_json(self) -> dict[str, Any]:
        """The CLI contract: ``应到``, ``实到``, ``quorum_met`` (plus ASCII aliases)."""
        return {
            "session_id": self.session_id,
            "应到": self.expected,
            "实到": self.present,
            "请假": self.on_leave,
            "缺席": self.absent,
            "未签到": self.unmarked,
            "quorum_met": self.quorum_met,
            "quorum_needed": self.needed,
            "quorum_rule": str(self.quorum),
            "expected": self.expected,
            "present": self.present,
            "on_leave": self.on_leave,
            "absent": self.absent,
            "unmarked": self.unmarked,
            "others_present": self.others_present,
        }


def attendance_rows(
    db: sqlite_utils.Database,
    session_id: int,
    *,
    search: str = "",
    types: Iterable[str] | None = None,
) -> list[dict[str, Any]]:
    """The session's delegates with their sign-in status (``None`` = not signed in)."""
    rows = session_delegates(db, session_id, types=types, search=search)
    marks = {
        r[0]: (r[1], r[2])
        for r in db.execute(
            "SELECT delegate_id, status, note FROM congress_attendance WHERE session_id = ?",
            [session_id],
        )
    }
    for row in rows:
        status, note = marks.get(row["id"], (None, None))
        row["attendance"] = status
        row["attendance_note"] = note
    return rows


def attendance_summary(db: sqlite_utils.Database, session_id: int) -> AttendanceSummary:
    rows = attendance_rows(db, session_id)
    return summarize(session_id, rows, congress.rules(db), "attendance", ("出席", "请假", "缺席"))


def summarize(
    session_id: int,
    rows: Sequence[Mapping[str, Any]],
    rule: congress.CongressRules,
    column: str,
    states: tuple[str, str, str],
) -> AttendanceSummary:
    """应到/实到/请假/缺席 and the quorum from sign-in ``rows`` (a session's or a sitting's):
    ``column`` holds each delegate's state, ``states`` are its (present, on leave, absent)."""
    present_state, leave_state, absent_state = states
    formal = [r for r in rows if r["delegate_type"] == congress.FORMAL]
    expected = len(formal)
    present = sum(1 for r in formal if r[column] == present_state)
    return AttendanceSummary(
        session_id=session_id,
        expected=expected,
        present=present,
        on_leave=sum(1 for r in formal if r[column] == leave_state),
        absent=sum(1 for r in formal if r[column] == absent_state),
        unmarked=sum(1 for r in formal if r[column] is None),
        needed=quorum_needed(expected, rule.quorum.numerator, rule.quorum.denominator),
        quorum=rule.quorum,
        quorum_met=quorum_met(present, expected, rule.quorum.numerator, rule.quorum.denominator),
        others_present=sum(
            1 for r in rows if r["delegate_type"] != congress.FORMAL and r[column] == present_state
        ),
    )


def _check_status(status: str | None) -> None:
    if status is not None and status not in ATTENDANCE_STATUSES:
        raise ValidationError("签到状态应为：" + "、".join(ATTENDANCE_STATUSES), "status")


def _valid_delegates(db: sqlite_utils.Database, session_id: int) -> dict[int, str]:
    return {r["id"]: r["name"] for r in session_delegates(db, session_id)}


def _write(
    db: sqlite_utils.Database,
    session_id: int,
    delegate_id: int,
    status: str | None,
    note: str | None,
) -> bool:
    """Store one delegate's mark for the session (``None`` clears it; a ``None`` note keeps
    the stored one) and keep the default sitting in step. False when nothing changed."""
    row = db.execute(
        "SELECT id, status, note FROM congress_attendance WHERE session_id = ? AND delegate_id = ?",
        [session_id, delegate_id],
    ).fetchone()
    if status is None:
        if not row:
            return False
        audit.delete(db, "congress_attendance", row[0])
    elif row:
        if row[1] == status and (note is None or row[2] == note):
            return False
        changes: dict[str, Any] = {"status": status, "recorded_at": audit.now_iso()}
        if note is not None:
            changes["note"] = note or None
        audit.update(db, "congress_attendance", row[0], changes)
    else:
        audit.insert(
            db,
            "congress_attendance",
            {
                "session_id": session_id,
                "delegate_id": delegate_id,
                "status": status,
                "note": note or None,
                "recorded_at": audit.now_iso(),
            },
        )
    _mirror_default_sitting(db, session_id, delegate_id, status, note)
    return True


def _mirror_default_sitting(
    db: sqlite_utils.Database,
    session_id: int,
    delegate_id: int,
    status: str | None,
    note: str | None,
) -> None:
    """Issue 20: the session's sign-in recorded before sittings existed became its default
    sitting; later session-level marks keep that sitting in step (出席 → 已签到)."""
    sitting = db.execute(
        "SELECT id FROM congress_sittings WHERE session_id = ? AND is_default = 1 LIMIT 1",
        [session_id],
    ).fetchone()
    if sitting is None:
        return
    row = db.execute(
        "SELECT id FROM congress_sitting_attendance WHERE sitting_id = ? AND delegate_id = ?",
        [sitting[0], delegate_id],
    ).fetchone()
    if status is None:
        if row:
            audit.delete(db, "congress_sitting_attendance", row[0])
        return
    values: dict[str, Any] = {
        "status": "已签到" if status == "出席" else status,
        "recorded_at": audit.now_iso(),
    }
    if note is not None:
        values["note"] = note or None
    if row:
        audit.update(db, "congress_sitting_attendance", row[0], values)
    else:
        audit.insert(
            db,
            "congress_sitting_attendance",
            {"sitting_id": sitting[0], "delegate_id": delegate_id, "note": None, **values},
        )


def set_attendance(
    db: sqlite_utils.Database,
    session_id: int,
    delegate_id: int,
    status: str | None,
    *,
    note: str | None = None,
) -> OpResult:
    """Record 出席/请假/缺席 for one delegate (``None`` clears the mark)."""
    _check_status(status)
    note = clean_cell_text(note) if note else note
    with db.atomic():
        valid = _valid_delegates(db, session_id)
        if delegate_id not in valid:
            raise ValidationError("此人在会议当天不是本届代表，不能签到", "delegate")
        _write(db, session_id, delegate_id, status, note)
    return OpResult(Changes.of(AREA), delegate_id)


def set_attendance_many(
    db: sqlite_utils.Database, session_id: int, delegate_ids: Iterable[int], status: str | None
) -> OpResult:
    """Mark several delegates at once (all or none). ``row_id`` is the number changed."""
    _check_status(status)
    ids = list(dict.fromkeys(delegate_ids))
    with db.atomic():
        valid = _valid_delegates(db, session_id)
        wrong = [i for i in ids if i not in valid]
        if wrong:
            raise ValidationError(f"有 {len(wrong)} 人在会议当天不是本届代表，不能签到", "delegate")
        changed = sum(1 for i in ids if _write(db, session_id, i, status, None))
    return OpResult(Changes.of(AREA), changed)


def mark_unmarked_present(db: sqlite_utils.Database, session_id: int) -> OpResult:
    """Everyone not yet marked becomes 出席 (the usual case: then untick the few absent)."""
    rows = attendance_rows(db, session_id)
    return set_attendance_many(
        db, session_id, [r["id"] for r in rows if r["attendance"] is None], "出席"
    )
