"""Registration for activities: participants, events entered, waiting list, attendance.

Rules (domain.md §4, issue 7):

- participants come from the register; only members whose status is in the setting
  ``activity_eligible_statuses`` (default 在会, 保留会籍) may take part;
- an activity with places (名额) puts further registrations on the waiting list (候补) in
  registration order; when someone who holds a place cancels, the first on the list moves up;
  roles in ``activity_roles_outside_places`` (default 裁判, 工作人员) take no place;
- nobody may enter more events than the activity's per-person limit (a clear message names
  the person and the limit).

>>> OCCUPYING
('已报名', '已确认', '已参加')
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from guilin_union.core.activities import CANCELLED, OCCUPYING, PARTICIPANT_STATUSES, WAITING
from guilin_union.core.errors import ConflictError, NotFoundError, ValidationError
from guilin_union.core.masking import mask_id, mask_phone
from guilin_union.core.text import clean_cell_text, to_halfwidth
from guilin_union.services import activities as activities_service
from guilin_union.services import row_undo
from guilin_union.services.activities import AREA, setting_list
from guilin_union.services.changes import Changes, OpResult
from guilin_union.services.common_query import (
    SortedQuery,
    SortOrder,
    add_filters,
    chunks,
    column_values,
    one_row,
    pick,
    select_rows,
)
from guilin_union.storage import audit


@dataclass(frozen=True)
class RegistrationResult(OpResult):
    """What a registration action did, for the message the user sees.

    ``added``: new participant ids; ``waitlisted``/``promoted``/``skipped``: member names.
    """

    added: tuple[int, ...] = ()
    waitlisted: tuple[str, ...] = ()
    promoted: tuple[str, ...] = ()
    skipped: tuple[str, ...] = ()

    def message(self) -> str:
        parts = []
        if self.added:
            parts.append(f"已登记 {len(self.added)} 人")
        if self.waitlisted:
            parts.append(f"名额已满，{'、'.join(self.waitlisted)} 列入候补")
        if self.promoted:
            parts.append(f"{'、'.join(self.promoted)} 由候补转为已报名")
        if self.skipped:
            parts.append(f"{'、'.join(self.skipped)} 已在名单中，未重复登记")
        return "；".join(parts) + ("。" if parts else "")


def participant_scopes(activity_id: int) -> tuple[row_undo.Scope, ...]:
    """The rows a registration change may touch: the activity's participants and entries
    (saved before the change, put back by its undo)."""
    return (
        row_undo.Scope("activity_participants", "activity_id = ?", (activity_id,)),
        row_undo.Scope(
            "activity_entries",
            "participant_id IN (SELECT id FROM activity_participants WHERE activity_id = ?)",
            (activity_id,),
        ),
    )


def _result(
    row_id: int | None, undo: dict[str, Any] | None, saved: row_undo.Saved, **details: Any
) -> RegistrationResult:
    """A registration change's result; its inverse puts the participants back as saved."""
    return RegistrationResult(
        Changes.of(AREA),
        row_id,
        undo=undo,
        inverse=row_undo.inverse(saved, Changes.of(AREA)),
        **details,
    )


_rows = select_rows


def outside_roles(db: sqlite_utils.Database) -> set[str]:
    return set(setting_list(db, "activity_roles_outside_places"))


def eligible_statuses(db: sqlite_utils.Database) -> list[str]:
    return setting_list(db, "activity_eligible_statuses")


def places_used(db: sqlite_utils.Database, activity_id: int) -> int:
    """Participants holding a place: not cancelled, not waiting, in a role that takes a place."""
    outside = sorted(outside_roles(db))
    marks = ",".join("?" for _ in outside) or "''"
    return db.execute(
        f"SELECT count(*) FROM activity_participants WHERE activity_id = ?"
        f" AND status IN ('已报名', '已确认', '已参加') AND role NOT IN ({marks})",
        [activity_id, *outside],
    ).fetchone()[0]


