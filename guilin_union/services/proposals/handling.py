"""Handling of accepted proposals: 交办 → 答复 → 评价, round after round.

A round holds one 主办单位, any 协办单位, the assignment date, the reply deadline (the
session's default, changeable), the reply and its outcome (已落实 / 正在落实 / 未能落实 — the
last one needs a reason), and the proposer's rating. 满意 or 基本满意 finishes the proposal;
不满意 opens the next round with the same departments, and every round is kept.

>>> # assign(db, pid, lead_department_id=3, co_department_ids=[5], on="2024-03-25")
>>> # reply(db, pid, text="已增设……", on="2024-05-10", outcome="已落实")
>>> # rate(db, pid, rating="不满意", on="2024-05-20", note="未解决夜间照明")  # → round 2

Every outcome is handled (issue 20): a 转意见建议 item and a 不立案 proposal can be handed to
departments, answered and rated exactly like an accepted one. Their status stays
``转意见建议`` / ``不立案`` (the review result is what the report counts); their handling
state (待交办 → 办理中 → 已答复 → 已办结) is read from the rounds (:func:`handling_state`).
Their default deadline is the assignment date plus the outcome's setting
(``proposal_suggestion_reply_days`` / ``proposal_rejected_reply_days``); the reply outcome
(已落实…) is optional for them.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from guilin_union.core.dates import parse_date
from guilin_union.core.errors import ConflictError, NotFoundError, ValidationError
from guilin_union.core.proposals import OUTCOMES, RATINGS
from guilin_union.services import congress
from guilin_union.services.changes import OpResult
from guilin_union.services.owned_rows import delete_owned
from guilin_union.services.proposals import (
    CHANGES,
    OPEN_ROUND,
    Proposal,
    _event,
    _long_text,
    _remark,
    _text,
    get_proposal,
    rules,
)
from guilin_union.storage import audit


@dataclass
class Round:
    id: int
    proposal_id: int
    round_no: int
    lead_department_id: int
    lead_department: str
    assigned_on: str
    reply_deadline: str
    reply_text: str | None
    reply_date: str | None
    outcome: str | None
    outcome_reason: str | None
    rating: str | None
    rating_date: str | None
    rating_note: str | None
    co_departments: list[tuple[int, str]] = field(default_factory=list)

    @property
    def co_text(self) -> str:
        return "、".join(name for _id, name in self.co_departments)

    def overdue(self, today: _dt.date | None = None) -> bool:
        """Past the deadline with no reply."""
        today = today or _dt.date.today()
        return self.reply_date is None and self.reply_deadline < today.isoformat()


def _move(
    db: sqlite_utils.Database, p: Proposal, status: str, action: str, day: str, note: str | None
) -> None:
    """Set the proposal's status and record the event that moved it there from ``p.status``."""
    audit.update(db, "proposals", p.id, {"status": status, "updated_at": audit.now_iso()})
    _event(db, p.id, action, day, from_status=p.status, to_status=status, note=note)


def rounds(db: sqlite_utils.Database, proposal_id: int) -> list[Round]:
    """Every round of handling, first to last."""
    result = [
        Round(*r)
        for r in db.execute(
            "SELECT r.id, r.proposal_id, r.round_no, r.lead_department_id, d.name, r.assigned_on, r.reply_deadline,"
            " r.reply_text, r.reply_date, r.outcome, r.outcome_reason, r.rating, r.rating_date, r.rating_note"
            " FROM proposal_rounds r JOIN proposal_departments d ON d.id = r.lead_department_id"
            " WHERE r.proposal_id = ? ORDER BY r.round_no",
            [proposal_id],
        )
    ]
    for r in result:
        r.co_departments = [
            tuple(x)
            for x in db.execute(
                "SELECT d.id, d.name FROM proposal_round_departments c JOIN proposal_departments d ON d.id = c.department_id"
                " WHERE c.round_id = ? ORDER BY d.sort_order, d.id",
                [r.id],
            )
        ]
    return result


def current_round(db: sqlite_utils.Database, proposal_id: int) -> Round | None:
    all_rounds = rounds(db, proposal_id)
    return all_rounds[-1] if all_rounds else None


# Outcomes whose status does not move while they are handled.
OTHER_OUTCOMES = ("转意见建议", "不立案")
HANDLED_STATUSES = ("已立案", "办理中", "已答复", "已办结", *OTHER_OUTCOMES)


