"""会费台账: what each member owed and paid, month by month.

A month is *opened* (:func:`open_month`) by fixing every liable member's amount due from the
dues calculator (:mod:`guilin_union.services.intake.dues`: base truncated to whole 10 元, rate,
retirement waiver) as it stands then; later changes of a base leave the month alone. Opening
is idempotent (members who became liable since are added) and happens by itself before any
payment of that month is recorded.

Payments arrive three ways, each recording how (代扣/现金/转账), when, and who recorded it:

- the finance office's deduction list (:mod:`.dues_import`);
- a 分工会's cash remittance for ticked members, the total checked (:func:`record_remittance`);
- one payment by hand (:func:`record_payment`).

Arrears (欠缴) of a member are the opened months where less than the due was paid.

>>> from guilin_union.storage import open_database
>>> db = open_database(":memory:")
>>> month_count(db, "2025-03")
0
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from guilin_union.core.dates import parse_date, parse_month
from guilin_union.core.errors import ConflictError, NotFoundError, ValidationError
from guilin_union.core.funds import PAYMENT_METHODS
from guilin_union.core.money import format_fen
from guilin_union.services import settings
from guilin_union.services.changes import Changes, OpResult
from guilin_union.services.common_money import fen_amount
from guilin_union.services.common_query import SortOrder, add_filters, column_values, dict_rows
from guilin_union.services.intake import dues
from guilin_union.services.money import AREA
from guilin_union.storage import audit

settings.register_defaults(
    {
        "dues_arrears_months": (3, "欠缴会费名单：欠缴超过几个月列入"),
    }
)

# The JSON keys of `dues ledger --json` (a contract: add, never rename).
LEDGER_KEYS = (
    "member_id",
    "member_no",
    "name",
    "staff_no",
    "branch",
    "month",
    "base_fen",
    "due_fen",
    "paid_fen",
    "arrears_fen",
    "method",
    "paid_on",
    "source",
    "recorded_by",
    "recorded_at",
    "note",
)


def _month(value: object) -> str:
    return parse_month(value, field="month")


def _day(value: object, field: str = "paid_on") -> str:
    if value in (None, ""):
        raise ValidationError("请填写缴纳日期", field)
    return parse_date(value, field=field).isoformat()


def _method(value: object) -> str:
    text = str(value or "").strip()
    if text not in PAYMENT_METHODS:
        raise ValidationError("缴纳方式应为：" + "、".join(PAYMENT_METHODS), "method")
    return text


def _yuan(fen: int) -> str:
    return f"{format_fen(fen)} 元"


def _cn_month(month: str) -> str:
    return f"{int(month[:4])}年{int(month[5:])}月"


# ---------------------------------------------------------------- opening a month


def is_open(db: sqlite_utils.Database, month: str) -> bool:
    return (
        db.execute("SELECT 1 FROM dues_ledger WHERE month = ? LIMIT 1", [_month(month)]).fetchone()
        is not None
    )


def open_month(db: sqlite_utils.Database, month: str) -> int:
    """Fix the amount due of every liable member of ``month`` not yet in the ledger; returns
    how many rows were added or completed. One change-log event for the whole month (not one
    per row). Rows opened without a salary base and not yet paid take the base recorded
    since; every other opened row keeps its amount."""
    month = _month(month)
    lines = [line for line in dues.dues_lines(db, month) if line.liable]
    present = {
        mid: (base, paid)
        for mid, base, paid in db.execute(
            "SELECT member_id, base_fen, paid_fen FROM dues_ledger WHERE month = ?", [month]
        )
    }
    now = audit.now_iso()
    completed = [
        (line.salary_base_fen, line.dues_fen, line.member_id, month)
        for line in lines
        if line.member_id in present
        and present[line.member_id] == (None, 0)
        and line.salary_base_fen is not None
    ]
    if completed:
        with db.atomic():
            db.conn.executemany(
                "UPDATE dues_ledger SET base_fen = ?, due_fen = ?, note = NULL"
                " WHERE member_id = ? AND month = ?",
                completed,
            )
            audit.log_event(
                db,
                "dues_ledger",
                None,
                "update",
                after={"month": month, "members": len(completed)},
                note=f"补录工资基数后更新{_cn_month(month)}会费台账（{len(completed)} 人）",
            )
    new = [
        (
            line.member_id,
            month,
            line.branch_id,
            line.salary_base_fen,
            line.dues_fen,
            line.note or None,  # 未录入工资基数: due 0 until a base is recorded
            now,
        )
        for line in lines
        if line.member_id not in present
    ]
    if not new:
        return len(completed)
    with db.atomic():
        db.conn.executemany(
            "INSERT INTO dues_ledger (member_id, month, branch_id, base_fen, due_fen, note,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            new,
        )
        audit.log_event(
            db,
            "dues_ledger",
            None,
            "insert",
            after={"month": month, "members": len(new), "due_fen": sum(r[4] for r in new)},
            note=f"建立{_cn_month(month)}会费台账（{len(new)} 人）",
        )
    return len(new) + len(completed)


def open_month_op(db: sqlite_utils.Database, month: str) -> OpResult:
    """:func:`open_month` as a user operation (the GUI's 建立台账 button)."""
    n = open_month(db, month)
    return OpResult(Changes.of(AREA), n)


# ---------------------------------------------------------------- reading


_SELECT = (
    "SELECT l.id, l.member_id, m.member_no, m.name, m.staff_no, b.name AS branch, l.month,"
    " l.base_fen, l.due_fen, l.paid_fen, max(l.due_fen - l.paid_fen, 0) AS arrears_fen,"
    " l.method, l.paid_on, l.source, l.recorded_by, l.recorded_at, l.note, l.branch_id,"
    " l.remittance_id, l.import_id"
    " FROM dues_ledger l JOIN members m ON m.id = l.member_id"
    " JOIN branches b ON b.id = l.branch_id"
)


@dataclass
class LedgerQuery:
    month: str
    branch_id: int | None = None
    state: str | None = None  # None / "paid" (已缴) / "unpaid" (欠缴)
    search: str = ""


def _where(q: LedgerQuery) -> tuple[str, list[Any]]:
    clauses: list[str] = ["l.month = ?"]
    params: list[Any] = [_month(q.month)]
    add_filters(clauses, params, (("l.branch_id = ?", q.branch_id),))
    if q.state == "paid":
        clauses.append("l.paid_fen >= l.due_fen")
    elif q.state == "unpaid":
        clauses.append("l.paid_fen < l.due_fen")
    text = q.search.strip()
    if text:
        clauses.append("(m.name LIKE ? OR m.staff_no LIKE ? OR m.member_no LIKE ?)")
        params += [f"%{text}%"] * 3
    return " WHERE " + " AND ".join(clauses), params


_dicts = dict_rows


def ledger_page(
    db: sqlite_utils.Database, q: LedgerQuery, *, offset: int = 0, limit: int | None = None
) -> list[dict[str, Any]]:
    """One page of a month's ledger, in 分工会 then member-number order (SQL paging: a page
    of 3,000 × 12 months opens in milliseconds)."""
    where, params = _where(q)
    sql = _SELECT + where + " ORDER BY b.sort_order, b.id, m.member_no, m.id"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [int(limit), int(offset)]
    return _dicts(db.execute(sql, params))


def ledger_count(db: sqlite_utils.Database, q: LedgerQuery) -> int:
    where, params = _where(q)
    sql = "SELECT count(*) FROM dues_ledger l JOIN members m ON m.id = l.member_id" + where
    return int(db.execute(sql, params).fetchone()[0])


SORT = SortOrder(
    {
        "branch": "b.sort_order, b.id, m.member_no, m.id",
        "member_no": "m.member_no, m.id",
        "name": "m.name_pinyin, m.id",
        "staff_no": "m.staff_no, m.id",
        "due": "l.due_fen, m.member_no",
        "paid": "l.paid_fen, m.member_no",
        "arrears": "l.due_fen - l.paid_fen, m.member_no",
        "method": "l.method, m.member_no",
        "paid_on": "l.paid_on, m.member_no",
    },
)


def ledger_ids(
    db: sqlite_utils.Database, q: LedgerQuery, sort_key: str | None = None, descending: bool = False
) -> list[int]:
    """The ledger row ids of a view in display order (the list model fetches rows in pages)."""
    where, params = _where(q)
    sql = (
        "SELECT l.id FROM dues_ledger l JOIN members m ON m.id = l.member_id"
        f" JOIN branches b ON b.id = l.branch_id{where} ORDER BY {SORT.sql(sort_key, descending)}"
    )
    return column_values(db, sql, params)


def ledger_rows(db: sqlite_utils.Database, ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """Ledger rows by id (one page of the list)."""
    wanted = [int(i) for i in ids]
    if not wanted:
        return {}
    placeholders = ",".join("?" for _ in wanted)
    return {
        r["id"]: r for r in _dicts(db.execute(_SELECT + f" WHERE l.id IN ({placeholders})", wanted))
    }


def month_count(db: sqlite_utils.Database, month: str) -> int:
    return ledger_count(db, LedgerQuery(month))


def month_ledger(db: sqlite_utils.Database, month: str) -> list[dict[str, Any]]:
    """Every line of ``month``: the ledger when the month is opened, otherwise what the
    calculator says is due today (nothing paid, ``source`` None) — reading never writes."""
    month = _month(month)
    if is_open(db, month):
        return ledger_page(db, LedgerQuery(month))
    out = []
    numbers = {
        mid: (no, staff)
        for mid, no, staff in db.execute("SELECT id, member_no, staff_no FROM members")
    }
    for line in dues.dues_lines(db, month):
        if not line.liable:
            continue
        out.append(
            {
                "id": None,
                "member_id": line.member_id,
                "member_no": line.member_no,
                "name": line.name,
                "staff_no": numbers.get(line.member_id, (None, None))[1],
                "branch": line.branch,
                "month": month,
                "base_fen": line.salary_base_fen,
                "due_fen": line.dues_fen,
                "paid_fen": 0,
                "arrears_fen": line.dues_fen,
                "method": None,
                "paid_on": None,
                "source": None,
                "recorded_by": None,
                "recorded_at": None,
                "note": line.note or None,
                "branch_id": line.branch_id,
                "remittance_id": None,
                "import_id": None,
            }
        )
    return out


def to_public_json(row: Mapping[str, Any]) -> dict[str, Any]:
    return {k: row.get(k) for k in LEDGER_KEYS}


def member_history(db: sqlite_utils.Database, member_id: int) -> list[dict[str, Any]]:
    """A member's ledger, newest month first (the member form's 会费 page)."""
    cursor = db.execute(_SELECT + " WHERE l.member_id = ? ORDER BY l.month DESC", [int(member_id)])
    return _dicts(cursor)


def ledger_row(db: sqlite_utils.Database, member_id: int, month: str) -> dict[str, Any] | None:
    rows = _dicts(
        db.execute(_SELECT + " WHERE l.member_id = ? AND l.month = ?", [member_id, _month(month)])
    )
    return rows[0] if rows else None


# ---------------------------------------------------------------- arrears


@dataclass
class Arrears:
    member_id: int
    member_no: str | None
    name: str
    staff_no: str | None
    branch: str
    status: str
    months: list[str]
    arrears_fen: int

    def to_json(self) -> dict[str, Any]:
        return {
            "member_id": self.member_id,
            "member_no": self.member_no,
            "name": self.name,
            "staff_no": self.staff_no,
            "branch": self.branch,
            "status": self.status,
            "months": len(self.months),
            "month_list": self.months,
            "first_month": self.months[0] if self.months else None,
            "last_month": self.months[-1] if self.months else None,
            "arrears_fen": self.arrears_fen,
            "arrears": format_fen(self.arrears_fen),
        }


def arrears(
    db: sqlite_utils.Database,
    *,
    min_months: int = 1,
    before_month: str | None = None,
    member_ids: Iterable[int] | None = None,
    branch_id: int | None = None,
) -> list[Arrears]:
    """Members with at least ``min_months`` opened months where less than due was paid
    (months before ``before_month`` only, when given), in 分工会 and member-number order."""
    clauses: list[str] = ["l.paid_fen < l.due_fen"]
    params: list[Any] = []
    if before_month:
        clauses.append("l.month < ?")
        params.append(_month(before_month))
    if member_ids is not None:
        ids = [int(i) for i in member_ids]
        if not ids:
            return []
        clauses.append(f"l.member_id IN ({','.join('?' for _ in ids)})")
        params += ids
    add_filters(clauses, params, (("m.branch_id = ?", branch_id),))
    rows = db.execute(
        "SELECT l.member_id, m.member_no, m.name, m.staff_no, b.name, m.status, l.month,"
        " l.due_fen - l.paid_fen"
        " FROM dues_ledger l JOIN members m ON m.id = l.member_id"
        " JOIN branches b ON b.id = m.branch_id"
        f" WHERE {' AND '.join(clauses)}"
        " ORDER BY b.sort_order, b.id, m.member_no, m.id, l.month",
        params,
    ).fetchall()
    by_member: dict[int, Arrears] = {}
    for mid, no, name, staff, branch, status, month, owed in rows:
        item = by_member.get(mid)
        if item is None:
            item = by_member[mid] = Arrears(mid, no, name, staff, branch, status, [], 0)
        item.months.append(month)
        item.arrears_fen += owed
    return [a for a in by_member.values() if len(a.months) >= max(1, int(min_months))]


def arrears_months(db: sqlite_utils.Database, member_id: int, before_month: str) -> list[str]:
    """The months before ``before_month`` the member still owes (the welfare rule)."""
    found = arrears(db, before_month=before_month, member_ids=[member_id])
    return found[0].months if found else []


# ---------------------------------------------------------------- writing payments


def _require_row(db: sqlite_utils.Database, member_id: int, month: str) -> dict[str, Any]:
    if db.execute("SELECT 1 FROM members WHERE id = ?", [member_id]).fetchone() is None:
        raise NotFoundError("会员不存在（可能已被删除）")
    open_month(db, month)
    row = ledger_row(db, member_id, month)
    if row is None:
        raise ValidationError(
            f"该会员{_cn_month(month)}无需缴纳会费（不在当月应缴名单中）", "month"
        )
    return row


def _set_paid(
    db: sqlite_utils.Database,
    row_id: int,
    *,
    paid_fen: int,
    method: str | None,
    paid_on: str | None,
    source: str | None,
    note: str | None = None,
    remittance_id: int | None = None,
    import_id: int | None = None,
    log_note: str | None = None,
) -> dict[str, Any]:
    values = {
        "paid_fen": paid_fen,
        "method": method,
        "paid_on": paid_on,
        "source": source,
        "remittance_id": remittance_id,
        "import_id": import_id,
        "recorded_by": audit.os_user() if source else None,
        "recorded_at": audit.now_iso() if source else None,
    }
    if note is not None:
        values["note"] = note or None
    return audit.update(db, "dues_ledger", row_id, values, note=log_note)


def record_payment(
    db: sqlite_utils.Database,
    member_id: int,
    month: str,
    *,
    method: str,
    paid_on: str,
    amount_fen: int | str | None = None,
    note: str | None = None,
) -> OpResult:
    """Mark one member's month as paid by hand (default amount: the amount due). A month
    already paid is refused (clear it first). ``undo`` holds the row as it was."""
    month = _month(month)
    method = _method(method)
    day = _day(paid_on)
    with db.atomic():
        row = _require_row(db, int(member_id), month)
        if row["paid_fen"] > 0:
            raise ConflictError(
                f"{row['name']}{_cn_month(month)}的会费已于{row['paid_on']}登记缴纳"
                f" {_yuan(row['paid_fen'])}（{row['method']}），如需更正请先撤销该笔缴费"
            )
        amount = row["due_fen"] if amount_fen in (None, "") else fen_amount(amount_fen)
        if amount == 0:
            raise ValidationError("缴纳金额应大于 0", "amount")
        before = _set_paid(
            db, row["id"], paid_fen=amount, method=method, paid_on=day, source="手工", note=note
        )
    return OpResult(
        Changes.of(AREA), row["id"], undo=before, inverse=lambda d: restore_row(d, before)
    )


def clear_payment(db: sqlite_utils.Database, member_id: int, month: str) -> OpResult:
    """Undo a recorded payment of one member and month (it becomes unpaid again)."""
    month = _month(month)
    with db.atomic():
        row = ledger_row(db, int(member_id), month)
        if row is None or row["paid_fen"] == 0:
            raise ValidationError("该月没有登记缴费，无需撤销", "month")
        before = _set_paid(
            db, row["id"], paid_fen=0, method=None, paid_on=None, source=None, log_note="撤销缴费"
        )
    return OpResult(
        Changes.of(AREA), row["id"], undo=before, inverse=lambda d: restore_row(d, before)
    )


def restore_row(db: sqlite_utils.Database, before: Mapping[str, Any]) -> OpResult:
    """Undo of :func:`record_payment` / :func:`clear_payment`: the ledger row as it was."""
    keys = (
        *("paid_fen", "method", "paid_on", "source", "remittance_id", "import_id"),
        *("recorded_by", "recorded_at", "note"),
    )
    with db.atomic():
        audit.update(
            db, "dues_ledger", int(before["id"]), {k: before.get(k) for k in keys}, note="撤销"
        )
    return OpResult(Changes.of(AREA), int(before["id"]))


# ---------------------------------------------------------------- 分工会 remittance


@dataclass
class RemittanceCheck:
    """What a remittance would record: the ticked members' dues and the difference."""

    month: str
    branch: str
    members: list[dict[str, Any]]
    due_total_fen: int
    total_fen: int

    @property
    def difference_fen(self) -> int:
        return self.total_fen - self.due_total_fen


def check_remittance(
    db: sqlite_utils.Database,
    branch_id: int,
    month: str,
    member_ids: Iterable[int],
    total_fen: int | str,
) -> RemittanceCheck:
    """Validate a remittance without writing (the month must be opened first). Refuses
    members of another 分工会, members not liable that month and months already paid; the
    total must equal the ticked members' dues to the 分."""
    month = _month(month)
    total = fen_amount(total_fen)
    branch = db.execute("SELECT name FROM branches WHERE id = ?", [branch_id]).fetchone()
    if branch is None:
        raise NotFoundError("分工会不存在")
    ids = list(dict.fromkeys(int(i) for i in member_ids))
    if not ids:
        raise ValidationError("请勾选本次上缴会费的会员", "members")
    rows = {
        r["member_id"]: r
        for r in _dicts(
            db.execute(
                _SELECT + f" WHERE l.month = ? AND l.member_id IN ({','.join('?' for _ in ids)})",
                [month, *ids],
            )
        )
    }
    problems = []
    for mid in ids:
        r = rows.get(mid)
        if r is None:
            name = db.execute("SELECT name FROM members WHERE id = ?", [mid]).fetchone()
            problems.append(f"{name[0] if name else mid}：{_cn_month(month)}不在应缴名单中")
        elif r["branch_id"] != branch_id:
            problems.append(f"{r['name']}：属于{r['branch']}，不是{branch[0]}的会员")
        elif r["paid_fen"] > 0:
            problems.append(f"{r['name']}：已于{r['paid_on']}缴纳（{r['method']}）")
    if problems:
        raise ValidationError("不能登记上缴：" + "；".join(problems), "members")
    members = [rows[mid] for mid in ids]
    due = sum(r["due_fen"] for r in members)
    check = RemittanceCheck(month, branch[0], members, due, total)
    if check.difference_fen:
        raise ValidationError(
            f"上缴金额 {_yuan(total)}与所勾选 {len(members)} 人的应缴合计 {_yuan(due)}不符"
            f"（相差 {_yuan(abs(check.difference_fen))}），请核对勾选的会员或金额",
            "total",
        )
    return check


def record_remittance(
    db: sqlite_utils.Database,
    branch_id: int,
    month: str,
    member_ids: Iterable[int],
    *,
    total_fen: int | str,
    received_on: str,
    method: str = "现金",
    note: str | None = None,
) -> OpResult:
    """Record a 分工会's remittance of ``month`` for the ticked members (one transaction).
    ``row_id`` is the remittance id."""
    month = _month(month)
    method = _method(method)
    day = _day(received_on, "received_on")
    with db.atomic():
        open_month(db, month)
        check = check_remittance(db, branch_id, month, member_ids, total_fen)
        remittance_id = audit.insert(
            db,
            "dues_remittances",
            {
                "branch_id": branch_id,
                "month": month,
                "total_fen": check.total_fen,
                "members": len(check.members),
                "received_on": day,
                "method": method,
                "recorded_by": audit.os_user(),
                "recorded_at": audit.now_iso(),
                "note": note or None,
            },
        )
        for r in check.members:
            _set_paid(
                db,
                r["id"],
                paid_fen=r["due_fen"],
                method=method,
                paid_on=day,
                source="分工会上缴",
                remittance_id=remittance_id,
                log_note=f"{check.branch}上缴{_cn_month(month)}会费",
            )
    return OpResult(
        Changes.of(AREA), remittance_id, inverse=lambda d: cancel_remittance(d, remittance_id)
    )


def cancel_remittance(db: sqlite_utils.Database, remittance_id: int) -> OpResult:
    """Undo a remittance: its members' months become unpaid again and the record goes to the
    recycle bin."""
    with db.atomic():
        rows = db.execute(
            "SELECT id FROM dues_ledger WHERE remittance_id = ?", [remittance_id]
        ).fetchall()
        for (row_id,) in rows:
            _set_paid(
                db, row_id, paid_fen=0, method=None, paid_on=None, source=None, log_note="撤销上缴"
            )
        try:
            audit.delete(db, "dues_remittances", int(remittance_id))
        except NotFoundError:
            raise NotFoundError("上缴记录不存在（可能已被撤销）") from None
    return OpResult(Changes.of(AREA), int(remittance_id))


def list_remittances(db: sqlite_utils.Database, month: str | None = None) -> list[dict[str, Any]]:
    sql = (
        "SELECT r.*, b.name AS branch FROM dues_remittances r JOIN branches b ON b.id = r.branch_id"
    )
    params: list[Any] = []
    if month:
        sql += " WHERE r.month = ?"
        params.append(_month(month))
    return _dicts(db.execute(sql + " ORDER BY r.month, r.id", params))


# ---------------------------------------------------------------- summaries


@dataclass
class BranchCollection:
    """One 分工会's dues of a period: due, paid, arrears, people."""

    branch: str
    members: int = 0
    due_fen: int = 0
    paid_fen: int = 0
    arrears_fen: int = 0
    unpaid_members: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "branch": self.branch,
            "members": self.members,
            "due_fen": self.due_fen,
            "paid_fen": self.paid_fen,
            "arrears_fen": self.arrears_fen,
            "unpaid_members": self.unpaid_members,
        }


def collection_by_branch(
    db: sqlite_utils.Database, *, month: str | None = None, year: int | None = None
) -> list[BranchCollection]:
    """会费收缴情况 of a month (``YYYY-MM``) or a year, by 分工会 (every active 分工会 listed).
    ``members`` counts member-months for a year, members for a month."""
    if (month is None) == (year is None):
        raise ValueError("month or year")
    if month is not None:
        where, params = "l.month = ?", [_month(month)]
    else:
        where, params = "l.month >= ? AND l.month <= ?", [f"{year:04d}-01", f"{year:04d}-12"]
    out: dict[int, BranchCollection] = {
        bid: BranchCollection(name)
        for bid, name in db.execute(
            "SELECT id, name FROM branches WHERE active = 1 ORDER BY sort_order, id"
        )
    }
    for bid, name, n, due, paid, owed, unpaid in db.execute(
        "SELECT l.branch_id, b.name, count(*), sum(l.due_fen), sum(l.paid_fen),"
        " sum(max(l.due_fen - l.paid_fen, 0)), sum(l.paid_fen < l.due_fen)"
        f" FROM dues_ledger l JOIN branches b ON b.id = l.branch_id WHERE {where}"
        " GROUP BY l.branch_id ORDER BY b.sort_order, b.id",
        params,
    ):
        out[bid] = BranchCollection(name, n, int(due), int(paid), int(owed), int(unpaid))
    return list(out.values())


def months_in_ledger(db: sqlite_utils.Database) -> list[str]:
    return [m for (m,) in db.execute("SELECT DISTINCT month FROM dues_ledger ORDER BY month DESC")]


def dues_received(db: sqlite_utils.Database, year: int) -> int:
    """Dues received in ``year`` (by payment date): the 会费收入 of the budget."""
    row = db.execute(
        "SELECT coalesce(sum(paid_fen), 0) FROM dues_ledger WHERE paid_on >= ? AND paid_on < ?",
        [f"{year:04d}-01-01", f"{year + 1:04d}-01-01"],
    ).fetchone()
    return int(row[0])


def this_month(today: _dt.date | None = None) -> str:
    d = today or _dt.date.today()
    return f"{d.year:04d}-{d.month:02d}"