def free_places(db: sqlite_utils.Database, activity_id: int) -> int | None:
    """Places still free; None when the activity has no limit."""
    places = activities_service.get_activity_row(db, activity_id)["places"]
    if places is None:
        return None
    return max(places - places_used(db, activity_id), 0)


def _next_seq(db: sqlite_utils.Database, activity_id: int) -> int:
    return db.execute(
        "SELECT coalesce(max(seq), 0) + 1 FROM activity_participants WHERE activity_id = ?",
        [activity_id],
    ).fetchone()[0]


def _event_map(db: sqlite_utils.Database, activity_id: int) -> dict[int, str]:
    return {e["id"]: e["name"] for e in activities_service.list_events(db, activity_id)}


def check_events(
    db: sqlite_utils.Database,
    activity: Mapping[str, Any],
    member_name: str,
    event_ids: Sequence[int],
) -> list[int]:
    """Validate a person's events: they belong to the activity and respect the per-person limit."""
    events = _event_map(db, activity["id"])
    unique = list(OrderedDict.fromkeys(int(e) for e in event_ids))
    foreign = [e for e in unique if e not in events]
    if foreign:
        raise ValidationError(f"所选项目不属于活动“{activity['name']}”", "events")
    limit = activity.get("event_limit")
    if limit is not None and len(unique) > limit:
        names = "、".join(events[e] for e in unique)
        raise ValidationError(
            f"{member_name}报了 {len(unique)} 个项目（{names}），超过本活动每人限报 {limit} 项的规定",
            "events",
        )
    return unique


def check_role(db: sqlite_utils.Database, role: str | None) -> str:
    allowed = activities_service.roles(db)
    value = clean_cell_text(role or "") or (allowed[0] if allowed else "运动员")
    if value not in allowed:
        raise ValidationError(f"角色“{value}”不在角色列表中，可选：{'、'.join(allowed)}", "role")
    return value


def _member(db: sqlite_utils.Database, member_id: int) -> dict[str, Any]:
    row = db.execute(
        "SELECT id, name, status, branch_id FROM members WHERE id = ?", [member_id]
    ).fetchone()
    if row is None:
        raise NotFoundError(f"会员不存在（编号 {member_id}）")
    return {"id": row[0], "name": row[1], "status": row[2], "branch_id": row[3]}


def check_eligible(db: sqlite_utils.Database, member: Mapping[str, Any]) -> None:
    allowed = eligible_statuses(db)
    if member["status"] not in allowed:
        raise ValidationError(
            f"{member['name']}的会籍状态为“{member['status']}”，不能报名（可报名：{'、'.join(allowed)}）",
            "member",
        )


def _set_entries(db: sqlite_utils.Database, participant_id: int, event_ids: Sequence[int]) -> None:
    current = {
        r[0]: r[1]
        for r in db.execute(
            "SELECT event_id, id FROM activity_entries WHERE participant_id = ?", [participant_id]
        )
    }
    wanted = set(event_ids)
    for event_id, entry_id in current.items():
        if event_id not in wanted:
            if db.execute(
                "SELECT 1 FROM activity_results WHERE participant_id = ? AND event_id = ?",
                [participant_id, event_id],
            ).fetchone():
                name = db.execute(
                    "SELECT name FROM activity_events WHERE id = ?", [event_id]
                ).fetchone()[0]
                raise ConflictError(f"项目“{name}”已有成绩记录，不能取消该项目的报名；请先删除成绩")
            audit.delete(db, "activity_entries", entry_id)
    for event_id in event_ids:
        if event_id not in current:
            audit.insert(
                db, "activity_entries", {"participant_id": participant_id, "event_id": event_id}
            )


def _takes_place(role: str, outside: set[str]) -> bool:
    return role not in outside


@dataclass
class _Registration:
    member: dict[str, Any]
    event_ids: list[int]
    existing: dict[str, Any] | None = None
    branch_id: int | None = None


