"""会费 (union dues): a calculator and a record of each member's salary base — not accounts.

Rule (both numbers are settings): monthly dues = rate × salary base, where the part of the
base under 10 元 is ignored. "Ignored" is read as: the base is truncated DOWN to whole 10 元
before the rate is applied (base 5,678.90 元 → 5,670 元 → 0.5% = 28.35 元). The result is
rounded to the fen, half up.

Who owes dues for a month: a member who was 在会 on at least one day of that month (or whose
在会 ended during it), from the dues start month on. Retirement (保留会籍) waives dues from the month AFTER the retirement
date; a member who leaves (转出/退会/开除/去世) owes the month of leaving and none after.

>>> monthly_dues_fen(567890, rate_percent="0.5", unit_fen=1000)
2835
"""

from __future__ import annotations

import calendar
import datetime as _dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import sqlite_utils

from guilin_union.core.dates import parse_month
from guilin_union.core.errors import NotFoundError, ValidationError
from guilin_union.services import settings
from guilin_union.services.changes import Changes, OpResult
from guilin_union.services.common_outputs import issuer_name, letterhead
from guilin_union.storage import audit

settings.register_defaults(
    {
        "dues_rate_percent": ("0.5", "会费比例（%，按月工资基数）"),
        "dues_base_unit_fen": (1000, "工资基数取整单位（分）：不足部分不计"),
        "dues_start_rule": ("join_month", "会费起始月：join_month 入会当月 / next_month 入会次月"),
    }
)

ACTIVE = "在会"


def rate_decimal(rate_percent: str | int | Decimal) -> Decimal:
    """Parse a rate in percent ("0.5" → Decimal('0.005')); refused outside 0–100 %."""
    try:
        value = Decimal(str(rate_percent).strip().rstrip("%"))
    except InvalidOperation:
        raise ValidationError(
            f"会费比例“{rate_percent}”不是有效的数字", "dues_rate_percent"
        ) from None
    if not Decimal(0) <= value <= Decimal(100):
        raise ValidationError("会费比例应在0%到100%之间", "dues_rate_percent")
    return value / 100


def truncated_base_fen(base_fen: int, unit_fen: int) -> int:
    """The base with the part under ``unit_fen`` dropped (``567890, 1000`` → ``567000``)."""
    if unit_fen <= 0:
        return base_fen
    return base_fen - base_fen % unit_fen


def monthly_dues_fen(base_fen: int, *, rate_percent: str | Decimal, unit_fen: int) -> int:
    """Dues in fen for one month: the truncated base × rate, rounded half up to the fen.

    >>> monthly_dues_fen(1009, rate_percent="0.5", unit_fen=1000)  # 10.09 元 → 10 元 → 5 分
    5
    >>> monthly_dues_fen(999, rate_percent="0.5", unit_fen=1000)   # under 10 元: nothing
    0
    """
    if isinstance(base_fen, bool) or not isinstance(base_fen, int) or base_fen < 0:
        raise ValidationError("工资基数必须是非负的整数分", "salary_base")
    base = truncated_base_fen(base_fen, unit_fen)
    amount = Decimal(base) * rate_decimal(rate_percent)
    return int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class DuesRule:
    rate_percent: str
    unit_fen: int
    start_rule: str

    def dues(self, base_fen: int) -> int:
        return monthly_dues_fen(base_fen, rate_percent=self.rate_percent, unit_fen=self.unit_fen)

    def describe(self) -> str:
        unit = self.unit_fen / 100
        unit_text = f"{unit:g}"
        return f"按月工资基数的{self.rate_percent}%计缴，基数不足{unit_text}元的部分不计"


def current_rule(db: sqlite_utils.Database) -> DuesRule:
    rate = str(settings.get(db, "dues_rate_percent"))
    rate_decimal(rate)
    unit = int(settings.get(db, "dues_base_unit_fen"))
    return DuesRule(rate, unit, str(settings.get(db, "dues_start_rule")))


def default_start_month(db: sqlite_utils.Database, join_date: str | None) -> str | None:
    """The dues start month for a join date under the ``dues_start_rule`` setting."""
    if not join_date:
        return None
    return start_month_for(join_date, str(settings.get(db, "dues_start_rule")))


def start_month_for(join_date: str | None, start_rule: str) -> str | None:
    """The first month of dues for ``join_date`` under ``start_rule``.

    >>> start_month_for("2024-03-15", "join_month"), start_month_for("2024-12-15", "next_month")
    ('2024-03', '2025-01')
    """
    if not join_date:
        return None
    d = _dt.date.fromisoformat(join_date)
    if start_rule == "next_month":
        d = (d.replace(day=28) + _dt.timedelta(days=4)).replace(day=1)
    return f"{d.year:04d}-{d.month:02d}"


