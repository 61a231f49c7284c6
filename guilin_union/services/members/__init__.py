"""The member register (会员名册): validation, writes, queries for lists, exports and reports."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from guilin_union.core.dates import parse_date
from guilin_union.core.errors import ConflictError, NotFoundError, ValidationError
from guilin_union.core.ids import IdType, parse_id_number
from guilin_union.core.masking import mask_id, mask_phone
from guilin_union.core.member_match import search_terms
from guilin_union.core.members import (
    FIELD_LABELS,
    GENDERS,
    MemberRecord,
    MemberStatus,
)
from guilin_union.core.names import normalize_name
from guilin_union.core.phones import normalize_mobile
from guilin_union.core.pinyin import name_keys
from guilin_union.core.text import clean_cell_text, to_halfwidth
from guilin_union.core.text_limits import length_errors
from guilin_union.services.changes import Changes, OpResult
from guilin_union.services.common_fields import FREE_TEXT_FIELDS, JOB_FIELDS, PERSON_FIELDS
from guilin_union.services.common_query import (
    SortedQuery,
    SortOrder,
    add_filters,
    chunks,
    column_values,
    dict_rows,
    in_order,
    other_row,
    pick,
    where_sql,
)
from guilin_union.services.members import branches as branches_service
from guilin_union.storage import audit
from guilin_union.storage.schema.performance import SEARCH_INDEX, search_keys

# Columns of the members table that come straight from a MemberRecord (branch is mapped
# to branch_id separately).
_RECORD_COLUMNS = (
    "member_no",
    "name",
    *PERSON_FIELDS,
    *JOB_FIELDS,
    "join_date",
    "is_model_worker",
    "notes",
    "status",
)
_DATE_FIELDS = ("birth_date", "hire_date", "join_date")
_FREE_TEXT_FIELDS = (*FREE_TEXT_FIELDS, "member_no", "staff_no")


class MemberValidationError(ValidationError):
    """Several fields failed; ``errors`` maps field key -> Chinese message."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = errors
        text = "；".join(f"{FIELD_LABELS.get(k, k)}：{v}" for k, v in errors.items())
        super().__init__(text, next(iter(errors), None))


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not clean_cell_text(value))