def register_members(
    db: sqlite_utils.Database,
    activity_id: int,
    member_ids: Iterable[int],
    *,
    role: str | None = None,
    event_ids: Sequence[int] = (),
    status: str = "已报名",
    notes: str | None = None,
    source: str = "手工",
    branch_ids: Mapping[int, int] | None = None,
) -> RegistrationResult:
    """Register members (in the order given) with the same role and events.

    All or nothing: any ineligible member or a breach of the event limit raises before
    anything is written. Members already on the list (not cancelled) are skipped; a
    cancelled registration is renewed at the end of the queue. Beyond the places, people go
    on the waiting list. ``branch_ids`` may name the 分工会 someone represents (default:
    their own).
    """
    if status not in OCCUPYING:
        raise ValidationError("新报名的状态应为：" + "、".join(OCCUPYING), "status")
    with db.atomic():
        activity = activities_service.get_activity_row(db, activity_id)
        saved = row_undo.capture(db, *participant_scopes(activity_id))
        role = check_role(db, role)
        plans: list[_Registration] = []
        skipped: list[str] = []
        seen: set[int] = set()
        for member_id in member_ids:
            if member_id in seen:
                continue
            seen.add(member_id)
            member = _member(db, member_id)
            existing = _rows(
                db,
                "SELECT * FROM activity_participants WHERE activity_id = ? AND member_id = ?",
                [activity_id, member_id],
            )
            if existing and existing[0]["status"] != CANCELLED:
                skipped.append(member["name"])
                continue
            check_eligible(db, member)
            events = check_events(db, activity, member["name"], event_ids)
            branch = (branch_ids or {}).get(member_id) or member["branch_id"]
            plans.append(_Registration(member, events, existing[0] if existing else None, branch))
        promoted = promote_waiting(db, activity_id)
        outside = outside_roles(db)
        free = (
            None
            if activity["places"] is None
            else activity["places"] - places_used(db, activity_id)
        )
        queue_exists = _waiting_ids(db, activity_id) != []
        added: list[int] = []
        waitlisted: list[str] = []
        now = audit.now_iso()
        for plan in plans:
            row_status = status
            if _takes_place(role, outside) and free is not None:
                if free <= 0 or queue_exists:
                    row_status = WAITING
                    queue_exists = True
                    waitlisted.append(plan.member["name"])
                else:
                    free -= 1
            values = {
                "branch_id": plan.branch_id,
                "role": role,
                "status": row_status,
                "seq": _next_seq(db, activity_id),
                "registered_at": now,
                "source": source,
                "notes": clean_cell_text(notes or "") or None,
            }
            if plan.existing is not None:
                audit.update(
                    db, "activity_participants", plan.existing["id"], values, note="重新报名"
                )
                participant_id = plan.existing["id"]
            else:
                participant_id = audit.insert(
                    db,
                    "activity_participants",
                    {"activity_id": activity_id, "member_id": plan.member["id"], **values},
                )
            _set_entries(db, participant_id, plan.event_ids)
            added.append(participant_id)
    return _result(
        added[0] if added else None,
        {"added": added},
        saved,
        added=tuple(added),
        waitlisted=tuple(waitlisted),
        promoted=tuple(promoted),
        skipped=tuple(skipped),
    )


def get_participant(db: sqlite_utils.Database, participant_id: int) -> dict[str, Any]:
    row = one_row(
        db,
        "SELECT p.*, m.name, m.status AS member_status FROM activity_participants p"
        " JOIN members m ON m.id = p.member_id WHERE p.id = ?",
        [participant_id],
        "报名记录不存在（可能已被删除）",
    )
    row["event_ids"] = column_values(
        db,
        "SELECT e.id FROM activity_entries x JOIN activity_events e ON e.id = x.event_id"
        " WHERE x.participant_id = ? ORDER BY e.sort_order, e.id",
        [participant_id],
    )
    return row


