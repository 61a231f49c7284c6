"""会籍状态 history: dated status changes and "what was this member's status on day D".

Every change (转出, 退休（保留会籍）, 退会, 开除, 去世, 恢复会籍) is one row of
``member_status_events`` plus an update of ``members.status`` (the current status), both in
one transaction and both in the change log.

Semantics of a change day: the new status applies FROM the event date. A member who retires
on 2024-06-30 is 保留会籍 on 2024-06-30 and 在会 on 2024-06-29.

>>> # record_status_change(db, 7, "退休（保留会籍）", on="2024-06-30", reason="到龄退休")
>>> # status_on(db, 7, "2024-06-29"), status_on(db, 7, "2024-06-30")
>>> # ('在会', '保留会籍')
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

import sqlite_utils

from guilin_union.core.dates import parse_date
from guilin_union.core.errors import ConflictError, NotFoundError, ValidationError
from guilin_union.core.members import MemberStatus
from guilin_union.core.text import clean_cell_text
from guilin_union.core.text_limits import length_problem
from guilin_union.services.changes import Changes, OpResult
from guilin_union.services.common_query import chunks
from guilin_union.storage import audit

ACTIVE = MemberStatus.ACTIVE.value
RETAINED = MemberStatus.RETAINED.value

# The actions a secretary records, and the status each one leads to.
ACTIONS: dict[str, str] = {
    "转出": MemberStatus.TRANSFERRED.value,
    "退休（保留会籍）": RETAINED,
    "退会": MemberStatus.LEFT.value,
    "开除": MemberStatus.EXPELLED.value,
    "去世": MemberStatus.DECEASED.value,
    "恢复会籍": ACTIVE,
}
# Statuses a member must be in for an action to make sense.
_ALLOWED_FROM: dict[str, tuple[str, ...]] = {
    "转出": (ACTIVE, RETAINED),
    "退休（保留会籍）": (ACTIVE,),
    "退会": (ACTIVE, RETAINED),
    "开除": (ACTIVE, RETAINED),
    "去世": (
        ACTIVE,
        RETAINED,
        MemberStatus.TRANSFERRED.value,
        MemberStatus.LEFT.value,
        MemberStatus.EXPELLED.value,
    ),
    "恢复会籍": (
        RETAINED,
        MemberStatus.TRANSFERRED.value,
        MemberStatus.LEFT.value,
        MemberStatus.EXPELLED.value,
    ),
}
# Plain status names and everyday words accepted for an action.
_ACTION_ALIASES: dict[str, str] = {
    "退休": "退休（保留会籍）",
    "退休(保留会籍)": "退休（保留会籍）",
    MemberStatus.RETAINED.value: "退休（保留会籍）",
    MemberStatus.ACTIVE.value: "恢复会籍",
    "恢复": "恢复会籍",
    "调出": "转出",
    "死亡": "去世",
}


def allowed_actions(current: str) -> list[str]:
    """The actions that fit a member's current status.

    >>> allowed_actions("保留会籍")
    ['转出', '退会', '开除', '去世', '恢复会籍']
    """
    return [a for a in ACTIONS if current in _ALLOWED_FROM[a]]


def action_for(new_status: str) -> str:
    """The action name for an action or a target status (``"保留会籍"`` → ``"退休（保留会籍）"``).

    >>> action_for("在会"), action_for("转出"), action_for("退休")
    ('恢复会籍', '转出', '退休（保留会籍）')
    """
    text = clean_cell_text(str(new_status or ""))
    text = _ACTION_ALIASES.get(text, text)
    if text not in ACTIONS:
        raise ValidationError("会籍变更类型应为：" + "、".join(ACTIONS), "new_status")
    return text


def _iso(on: _dt.date | str, field: str = "on") -> str:
    if isinstance(on, _dt.date):
        return on.isoformat() if not isinstance(on, _dt.datetime) else on.date().isoformat()
    return parse_date(on, field=field).isoformat()


def _member(db: sqlite_utils.Database, member_id: int) -> tuple[str, str | None, str]:
    row = db.execute(
        "SELECT status, join_date, name FROM members WHERE id = ?", [member_id]
    ).fetchone()
    if row is None:
        raise NotFoundError("会员不存在（可能已被删除）")
    return row[0], row[1], row[2]


def status_on(db: sqlite_utils.Database, member_id: int, on: _dt.date | str) -> str | None:
    """The member's 会籍状态 on day ``on`` from the status-event history.

    - ``None`` when the member was not yet a member that day (before ``join_date``).
    - The new status of an event applies FROM its date (on the day itself included).
    - Before the first event the member had that event's "from" status (normally 在会).
    - A member with no events has their current status from ``join_date`` onwards (a member
      without a join date is treated as always having been one).

    >>> # join 2010-09-01, retired 2024-06-30:
    >>> # status_on(db, m, "2010-08-31") -> None; "2024-06-29" -> "在会"; "2024-06-30" -> "保留会籍"
    """
    day = _iso(on)
    current, join_date, _name = _member(db, member_id)
    if join_date and day < join_date:
        return None
    row = db.execute(
        "SELECT to_status FROM member_status_events WHERE member_id = ? AND event_date <= ?"
        " ORDER BY event_date DESC, id DESC LIMIT 1",
        [member_id, day],
    ).fetchone()
    if row is not None:
        return row[0]
    first = db.execute(
        "SELECT from_status FROM member_status_events WHERE member_id = ?"
        " ORDER BY event_date, id LIMIT 1",
        [member_id],
    ).fetchone()
    if first is not None:
        return first[0]
    return current


def statuses_on(
    db: sqlite_utils.Database, member_ids: list[int], on: _dt.date | str
) -> dict[int, str | None]:
    """:func:`status_on` for many members with two queries (for rosters and batch checks).

    >>> # statuses_on(db, [1, 2], "2024-01-01") -> {1: "在会", 2: None}
    """
    day = _iso(on)
    result: dict[int, str | None] = {}
    ids = list(dict.fromkeys(int(i) for i in member_ids))
    for chunk, marks in chunks(ids):
        members = {
            r[0]: (r[1], r[2])
            for r in db.execute(
                f"SELECT id, status, join_date FROM members WHERE id IN ({marks})", chunk
            )
        }
        events: dict[int, list[tuple[str, str, str]]] = {}
        for mid, date, frm, to in db.execute(
            f"SELECT member_id, event_date, from_status, to_status FROM member_status_events"
            f" WHERE member_id IN ({marks}) ORDER BY member_id, event_date, id",
            chunk,
        ):
            events.setdefault(mid, []).append((date, frm, to))
        for mid in chunk:
            if mid not in members:
                raise NotFoundError(f"会员不存在（#{mid}）")
            current, join_date = members[mid]
            if join_date and day < join_date:
                result[mid] = None
                continue
            history = events.get(mid)
            if not history:
                result[mid] = current
                continue
            status = history[0][1]
            for date, _frm, to in history:
                if date <= day:
                    status = to
                else:
                    break
            result[mid] = status
    return result


def record_status_change(
    db: sqlite_utils.Database,
    member_id: int,
    new_status: str,
    *,
    on: _dt.date | str,
    reason: str,
    document_no: str | None = None,
    today: _dt.date | None = None,
) -> OpResult:
    """Record a status change: 转出, 退休（保留会籍）, 退会, 开除, 去世 or 恢复会籍 (→ 在会).

    ``new_status`` may be the action name or the target status (``"保留会籍"``, ``"在会"``).
    The new status applies from ``on`` (that day included). Refused with a Chinese message:
    an empty reason, a date before the join date, after today or before the member's latest
    recorded change, and an action that does not fit the current status (e.g. 恢复会籍 of a
    member who is 在会). ``undo`` holds the event id and the previous status; ``inverse``
    removes the event again (:func:`undo_status_change`).

    >>> # record_status_change(db, 7, "转出", on="2024-09-01", reason="调往桂林理工大学", document_no="桂院人〔2024〕12号")
    """
    action = action_for(new_status)
    reason_text = clean_cell_text(str(reason or ""))
    if not reason_text:
        raise ValidationError("请填写变更原因", "reason")
    if (too_long := length_problem("reason", reason_text)) is not None:  # core/text_limits
        raise ValidationError(f"变更原因{too_long}", "reason")
    day = _iso(on)
    doc = clean_cell_text(str(document_no or "")) or None
    today = today or _dt.date.today()
    with db.atomic():
        current, join_date, name = _member(db, member_id)
        to_status = ACTIONS[action]
        if current not in _ALLOWED_FROM[action]:
            if current == to_status:
                raise ConflictError(f"会员“{name}”的会籍状态已经是“{current}”")
            raise ConflictError(f"会员“{name}”当前为“{current}”，不能办理“{action}”")
        if day > today.isoformat():
            raise ValidationError("变更日期不能晚于今天", "on")
        if join_date and day < join_date:
            raise ValidationError(f"变更日期不能早于入会日期（{join_date}）", "on")
        last = db.execute(
            "SELECT max(event_date) FROM member_status_events WHERE member_id = ?", [member_id]
        ).fetchone()[0]
        if last and day < last:
            raise ValidationError(f"变更日期不能早于上一次会籍变更（{last}）", "on")
        event_id = audit.insert(
            db,
            "member_status_events",
            {
                "member_id": member_id,
                "event_date": day,
                "from_status": current,
                "to_status": to_status,
                "action": action,
                "reason": reason_text,
                "document_no": doc,
                "recorded_by": audit.os_user(),
                "recorded_at": audit.now_iso(),
            },
        )
        audit.update(
            db,
            "members",
            member_id,
            {"status": to_status, "updated_at": audit.now_iso()},
            note=f"会籍变更：{action}",
        )
        if to_status != ACTIVE:  # issue 20: a delegate's mandate follows the register
            from guilin_union.services.congress import delegates as congress_delegates

            congress_delegates.follow_status_change(db, member_id, day, action)
    return OpResult(
        Changes.of("members", "member_status", "congress"),
        event_id,
        undo={"event_id": event_id, "member_id": member_id, "previous_status": current},
        inverse=lambda d: undo_status_change(d, event_id),
    )


def undo_status_change(db: sqlite_utils.Database, event_id: int) -> OpResult:
    """Remove the member's LATEST status event and put the previous status back (Ctrl+Z,
    or correcting a mistaken entry). Only the latest event can be removed, so the history
    stays a consistent chain."""
    with db.atomic():
        try:
            event = audit.get_row(db, "member_status_events", event_id)
        except NotFoundError:
            raise NotFoundError("会籍变更记录不存在（可能已被撤销）") from None
        latest = db.execute(
            "SELECT id FROM member_status_events WHERE member_id = ?"
            " ORDER BY event_date DESC, id DESC LIMIT 1",
            [event["member_id"]],
        ).fetchone()[0]
        if latest != event_id:
            raise ConflictError("只能撤销该会员最近的一次会籍变更")
        audit.delete(db, "member_status_events", event_id, note="撤销会籍变更")
        audit.update(
            db,
            "members",
            event["member_id"],
            {"status": event["from_status"], "updated_at": audit.now_iso()},
            note=f"撤销会籍变更：{event['action']}",
        )
        from guilin_union.services.congress import delegates as congress_delegates

        congress_delegates.undo_status_change(
            db, event["member_id"], event["event_date"], event["action"]
        )
    return OpResult(Changes.of("members", "member_status", "congress"), event["member_id"])


def status_history(db: sqlite_utils.Database, member_id: int) -> list[dict[str, Any]]:
    """The member's status events, oldest first.

    Each: ``{"id", "date", "from", "to", "action", "reason", "document_no", "recorded_by",
    "recorded_at"}``.
    """
    _member(db, member_id)
    cursor = db.execute(
        "SELECT id, event_date, from_status, to_status, action, reason, document_no,"
        " recorded_by, recorded_at FROM member_status_events WHERE member_id = ?"
        " ORDER BY event_date, id",
        [member_id],
    )
    keys = (
        "id",
        "date",
        "from",
        "to",
        "action",
        "reason",
        "document_no",
        "recorded_by",
        "recorded_at",
    )
    return [dict(zip(keys, row)) for row in cursor]


def retirement_date(db: sqlite_utils.Database, member_id: int) -> str | None:
    """The date of the member's latest 退休（保留会籍） event, if they are 保留会籍 now."""
    row = db.execute(
        "SELECT e.event_date FROM member_status_events e JOIN members m ON m.id = e.member_id"
        " WHERE e.member_id = ? AND e.to_status = ? AND m.status = ?"
        " ORDER BY e.event_date DESC, e.id DESC LIMIT 1",
        [member_id, RETAINED, RETAINED],
    ).fetchone()
    return row[0] if row else None