def validate(
    db: sqlite_utils.Database, data: Mapping[str, Any], *, member_id: int | None = None
) -> MemberRecord:
    """Normalise and check every field; raise :class:`MemberValidationError` listing all
    problems at once (a form shows each message next to its field).

    Birth date and gender are derived from a resident ID number; values the user typed that
    contradict the ID are errors rather than silently overwritten.
    """
    errors: dict[str, str] = {}
    out: dict[str, Any] = {}

    try:
        out["name"] = normalize_name(str(data.get("name") or ""))
    except ValidationError as exc:
        errors["name"] = exc.message

    for key in _FREE_TEXT_FIELDS:
        value = data.get(key)
        out[key] = None if _blank(value) else clean_cell_text(str(value))
    errors.update(length_errors(out, _FREE_TEXT_FIELDS))  # core/text_limits.py
    if out.get("staff_no"):
        out["staff_no"] = to_halfwidth(out["staff_no"]).upper()
    if out.get("member_no"):
        out["member_no"] = to_halfwidth(out["member_no"]).upper()

    for key in _DATE_FIELDS:
        value = data.get(key)
        if _blank(value):
            out[key] = None
            continue
        try:
            out[key] = parse_date(value, field=key).isoformat()
        except ValidationError as exc:
            errors[key] = exc.message

    id_type = clean_cell_text(str(data.get("id_type") or "")) or IdType.RESIDENT.value
    if id_type not in {t.value for t in IdType}:
        errors["id_type"] = "证件类型应为：" + "、".join(t.value for t in IdType)
    out["id_type"] = id_type
    gender = None if _blank(data.get("gender")) else clean_cell_text(str(data["gender"]))
    if gender is not None and gender not in GENDERS:
        errors["gender"] = "性别应为“男”或“女”"
    out["gender"] = gender
    id_value = data.get("id_number")
    out["id_number"] = None
    if not _blank(id_value) and "id_type" not in errors:
        try:
            info = parse_id_number(str(id_value), id_type)
            out["id_number"] = info.number
            if info.birth_date is not None:
                derived = info.birth_date.isoformat()
                if (
                    out.get("birth_date")
                    and out["birth_date"] != derived
                    and "birth_date" not in errors
                ):
                    errors["birth_date"] = f"出生日期与身份证号不符（身份证号为{derived}）"
                out["birth_date"] = derived
            if info.gender is not None:
                if gender is not None and gender != info.gender and "gender" not in errors:
                    errors["gender"] = f"性别与身份证号不符（身份证号为{info.gender}）"
                out["gender"] = info.gender
        except ValidationError as exc:
            errors["id_number"] = exc.message

    phone = data.get("phone")
    out["phone"] = None
    if not _blank(phone):
        try:
            out["phone"] = normalize_mobile(str(phone))
        except ValidationError as exc:
            errors["phone"] = exc.message

    employment = data.get("employment_type")
    out["employment_type"] = None if _blank(employment) else clean_cell_text(str(employment))
    if out["employment_type"]:
        from guilin_union.services.members.record import employment_types  # editable (issue 24)

        allowed = employment_types(db)
        if out["employment_type"] not in allowed:
            errors["employment_type"] = "用工形式应为：" + "、".join(allowed) + "（可在设置中增加）"

    status = clean_cell_text(str(data.get("status") or "")) or MemberStatus.ACTIVE.value
    if status not in {s.value for s in MemberStatus}:
        errors["status"] = "会籍状态应为：" + "、".join(s.value for s in MemberStatus)
    out["status"] = status
    model = data.get("is_model_worker")
    out["is_model_worker"] = bool(model) and str(model).strip() not in (
        "否",
        "0",
        "False",
        "false",
        "N",
    )

    branch = clean_cell_text(str(data.get("branch") or ""))
    if not branch:
        errors["branch"] = "请选择分工会"
    elif branches_service.find_branch_id(db, branch) is None:
        errors["branch"] = branches_service.unknown_branch_message(db, branch)
    out["branch"] = branch

    for key, label in (("id_number", "证件号码"), ("staff_no", "工号"), ("member_no", "会员编号")):
        value = out.get(key)
        if value and key not in errors:
            row = other_row(db, "members", member_id, {key: value}, "id, name")
            if row:
                errors[key] = f"{label}已被会员“{row[1]}”使用"

    if errors:
        raise MemberValidationError(errors)
    return MemberRecord.from_mapping(out)


def _row_from_record(db: sqlite_utils.Database, record: MemberRecord) -> dict[str, Any]:
    row = {col: getattr(record, col) for col in _RECORD_COLUMNS}
    row["is_model_worker"] = 1 if record.is_model_worker else 0
    row["branch_id"] = branches_service.find_branch_id(db, record.branch)
    row["name_initials"], row["name_pinyin"] = name_keys(record.name)
    return row


def add_member(db: sqlite_utils.Database, data: Mapping[str, Any] | MemberRecord) -> OpResult:
    """Validate and insert one member (one transaction, logged)."""
    raw = data.to_dict() if isinstance(data, MemberRecord) else dict(data)
    with db.atomic():
        record = validate(db, raw)
        row = _row_from_record(db, record)
        now = audit.now_iso()
        row.update(created_at=now, updated_at=now)
        member_id = audit.insert(db, "members", row)
    return OpResult(Changes.of("members"), member_id, inverse=lambda d: delete_member(d, member_id))


def update_member(
    db: sqlite_utils.Database, member_id: int, data: Mapping[str, Any] | MemberRecord
) -> OpResult:
    """Validate and save an edit; ``undo`` holds the previous row, ``inverse`` puts it back."""
    raw = data.to_dict() if isinstance(data, MemberRecord) else dict(data)
    with db.atomic():
        get_member_row(db, member_id)
        record = validate(db, raw, member_id=member_id)
        row = _row_from_record(db, record)
        row["updated_at"] = audit.now_iso()
        before = audit.update(db, "members", member_id, row)
    return OpResult(
        Changes.of("members"),
        member_id,
        undo=before,
        inverse=lambda d: restore_row(d, member_id, before),
    )


