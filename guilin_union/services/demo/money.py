"""Demo data of the money area (经费).

Two years of dues ledger (the 24 months before the current one): every month opened through
the real service (amounts due from each member's base); most members paid by the finance
office's deduction (one import record a month), two 分工会 remitting in cash instead, a few
late payments recorded by hand, and a few members in arrears for the last months. Budgets
for last year and this year with realistic numbers (拨缴经费 from the payroll, 行政补助,
活动 and 慰问 spending in line with the records), plus manual entries with voucher numbers.
Written with ``executemany`` (plausible values, no per-row checks) like the other demo areas.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import random
from typing import Any

import sqlite_utils

from guilin_union.core.funds import DEFAULT_ACTIVITY_MAP, DEFAULT_WELFARE_MAP
from guilin_union.services.money import budget
from guilin_union.services.money import dues_ledger as ledger

RECORDERS = ("黄秘书", "莫干事")


def _months_before(today: _dt.date, n: int) -> list[str]:
    y, m = today.year, today.month
    out = []
    for _ in range(n):
        m -= 1
        if m == 0:
            y, m = y - 1, 12
        out.append(f"{y:04d}-{m:02d}")
    return sorted(out)


def _last_day(month: str) -> str:
    y, m = int(month[:4]), int(month[5:])
    return f"{month}-{calendar.monthrange(y, m)[1]:02d}"


def _next_month_day(month: str, day: int) -> str:
    y, m = int(month[:4]), int(month[5:]) + 1
    if m == 13:
        y, m = y + 1, 1
    return f"{y:04d}-{m:02d}-{day:02d}"


def _ledger(db: sqlite_utils.Database, rng: random.Random, today: _dt.date) -> dict[str, int]:
    months = _months_before(today, 24)
    for month in months:
        ledger.open_month(db, month)
    branches = [bid for (bid,) in db.execute("SELECT id FROM branches ORDER BY sort_order, id")]
    cash_branches = set(rng.sample(branches, min(2, len(branches)))) if len(branches) > 4 else set()
    members = [mid for (mid,) in db.execute("SELECT DISTINCT member_id FROM dues_ledger")]
    # A few members stop paying for the last 1–9 months (the arrears list), a few pay late.
    arrears_from = {
        mid: months[-rng.randint(1, 9)] for mid in rng.sample(members, max(3, len(members) // 40))
    }
    late = set(rng.sample(members, max(2, len(members) // 60)))
    now = _dt.datetime.now().isoformat(timespec="seconds")
    updates: list[tuple[Any, ...]] = []
    remit: dict[tuple[int, str], list[int]] = {}
    imports: dict[str, list[int]] = {}
    rows = db.execute(
        "SELECT id, member_id, month, branch_id, due_fen FROM dues_ledger ORDER BY month, id"
    ).fetchall()
    for row_id, mid, month, bid, due in rows:
        if due == 0 or (mid in arrears_from and month >= arrears_from[mid]):
            continue
        recorder = rng.choice(RECORDERS)
        if mid in late and rng.random() < 0.15:
            day = _next_month_day(month, rng.randint(5, 25))
            method = rng.choice(("现金", "转账"))
            updates.append((due, method, day, "手工", None, None, recorder, now, "补缴", row_id))
        elif bid in cash_branches:
            remit.setdefault((bid, month), []).append(row_id)
        else:
            imports.setdefault(month, []).append(row_id)
    dues_by_row = {r[0]: r[4] for r in rows}
    for month, ids in imports.items():
        cursor = db.execute(
            "INSERT INTO dues_imports (month, file_name, rows, total_fen, paid_on, imported_by,"
            " imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                month,
                f"{int(month[:4])}年{int(month[5:])}月工会会费代扣明细.xlsx",
                len(ids),
                sum(dues_by_row[i] for i in ids),
                _last_day(month),
                RECORDERS[0],
                now,
            ],
        )
        for i in ids:
            updates.append(
                (dues_by_row[i], "代扣", _last_day(month), "导入", None, cursor.lastrowid,
                 RECORDERS[0], now, None, i)
            )  # fmt: skip
    for (bid, month), ids in remit.items():
        day = _next_month_day(month, rng.randint(8, 15))
        cursor = db.execute(
            "INSERT INTO dues_remittances (branch_id, month, total_fen, members, received_on,"
            " method, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, '现金', ?, ?)",
            [bid, month, sum(dues_by_row[i] for i in ids), len(ids), day, RECORDERS[1], now],
        )
        for i in ids:
            updates.append(
                (dues_by_row[i], "现金", day, "分工会上缴", cursor.lastrowid, None,
                 RECORDERS[1], now, None, i)
            )  # fmt: skip
    db.conn.executemany(
        "UPDATE dues_ledger SET paid_fen = ?, method = ?, paid_on = ?, source = ?,"
        " remittance_id = ?, import_id = ?, recorded_by = ?, recorded_at = ?, note = ?"
        " WHERE id = ?",
        updates,
    )
    return {"会费台账（人·月）": len(rows), "会费缴纳记录": len(updates)}


def _round(fen: int, unit: int = 100_000) -> int:
    """Up to the next 1,000 元 (plans are round numbers)."""
    return -(-fen // unit) * unit


def _budgets(db: sqlite_utils.Database, rng: random.Random, today: _dt.date) -> dict[str, int]:
    years = [today.year - 1, today.year]
    payroll_month = db.execute(
        "SELECT coalesce(sum(d.salary_base_fen), 0) FROM member_dues d"
        " JOIN members m ON m.id = d.member_id WHERE m.status = '在会'"
    ).fetchone()[0]
    monthly_dues = db.execute(
        "SELECT coalesce(sum(due_fen), 0) FROM dues_ledger WHERE month = ?",
        [_months_before(today, 1)[0]],
    ).fetchone()[0]
    # 拨缴经费: 2 % of the payroll, of which the 基层工会 keeps 60 %.
    allocation = payroll_month * 12 * 2 // 100 * 60 // 100
    now = _dt.datetime.now().isoformat(timespec="seconds")
    plans: list[tuple[Any, ...]] = []
    entries: list[tuple[Any, ...]] = []
    voucher = 0
    for year in years:
        activity: dict[str, int] = {}
        for kind, fen in db.execute(
            "SELECT a.type, sum(l.amount) FROM activity_budget_lines l JOIN activities a"
            " ON a.id = l.activity_id WHERE l.kind = '预算' AND a.start_date >= ?"
            " AND a.start_date < ? GROUP BY a.type",
            [f"{year}-01-01", f"{year + 1}-01-01"],
        ):
            code = DEFAULT_ACTIVITY_MAP.get(kind, "50104")
            activity[code] = activity.get(code, 0) + int(fen)
        welfare: dict[str, int] = {}
        for kind, fen in budget.welfare_spending(db, year).get("校工会", {}).items():
            code = DEFAULT_WELFARE_MAP.get(kind, "50202")
            welfare[code] = welfare.get(code, 0) + fen
        planned = {
            "401": _round(monthly_dues * 12),
            "402": _round(allocation),
            "403": 5_000_000,
            "404": 10_000_000,
            "405": 300_000,
            # activity and welfare plans follow the records, plus the manual entries below
            "50101": _round(activity.get("50101", 0) * 11 // 10) + 2_000_000,
            "50102": _round(activity.get("50102", 0) * 11 // 10) + 9_000_000,
            "50103": _round(activity.get("50103", 0) * 11 // 10) or 1_500_000,
            "50104": _round((activity.get("50104", 0) + welfare.get("50104", 0)) * 11 // 10)
            + 26_000_000,
            "50201": _round(welfare.get("50201", 0) * 11 // 10) or 3_000_000,
            "50202": _round(welfare.get("50202", 0) * 11 // 10) or 4_000_000,
            "50301": 3_000_000,
            "50302": 2_000_000,
            "50303": 1_500_000,
            "504": 2_000_000,
            "505": 500_000,
        }
        for code, fen in planned.items():
            plans.append((year, code, fen, "年初预算", now))
        last = min(today, _dt.date(year, 12, 31))

        def add(
            code: str, day: _dt.date, fen: int, text: str, year: int = year, last: _dt.date = last
        ) -> None:
            nonlocal voucher
            if day > last:
                return
            voucher += 1
            entries.append(
                (year, day.isoformat(), code, fen, f"记-{year}-{voucher:04d}", text,
                 rng.choice(RECORDERS), now)
            )  # fmt: skip

        for q in range(4):  # quarterly: allocation returned by the upper union, bank interest
            day = _dt.date(year, 3 * q + 3, 25)
            add("402", day, allocation // 4, f"第{'一二三四'[q]}季度拨缴经费返还")
            add("405", day, rng.randint(40_000, 90_000), f"第{'一二三四'[q]}季度银行存款利息")
        add("404", _dt.date(year, 4, 15), 6_000_000, "学校行政拨付工会工作经费（上半年）")
        add("404", _dt.date(year, 10, 15), 4_000_000, "学校行政拨付工会工作经费（下半年）")
        add("403", _dt.date(year, 6, 20), 3_000_000, "自治区教育工会专项补助（职工之家建设）")
        add("50101", _dt.date(year, 5, 9), rng.randint(1_000_000, 2_000_000), "教职工素质提升讲座")
        add(
            "50102",
            _dt.date(year, 3, 15),
            rng.randint(6_000_000, 9_000_000),
            "教职工文体协会年度活动经费",
        )
        add(
            "50104",
            _dt.date(year, 4, 22),
            rng.randint(12_000_000, 16_000_000),
            "教职工春季健步走及秋季户外拓展",
        )
        add(
            "50104",
            _dt.date(year, 8, 10),
            rng.randint(8_000_000, 10_000_000),
            "劳模和先进教职工疗休养补贴",
        )
        add("50301", _dt.date(year, 5, 18), rng.randint(800_000, 1_200_000), "分工会主席培训班")
        add("50301", _dt.date(year, 11, 9), rng.randint(500_000, 900_000), "工会干部业务培训")
        add("50302", _dt.date(year, 3, 28), rng.randint(600_000, 900_000), "教职工代表大会会务费")
        add("50302", _dt.date(year, 12, 12), rng.randint(200_000, 400_000), "工会委员会全委会")
        add("50303", _dt.date(year, 9, 5), rng.randint(500_000, 1_000_000), "职工之家建设专项")
        add(
            "504", _dt.date(year, 7, 8), rng.randint(1_000_000, 1_800_000), "职工活动室健身器材购置"
        )
        add("505", _dt.date(year, 12, 20), rng.randint(50_000, 150_000), "银行手续费及其他")
    db.conn.executemany(
        "INSERT INTO fund_plans (year, category, planned_fen, note, updated_at)"
        " VALUES (?, ?, ?, ?, ?)",
        plans,
    )
    db.conn.executemany(
        "INSERT INTO fund_entries (year, entry_date, category, amount_fen, voucher_no,"
        " description, recorded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        entries,
    )
    return {"经费预算科目": len(plans), "经费收支凭证": len(entries)}


def populate(db: sqlite_utils.Database, rng: random.Random, scale: str) -> dict[str, int]:
    today = _dt.date.today()
    if db.execute("SELECT count(*) FROM members").fetchone()[0] == 0:
        return {}
    summary = _ledger(db, rng, today)
    summary.update(_budgets(db, rng, today))
    return summary