# ------------------------------------------------------------------ the record of bases


def get_dues_record(db: sqlite_utils.Database, member_id: int) -> dict[str, Any]:
    """``{"salary_base_fen": int | None, "dues_start_month": str | None}`` of a member."""
    if db.execute("SELECT 1 FROM members WHERE id = ?", [member_id]).fetchone() is None:
        raise NotFoundError("会员不存在（可能已被删除）")
    row = db.execute(
        "SELECT salary_base_fen, dues_start_month FROM member_dues WHERE member_id = ?", [member_id]
    ).fetchone()
    return {"salary_base_fen": row[0] if row else None, "dues_start_month": row[1] if row else None}


_UNSET = object()


def set_dues_record(
    db: sqlite_utils.Database,
    member_id: int,
    *,
    salary_base_fen: int | None | object = _UNSET,
    dues_start_month: str | None | object = _UNSET,
) -> OpResult:
    """Record a member's monthly salary base (integer fen or None) and/or the dues start
    month (``YYYY-MM``, any month format accepted). ``undo`` holds the previous values,
    ``inverse`` puts them back."""
    changes: dict[str, Any] = {}
    if salary_base_fen is not _UNSET:
        if salary_base_fen is not None and (
            isinstance(salary_base_fen, bool)
            or not isinstance(salary_base_fen, int)
            or salary_base_fen < 0
        ):
            raise ValidationError("工资基数必须是非负的整数分", "salary_base")
        changes["salary_base_fen"] = salary_base_fen
    if dues_start_month is not _UNSET:
        changes["dues_start_month"] = (
            None
            if dues_start_month in (None, "")
            else parse_month(dues_start_month, field="dues_start_month")
        )
    with db.atomic():
        before = get_dues_record(db, member_id)
        exists = db.execute("SELECT 1 FROM member_dues WHERE member_id = ?", [member_id]).fetchone()
        now = audit.now_iso()
        if exists:
            # member_dues is keyed by member_id: audited by hand with the same log format.
            real = {k: v for k, v in changes.items() if before.get(k) != v}
            if real:
                sets = ", ".join(f"[{k}] = ?" for k in real)
                db.execute(
                    f"UPDATE member_dues SET {sets}, updated_at = ? WHERE member_id = ?",
                    [*real.values(), now, member_id],
                )
                audit.log_event(
                    db,
                    "member_dues",
                    member_id,
                    "update",
                    before={k: before[k] for k in real},
                    after=real,
                )
        else:
            row = {
                "member_id": member_id,
                "salary_base_fen": None,
                "dues_start_month": None,
                **changes,
                "updated_at": now,
            }
            db.execute(
                "INSERT INTO member_dues (member_id, salary_base_fen, dues_start_month, updated_at)"
                " VALUES (?, ?, ?, ?)",
                [row["member_id"], row["salary_base_fen"], row["dues_start_month"], now],
            )
            audit.log_event(db, "member_dues", member_id, "insert", after=row)
    if not exists:  # undo removes the row this made
        return OpResult(
            Changes.of("members", "dues"),
            member_id,
            undo=before,
            inverse=lambda d: _remove_dues_record(d, member_id),
        )
    return OpResult(
        Changes.of("members", "dues"),
        member_id,
        undo=before,
        inverse=lambda d: set_dues_record(
            d,
            member_id,
            salary_base_fen=before["salary_base_fen"],
            dues_start_month=before["dues_start_month"],
        ),
    )


def _remove_dues_record(db: sqlite_utils.Database, member_id: int) -> OpResult:
    """Undo of the first :func:`set_dues_record` of a member: no record again (its
    ``inverse`` records the removed values again: redo)."""
    with db.atomic():
        removed = get_dues_record(db, member_id)
        db.execute("DELETE FROM member_dues WHERE member_id = ?", [member_id])
        audit.log_event(db, "member_dues", member_id, "delete", before=removed)
    return OpResult(
        Changes.of("members", "dues"),
        member_id,
        inverse=lambda d: set_dues_record(
            d,
            member_id,
            salary_base_fen=removed["salary_base_fen"],
            dues_start_month=removed["dues_start_month"],
        ),
    )


# ------------------------------------------------------------------ who owes what