def delete_member(db: sqlite_utils.Database, member_id: int) -> OpResult:
    """Delete a member; ``undo`` holds the full row so :func:`restore_member` can put it back
    (the result's ``inverse`` does that)."""
    with db.atomic():
        try:
            before = audit.delete(db, "members", member_id)
        except NotFoundError:
            raise NotFoundError("会员不存在（可能已被删除）") from None
        except Exception as exc:
            if "FOREIGN KEY" in str(exc).upper():
                raise ConflictError(
                    "该会员在其他记录（如代表、慰问、活动）中被引用，不能直接删除；"
                    "可以改为变更会籍状态。"
                ) from None
            raise
        group = (
            db.execute(
                "SELECT group_id FROM recycle_rows WHERE table_name = 'members' AND row_id = ?"
                " AND cascade_of IS NULL AND restored_at IS NULL ORDER BY id DESC LIMIT 1",
                [member_id],
            ).fetchone()
            if "recycle_rows" in db.table_names()
            else None
        )
    undo = dict(before)
    if group:
        undo[RECYCLE_GROUP_KEY] = group[0]
    return OpResult(
        Changes.of("members"), member_id, undo=undo, inverse=lambda d: restore_member(d, undo)
    )


# Key in a delete's undo data naming its recycle-bin group: undoing through the bin brings
# back what the delete took along (status history, dues base) and re-links applications.
RECYCLE_GROUP_KEY = "_recycle_group"


def restore_member(db: sqlite_utils.Database, row: Mapping[str, Any]) -> OpResult:
    """Undo of a delete: restore through the recycle bin when the delete went there (so the
    rows that went with the member come back too), else re-insert the row with its id.
    The result's ``inverse`` deletes the member again (redo of the delete)."""
    data = dict(row)
    group_id = data.pop(RECYCLE_GROUP_KEY, None)
    with db.atomic():
        if group_id is not None:
            from guilin_union.storage import recycle

            still_there = db.execute(
                "SELECT 1 FROM recycle_groups WHERE id = ? AND restored_at IS NULL", [group_id]
            ).fetchone()
            if still_there:
                restored = recycle.restore_group(db, group_id)
                restored_id = next(r.new_id for r in restored if r.table == "members")
                return OpResult(
                    Changes.of("members", "intake"),
                    restored_id,
                    inverse=lambda d: delete_member(d, restored_id),
                )
        member_id = audit.insert(db, "members", data, note="撤销删除")
    return OpResult(Changes.of("members"), member_id, inverse=lambda d: delete_member(d, member_id))


def restore_row(db: sqlite_utils.Database, member_id: int, row: Mapping[str, Any]) -> OpResult:
    """Put back the previous values of an edited member (undo of an edit); the result's
    ``inverse`` puts back the values this replaced (redo)."""
    with db.atomic():
        values = {k: v for k, v in row.items() if k != "id"}
        replaced = audit.update(db, "members", member_id, values, note="撤销修改")
    return OpResult(
        Changes.of("members"), member_id, inverse=lambda d: restore_row(d, member_id, replaced)
    )


def get_member_row(db: sqlite_utils.Database, member_id: int) -> dict[str, Any]:
    try:
        return audit.get_row(db, "members", member_id)
    except NotFoundError:
        raise NotFoundError("会员不存在（可能已被删除）") from None


def get_member(db: sqlite_utils.Database, member_id: int) -> MemberRecord:
    row = get_member_row(db, member_id)
    branch = db.execute("SELECT name FROM branches WHERE id = ?", [row["branch_id"]]).fetchone()
    data = dict(row)
    data["branch"] = branch[0] if branch else ""
    data["is_model_worker"] = bool(row["is_model_worker"])
    return MemberRecord.from_mapping(data)


# ---------------------------------------------------------------- queries for lists


