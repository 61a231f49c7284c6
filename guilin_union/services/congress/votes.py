"""表决: motions put to the vote, their counts and the computed result.

The pass rule is a setting: 同意 must be MORE than a fraction (1/2) of a base, and the base is
ALL 正式代表 of the session (默认) or those present. 未投 = 应到 − (同意 + 反对 + 弃权).

>>> # mid = add_motion(db, session_id, "通过工会工作报告").row_id
>>> # record_votes(db, mid, yes=61, no=10, abstain=5)
>>> # motion_results(db, session_id)[0].result_text
>>> # '通过'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from guilin_union.core.congress import MOTION_KINDS
from guilin_union.core.dates import parse_date
from guilin_union.core.errors import NotFoundError, ValidationError
from guilin_union.core.text import clean_cell_text
from guilin_union.services import congress
from guilin_union.services.changes import Changes, OpResult
from guilin_union.services.congress.attendance import AttendanceSummary, attendance_summary
from guilin_union.services.congress.rules import motion_passes, votes_needed
from guilin_union.services.ordering import move_row
from guilin_union.services.row_undo import delete_row, removable, restorable
from guilin_union.storage import audit

AREA = congress.AREA
STANDARD_MOTIONS = (
    "通过学校工作报告",
    "通过财务工作报告",
    "通过工会工作报告",
    "通过提案工作报告",
    "通过大会决议",
)


@dataclass(frozen=True)
class Motion:
    id: int
    session_id: int
    position: int
    title: str
    kind: str
    votes_yes: int | None
    votes_no: int | None
    votes_abstain: int | None
    voted_on: str | None
    notes: str | None

    @property
    def voted(self) -> bool:
        return self.votes_yes is not None


@dataclass(frozen=True)
class MotionResult:
    motion: Motion
    expected: int  # 应到 (all 正式代表)
    base: int  # what the pass fraction is taken of
    needed: int  # smallest 同意 that passes
    not_voted: int | None
    passed: bool | None  # None: not voted yet
    warnings: tuple[str, ...] = ()

    @property
    def result_text(self) -> str:
        if self.passed is None:
            return "待表决"
        return "通过" if self.passed else "未通过"

    def votes_json(self) -> dict[str, Any]:
        """The votes and the outcome, as the ``--json`` outputs list them after the motion."""
        return {
            "yes": self.motion.votes_yes,
            "no": self.motion.votes_no,
            "abstain": self.motion.votes_abstain,
            "not_voted": self.not_voted,
            "needed": self.needed,
            "passed": self.passed,
            "result": self.result_text,
        }


@dataclass
class VoteSummary:
    session: congress.Session
    attendance: AttendanceSummary
    results: list[MotionResult]
    rule_text: str
    notes: list[str] = field(default_factory=list)

    @property
    def passed(self) -> int:
        return sum(1 for r in self.results if r.passed)

    @property
    def failed(self) -> int:
        return sum(1 for r in self.results if r.passed is False)

    @property
    def pending(self) -> int:
        return sum(1 for r in self.results if r.passed is None)


def list_motions(db: sqlite_utils.Database, session_id: int) -> list[Motion]:
    sql = (
        "SELECT id, session_id, position, title, kind, votes_yes, votes_no, votes_abstain, voted_on, notes"
        " FROM congress_motions WHERE session_id = ? ORDER BY position, id"
    )
    return [Motion(*r) for r in db.execute(sql, [session_id])]


def get_motion(db: sqlite_utils.Database, motion_id: int) -> Motion:
    row = db.execute(
        "SELECT id, session_id, position, title, kind, votes_yes, votes_no, votes_abstain, voted_on, notes"
        " FROM congress_motions WHERE id = ?",
        [motion_id],
    ).fetchone()
    if row is None:
        raise NotFoundError("表决事项不存在（可能已被删除）")
    return Motion(*row)


def _title(value: Any) -> str:
    text = clean_cell_text(str(value or ""))
    if not text:
        raise ValidationError("表决事项不能为空", "title")
    return text


def _kind(value: Any) -> str:
    kind = value or "决议"
    if kind not in MOTION_KINDS:
        raise ValidationError("表决类型应为：" + "、".join(MOTION_KINDS), "kind")
    return kind


def add_motion(
    db: sqlite_utils.Database,
    session_id: int,
    title: str,
    *,
    kind: str = "决议",
    notes: str | None = None,
) -> OpResult:
    with db.atomic():
        congress.get_session(db, session_id)
        position = db.execute(
            "SELECT coalesce(max(position), 0) + 1 FROM congress_motions WHERE session_id = ?",
            [session_id],
        ).fetchone()[0]
        row_id = audit.insert(
            db,
            "congress_motions",
            {
                "session_id": session_id,
                "position": position,
                "title": _title(title),
                "kind": _kind(kind),
                "votes_yes": None,
                "votes_no": None,
                "votes_abstain": None,
                "voted_on": None,
                "notes": clean_cell_text(notes or "") or None,
            },
        )
    return removable("congress_motions", row_id, Changes.of(AREA))


def add_standard_motions(db: sqlite_utils.Database, session_id: int) -> OpResult:
    """The usual motions of a meeting (those already present are not added twice)."""
    with db.atomic():
        existing = {m.title for m in list_motions(db, session_id)}
        added = 0
        for title in STANDARD_MOTIONS:
            if title not in existing:
                add_motion(db, session_id, title)
                added += 1
    return OpResult(Changes.of(AREA), added)


def update_motion(db: sqlite_utils.Database, motion_id: int, data: Mapping[str, Any]) -> OpResult:
    allowed = {"title", "kind", "notes"}
    if set(data) - allowed:
        raise ValidationError("不能在此修改：" + "、".join(sorted(set(data) - allowed)))
    with db.atomic():
        get_motion(db, motion_id)
        changes: dict[str, Any] = {}
        if "title" in data:
            changes["title"] = _title(data["title"])
        if "kind" in data:
            changes["kind"] = _kind(data["kind"])
        if "notes" in data:
            changes["notes"] = clean_cell_text(data["notes"] or "") or None
        before = audit.update(db, "congress_motions", motion_id, changes)
    return restorable("congress_motions", before, Changes.of(AREA), undo=before)


def save_motion(
    db: sqlite_utils.Database,
    session_id: int,
    motion_id: int | None,
    values: Mapping[str, Any],
) -> OpResult:
    """What the motion dialog saves: title, kind, notes and (when ``voted``) the counts, in
    one transaction. Adding: the inverse deletes the motion; editing: it writes the whole
    previous row back."""
    with db.atomic():
        if motion_id is None:
            added = add_motion(
                db, session_id, values["title"], kind=values["kind"], notes=values["notes"]
            )
            row_id = int(added.row_id or 0)
            before = None
        else:
            row_id = motion_id
            before = audit.get_row(db, "congress_motions", motion_id)
            update_motion(db, motion_id, {k: values[k] for k in ("title", "kind", "notes")})
        if values["voted"]:
            record_votes(
                db,
                row_id,
                yes=values["yes"],
                no=values["no"],
                abstain=values["abstain"],
                voted_on=values["voted_on"],
            )
        elif before is not None and before["votes_yes"] is not None:
            clear_votes(db, row_id)
    if before is None:
        return removable("congress_motions", row_id, Changes.of(AREA))
    return restorable("congress_motions", before, Changes.of(AREA))


def _count(value: Any, label: str) -> int:
    if isinstance(value, bool):
        raise ValidationError(f"{label}票数必须是整数", label)
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if not isinstance(value, int) or value < 0:
        raise ValidationError(f"{label}票数必须是不小于 0 的整数", label)
    return value


def record_votes(
    db: sqlite_utils.Database,
    motion_id: int,
    *,
    yes: Any,
    no: Any,
    abstain: Any,
    voted_on: Any = None,
) -> OpResult:
    """Store the counts. More votes than 正式代表 is impossible and refused."""
    counts = (_count(yes, "同意"), _count(no, "反对"), _count(abstain, "弃权"))
    with db.atomic():
        motion = get_motion(db, motion_id)
        summary = attendance_summary(db, motion.session_id)
        if sum(counts) > summary.expected:
            raise ValidationError(
                f"同意、反对、弃权合计 {sum(counts)} 票，超过正式代表人数 {summary.expected} 人",
                "votes",
            )
        day = (
            parse_date(voted_on, field="voted_on").isoformat()
            if voted_on not in (None, "")
            else congress.get_session(db, motion.session_id).start_date
        )
        before = audit.update(
            db,
            "congress_motions",
            motion_id,
            {
                "votes_yes": counts[0],
                "votes_no": counts[1],
                "votes_abstain": counts[2],
                "voted_on": day,
            },
        )
    return restorable("congress_motions", before, Changes.of(AREA), undo=before)


def clear_votes(db: sqlite_utils.Database, motion_id: int) -> OpResult:
    with db.atomic():
        get_motion(db, motion_id)
        before = audit.update(
            db,
            "congress_motions",
            motion_id,
            {"votes_yes": None, "votes_no": None, "votes_abstain": None, "voted_on": None},
        )
    return restorable("congress_motions", before, Changes.of(AREA), undo=before)


def delete_motion(db: sqlite_utils.Database, motion_id: int) -> OpResult:
    """Delete one motion; the result's ``inverse`` puts it back with its id."""
    get_motion(db, motion_id)
    return delete_row(db, "congress_motions", motion_id, Changes.of(AREA), missing="表决事项不存在")