def handling_state(status: str, last: Round | None) -> str:
    """待交办 / 办理中 / 已答复 / 已办结 for any outcome, or ``—`` (nothing to handle)."""
    if status in ("办理中", "已答复", "已办结"):
        return status
    if status == "已立案":
        return "待交办"
    if status in OTHER_OUTCOMES:
        if last is None:
            return "待交办"
        if last.reply_date is None:
            return "办理中"
        if last.rating is None:
            return "已答复"
        return "已办结" if last.rating != "不满意" else "办理中"
    return "—"


def _require_state(p: Any, db: sqlite_utils.Database, allowed: tuple[str, ...], action: str) -> str:
    state = handling_state(p.status, current_round(db, p.id))
    if p.status not in HANDLED_STATUSES or state not in allowed:
        raise ConflictError(
            f"提案 {p.number} 当前为“{p.status}”（{state}），不能{action}"
            f"（仅限已立案、转意见建议或不立案，且处于：{'、'.join(allowed)}）。"
        )
    return state


def _open_round(
    db: sqlite_utils.Database, proposal_id: int, allowed: tuple[str, ...], action: str
) -> tuple[Proposal, str, Round]:
    """The proposal, its handling state (one of ``allowed``, else ConflictError) and its
    current round, for a step taken in that round."""
    p = get_proposal(db, proposal_id)
    state = _require_state(p, db, allowed, action)
    current = current_round(db, proposal_id)
    assert current is not None
    return p, state, current


def _status_after(p: Any, accepted_status: str) -> str:
    return p.status if p.status in OTHER_OUTCOMES else accepted_status


def _day(value: Any, field_name: str) -> str:
    if value in (None, ""):
        return _dt.date.today().isoformat()
    return parse_date(value, field=field_name).isoformat()


def _departments(db: sqlite_utils.Database, lead: int, co: Iterable[int]) -> list[int]:
    names = {
        r[0]: (r[1], r[2]) for r in db.execute("SELECT id, name, active FROM proposal_departments")
    }
    if lead not in names:
        raise ValidationError("请选择主办单位", "lead_department")
    co_ids = list(dict.fromkeys(int(c) for c in co))
    if lead in co_ids:
        raise ValidationError(
            f"“{names[lead][0]}”已是主办单位，不能同时是协办单位", "co_departments"
        )
    for c in co_ids:
        if c not in names:
            raise ValidationError("协办单位不存在", "co_departments")
    return co_ids


def _write_co(db: sqlite_utils.Database, round_id: int, co_ids: list[int]) -> None:
    delete_owned(db, "proposal_round_departments", "round_id = ?", [round_id])
    for dept in co_ids:
        audit.insert(
            db, "proposal_round_departments", {"round_id": round_id, "department_id": dept}
        )


def _dept_names(db: sqlite_utils.Database, ids: Iterable[int]) -> str:
    ids = list(ids)
    if not ids:
        return ""
    marks = ",".join("?" for _ in ids)
    return "、".join(
        r[0]
        for r in db.execute(
            f"SELECT name FROM proposal_departments WHERE id IN ({marks}) ORDER BY sort_order, id",
            ids,
        )
    )


def assign(
    db: sqlite_utils.Database,
    proposal_id: int,
    *,
    lead_department_id: int,
    co_department_ids: Iterable[int] = (),
    on: Any = None,
    reply_deadline: Any = None,
) -> OpResult:
    """交办 (round 1) of an accepted proposal, a 转意见建议 item or a 不立案 proposal. The
    deadline defaults to the session's (立案) or to the outcome's setting (the others)."""
    with db.atomic():
        p = get_proposal(db, proposal_id)
        _require_state(p, db, ("待交办",), "交办")
        co_ids = _departments(db, lead_department_id, co_department_ids)
        day = _day(on, "assigned_on")
        if p.review_date and day < p.review_date:
            label = "立案日期" if p.review_result == "立案" else "审查日期"
            raise ValidationError(f"交办日期不能早于{label} {p.review_date}", "assigned_on")
        session = congress.get_session(db, p.session_id)
        days = rules(db).reply_days(p.review_result)
        default = (
            (_dt.date.fromisoformat(day) + _dt.timedelta(days=days)).isoformat()
            if days is not None
            else session.reply_deadline
        )
        deadline = _deadline(reply_deadline, default, day)
        new_status = _status_after(p, "办理中")
        round_id = audit.insert(
            db,
            "proposal_rounds",
            {
                "proposal_id": proposal_id,
                "round_no": 1,
                "lead_department_id": lead_department_id,
                "assigned_on": day,
                "reply_deadline": deadline,
                **OPEN_ROUND,
            },
        )
        _write_co(db, round_id, co_ids)
        note = _assignment_note(db, lead_department_id, co_ids, deadline)
        _move(db, p, new_status, "交办", day, note)
    return OpResult(CHANGES, round_id)


