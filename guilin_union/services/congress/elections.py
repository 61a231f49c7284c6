"""Elections at a congress (选举): 等额 or 差额, seats, candidates, ballots and per-candidate
赞成/反对/弃权/另选他人, with the validity and 当选 rules.

Rules (settings, exact integer arithmetic):

- the election is valid when the returned ballots do not exceed the issued ones and reach
  the quorum fraction (``congress_quorum_*``, default 2/3) of the sitting's 应到;
- valid + invalid ballots = returned; a candidate's 赞成+反对+弃权+另选他人 ≤ valid ballots;
- a candidate is 当选 with 赞成 more than ``congress_pass_numerator/denominator`` (1/2) of the
  base ``congress_election_base`` (default 实到正式代表 of the sitting); in a 差额 election
  with more candidates reaching it than seats, the seats go by votes, and a tie at the last
  seat elects nobody of those tied (they go to another ballot).

>>> # eid = add_election(db, session_id, {"title": "选举工会委员会委员", "method": "差额", "seats": 2,
>>> #        "candidates": ["张三", "李四", "王五"], "sitting_id": 4}).row_id
>>> # record_ballots(db, eid, issued=115, returned=113, valid=112, invalid=1)
>>> # record_candidate_votes(db, eid, {"张三": (90, 10, 12, 0)}); election_result(db, eid).elected
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypedDict, Unpack

import sqlite_utils

from guilin_union.core.congress import ELECTION_BASES, ELECTION_METHODS
from guilin_union.core.dates import parse_date
from guilin_union.core.errors import ValidationError
from guilin_union.core.text import clean_cell_text
from guilin_union.services import congress, settings
from guilin_union.services.changes import Changes, OpResult
from guilin_union.services.common_query import column_values, one_row
from guilin_union.services.congress.rules import motion_passes, quorum_needed, votes_needed
from guilin_union.services.owned_rows import delete_owned
from guilin_union.storage import audit

AREA = congress.AREA

settings.register_defaults(
    {
        "congress_election_base": (
            "实到正式代表",
            "选举当选的基数（实到正式代表 / 应到正式代表 / 有效票），赞成票须超过其半数",
        ),
    }
)


@dataclass
class Candidate:
    id: int
    position: int
    name: str
    member_id: int | None
    yes: int | None
    no: int | None
    abstain: int | None
    other: int | None
    elected: bool = False
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "member_id": self.member_id,
            "赞成": self.yes,
            "反对": self.no,
            "弃权": self.abstain,
            "另选他人": self.other,
            "yes": self.yes,
            "no": self.no,
            "abstain": self.abstain,
            "other": self.other,
            "elected": self.elected,
            "note": self.note,
        }


@dataclass
class ElectionResult:
    id: int
    session_id: int
    sitting_id: int | None
    sitting: str
    title: str
    method: str
    seats: int
    issued: int | None
    returned: int | None
    valid_ballots: int | None
    invalid_ballots: int | None
    scrutineers: str
    tellers: str
    held_on: str | None
    expected: int  # 应到 of the sitting (or session)
    present: int  # 实到
    base_name: str
    base: int
    needed: int  # the smallest 赞成 that elects
    returned_needed: int
    valid: bool | None  # None: ballots not entered yet
    candidates: list[Candidate] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def elected(self) -> list[str]:
        return [c.name for c in self.candidates if c.elected]

    @property
    def rule_text(self) -> str:
        return (
            f"收回选票不多于发出选票且不少于应到正式代表的法定比例（至少 {self.returned_needed} 张），"
            f"选举有效；候选人获得的赞成票超过{self.base_name}（{self.base}）的半数"
            f"（至少 {self.needed} 票）始得当选"
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "session_id": self.session_id,
            "sitting_id": self.sitting_id,
            "sitting": self.sitting,
            "title": self.title,
            "method": self.method,
            "seats": self.seats,
            "ballots": {
                "issued": self.issued,
                "returned": self.returned,
                "valid": self.valid_ballots,
                "invalid": self.invalid_ballots,
            },
            "expected": self.expected,
            "present": self.present,
            "base": self.base_name,
            "base_count": self.base,
            "votes_needed": self.needed,
            "returned_needed": self.returned_needed,
            "valid": self.valid,
            "rule": self.rule_text,
            "candidates": [c.to_json() for c in self.candidates],
            "elected": self.elected,
            "scrutineers": self.scrutineers,
            "tellers": self.tellers,
            "held_on": self.held_on,
            "notes": self.notes,
        }


def _count(value: Any, label: str, *, required: bool = True) -> int | None:
    if value in (None, "") and not required:
        return None
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValidationError(f"{label}必须是不小于 0 的整数", label)
    return value


def _names(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        value = "、".join(str(x) for x in value)
    return clean_cell_text(str(value)) or None


def list_elections(db: sqlite_utils.Database, session_id: int) -> list[int]:
    return column_values(
        db, "SELECT id FROM congress_elections WHERE session_id = ? ORDER BY id", [session_id]
    )


def add_election(db: sqlite_utils.Database, session_id: int, data: Mapping[str, Any]) -> OpResult:
    """A new election with its candidates (names; a name found once among the members is
    linked to the member)."""
    title = clean_cell_text(str(data.get("title") or ""))
    if not title:
        raise ValidationError("请填写选举事项", "title")
    method = data.get("method") or "等额"
    if method not in ELECTION_METHODS:
        raise ValidationError("选举方式应为“等额”或“差额”", "method")
    seats = _count(data.get("seats"), "应选人数")
    assert seats is not None
    if seats < 1:
        raise ValidationError("应选人数至少为 1", "seats")
    names = [
        clean_cell_text(str(n)) for n in data.get("candidates") or [] if clean_cell_text(str(n))
    ]
    if len(set(names)) != len(names):
        raise ValidationError("候选人有重名，请写全以区分", "candidates")
    if method == "等额" and len(names) != seats:
        raise ValidationError(
            f"等额选举的候选人数应等于应选人数 {seats}，现有 {len(names)} 人", "candidates"
        )
    if method == "差额" and len(names) <= seats:
        raise ValidationError(
            f"差额选举的候选人数应多于应选人数 {seats}，现有 {len(names)} 人", "candidates"
        )
    with db.atomic():
        congress.get_session(db, session_id)
        sitting_id = data.get("sitting_id")
        if sitting_id not in (None, ""):
            row = db.execute(
                "SELECT session_id FROM congress_sittings WHERE id = ?", [int(sitting_id)]
            ).fetchone()
            if row is None or row[0] != session_id:
                raise ValidationError("所选场次不属于本次会议", "sitting_id")
            sitting_id = int(sitting_id)
        else:
            sitting_id = None
        held = data.get("held_on")
        election_id = audit.insert(
            db,
            "congress_elections",
            {
                "session_id": session_id,
                "sitting_id": sitting_id,
                "title": title,
                "method": method,
                "seats": seats,
                "ballots_issued": None,
                "ballots_returned": None,
                "ballots_valid": None,
                "ballots_invalid": None,
                "scrutineers": _names(data.get("scrutineers")),
                "tellers": _names(data.get("tellers")),
                "held_on": parse_date(held, field="held_on").isoformat()
                if held not in (None, "")
                else None,
                "notes": clean_cell_text(str(data.get("notes") or "")) or None,
            },
        )
        for position, name in enumerate(names, start=1):
            found = db.execute("SELECT id FROM members WHERE name = ?", [name]).fetchall()
            audit.insert(
                db,
                "congress_election_candidates",
                {
                    "election_id": election_id,
                    "position": position,
                    "name": name,
                    "member_id": found[0][0] if len(found) == 1 else None,
                },
            )
    return OpResult(Changes.of(AREA), election_id)


def update_election(
    db: sqlite_utils.Database, election_id: int, data: Mapping[str, Any]
) -> OpResult:
    """Scrutineers, tellers, date, notes, sitting."""
    allowed = {"scrutineers", "tellers", "held_on", "notes", "title"}
    if set(data) - allowed:
        raise ValidationError("不能在此修改：" + "、".join(sorted(set(data) - allowed)))
    changes: dict[str, Any] = {}
    for key in ("scrutineers", "tellers"):
        if key in data:
            changes[key] = _names(data[key])
    if "held_on" in data:
        changes["held_on"] = (
            parse_date(data["held_on"], field="held_on").isoformat() if data["held_on"] else None
        )
    for key in ("notes", "title"):
        if key in data:
            changes[key] = clean_cell_text(str(data[key] or "")) or None
    with db.atomic():
        _row(db, election_id)
        before = audit.update(db, "congress_elections", election_id, changes)
    return OpResult(Changes.of(AREA), election_id, undo=before)


def delete_election(db: sqlite_utils.Database, election_id: int) -> OpResult:
    with db.atomic():
        _row(db, election_id)
        delete_owned(db, "congress_election_candidates", "election_id = ?", [election_id])
        before = audit.delete(db, "congress_elections", election_id)
    return OpResult(Changes.of(AREA), election_id, undo=before)


def _row(db: sqlite_utils.Database, election_id: int) -> dict[str, Any]:
    return one_row(
        db,
        "SELECT * FROM congress_elections WHERE id = ?",
        [election_id],
        f"选举不存在（编号 {election_id}）",
    )


class Ballots(TypedDict):
    """The ballot counts of an election (the keywords of :func:`record_ballots` and
    :func:`record_count`), as typed: checked by :func:`record_ballots`."""

    issued: Any
    returned: Any
    valid: Any
    invalid: Any


def record_ballots(
    db: sqlite_utils.Database, election_id: int, **ballots: Unpack[Ballots]
) -> OpResult:
    """发出/收回/有效/无效 ballots; valid + invalid must equal returned."""
    counts = [
        _count(v, label)
        for v, label in (
            (ballots["issued"], "发出选票"),
            (ballots["returned"], "收回选票"),
            (ballots["valid"], "有效票"),
            (ballots["invalid"], "无效票"),
        )
    ]
    i, r, v, n = counts
    assert i is not None and r is not None and v is not None and n is not None
    if v + n != r:
        raise ValidationError(f"有效票 {v} 张与无效票 {n} 张之和应等于收回选票 {r} 张", "ballots")
    with db.atomic():
        election = _row(db, election_id)
        expected, _present = _attendance(db, election)
        if expected and i > expected:
            raise ValidationError(
                f"发出选票 {i} 张多于应到正式代表 {expected} 人", "ballots_issued"
            )
        before = audit.update(
            db,
            "congress_elections",
            election_id,
            {"ballots_issued": i, "ballots_returned": r, "ballots_valid": v, "ballots_invalid": n},
        )
    return OpResult(Changes.of(AREA), election_id, undo=before)


def record_candidate_votes(
    db: sqlite_utils.Database,
    election_id: int,
    votes: Mapping[str, Iterable[Any]],
) -> OpResult:
    """``{candidate name: (赞成, 反对, 弃权, 另选他人)}``; each total at most the valid ballots."""
    with db.atomic():
        election = _row(db, election_id)
        valid = election["ballots_valid"]
        if valid is None:
            raise ValidationError("请先录入选票数（发出、收回、有效、无效）", "ballots")
        candidates = {
            r[1]: r[0]
            for r in db.execute(
                "SELECT id, name FROM congress_election_candidates WHERE election_id = ?",
                [election_id],
            )
        }
        for name, values in votes.items():
            if name not in candidates:
                raise ValidationError(f"“{name}”不是本次选举的候选人", "candidate")
            counts = [
                _count(x, label)
                for x, label in zip(values, ("赞成", "反对", "弃权", "另选他人"), strict=True)
            ]
            total = sum(c for c in counts if c is not None)
            if total > valid:
                raise ValidationError(
                    f"{name}的赞成、反对、弃权、另选他人合计 {total} 票，多于有效票 {valid} 张",
                    "votes",
                )
            audit.update(
                db,
                "congress_election_candidates",
                candidates[name],
                {
                    "votes_yes": counts[0],
                    "votes_no": counts[1],
                    "votes_abstain": counts[2],
                    "votes_other": counts[3],
                },
            )
    return OpResult(Changes.of(AREA), election_id)


def _attendance(db: sqlite_utils.Database, election: Mapping[str, Any]) -> tuple[int, int]:
    if election["sitting_id"] is not None:
        from guilin_union.services.congress.sittings import sitting_summary

        s = sitting_summary(db, election["sitting_id"])
    else:
        from guilin_union.services.congress.attendance import attendance_summary

        s = attendance_summary(db, election["session_id"])
    return s.expected, s.present


def election_result(db: sqlite_utils.Database, election_id: int) -> ElectionResult:
    election = _row(db, election_id)
    rule = congress.rules(db)
    base_name = settings.get(db, "congress_election_base") or ELECTION_BASES[0]
    if base_name not in ELECTION_BASES:
        raise ValidationError(
            "选举当选的基数应为：" + "、".join(ELECTION_BASES), "congress_election_base"
        )
    expected, present = _attendance(db, election)
    if base_name == "应到正式代表":
        base = expected
    elif base_name == "有效票":
        base = election["ballots_valid"] or 0
    else:
        base = present
    needed = votes_needed(base, rule.passing.numerator, rule.passing.denominator)
    returned_needed = quorum_needed(expected, rule.quorum.numerator, rule.quorum.denominator)
    sitting = ""
    if election["sitting_id"] is not None:
        row = db.execute(
            "SELECT sitting_date, coalesce(half_day, ''), title FROM congress_sittings WHERE id = ?",
            [election["sitting_id"]],
        ).fetchone()
        sitting = " ".join(x for x in row if x)
    candidates = [
        Candidate(*r)
        for r in db.execute(
            "SELECT id, position, name, member_id, votes_yes, votes_no, votes_abstain, votes_other"
            " FROM congress_election_candidates WHERE election_id = ? ORDER BY position, id",
            [election_id],
        )
    ]
    result = ElectionResult(
        id=election_id,
        session_id=election["session_id"],
        sitting_id=election["sitting_id"],
        sitting=sitting,
        title=election["title"],
        method=election["method"],
        seats=election["seats"],
        issued=election["ballots_issued"],
        returned=election["ballots_returned"],
        valid_ballots=election["ballots_valid"],
        invalid_ballots=election["ballots_invalid"],
        scrutineers=election["scrutineers"] or "",
        tellers=election["tellers"] or "",
        held_on=election["held_on"],
        expected=expected,
        present=present,
        base_name=base_name,
        base=base,
        needed=needed,
        returned_needed=returned_needed,
        valid=None,
        candidates=candidates,
    )
    if result.returned is None or result.issued is None:
        result.notes.append("尚未录入选票数。")
        return result
    result.valid = result.returned <= result.issued and result.returned >= returned_needed
    if result.returned > result.issued:
        result.notes.append(
            f"收回选票 {result.returned} 张多于发出选票 {result.issued} 张，选举无效。"
        )
    elif not result.valid:
        result.notes.append(
            f"收回选票 {result.returned} 张，少于应到正式代表的法定比例 {returned_needed} 张，选举无效。"
        )
    if not result.valid or base <= 0:
        if base <= 0:
            result.notes.append(f"{base_name}为 0，无法确定当选（请先记录签到）。")
        return result
    reaching = [
        c
        for c in candidates
        if c.yes is not None
        and motion_passes(c.yes, base, rule.passing.numerator, rule.passing.denominator)
    ]
    reaching.sort(key=lambda c: -(c.yes or 0))
    if len(reaching) <= result.seats:
        for c in reaching:
            c.elected = True
    else:
        cut = reaching[result.seats - 1].yes or 0
        above = [c for c in reaching if (c.yes or 0) > cut]
        tied = [c for c in reaching if c.yes == cut]
        for c in above:
            c.elected = True
        if len(above) + len(tied) == result.seats:
            for c in tied:
                c.elected = True
        else:
            for c in tied:
                c.note = "得票相等，须就此再次投票"
            result.notes.append(
                "、".join(c.name for c in tied)
                + f"得票相等（{cut} 票），超过剩余名额，须再次投票确定。"
            )
    for c in candidates:
        if c.yes is not None and not c.elected and not c.note:
            c.note = "未过半数" if c not in reaching else "得票较少，未当选"
    if len(result.elected) < result.seats:
        result.notes.append(
            f"应选 {result.seats} 人，当选 {len(result.elected)} 人，缺额可另行选举。"
        )
    return result


def record_count(
    db: sqlite_utils.Database,
    election_id: int,
    *,
    votes: Mapping[str, Iterable[Any]],
    **ballots: Unpack[Ballots],
) -> OpResult:
    """Ballots and every candidate's votes in one step (the 计票 form): all or nothing."""
    with db.atomic():
        record_ballots(db, election_id, **ballots)
        record_candidate_votes(db, election_id, votes)
    return OpResult(Changes.of(AREA), election_id)