def move_motion(db: sqlite_utils.Database, motion_id: int, delta: int) -> OpResult:
    with db.atomic():
        motion = get_motion(db, motion_id)
        ids = [m.id for m in list_motions(db, motion.session_id)]
        move_row(db, "congress_motions", ids, motion_id, delta)
    return OpResult(Changes.of(AREA), motion_id)


def evaluate(
    motion: Motion, attendance: AttendanceSummary, rule: congress.CongressRules
) -> MotionResult:
    """The result of one motion under the rules (pure: no database access)."""
    base = attendance.expected if rule.pass_base == congress.PASS_BASES[0] else attendance.present
    needed = votes_needed(base, rule.passing.numerator, rule.passing.denominator)
    if not motion.voted:
        return MotionResult(motion, attendance.expected, base, needed, None, None)
    cast = (motion.votes_yes or 0) + (motion.votes_no or 0) + (motion.votes_abstain or 0)
    warnings = []
    if attendance.present and cast > attendance.present:
        warnings.append(
            f"投票合计 {cast} 票多于实到正式代表 {attendance.present} 人，请核对签到或计票"
        )
    passed = motion_passes(
        motion.votes_yes or 0, base, rule.passing.numerator, rule.passing.denominator
    )
    return MotionResult(
        motion,
        attendance.expected,
        base,
        needed,
        max(attendance.expected - cast, 0),
        passed,
        tuple(warnings),
    )