# Sort keys -> SQL. Names sort by pinyin, which is what a Chinese reader expects.
SORT = SortOrder(
    {
        "member_no": "m.member_no",
        "name": "m.name_pinyin",
        "gender": "m.gender",
        "branch": "b.sort_order, b.name",
        "department": "m.department",
        "title": "m.title",
        "phone": "m.phone",
        "join_date": "m.join_date",
        "status": "m.status",
        "staff_no": "m.staff_no",
    },
    tiebreak="m.id",
)
SORT_SQL = SORT.columns


@dataclass(frozen=True)
class MemberQuery(SortedQuery, sort=SORT):
    """A filtered, sorted view of the register; the same object drives the table, the
    Excel export and the roster PDF so what is printed is what is shown."""

    search: str = ""
    branch_id: int | None = None
    branch_name: str | None = None
    status: str | None = None
    statuses: tuple[str, ...] = ()  # any of these (e.g. a picker offering 在会 and 保留会籍)
    group_id: int | None = None  # 工会小组 (issue 24)


# A search term is looked for in the folded keys of storage/schema/performance.py: anywhere
# in the name, staff number, member number or department; at the start of the pinyin
# initials or the whole pinyin (zs → 张三); at the end of the ID number. (Written with
# instr(), the term is taken literally: % and _ are not wildcards.)
_CONTAINS, _STARTS, _ENDS = search_keys("m")
_TERM_SQL = (
    f"(instr({_CONTAINS}, lower(?)) > 0 OR instr({_STARTS}, char(30) || lower(?)) > 0"
    f" OR instr({_ENDS}, upper(?) || char(29)) > 0)"
)


def has_search_keys(db: sqlite_utils.Database) -> bool:
    """Whether the file has the search index (a file opened read-only may predate it)."""
    row = db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?", [SEARCH_INDEX]
    ).fetchone()
    return row is not None


def _terms(q: MemberQuery) -> list[str]:
    # The name rule's view of spaces (core.member_match): "马　霞" pasted from a table is 马霞.
    return search_terms(q.search)


def _needs_branches(q: MemberQuery) -> bool:
    """The join with branches is needed only to filter by 分工会 name or to sort by 分工会
    (every member has a branch, so leaving it out never changes the rows)."""
    return bool(q.branch_name) or q.sort_key == "branch"


def _from(db: sqlite_utils.Database, q: MemberQuery) -> str:
    """``members m`` (joined with branches when needed). A search reads the folded keys from
    the search index, in member-number order, instead of folding every row again — unless a
    分工会 is chosen: its own index finds its few thousand rows first."""
    table = "members m"
    if _terms(q) and q.branch_id is None and not q.branch_name and has_search_keys(db):
        table += f" INDEXED BY {SEARCH_INDEX}"
    return f"{table} JOIN branches b ON b.id = m.branch_id" if _needs_branches(q) else table


def _where(q: MemberQuery) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    # Search terms first: SQLite tests them on the index entry before reading the row.
    for term in _terms(q):
        clauses.append(_TERM_SQL)
        params += [term, term, term]
    add_filters(
        clauses,
        params,
        (
            ("m.branch_id = ?", q.branch_id),
            ("b.name = ?", q.branch_name),
            ("m.status = ?", q.status),
            ("m.group_id = ?", q.group_id),
        ),
    )
    if q.statuses:
        clauses.append(f"m.status IN ({','.join('?' for _ in q.statuses)})")
        params.extend(q.statuses)
    return where_sql(clauses), params


def query_ids(db: sqlite_utils.Database, q: MemberQuery) -> list[int]:
    """Ids of the members in the view, sorted in SQL (the table model fetches rows lazily)."""
    where, params = _where(q)
    sql = f"SELECT m.id FROM {_from(db, q)}{where} ORDER BY {q.order_by()}"
    return column_values(db, sql, params)


def count(db: sqlite_utils.Database, q: MemberQuery | None = None) -> int:
    q = q or MemberQuery()
    where, params = _where(q)
    sql = f"SELECT count(*) FROM {_from(db, q)}{where}"
    return db.execute(sql, params).fetchone()[0]