def update_participant(
    db: sqlite_utils.Database,
    participant_id: int,
    *,
    role: str | None = None,
    event_ids: Sequence[int] | None = None,
    notes: str | None = None,
    branch_id: int | None = None,
) -> RegistrationResult:
    """Change role, events, notes or represented 分工会 of one participant.

    A role change that makes someone take a place on a full activity is refused; one that
    frees a place lets the waiting list move up. ``undo`` holds the previous row and events.
    """
    with db.atomic():
        before = get_participant(db, participant_id)
        activity = activities_service.get_activity_row(db, before["activity_id"])
        saved = row_undo.capture(db, *participant_scopes(activity["id"]))
        values: dict[str, Any] = {}
        if role is not None:
            values["role"] = check_role(db, role)
        if notes is not None:
            values["notes"] = clean_cell_text(notes) or None
        if branch_id is not None:
            values["branch_id"] = branch_id
        outside = outside_roles(db)
        new_role = values.get("role", before["role"])
        if (
            before["status"] in OCCUPYING
            and activity["places"] is not None
            and not _takes_place(before["role"], outside)
            and _takes_place(new_role, outside)
            and places_used(db, activity["id"]) >= activity["places"]
        ):
            raise ConflictError(
                f"名额已满（{activity['places']} 人），{before['name']}改为“{new_role}”后将占用名额。"
                "请先增加名额或取消其他人的报名。"
            )
        audit.update(db, "activity_participants", participant_id, values)
        if event_ids is not None:
            _set_entries(db, participant_id, check_events(db, activity, before["name"], event_ids))
        promoted = promote_waiting(db, activity["id"])
    return _result(participant_id, {"row": before}, saved, promoted=tuple(promoted))


def edit_participant(
    db: sqlite_utils.Database, participant_id: int, *, status: str | None = None, **changes: Any
) -> RegistrationResult:
    """The edit dialog's save: :func:`update_participant` with ``changes`` (role, event_ids,
    notes, branch_id) and, when ``status`` differs, :func:`set_participant_status`, in one
    transaction with one undo."""
    with db.atomic():
        person = get_participant(db, participant_id)
        saved = row_undo.capture(db, *participant_scopes(person["activity_id"]))
        result = update_participant(db, participant_id, **changes)
        promoted = list(result.promoted)
        if status is not None and status != person["status"]:
            promoted += set_participant_status(db, [participant_id], status).promoted
    return _result(participant_id, result.undo, saved, promoted=tuple(promoted))


def _waiting_ids(db: sqlite_utils.Database, activity_id: int) -> list[int]:
    return column_values(
        db,
        "SELECT id FROM activity_participants WHERE activity_id = ? AND status = '候补' ORDER BY seq, id",
        [activity_id],
    )


def promote_waiting(db: sqlite_utils.Database, activity_id: int) -> list[str]:
    """Move people from the waiting list into free places, first come first served.

    Returns their names. Called after every change that can free a place (a cancellation,
    more places, a role that takes no place) and inside the caller's transaction.
    """
    activity = activities_service.get_activity_row(db, activity_id)
    waiting = _rows(
        db,
        "SELECT p.id, p.role, m.name FROM activity_participants p JOIN members m ON m.id = p.member_id"
        " WHERE p.activity_id = ? AND p.status = '候补' ORDER BY p.seq, p.id",
        [activity_id],
    )
    if not waiting:
        return []
    outside = outside_roles(db)
    free = None if activity["places"] is None else activity["places"] - places_used(db, activity_id)
    promoted: list[str] = []
    for person in waiting:
        takes = _takes_place(person["role"], outside)
        if takes and free is not None:
            if free <= 0:
                break  # first come first served: nobody jumps the queue
            free -= 1
        audit.update(
            db, "activity_participants", person["id"], {"status": "已报名"}, note="候补递补"
        )
        promoted.append(person["name"])
    return promoted