def _assignment_note(
    db: sqlite_utils.Database, lead_id: int, co_ids: list[int], deadline: str
) -> str:
    """``主办：…；协办：…；答复期限 …``, the note of a 交办 event."""
    co = _dept_names(db, co_ids)
    return (
        f"主办：{_dept_names(db, [lead_id])}"
        + (f"；协办：{co}" if co else "")
        + f"；答复期限 {deadline}"
    )


def _deadline(value: Any, default: str | None, assigned_on: str) -> str:
    if value not in (None, ""):
        deadline = parse_date(value, field="reply_deadline").isoformat()
    elif default and default > assigned_on:
        deadline = default
    else:
        raise ValidationError(
            "请填写答复期限（本次会议未设默认答复期限，或已早于交办日期）", "reply_deadline"
        )
    if deadline < assigned_on:
        raise ValidationError("答复期限不能早于交办日期", "reply_deadline")
    return deadline


def update_assignment(
    db: sqlite_utils.Database,
    proposal_id: int,
    *,
    lead_department_id: int | None = None,
    co_department_ids: Iterable[int] | None = None,
    reply_deadline: Any = None,
    note: str | None = None,
) -> OpResult:
    """Change the departments or the deadline of the current round (before its reply)."""
    with db.atomic():
        p, _state, current = _open_round(db, proposal_id, ("办理中",), "调整交办")
        lead = lead_department_id if lead_department_id is not None else current.lead_department_id
        co_ids = _departments(
            db,
            lead,
            co_department_ids
            if co_department_ids is not None
            else [c for c, _n in current.co_departments if c != lead],
        )
        deadline = (
            current.reply_deadline
            if reply_deadline in (None, "")
            else _deadline(reply_deadline, None, current.assigned_on)
        )
        audit.update(
            db,
            "proposal_rounds",
            current.id,
            {"lead_department_id": lead, "reply_deadline": deadline},
        )
        _write_co(db, current.id, co_ids)
        extra = f"；{_text(note)}" if note else ""
        _remark(db, p, "调整交办", _assignment_note(db, lead, co_ids, deadline) + extra)
    return OpResult(CHANGES, current.id)


def reply(
    db: sqlite_utils.Database,
    proposal_id: int,
    *,
    text: str,
    on: Any = None,
    outcome: str | None = None,
    reason: str | None = None,
) -> OpResult:
    """答复 of the current round: text, date and outcome (未能落实 needs the reason).

    Also used to correct a reply before it is rated.
    """
    text = _long_text(text)
    if not text:
        raise ValidationError("请填写答复内容", "reply_text")
    reason = _long_text(reason) or None
    with db.atomic():
        p, state, current = _open_round(db, proposal_id, ("办理中", "已答复"), "答复")
        if outcome in (None, "") and p.status in OTHER_OUTCOMES:
            outcome = None  # a reply to a suggestion or a rejected proposal may explain only
        elif outcome not in OUTCOMES:
            raise ValidationError("落实情况应为：" + "、".join(OUTCOMES), "outcome")
        if outcome == "未能落实" and not reason:
            raise ValidationError("“未能落实”须说明原因", "outcome_reason")
        day = _day(on, "reply_date")
        if day < current.assigned_on:
            raise ValidationError(f"答复日期不能早于交办日期 {current.assigned_on}", "reply_date")
        correcting = state == "已答复"
        new_status = _status_after(p, "已答复")
        audit.update(
            db,
            "proposal_rounds",
            current.id,
            {"reply_text": text, "reply_date": day, "outcome": outcome, "outcome_reason": reason},
        )
        late = "（逾期答复）" if day > current.reply_deadline else ""
        _move(
            db,
            p,
            new_status,
            "更正答复" if correcting else "答复",
            day,
            f"{current.lead_department}答复：{outcome or '已书面答复'}{late}"
            + (f"；原因：{reason}" if reason else ""),
        )
    return OpResult(CHANGES, current.id)