def month_bounds(month: str) -> tuple[str, str]:
    """First and last day of ``YYYY-MM`` as ISO text."""
    month = parse_month(month, field="month")
    year, mon = int(month[:4]), int(month[5:])
    last = calendar.monthrange(year, mon)[1]
    return f"{month}-01", f"{month}-{last:02d}"


def _status_at(day: str, status_now: str, events: list[tuple[str, str, str]]) -> str:
    """Status on ``day`` from (date, from, to) events in order (the new status applies from
    its date); without events the current status."""
    if not events:
        return status_now
    status = events[0][1]
    for date, _frm, to in events:
        if date > day:
            break
        status = to
    return status


def _liability(
    month: str,
    status_now: str,
    join_date: str | None,
    start_month: str | None,
    events: list[tuple[str, str, str]],
) -> tuple[bool, str, str]:
    """(owed?, why not — Chinese, for the detail list, status on the first day of ``month``).

    Owed when the member was 在会 on at least one day of the month or left 在会 during it
    (retiring on the 1st still owes that month: waiver starts the month AFTER), from the
    start month on.
    """
    first, last = month_bounds(month)
    status = _status_at(first, status_now, events)
    if start_month and month < start_month:
        return False, f"会费自{start_month}起计", status
    if join_date and join_date > last:
        return False, "尚未入会", status
    in_month = any(first <= date <= last and frm == ACTIVE for date, frm, _to in events)
    if status == ACTIVE or in_month:
        return True, "", status
    if status == "保留会籍":
        return False, "退休（保留会籍），免缴会费", status
    return False, f"会籍状态为“{status}”", status


@dataclass
class DuesLine:
    member_id: int
    member_no: str | None
    name: str
    branch: str
    branch_id: int
    status: str
    salary_base_fen: int | None
    dues_fen: int
    liable: bool
    note: str


@dataclass
class BranchDues:
    branch_id: int
    branch: str
    liable: int = 0  # members who owe dues this month
    with_base: int = 0  # of whom a salary base is recorded
    missing_base: int = 0
    waived: int = 0  # 保留会籍 etc.
    base_total_fen: int = 0
    dues_total_fen: int = 0


@dataclass
class DuesSummary:
    month: str
    rule: DuesRule
    branches: list[BranchDues] = field(default_factory=list)

    @property
    def total(self) -> BranchDues:
        t = BranchDues(0, "合计")
        for b in self.branches:
            t.liable += b.liable
            t.with_base += b.with_base
            t.missing_base += b.missing_base
            t.waived += b.waived
            t.base_total_fen += b.base_total_fen
            t.dues_total_fen += b.dues_total_fen
        return t


def dues_lines(
    db: sqlite_utils.Database,
    month: str,
    *,
    branch_id: int | None = None,
    member_ids: Iterable[int] | None = None,
) -> list[DuesLine]:
    """One line per member who could owe dues in ``month`` (members who left before the
    month are left out), in 分工会 then member-number order. Three queries in all."""
    month = parse_month(month, field="month")
    first, last = month_bounds(month)
    rule = current_rule(db)
    clauses = ["(m.join_date IS NULL OR m.join_date <= ?)"]
    params: list[Any] = [last]
    if branch_id is not None:
        clauses.append("m.branch_id = ?")
        params.append(branch_id)
    if member_ids is not None:
        ids = [int(i) for i in member_ids]
        if not ids:
            return []
        clauses.append(f"m.id IN ({','.join('?' for _ in ids)})")
        params += ids
    rows = db.execute(
        "SELECT m.id, m.member_no, m.name, b.name, b.id, m.status, m.join_date,"
        " d.salary_base_fen, d.dues_start_month"
        " FROM members m JOIN branches b ON b.id = m.branch_id"
        " LEFT JOIN member_dues d ON d.member_id = m.id"
        f" WHERE {' AND '.join(clauses)}"
        " ORDER BY b.sort_order, b.id, m.member_no, m.id",
        params,
    ).fetchall()
    events: dict[int, list[tuple[str, str, str]]] = {}
    for mid, date, frm, to in db.execute(
        "SELECT member_id, event_date, from_status, to_status FROM member_status_events"
        " ORDER BY member_id, event_date, id"
    ):
        events.setdefault(mid, []).append((date, frm, to))
    out: list[DuesLine] = []
    for mid, number, name, branch, bid, status, join_date, base, start in rows:
        liable, note, status_then = _liability(month, status, join_date, start, events.get(mid, []))
        # A member who had left before the month is not part of that month's list at all.
        if not liable and status_then not in (ACTIVE, "保留会籍"):
            continue
        dues = rule.dues(base) if liable and base is not None else 0
        if liable and base is None:
            note = "未录入工资基数"
        out.append(DuesLine(mid, number, name, branch, bid, status_then, base, dues, liable, note))
    return out