def set_participant_status(
    db: sqlite_utils.Database, participant_ids: Sequence[int], status: str
) -> RegistrationResult:
    """Set the status of one or more participants of the same activity.

    Leaving a place (已取消, 候补) lets the waiting list move up; taking a place from the
    waiting list needs a free place. ``undo`` maps participant id -> previous status for
    everyone changed (including people promoted as a consequence).
    """
    if status not in PARTICIPANT_STATUSES:
        raise ValidationError("报名状态应为：" + "、".join(PARTICIPANT_STATUSES), "status")
    if not participant_ids:
        return RegistrationResult(Changes.of(AREA))
    with db.atomic():
        people = [get_participant(db, pid) for pid in participant_ids]
        activity_ids = {p["activity_id"] for p in people}
        if len(activity_ids) != 1:
            raise ValidationError("一次只能修改同一个活动的报名状态")
        activity = activities_service.get_activity_row(db, activity_ids.pop())
        saved = row_undo.capture(db, *participant_scopes(activity["id"]))
        outside = outside_roles(db)
        previous: dict[int, str] = {}
        seqs: dict[int, int] = {}
        for person in people:
            if person["status"] == status:
                continue
            joining = (
                status in OCCUPYING
                and person["status"] not in OCCUPYING
                and _takes_place(person["role"], outside)
                and activity["places"] is not None
            )
            if joining and places_used(db, activity["id"]) >= activity["places"]:
                raise ConflictError(
                    f"名额已满（{activity['places']} 人），{person['name']}不能从“{person['status']}”改为“{status}”。"
                    "可以增加名额，或先取消其他人的报名。"
                )
            previous[person["id"]] = person["status"]
            values: dict[str, Any] = {"status": status}
            note = None
            if status == WAITING:
                values["seq"] = _next_seq(db, activity["id"])  # to the back of the queue
                seqs[person["id"]] = person["seq"]
                note = f"转为候补（原顺序号 {person['seq']}）"
            audit.update(db, "activity_participants", person["id"], values, note=note)
        before_promotion = set(_waiting_ids(db, activity["id"]))
        promoted = promote_waiting(db, activity["id"])
        for pid in before_promotion - set(_waiting_ids(db, activity["id"])):
            previous.setdefault(pid, WAITING)
    return _result(
        participant_ids[0], {"statuses": previous, "seqs": seqs}, saved, promoted=tuple(promoted)
    )


def cancel_registrations(
    db: sqlite_utils.Database, participant_ids: Sequence[int]
) -> RegistrationResult:
    """已取消: the places they held go to the waiting list in order."""
    return set_participant_status(db, participant_ids, CANCELLED)


def mark_attendance(
    db: sqlite_utils.Database, participant_ids: Sequence[int], attended: bool = True
) -> RegistrationResult:
    """Sign-in on the day: 已参加 (or back to 已确认 when marked by mistake).

    Only people holding a place can attend; someone still waiting or cancelled is refused
    with their name, so the sign-in list stays honest.
    """
    people = [get_participant(db, pid) for pid in participant_ids]
    blocked = [p["name"] for p in people if p["status"] not in OCCUPYING]
    if blocked:
        raise ConflictError(
            f"{'、'.join(blocked)}的报名状态不是已报名/已确认，不能签到。请先把候补或已取消的人员改为已报名。"
        )
    return set_participant_status(db, participant_ids, "已参加" if attended else "已确认")


def remove_participants(db: sqlite_utils.Database, participant_ids: Sequence[int]) -> OpResult:
    """Delete registrations entered by mistake (with their events). A person with results
    is refused: cancel instead, or delete the results first. Frees places for the queue.

    ``undo`` holds the deleted rows; the inverse puts them back.
    """
    with db.atomic():
        snapshot: dict[str, list[dict[str, Any]]] = {
            "activity_participants": [],
            "activity_entries": [],
            "statuses": [],
        }
        activity_ids: set[int] = set()
        saved = [
            saved_scope
            for aid in sorted({get_participant(db, pid)["activity_id"] for pid in participant_ids})
            for saved_scope in row_undo.capture(db, *participant_scopes(aid))
        ]
        for pid in participant_ids:
            person = get_participant(db, pid)
            if db.execute(
                "SELECT 1 FROM activity_results WHERE participant_id = ?", [pid]
            ).fetchone():
                raise ConflictError(
                    f"{person['name']}已有成绩记录，不能删除报名；可以改为“已取消”，或先删除成绩"
                )
            entries = _rows(db, "SELECT * FROM activity_entries WHERE participant_id = ?", [pid])
            for entry in entries:
                audit.delete(db, "activity_entries", entry["id"])
            row = audit.delete(db, "activity_participants", pid)
            snapshot["activity_participants"].append(row)
            snapshot["activity_entries"].extend(entries)
            activity_ids.add(person["activity_id"])
        promoted_ids: list[int] = []
        for activity_id in activity_ids:
            waiting = _waiting_ids(db, activity_id)
            promote_waiting(db, activity_id)
            promoted_ids += [w for w in waiting if w not in _waiting_ids(db, activity_id)]
        snapshot["statuses"] = [{"id": pid, "status": WAITING} for pid in promoted_ids]
    return _result(participant_ids[0] if participant_ids else None, snapshot, saved)