def motion_results(db: sqlite_utils.Database, session_id: int) -> list[MotionResult]:
    rule = congress.rules(db)
    attendance = attendance_summary(db, session_id)
    return [
        evaluate(m, _attendance_for(db, m, attendance), rule) for m in list_motions(db, session_id)
    ]


def _attendance_for(
    db: sqlite_utils.Database, motion: Motion, session_attendance: AttendanceSummary
) -> AttendanceSummary:
    """A motion voted at a sitting (issue 20) is judged on that sitting's 应到/实到."""
    row = db.execute("SELECT sitting_id FROM congress_motions WHERE id = ?", [motion.id]).fetchone()
    if row is None or row[0] is None:
        return session_attendance
    from guilin_union.services.congress.sittings import sitting_summary

    return sitting_summary(db, row[0])


def vote_summary(db: sqlite_utils.Database, session_id: int) -> VoteSummary:
    """Everything the 表决结果 printout and the 表决 page show."""
    rule = congress.rules(db)
    session = congress.get_session(db, session_id)
    attendance = attendance_summary(db, session_id)
    results = [
        evaluate(m, _attendance_for(db, m, attendance), rule) for m in list_motions(db, session_id)
    ]
    summary = VoteSummary(session, attendance, results, rule.pass_text)
    if not attendance.quorum_met and attendance.expected:
        summary.notes.append(f"注意：本次会议{attendance.status_text}。")
    if session.quorum_override_reason:
        summary.notes.append(f"未达法定人数开会的原因：{session.quorum_override_reason}")
    return summary