_LIST_SELECT = (
    "SELECT m.id, m.member_no, m.name, m.gender, b.name AS branch, m.department, m.title,"
    " m.phone, m.id_number, m.id_type, m.join_date, m.status, m.staff_no, m.birth_date,"
    " m.employment_type, b.id AS branch_id,"
    # issue 24: the rest of the 会员登记表 (exports)
    " m.native_place, m.home_address, m.postcode, m.email, m.work_start_date, m.major,"
    " m.graduated_from, m.id_valid_until, m.employment_status, m.skill_level,"
    " (SELECT g.name FROM union_groups g WHERE g.id = m.group_id) AS union_group"
    " FROM members m JOIN branches b ON b.id = m.branch_id"
)


def with_number_display(row: dict[str, Any], *, masked: bool = True) -> dict[str, Any]:
    """Add the masked ID number and phone, and the ``*_display`` text a list shows (masked
    unless ``masked`` is False); used for members and applications alike."""
    row["id_number_masked"] = mask_id(row.get("id_number"))
    row["phone_masked"] = mask_phone(row.get("phone"))
    if masked:
        row["id_number_display"] = row["id_number_masked"]
        row["phone_display"] = row["phone_masked"]
    else:
        row["id_number_display"] = row.get("id_number") or ""
        row["phone_display"] = row.get("phone") or ""
    return row


def fetch_rows(
    db: sqlite_utils.Database, ids: Iterable[int], *, masked: bool = True
) -> dict[int, dict[str, Any]]:
    """Display rows for the given ids (a page of the table), keyed by id."""
    ids = list(ids)
    result: dict[int, dict[str, Any]] = {}
    # SQLite limits bound variables; pages are small but exports may not be.
    for chunk, marks in chunks(ids):
        cursor = db.execute(f"{_LIST_SELECT} WHERE m.id IN ({marks})", chunk)
        for row in dict_rows(cursor):
            result[row["id"]] = with_number_display(row, masked=masked)
    return result


def list_members(
    db: sqlite_utils.Database, q: MemberQuery | None = None, *, masked: bool = True
) -> list[dict[str, Any]]:
    """All rows of a view in order (for exports, reports and the CLI)."""
    ids = query_ids(db, q or MemberQuery())
    return in_order(ids, fetch_rows(db, ids, masked=masked))


def to_public_json(row: Mapping[str, Any]) -> dict[str, Any]:
    """The CLI's ``members list --json`` object (a documented, stable contract)."""
    return pick(
        row,
        (
            "id",
            "member_no",
            "name",
            "gender",
            "branch",
            "department",
            "title",
            "staff_no",
            "status",
            "join_date",
            "id_number_masked",
            "phone_masked",
        ),
    )


def counts_by_status(db: sqlite_utils.Database) -> dict[str, int]:
    return {r[0]: r[1] for r in db.execute("SELECT status, count(*) FROM members GROUP BY status")}


def today() -> _dt.date:
    return _dt.date.today()


def member_names(db: sqlite_utils.Database, member_ids: Iterable[int]) -> list[str]:
    """Names of the given members (in id order; unknown ids are skipped)."""
    ids = list(member_ids)
    if not ids:
        return []
    marks = ",".join("?" for _ in ids)
    sql = f"SELECT name FROM members WHERE id IN ({marks}) ORDER BY id"
    return column_values(db, sql, ids)


def member_summary(db: sqlite_utils.Database, member_id: int) -> dict[str, Any] | None:
    """Name, 分工会, staff number and status of one member (None when unknown), for labels.

    >>> from guilin_union.storage import open_database
    >>> member_summary(open_database(":memory:"), 1) is None
    True
    """
    row = db.execute(
        "SELECT m.name, b.name, m.staff_no, m.status FROM members m"
        " JOIN branches b ON b.id = m.branch_id WHERE m.id = ?",
        [member_id],
    ).fetchone()
    if row is None:
        return None
    return {"name": row[0], "branch": row[1], "staff_no": row[2], "status": row[3]}