# ---------------------------------------------------------------- queries


PARTICIPANT_SORT = SortOrder(
    {
        "seq": "p.seq",
        "name": "m.name_pinyin",
        "branch": "b.sort_order, b.name",
        "role": "p.role",
        "status": "p.status",
        "staff_no": "m.staff_no",
        "gender": "m.gender",
        "department": "m.department",
    },
    tiebreak="p.seq, p.id",
)


@dataclass(frozen=True)
class ParticipantQuery(SortedQuery, sort=PARTICIPANT_SORT):
    """A filtered, sorted view of one activity's participants."""

    activity_id: int
    branch_id: int | None = None
    status: str | None = None
    event_id: int | None = None
    role: str | None = None
    search: str = ""
    include_cancelled: bool = True


def _participant_where(q: ParticipantQuery) -> tuple[str, list[Any]]:
    clauses = ["p.activity_id = ?"]
    params: list[Any] = [q.activity_id]
    add_filters(clauses, params, (("p.branch_id = ?", q.branch_id), ("p.status = ?", q.status)))
    if not q.status and not q.include_cancelled:
        clauses.append("p.status <> '已取消'")
    add_filters(clauses, params, (("p.role = ?", q.role),))
    if q.event_id is not None:
        clauses.append(
            "EXISTS (SELECT 1 FROM activity_entries x WHERE x.participant_id = p.id AND x.event_id = ?)"
        )
        params.append(q.event_id)
    for term in to_halfwidth(q.search or "").split():
        like = f"%{term}%"
        clauses.append(
            "(m.name LIKE ? OR m.name_initials LIKE ? OR m.staff_no LIKE ? OR m.department LIKE ?)"
        )
        params += [like, f"{term.lower()}%", like, like]
    return " WHERE " + " AND ".join(clauses), params


_FROM = (
    " FROM activity_participants p JOIN members m ON m.id = p.member_id"
    " JOIN branches b ON b.id = p.branch_id"
)


def participant_ids(db: sqlite_utils.Database, q: ParticipantQuery) -> list[int]:
    where, params = _participant_where(q)
    sql = f"SELECT p.id{_FROM}{where} ORDER BY {q.order_by()}"
    return column_values(db, sql, params)


def _result_texts(db: sqlite_utils.Database, ids: Sequence[int]) -> dict[int, list[dict[str, Any]]]:
    out: dict[int, list[dict[str, Any]]] = {}
    marks = ",".join("?" for _ in ids)
    for row in _rows(
        db,
        f"SELECT r.participant_id, e.name AS event, r.rank, r.score, r.award FROM activity_results r"
        f" JOIN activity_events e ON e.id = r.event_id WHERE r.participant_id IN ({marks})"
        f" ORDER BY e.sort_order, e.id",
        list(ids),
    ):
        out.setdefault(row.pop("participant_id"), []).append(row)
    return out


def result_text(results: Sequence[Mapping[str, Any]]) -> str:
    """``100米 第1名 12.3秒 一等奖；跳远 第3名`` — one person's results in one line."""
    parts = []
    for r in results:
        bits = [r["event"]]
        if r.get("rank"):
            bits.append(f"第{r['rank']}名")
        if r.get("score"):
            bits.append(str(r["score"]))
        if r.get("award"):
            bits.append(str(r["award"]))
        parts.append(" ".join(bits))
    return "；".join(parts)