def rate(
    db: sqlite_utils.Database,
    proposal_id: int,
    *,
    rating: str,
    on: Any = None,
    note: str | None = None,
    reply_deadline: Any = None,
) -> OpResult:
    """评价 by the proposer. 满意/基本满意 → 已办结; 不满意 → another round (办理中)."""
    if rating not in RATINGS:
        raise ValidationError("评价应为：" + "、".join(RATINGS), "rating")
    with db.atomic():
        p, _state, current = _open_round(db, proposal_id, ("已答复",), "评价")
        day = _day(on, "rating_date")
        if current.reply_date and day < current.reply_date:
            raise ValidationError(f"评价日期不能早于答复日期 {current.reply_date}", "rating_date")
        note = _text(note) or None
        if rating == "不满意" and not note:
            raise ValidationError("评价“不满意”时请写明不满意的原因，以便重新办理", "rating_note")
        audit.update(
            db,
            "proposal_rounds",
            current.id,
            {"rating": rating, "rating_date": day, "rating_note": note},
        )
        if rating != "不满意":
            done = _status_after(p, "已办结")
            _move(db, p, done, f"评价：{rating}", day, note)
            return OpResult(CHANGES, current.id)
        days = rules(db).rehandle_days
        deadline = (
            parse_date(reply_deadline, field="reply_deadline").isoformat()
            if reply_deadline not in (None, "")
            else (_dt.date.fromisoformat(day) + _dt.timedelta(days=days)).isoformat()
        )
        if deadline < day:
            raise ValidationError("新的答复期限不能早于评价日期", "reply_deadline")
        new_id = audit.insert(
            db,
            "proposal_rounds",
            {
                "proposal_id": proposal_id,
                "round_no": current.round_no + 1,
                "lead_department_id": current.lead_department_id,
                "assigned_on": day,
                "reply_deadline": deadline,
                **OPEN_ROUND,
            },
        )
        _write_co(db, new_id, [c for c, _n in current.co_departments])
        again = _status_after(p, "办理中")
        audit.update(db, "proposals", proposal_id, {"status": again, "updated_at": audit.now_iso()})
        _event(
            db,
            proposal_id,
            "评价：不满意",
            day,
            from_status=p.status,
            to_status=_status_after(p, "已答复"),
            note=note,
        )
        _event(
            db,
            proposal_id,
            f"重新交办（第{current.round_no + 1}轮）",
            day,
            from_status=_status_after(p, "已答复"),
            to_status=again,
            note=f"主办：{current.lead_department}；答复期限 {deadline}",
        )
    return OpResult(CHANGES, new_id)


def undo_rating(db: sqlite_utils.Database, proposal_id: int) -> OpResult:
    """Take back the last rating (entered by mistake): a round opened by 不满意 is removed
    if nothing happened in it yet."""
    with db.atomic():
        p = get_proposal(db, proposal_id)
        all_rounds = rounds(db, proposal_id)
        if not all_rounds:
            raise NotFoundError("该提案还没有交办记录")
        last = all_rounds[-1]
        state = handling_state(p.status, last)
        if state == "已办结" and last.rating:
            target = last
        elif (
            state == "办理中"
            and len(all_rounds) > 1
            and last.reply_date is None
            and all_rounds[-2].rating == "不满意"
        ):
            delete_owned(db, "proposal_round_departments", "round_id = ?", [last.id])
            audit.delete(db, "proposal_rounds", last.id)
            target = all_rounds[-2]
        else:
            raise ConflictError(f"提案 {p.number} 当前没有可以撤销的评价。")
        audit.update(
            db,
            "proposal_rounds",
            target.id,
            {"rating": None, "rating_date": None, "rating_note": None},
        )
        back = _status_after(p, "已答复")
        _move(db, p, back, "撤销评价", _dt.date.today().isoformat(), f"撤销“{target.rating}”")
    return OpResult(CHANGES, proposal_id)


def round_summary(r: Round) -> Mapping[str, Any]:
    """A round as plain data (for JSON and printouts)."""
    return {
        "round": r.round_no,
        "lead_department": r.lead_department,
        "co_departments": [n for _i, n in r.co_departments],
        "assigned_on": r.assigned_on,
        "reply_deadline": r.reply_deadline,
        "reply_date": r.reply_date,
        "outcome": r.outcome,
        "outcome_reason": r.outcome_reason,
        "rating": r.rating,
        "rating_date": r.rating_date,
    }


def state_of(db: sqlite_utils.Database, proposal_id: int) -> str:
    """The handling state of any proposal: 待交办 / 办理中 / 已答复 / 已办结, or ``—``."""
    p = get_proposal(db, proposal_id)
    return handling_state(p.status, current_round(db, proposal_id))


def default_reply_deadline(
    db: sqlite_utils.Database, proposal_id: int, assigned_on: Any = None
) -> str | None:
    """The deadline :func:`assign` would use when none is given (for the 交办 form)."""
    p = get_proposal(db, proposal_id)
    day = _day(assigned_on, "assigned_on")
    days = rules(db).reply_days(p.review_result)
    if days is not None:
        return (_dt.date.fromisoformat(day) + _dt.timedelta(days=days)).isoformat()
    deadline = congress.get_session(db, p.session_id).reply_deadline
    return deadline if deadline and deadline > day else None