def dues_summary(db: sqlite_utils.Database, month: str) -> DuesSummary:
    """Totals of a month by 分工会 (every active 分工会 listed, even with no one liable)."""
    month = parse_month(month, field="month")
    summary = DuesSummary(month, current_rule(db))
    by_branch: dict[int, BranchDues] = {}
    for bid, name in db.execute(
        "SELECT id, name FROM branches WHERE active = 1 ORDER BY sort_order, id"
    ):
        by_branch[bid] = BranchDues(bid, name)
    for line in dues_lines(db, month):
        b = by_branch.setdefault(line.branch_id, BranchDues(line.branch_id, line.branch))
        if line.liable:
            b.liable += 1
            if line.salary_base_fen is None:
                b.missing_base += 1
            else:
                b.with_base += 1
                b.base_total_fen += truncated_base_fen(line.salary_base_fen, summary.rule.unit_fen)
                b.dues_total_fen += line.dues_fen
        else:
            b.waived += 1
    summary.branches = list(by_branch.values())
    return summary


def member_month_dues(db: sqlite_utils.Database, member_id: int, month: str) -> DuesLine | None:
    """The dues line of one member for ``month`` (None if they were no member then)."""
    lines = dues_lines(db, month, member_ids=[member_id])
    return lines[0] if lines else None


# ------------------------------------------------------------------ outputs


def export_dues_summary(db: sqlite_utils.Database, month: str, path: str | Path) -> Path:
    """Excel: sheet 会费汇总 (by 分工会, with a total row) and sheet 会费明细 (per member)."""
    from guilin_union.core.money import format_fen
    from guilin_union.spreadsheets.writer import Sheet, sheet_columns, write_workbook

    summary = dues_summary(db, month)
    union = issuer_name(db)
    total = summary.total
    rows = [_summary_row(i, b) for i, b in enumerate(summary.branches, start=1)]
    rows.append({**_summary_row("", total), "branch": "合计"})
    columns = sheet_columns(
        "no 序号 6 int | branch 分工会 26 | liable 应缴人数 int | with_base 已录基数人数 int"
        " | missing_base 未录基数人数 int | waived 免缴/不计人数 int"
        " | base 工资基数合计（元） money | dues 月会费合计（元） money"
    )
    detail_cols = sheet_columns(
        "branch 分工会 24 | member_no 会员编号 | name 姓名 | status 会籍状态"
        " | base 工资基数（元） money | dues 月会费（元） money | note 说明 30"
    )
    detail = [
        {
            "branch": line.branch,
            "member_no": line.member_no,
            "name": line.name,
            "status": line.status,
            "base": line.salary_base_fen,
            "dues": line.dues_fen if line.liable else None,
            "note": line.note,
        }
        for line in dues_lines(db, summary.month)
    ]
    heading = f"{union}{_month_cn(summary.month)}会费汇总（{summary.rule.describe()}）"
    note_total = f"合计 {format_fen(total.dues_total_fen)} 元"
    return write_workbook(
        path,
        [
            Sheet("会费汇总", columns, rows, heading=heading + "，" + note_total),
            Sheet(
                "会费明细",
                detail_cols,
                detail,
                heading=f"{union}{_month_cn(summary.month)}会费明细",
            ),
        ],
    )


def _summary_row(no: object, b: BranchDues) -> dict[str, Any]:
    return {
        "no": no if no != "" else None,
        "branch": b.branch,
        "liable": b.liable,
        "with_base": b.with_base,
        "missing_base": b.missing_base,
        "waived": b.waived,
        "base": b.base_total_fen,
        "dues": b.dues_total_fen,
    }


def _month_cn(month: str) -> str:
    return f"{int(month[:4])}年{int(month[5:])}月"


def dues_summary_pdf(db: sqlite_utils.Database, month: str, path: str | Path) -> Path:
    from guilin_union.reports.members.dues import DuesReportRow, build_dues_summary

    summary = dues_summary(db, month)
    rows = [
        DuesReportRow(
            b.branch,
            b.liable,
            b.with_base,
            b.missing_base,
            b.waived,
            b.base_total_fen,
            b.dues_total_fen,
        )
        for b in summary.branches
    ]
    return build_dues_summary(
        path,
        rows,
        month=summary.month,
        rule_text=summary.rule.describe(),
        **letterhead(db),
    )