def fetch_participants(
    db: sqlite_utils.Database, ids: Iterable[int], *, masked: bool = True
) -> dict[int, dict[str, Any]]:
    """Display rows for participants, keyed by id: member details, events and results."""
    ids = list(ids)
    result: dict[int, dict[str, Any]] = {}
    for chunk, marks in chunks(ids):
        rows = _rows(
            db,
            "SELECT p.id, p.activity_id, p.member_id, p.role, p.status, p.seq, p.notes, p.source,"
            " p.registered_at, p.branch_id, b.name AS branch, m.name, m.gender, m.staff_no, m.member_no,"
            " m.department, m.phone, m.id_number, m.status AS member_status"
            f"{_FROM} WHERE p.id IN ({marks})",
            chunk,
        )
        events: dict[int, list[tuple[int, str]]] = {}
        for pid, event_id, name in db.execute(
            f"SELECT x.participant_id, e.id, e.name FROM activity_entries x JOIN activity_events e ON e.id = x.event_id"
            f" WHERE x.participant_id IN ({marks}) ORDER BY e.sort_order, e.id",
            chunk,
        ):
            events.setdefault(pid, []).append((event_id, name))
        results = _result_texts(db, chunk)
        for row in rows:
            mine = events.get(row["id"], [])
            row["event_ids"] = [e[0] for e in mine]
            row["events"] = [e[1] for e in mine]
            row["events_text"] = "、".join(row["events"])
            row["results"] = results.get(row["id"], [])
            row["result"] = result_text(row["results"])
            row["phone_display"] = mask_phone(row["phone"]) if masked else (row["phone"] or "")
            row["id_number_display"] = (
                mask_id(row["id_number"]) if masked else (row["id_number"] or "")
            )
            result[row["id"]] = row
    return result


def list_participants(
    db: sqlite_utils.Database, q: ParticipantQuery | int, *, masked: bool = True
) -> list[dict[str, Any]]:
    if isinstance(q, int):
        q = ParticipantQuery(q)
    ids = participant_ids(db, q)
    return activities_service.in_order(ids, fetch_participants(db, ids, masked=masked))


def to_public_json(row: Mapping[str, Any]) -> dict[str, Any]:
    """The CLI's ``activities participants --json`` object (a documented, stable contract)."""
    return {
        **pick(row, ("id", "member_id", "name", "branch", "staff_no", "role")),
        "events": list(row["events"]),
        **pick(row, ("status", "seq", "result")),
        "results": [dict(r) for r in row["results"]],
    }


def participation_by_branch(db: sqlite_utils.Database, activity_id: int) -> list[dict[str, Any]]:
    """Per 分工会 (in the branches' order): counts per status and the total not cancelled."""
    out: OrderedDict[int, dict[str, Any]] = OrderedDict()
    for branch_id, name, status, n in db.execute(
        "SELECT b.id, b.name, p.status, count(*) FROM activity_participants p JOIN branches b ON b.id = p.branch_id"
        " WHERE p.activity_id = ? GROUP BY b.id, p.status ORDER BY b.sort_order, b.id",
        [activity_id],
    ):
        entry = out.setdefault(
            branch_id,
            {
                "branch_id": branch_id,
                "branch": name,
                **{s: 0 for s in PARTICIPANT_STATUSES},
                "total": 0,
            },
        )
        entry[status] = n
        if status != CANCELLED:
            entry["total"] += n
    return list(out.values())


def status_counts(db: sqlite_utils.Database, activity_id: int) -> dict[str, int]:
    counts = {s: 0 for s in PARTICIPANT_STATUSES}
    for status, n in db.execute(
        "SELECT status, count(*) FROM activity_participants WHERE activity_id = ? GROUP BY status",
        [activity_id],
    ):
        counts[status] = n
    return counts


