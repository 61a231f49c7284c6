"""入会申请 (the intake workflow): 待分工会审核 → 待校工会批准 → 已批准 / 未通过.

An application holds the same personal fields as the register. Approval creates the member
(validated exactly like a register entry), issues the member number by the rule, records the
join date and the dues start month. Batch actions act on a selection in ONE transaction: all
of them happen or none (a refused item names the person and the reason).

>>> # r = add_application(db, {"name": "张三", "branch": "文学院分工会", "id_number": "..."})
>>> # branch_approve(db, [r.row_id]); approve(db, [r.row_id])
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from guilin_union.core.dates import parse_date
from guilin_union.core.errors import ConflictError, NotFoundError, ValidationError
from guilin_union.core.intake import (  # noqa: F401 — re-exported: intake.PENDING_STATES …
    APPLICATION_STATES,
    APPROVED,
    BRANCH_REVIEW,
    PENDING_STATES,
    REJECTED,
    SCHOOL_APPROVAL,
)
from guilin_union.core.members import MemberRecord
from guilin_union.core.text import clean_cell_text, to_halfwidth
from guilin_union.services import members as members_service
from guilin_union.services import row_undo
from guilin_union.services.changes import Changes, OpResult
from guilin_union.services.common_fields import JOB_FIELDS, PERSON_FIELDS, RECORD_FIELDS
from guilin_union.services.common_query import (
    SortedQuery,
    SortOrder,
    chunks,
    column_values,
    dict_rows,
    filter_clauses,
    in_order,
    pick,
    where_sql,
)
from guilin_union.services.intake import dues as dues_service
from guilin_union.services.members import branches as branches_service
from guilin_union.services.members.numbers import NumberIssuer, record_issued
from guilin_union.storage import audit

# Personal fields an application shares with the register (MemberRecord names).
APPLICATION_FIELDS = ("name", *PERSON_FIELDS, *JOB_FIELDS, "is_model_worker", "notes")
CHANGES = Changes.of("intake")


class BatchError(ValidationError):
    """A batch action refused; ``problems`` lists (application id, name, reason)."""

    def __init__(self, action: str, problems: list[tuple[int, str, str]]) -> None:
        self.problems = problems
        lines = "；".join(f"{name}：{reason}" for _id, name, reason in problems[:10])
        more = f"（另有 {len(problems) - 10} 人）" if len(problems) > 10 else ""
        super().__init__(f"{action}未执行，以下 {len(problems)} 人有问题：{lines}{more}")


def _today() -> _dt.date:
    return _dt.date.today()


def _iso_date(value: _dt.date | str | None, field: str) -> str:
    if value is None or value == "":
        return _today().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    return parse_date(value, field=field).isoformat()


def _validate_personal(
    db: sqlite_utils.Database, data: Mapping[str, Any], *, application_id: int | None = None
) -> tuple[MemberRecord, int]:
    """Validate like a register entry (same messages), plus: no other open application for
    the same ID number. Returns the record and the 分工会 id."""
    raw = {k: data.get(k) for k in (*APPLICATION_FIELDS, "branch")}
    raw["member_no"] = None
    raw["status"] = None
    raw["join_date"] = None
    errors: dict[str, str] = {}
    record: MemberRecord | None = None
    try:
        record = members_service.validate(db, raw)
    except members_service.MemberValidationError as exc:
        errors.update(exc.errors)
    id_number = None
    if record is not None:
        id_number = record.id_number
    elif data.get("id_number") and "id_number" not in errors:
        id_number = to_halfwidth(clean_cell_text(str(data["id_number"]))).upper()
    if id_number:
        row = db.execute(
            "SELECT id, name, state FROM intake_applications WHERE id_number = ? AND state IN (?, ?)"
            " AND id IS NOT ?",
            [id_number, *PENDING_STATES, application_id],
        ).fetchone()
        if row and "id_number" not in errors:
            errors["id_number"] = f"已有“{row[1]}”的入会申请（{row[2]}），不能重复申请"
    if errors:
        raise members_service.MemberValidationError(errors)
    assert record is not None
    branch_id = branches_service.find_branch_id(db, record.branch)
    assert branch_id is not None
    return record, branch_id


def _row_from_record(record: MemberRecord, branch_id: int) -> dict[str, Any]:
    row = {k: getattr(record, k) for k in APPLICATION_FIELDS}
    row["is_model_worker"] = 1 if record.is_model_worker else 0
    row["branch_id"] = branch_id
    return row


def add_application(
    db: sqlite_utils.Database,
    data: Mapping[str, Any],
    *,
    applied_on: _dt.date | str | None = None,
    source: str = "手工录入",
) -> OpResult:
    """Validate and record one application (state 待分工会审核)."""
    with db.atomic():
        record, branch_id = _validate_personal(db, data)
        now = audit.now_iso()
        row = _row_from_record(record, branch_id)
        row.update(
            state=BRANCH_REVIEW,
            applied_on=_iso_date(applied_on or data.get("applied_on"), "applied_on"),
            source=source,
            created_at=now,
            updated_at=now,
        )
        app_id = audit.insert(db, "intake_applications", row)
    return OpResult(CHANGES, app_id, inverse=lambda d: delete_application(d, app_id))


def get_application(db: sqlite_utils.Database, app_id: int) -> dict[str, Any]:
    """The application row plus ``branch`` (the 分工会 name)."""
    try:
        row = audit.get_row(db, "intake_applications", app_id)
    except NotFoundError:
        raise NotFoundError("入会申请不存在（可能已被删除）") from None
    branch = db.execute("SELECT name FROM branches WHERE id = ?", [row["branch_id"]]).fetchone()
    row["branch"] = branch[0] if branch else ""
    row["is_model_worker"] = bool(row["is_model_worker"])
    return row


def update_application(db: sqlite_utils.Database, app_id: int, data: Mapping[str, Any]) -> OpResult:
    """Edit a pending application; ``undo`` holds the previous row."""
    with db.atomic():
        current = get_application(db, app_id)
        if current["state"] not in PENDING_STATES:
            raise ConflictError(f"申请已“{current['state']}”，不能再修改")
        record, branch_id = _validate_personal(db, data, application_id=app_id)
        row = _row_from_record(record, branch_id)
        if data.get("applied_on"):
            row["applied_on"] = _iso_date(data["applied_on"], "applied_on")
        row["updated_at"] = audit.now_iso()
        before = audit.update(db, "intake_applications", app_id, row)
    return OpResult(
        CHANGES,
        app_id,
        undo=before,
        inverse=lambda d: restore_application_row(d, app_id, before),
    )


def restore_application_row(
    db: sqlite_utils.Database, app_id: int, row: Mapping[str, Any]
) -> OpResult:
    """Undo of an edit or a state change: put the previous values back (its ``inverse``
    puts the values it replaced back again: redo)."""
    return row_undo.put_values_back(db, "intake_applications", app_id, row, CHANGES, note="撤销")


def delete_application(db: sqlite_utils.Database, app_id: int) -> OpResult:
    """Delete an application that did not become a member; ``undo`` holds the row."""
    with db.atomic():
        current = get_application(db, app_id)
        if current["state"] == APPROVED:
            raise ConflictError("已批准的申请是入会记录，不能删除")
        before = audit.delete(db, "intake_applications", app_id)
    return OpResult(CHANGES, app_id, undo=before, inverse=lambda d: restore_application(d, before))


def restore_application(db: sqlite_utils.Database, row: Mapping[str, Any]) -> OpResult:
    """Undo of a delete: re-insert with the original id."""
    with db.atomic():
        app_id = audit.insert(db, "intake_applications", dict(row), note="撤销删除")
    return OpResult(CHANGES, app_id, inverse=lambda d: delete_application(d, app_id))


# ------------------------------------------------------------------ batch actions


def _load(db: sqlite_utils.Database, ids: Iterable[int]) -> list[dict[str, Any]]:
    ids = list(dict.fromkeys(int(i) for i in ids))
    if not ids:
        raise ValidationError("请先选择入会申请")
    return [get_application(db, i) for i in ids]


def _load_in_state(
    db: sqlite_utils.Database,
    ids: Iterable[int],
    action: str,
    allowed: Iterable[str],
    refusal: str,
) -> list[dict[str, Any]]:
    """The selected applications, all or nothing: any not in an ``allowed`` state refuses
    the batch (``refusal`` formatted with the application's ``state``)."""
    apps = _load(db, ids)
    states = tuple(allowed)
    problems = [(a["id"], a["name"], refusal.format(**a)) for a in apps if a["state"] not in states]
    if problems:
        raise BatchError(action, problems)
    return apps


def _set_states(
    db: sqlite_utils.Database, apps: list[dict[str, Any]], values: Mapping[str, Any], note: str
) -> OpResult:
    """Write ``values`` to each application; ``undo``/``inverse`` put the rows back."""
    now = audit.now_iso()
    for a in apps:
        audit.update(db, "intake_applications", a["id"], {**values, "updated_at": now}, note=note)
    undo = {"rows": {a["id"]: a for a in apps}}
    return OpResult(CHANGES, None, undo=undo, inverse=lambda d: revert_states(d, undo))


def branch_approve(
    db: sqlite_utils.Database, ids: Iterable[int], *, on: _dt.date | str | None = None
) -> OpResult:
    """分工会审核通过: 待分工会审核 → 待校工会批准 (records who and when)."""
    day = _iso_date(on, "on")
    user = audit.os_user()
    with db.atomic():
        apps = _load_in_state(
            db, ids, "分工会审核", [BRANCH_REVIEW], "当前为“{state}”，不是待分工会审核"
        )
        return _set_states(
            db,
            apps,
            {"state": SCHOOL_APPROVAL, "branch_reviewed_by": user, "branch_reviewed_at": day},
            "分工会审核通过",
        )


def approve(
    db: sqlite_utils.Database,
    ids: Iterable[int],
    *,
    on: _dt.date | str | None = None,
    join_date: _dt.date | str | None = None,
    dues_start_month: str | None = None,
) -> OpResult:
    """校工会批准: each pending application becomes a member with a new member number.

    An application still at 待分工会审核 is approved with its branch review recorded at the
    same time (the committee may approve both steps at one meeting). ``join_date`` defaults
    to the approval date; the dues start month follows the ``dues_start_rule`` setting unless
    given. All or nothing: one refused application stops the whole batch.
    ``undo`` = ``{"members": [member ids], "rows": {app id: previous row}}``.
    """
    day = _iso_date(on, "on")
    joined = _iso_date(join_date or day, "join_date")
    start = None
    if dues_start_month:
        from guilin_union.core.dates import parse_month

        start = parse_month(dues_start_month, field="dues_start_month")
    user = audit.os_user()
    created: list[int] = []
    with db.atomic():
        apps = _load_in_state(db, ids, "批准入会", PENDING_STATES, "当前为“{state}”，不能批准")
        problems: list[tuple[int, str, str]] = []
        issuer = NumberIssuer(db)
        now = audit.now_iso()
        year = int(joined[:4])
        for a in apps:
            member_no = issuer.next(branch_id=a["branch_id"], year=year)
            data = {k: a.get(k) for k in APPLICATION_FIELDS}
            data.update(branch=a["branch"], member_no=member_no, join_date=joined, status="在会")
            try:
                result = members_service.add_member(db, data)
            except members_service.MemberValidationError as exc:
                problems.append((a["id"], a["name"], str(exc)))
                continue
            member_id = int(result.row_id)  # type: ignore[arg-type]
            created.append(member_id)
            _copy_record_fields(db, a, member_id)
            record_issued(db, [(member_no, member_id)], source=f"入会申请#{a['id']}")
            dues_service.set_dues_record(
                db,
                member_id,
                dues_start_month=start or dues_service.default_start_month(db, joined),
            )
            changes: dict[str, Any] = {
                "state": APPROVED,
                "decided_by": user,
                "decided_at": day,
                "member_id": member_id,
                "member_no": member_no,
                "join_date": joined,
                "dues_start_month": start or dues_service.default_start_month(db, joined),
                "updated_at": now,
            }
            if not a.get("branch_reviewed_at"):
                changes.update(branch_reviewed_by=user, branch_reviewed_at=day)
            audit.update(db, "intake_applications", a["id"], changes, note="校工会批准入会")
        if problems:
            raise BatchError("批准入会", problems)
    undo = {"members": created, "rows": {a["id"]: a for a in apps}}
    return OpResult(
        Changes.of("intake", "members"),
        None,
        undo=undo,
        inverse=lambda d: revert_approval(d, undo),
    )


def _copy_record_fields(db: sqlite_utils.Database, app: Mapping[str, Any], member_id: int) -> None:
    values = {k: app.get(k) for k in RECORD_FIELDS if app.get(k)}
    if values:
        audit.update(db, "members", member_id, values, note="入会申请中的登记表信息")


def revert_approval(db: sqlite_utils.Database, undo: Mapping[str, Any]) -> OpResult:
    """Undo of :func:`approve`: delete the members it created and put the applications back.

    The member numbers stay in the issued list: a number once given is never given again.
    Refused if a created member is already referenced elsewhere (e.g. a welfare payment).
    """
    with db.atomic():
        for member_id in undo.get("members", []):
            members_service.delete_member(db, member_id)
        for app_id, row in undo.get("rows", {}).items():
            restore = {
                k: row.get(k)
                for k in (
                    "state",
                    "decided_by",
                    "decided_at",
                    "member_id",
                    "member_no",
                    "join_date",
                    "dues_start_month",
                    "branch_reviewed_by",
                    "branch_reviewed_at",
                    "updated_at",
                )
            }
            audit.update(db, "intake_applications", int(app_id), restore, note="撤销批准")
    return OpResult(Changes.of("intake", "members"), None)


def reject(
    db: sqlite_utils.Database, ids: Iterable[int], reason: str, *, on: _dt.date | str | None = None
) -> OpResult:
    """不予通过 with one reason for the whole selection (required)."""
    text = clean_cell_text(str(reason or ""))
    if not text:
        raise ValidationError("请填写不予通过的原因", "reason")
    day = _iso_date(on, "on")
    user = audit.os_user()
    with db.atomic():
        apps = _load_in_state(db, ids, "不予通过", PENDING_STATES, "当前为“{state}”，不能再审批")
        return _set_states(
            db,
            apps,
            {"state": REJECTED, "reject_reason": text, "decided_by": user, "decided_at": day},
            "入会申请未通过",
        )


def revert_states(db: sqlite_utils.Database, undo: Mapping[str, Any]) -> OpResult:
    """Undo of :func:`branch_approve` / :func:`reject` / :func:`reopen`."""
    keys = (
        "state",
        "reject_reason",
        "decided_by",
        "decided_at",
        "branch_reviewed_by",
        "branch_reviewed_at",
        "updated_at",
    )
    with db.atomic():
        for app_id, row in undo.get("rows", {}).items():
            audit.update(
                db, "intake_applications", int(app_id), {k: row.get(k) for k in keys}, note="撤销"
            )
    return OpResult(CHANGES, None)


def reopen(db: sqlite_utils.Database, ids: Iterable[int]) -> OpResult:
    """Send 未通过 applications back to 待分工会审核 (e.g. after the missing papers came)."""
    with db.atomic():
        apps = _load_in_state(db, ids, "重新审核", [REJECTED], "当前为“{state}”")
        # The person may meanwhile have applied again: only one open application per ID.
        problems = [
            (a["id"], a["name"], "已有新的入会申请")
            for a in apps
            if a["id_number"]
            and db.execute(
                "SELECT 1 FROM intake_applications WHERE id_number = ? AND state IN (?, ?)",
                [a["id_number"], *PENDING_STATES],
            ).fetchone()
        ]
        if problems:
            raise BatchError("重新审核", problems)
        cleared = dict.fromkeys(
            (
                "reject_reason",
                "decided_by",
                "decided_at",
                "branch_reviewed_by",
                "branch_reviewed_at",
            )
        )
        return _set_states(db, apps, {"state": BRANCH_REVIEW, **cleared}, "重新审核")


# ------------------------------------------------------------------ queries


SORT = SortOrder(
    {
        "applied_on": "a.applied_on",
        "name": "a.name",
        "branch": "b.sort_order, b.name",
        "state": "a.state",
        "department": "a.department",
        "decided_at": "a.decided_at",
        "member_no": "a.member_no",
    },
    tiebreak="a.id",
)


@dataclass(frozen=True)
class ApplicationQuery(SortedQuery, sort=SORT):
    state: str | None = None  # one state, or None for all
    pending_only: bool = False
    branch_id: int | None = None
    search: str = ""


def _where(q: ApplicationQuery) -> tuple[str, list[Any]]:
    clauses, params = filter_clauses((("a.state = ?", q.state), ("a.branch_id = ?", q.branch_id)))
    if q.pending_only:
        clauses.append("a.state IN (?, ?)")
        params += list(PENDING_STATES)
    for term in to_halfwidth(q.search or "").split():
        like = f"%{term}%"
        clauses.append(
            "(a.name LIKE ? OR a.staff_no LIKE ? OR a.department LIKE ? OR a.id_number LIKE ?)"
        )
        params += [like, like, like, f"%{term.upper()}"]
    return where_sql(clauses), params


def query_ids(db: sqlite_utils.Database, q: ApplicationQuery) -> list[int]:
    where, params = _where(q)
    sql = (
        f"SELECT a.id FROM intake_applications a JOIN branches b ON b.id = a.branch_id{where}"
        f" ORDER BY {q.order_by()}"
    )
    return column_values(db, sql, params)


def fetch_rows(
    db: sqlite_utils.Database, ids: Iterable[int], *, masked: bool = True
) -> dict[int, dict[str, Any]]:
    ids = list(ids)
    out: dict[int, dict[str, Any]] = {}
    for chunk, marks in chunks(ids):
        cursor = db.execute(
            "SELECT a.*, b.name AS branch FROM intake_applications a JOIN branches b ON b.id = a.branch_id"
            f" WHERE a.id IN ({marks})",
            chunk,
        )
        for row in dict_rows(cursor):
            out[row["id"]] = members_service.with_number_display(row, masked=masked)
    return out


def list_applications(
    db: sqlite_utils.Database, q: ApplicationQuery | None = None, *, masked: bool = True
) -> list[dict[str, Any]]:
    ids = query_ids(db, q or ApplicationQuery())
    return in_order(ids, fetch_rows(db, ids, masked=masked))


def counts_by_state(db: sqlite_utils.Database) -> dict[str, int]:
    counts = {s: 0 for s in APPLICATION_STATES}
    counts.update(
        {
            r[0]: r[1]
            for r in db.execute("SELECT state, count(*) FROM intake_applications GROUP BY state")
        }
    )
    return counts


def pending_ids(db: sqlite_utils.Database) -> list[int]:
    return query_ids(db, ApplicationQuery(pending_only=True))


# The keys of the CLI's ``members applications --json`` object, in this order.
APPLICATION_JSON_KEYS = (
    "id",
    "state",
    "name",
    "gender",
    "branch",
    "department",
    "staff_no",
    "applied_on",
    "branch_reviewed_at",
    "decided_at",
    "decided_by",
    "reject_reason",
    "member_id",
    "member_no",
    "dues_start_month",
    "id_number_masked",
    "phone_masked",
)


def to_public_json(row: Mapping[str, Any]) -> dict[str, Any]:
    """The CLI's ``members applications --json`` object (numbers masked)."""
    return pick(row, APPLICATION_JSON_KEYS)