def event_counts(db: sqlite_utils.Database, activity_id: int) -> dict[int, int]:
    """Entries per event (people not cancelled)."""
    return {
        r[0]: r[1]
        for r in db.execute(
            "SELECT x.event_id, count(*) FROM activity_entries x JOIN activity_participants p ON p.id = x.participant_id"
            " WHERE p.activity_id = ? AND p.status <> '已取消' GROUP BY x.event_id",
            [activity_id],
        )
    }


def member_history(db: sqlite_utils.Database, member_id: int) -> list[dict[str, Any]]:
    """The activities a member took part in (newest first), for the member form."""
    rows = _rows(
        db,
        "SELECT p.id, a.id AS activity_id, a.name AS activity, a.type, a.start_date, a.place, p.role, p.status,"
        " b.name AS branch FROM activity_participants p JOIN activities a ON a.id = p.activity_id"
        " JOIN branches b ON b.id = p.branch_id WHERE p.member_id = ? ORDER BY a.start_date DESC, a.id DESC",
        [member_id],
    )
    details = fetch_participants(db, [r["id"] for r in rows])
    for row in rows:
        detail = details.get(row["id"], {})
        row["events_text"] = detail.get("events_text", "")
        row["result"] = detail.get("result", "")
        row["year"] = int(row["start_date"][:4])
    return rows


def member_candidates(
    db: sqlite_utils.Database, activity_id: int, *, branch_id: int | None = None, search: str = ""
) -> list[dict[str, Any]]:
    """Eligible members not yet on the activity's list (for the picker fallback)."""
    statuses = eligible_statuses(db)
    marks = ",".join("?" for _ in statuses) or "''"
    sql = (
        "SELECT m.id, m.name, m.gender, m.staff_no, m.department, b.name AS branch, m.status FROM members m"
        f" JOIN branches b ON b.id = m.branch_id WHERE m.status IN ({marks})"
        " AND m.id NOT IN (SELECT member_id FROM activity_participants WHERE activity_id = ? AND status <> '已取消')"
    )
    params: list[Any] = [*statuses, activity_id]
    if branch_id is not None:
        sql += " AND m.branch_id = ?"
        params.append(branch_id)
    for term in to_halfwidth(search or "").split():
        like = f"%{term}%"
        sql += " AND (m.name LIKE ? OR m.name_initials LIKE ? OR m.staff_no LIKE ?)"
        params += [like, f"{term.lower()}%", like]
    sql += " ORDER BY b.sort_order, m.name_pinyin LIMIT 2000"
    return _rows(db, sql, params)


__all__ = [
    "CANCELLED",
    "OCCUPYING",
    "ParticipantQuery",
    "RegistrationResult",
    "WAITING",
    "cancel_registrations",
    "event_counts",
    "fetch_participants",
    "free_places",
    "get_participant",
    "list_participants",
    "mark_attendance",
    "member_candidates",
    "member_history",
    "participant_ids",
    "participation_by_branch",
    "places_used",
    "promote_waiting",
    "edit_participant",
    "participant_scopes",
    "register_members",
    "remove_participants",
    "result_text",
    "set_participant_status",
    "status_counts",
    "to_public_json",
    "update_participant",
]


def registered_member_ids(db: sqlite_utils.Database, activity_id: int) -> set[int]:
    """Members registered for the activity (cancelled registrations left out)."""
    return set(
        column_values(
            db,
            "SELECT member_id FROM activity_participants WHERE activity_id = ? AND status <> '已取消'",
            [activity_id],
        )
    )


def participant_branches(db: sqlite_utils.Database, activity_id: int) -> list[tuple[int, str]]:
    """(id, name) of the 分工会 with participants in the activity, in the usual order."""
    return [
        (r[0], r[1])
        for r in db.execute(
            "SELECT DISTINCT b.id, b.name, b.sort_order FROM activity_participants p"
            " JOIN branches b ON b.id = p.branch_id"
            " WHERE p.activity_id = ? AND p.status <> '已取消' ORDER BY b.sort_order, b.id",
            [activity_id],
        )
    ]
