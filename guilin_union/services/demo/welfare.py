"""Demo data of the welfare area (慰问).

``normal``: the example standards for three years, payments of every type in each of those
years (dated, approved and paid like real ones, within the rules), two festival batches made
through the real batch service, a hardship file with 送温暖/金秋助学, and a few payments saved
despite a warning (over the cap, a third hospital stay, a retired member's birthday), each
with the reason the secretary gave.

``large``: twenty years and about 60,000 payments, written with ``executemany`` (no checks,
plausible values) to measure lists, statistics and rosters at scale.
"""

from __future__ import annotations

import datetime as _dt
import random
from typing import Any

import sqlite_utils

from guilin_union.services import welfare as payments
from guilin_union.services.common_query import column_values
from guilin_union.services.members import status as member_status
from guilin_union.services.welfare import batches, config
from guilin_union.services.welfare.rules import check_payment
from guilin_union.services.welfare.standards import example_standards
from guilin_union.storage import audit

HANDLERS = ("黄秘书", "莫干事", "覃干事")
# (type, payments per year in the normal demo, cash amounts in yuan to draw from)
INDIVIDUAL = (
    ("结婚", 8, (500, 600)),
    ("生育", 10, (500, 600)),
    ("生病住院", 24, (500, 800, 1000)),
    ("重大疾病", 4, (2000, 3000, 5000)),
    ("直系亲属去世", 9, (500, 800, 1000)),
    ("生日", 60, (200, 300)),
    ("其他", 4, (300, 500)),
)
REASONS = {
    "结婚": "新婚慰问",
    "生育": "生育慰问",
    "生病住院": "住院慰问",
    "重大疾病": "重大疾病慰问",
    "直系亲属去世": "直系亲属病故慰问",
    "生日": "生日慰问",
    "其他": "工伤慰问",
    "退休": "光荣退休慰问",
    "会员去世": "会员病故慰问",
    "节日慰问": "节日慰问",
    "困难帮扶": "困难帮扶",
}
EVIDENCE_NOTES = {
    "生病住院": "已收住院记录",
    "结婚": "已收结婚证复印件",
    "生育": "已收出生医学证明复印件",
}


def _standards(db: sqlite_utils.Database, years: list[int]) -> int:
    from guilin_union.services.welfare.standards import standard_row

    rows = [standard_row(s) for year in years for s in example_standards(year)]
    if not rows:
        return 0
    columns = list(rows[0])
    db.conn.executemany(
        f"INSERT INTO welfare_standards ({', '.join(columns)})"
        f" VALUES ({', '.join('?' for _ in columns)})",
        [[r[c] for c in columns] for r in rows],
    )
    return len(rows)


def _random_day(rng: random.Random, year: int, last: _dt.date) -> _dt.date:
    start = _dt.date(year, 1, 1)
    end = min(_dt.date(year, 12, 31), last)
    return start + _dt.timedelta(days=rng.randint(0, max((end - start).days, 0)))


def _approval(rng: random.Random, day: _dt.date, today: _dt.date) -> dict[str, Any]:
    """Plausible approval dates: old payments are paid; recent ones are somewhere on the way."""
    age = (today - day).days
    steps = 4 if age > 60 else (3 if age > 30 else rng.choice((1, 2, 3, 4)))
    dates: dict[str, Any] = {
        "applied_on": day.isoformat(),
        "branch_reviewed_on": None,
        "approved_on": None,
        "paid_on": None,
    }
    current = day
    for i, column in enumerate(("branch_reviewed_on", "approved_on", "paid_on"), start=2):
        if steps >= i:
            current = min(current + _dt.timedelta(days=rng.randint(1, 6)), today)
            dates[column] = current.isoformat()
    dates["state"] = payments.STATES[steps - 1]
    return dates


class _Writer:
    """Collects demo payments and writes them in one executemany."""

    COLUMNS = (
        "member_id",
        "branch_id",
        "type",
        "occasion",
        "pay_date",
        "year",
        "form",
        "amount_fen",
        "goods",
        "reason",
        "handler",
        "state",
        "applied_on",
        "branch_reviewed_on",
        "approved_on",
        "paid_on",
        "hardship_id",
        "override_reason",
        "notes",
        "created_at",
        "updated_at",
        # issue 22: the case
        "relative_relation",
        "relative_name",
        "cause",
        "event_date",
        "pay_method",
        "bank_account",
        "bank_name",
    )

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        # Case details come from their own generator, so adding them left every other demo
        # value (drawn from the main generator) exactly as it was.
        self.case_rng = random.Random(22)
        self.rows: list[tuple] = []
        self.now = audit.now_iso()
        self.branch_of = dict(db.execute("SELECT id, branch_id FROM members").fetchall())

    def add(
        self,
        member_id: int,
        type_name: str,
        day: _dt.date,
        amount_fen: int,
        approval: dict[str, Any],
        *,
        occasion: str | None = None,
        goods: str | None = None,
        reason: str | None = None,
        handler: str = "",
        hardship_id: int | None = None,
        notes: str | None = None,
    ) -> None:
        self.rows.append(
            (
                member_id,
                self.branch_of[member_id],
                type_name,
                occasion,
                day.isoformat(),
                day.year,
                "实物" if goods else "现金",
                amount_fen,
                goods,
                reason or REASONS.get(type_name),
                handler or None,
                approval["state"],
                approval["applied_on"],
                approval["branch_reviewed_on"],
                approval["approved_on"],
                approval["paid_on"],
                hardship_id,
                None,
                notes,
                self.now,
                self.now,
                *self._case(type_name, day),
            )
        )

    def _case(self, type_name: str, day: _dt.date) -> tuple:
        """Relative, cause, event date and (for some) a bank transfer, as real cases have."""
        rng = self.case_rng
        relation = name = cause = event = method = account = bank = None
        if type_name == "直系亲属去世":
            relation = rng.choice(("父亲", "母亲", "配偶父亲", "配偶母亲"))
            name = rng.choice("赵钱孙李周吴郑王冯陈蒋沈韩杨") + rng.choice(
                ("桂英", "德明", "秀兰", "建国", "玉珍", "志强", "淑芬", "国华")
            )
            cause = "病故"
            event = day - _dt.timedelta(days=rng.randint(2, 15))
        elif type_name in ("生病住院", "重大疾病"):
            cause = rng.choice(("住院治疗", "手术", "意外伤害", "住院治疗"))
            event = day - _dt.timedelta(days=rng.randint(3, 25))
        elif type_name in ("结婚", "生育"):
            event = day - _dt.timedelta(days=rng.randint(5, 40))
        if type_name not in ("生日", "节日慰问") and rng.random() < 0.3:
            method = "银行转账"
            account = "6217" + "".join(str(rng.randint(0, 9)) for _ in range(15))
            bank = rng.choice(("桂林银行七星支行", "中国工商银行桂林分行", "中国建设银行雁山支行"))
        elif type_name not in ("生日", "节日慰问"):
            method = "现金"
        return (
            relation,
            name,
            cause,
            event.isoformat() if event else None,
            method,
            account,
            bank,
        )

    def flush(self) -> int:
        marks = ",".join("?" for _ in self.COLUMNS)
        self.db.conn.executemany(
            f"INSERT INTO welfare_payments ({', '.join(self.COLUMNS)}) VALUES ({marks})", self.rows
        )
        n = len(self.rows)
        self.rows = []
        return n


def _women(db: sqlite_utils.Database) -> list[int]:
    return column_values(db, "SELECT id FROM members WHERE gender = '女'")


def _eligible(db: sqlite_utils.Database, ids: list[int], day: _dt.date) -> list[int]:
    statuses = member_status.statuses_on(db, ids, day.isoformat())
    return [i for i in ids if statuses.get(i) == "在会"]


def _normal(db: sqlite_utils.Database, rng: random.Random, today: _dt.date) -> dict[str, int]:
    years = [today.year - 2, today.year - 1, today.year]
    summary = {"慰问标准": _standards(db, years)}
    all_ids = column_values(db, "SELECT id FROM members ORDER BY id")
    writer = _Writer(db)
    used: set[tuple[int, str, int]] = set()  # (member, type, year): keeps the demo within the rules

    def pay(member: int, type_name: str, day: _dt.date, amount: int, **details: Any) -> None:
        """A payment somewhere on its way through approval, with one of the 经手人; the
        approval is drawn before the 经手人 (the order the generator has always used)."""
        approval = _approval(rng, day, today)
        writer.add(
            member, type_name, day, amount, approval, handler=rng.choice(HANDLERS), **details
        )

    for year in years:
        last = min(_dt.date(year, 12, 31), today)
        for type_name, per_year, amounts in INDIVIDUAL:
            n = (
                per_year
                if year < today.year
                else max(2, per_year * last.timetuple().tm_yday // 366)
            )
            for _ in range(n):
                day = _random_day(rng, year, last)
                pool = _eligible(db, rng.sample(all_ids, min(40, len(all_ids))), day)
                pool = [m for m in pool if (m, type_name, year) not in used]
                if type_name == "生育":  # the example standard: 限女职工 (issue 22)
                    women = set(_women(db))
                    pool = [m for m in pool if m in women] or pool
                if not pool:
                    continue
                member = rng.choice(pool)
                used.add((member, type_name, year))
                amount = rng.choice(amounts) * 100
                goods = "生日蛋糕券" if type_name == "生日" and rng.random() < 0.5 else None
                pay(
                    member, type_name, day, amount, goods=goods, notes=EVIDENCE_NOTES.get(type_name)
                )
        # 退休 and 会员去世 go to the members who retired / died (on or after the event).
        for status, type_name, amount in (
            ("保留会籍", "退休", 100000),
            ("去世", "会员去世", 200000),
        ):
            people = column_values(
                db, "SELECT id FROM members WHERE status = ? ORDER BY id", [status]
            )
            for member in people[years.index(year) :: 3][:4]:  # each year its own few
                event = member_status.retirement_date(db, member) if status == "保留会籍" else None
                day = (
                    _dt.date.fromisoformat(event)
                    if event and event[:4] == str(year)
                    else _random_day(rng, year, last)
                )
                pay(member, type_name, day, amount)
        # 节日慰问 of the oldest year, handed over as a list from one 分工会 (no batch).
        if year == years[0]:
            day = _dt.date(year, 9, 20)
            for member in _eligible(db, all_ids[:120], day):
                writer.add(
                    member,
                    "节日慰问",
                    day,
                    20000,
                    _approval(rng, day, today),
                    occasion="中秋节",
                    goods="月饼一盒",
                    reason="中秋节慰问",
                    handler=HANDLERS[0],
                )
    summary["慰问记录"] = writer.flush()
    summary["困难帮扶档案"] = _hardship(db, rng, years, today, all_ids)
    summary["节日批量发放"] = _batches(db, years, today)
    summary["超标准记录"] = _overrides(db, rng, years[-2], all_ids)
    return summary


def _hardship(
    db: sqlite_utils.Database,
    rng: random.Random,
    years: list[int],
    today: _dt.date,
    all_ids: list[int],
) -> int:
    categories = config.hardship_categories(db)
    households = (
        "配偶长期患病，家庭开支大",
        "独自抚养两个孩子",
        "父母年迈多病，需长期照料",
        "子女就读大学，学费负担重",
        "家中房屋受灾",
        "本人患慢性病，医疗费用高",
    )
    now = audit.now_iso()
    chosen = _eligible(db, rng.sample(all_ids, min(60, len(all_ids))), _dt.date(years[0], 1, 1))[:8]
    writer = _Writer(db)
    count = 0
    for year in years:
        for member in chosen:
            cursor = db.execute(
                "INSERT INTO welfare_hardship (year, member_id, category, household, support_notes, created_at,"
                " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    year,
                    member,
                    rng.choice(categories),
                    rng.choice(households),
                    "送温暖慰问；子女就学时申请金秋助学",
                    now,
                    now,
                ],
            )
            assert cursor.lastrowid is not None  # an INSERT always sets it
            hardship_id = cursor.lastrowid
            count += 1
            for day, amount, occasion, chance in (
                (_dt.date(year, 1, 15), 100000, "送温暖", None),
                (_dt.date(year, 8, 25), 200000, "金秋助学", 0.4),
            ):
                if day <= today and (chance is None or rng.random() < chance):
                    writer.add(
                        member,
                        config.hardship_type(db),
                        day,
                        amount,
                        _approval(rng, day, today),
                        occasion=occasion,
                        reason=occasion,
                        handler=HANDLERS[1],
                        hardship_id=hardship_id,
                    )
    writer.flush()
    return count


def _batches(db: sqlite_utils.Database, years: list[int], today: _dt.date) -> int:
    """Two festival batches through the real service: last year's 中秋 (goods, later paid) and
    this year's 春节 (cash; waiting to be paid when春节 is recent)."""
    previous, current = years[-2], years[-1]
    result, _ = batches.create_batch(
        db,
        batches.BatchRequest(
            year=previous,
            occasion="中秋节",
            amount_fen=20000,
            form="实物",
            goods="月饼一盒",
            pay_date=f"{previous}-09-20",
            handler=HANDLERS[0],
        ),
    )
    assert result.row_id is not None  # create_batch returns the new batch's id
    batches.set_batch_state(db, result.row_id, "已发放", f"{previous}-09-22")
    spring = min(_dt.date(current, 1, 20), today)
    batches.create_batch(
        db,
        batches.BatchRequest(
            year=current,
            occasion="春节",
            amount_fen=50000,
            pay_date=spring.isoformat(),
            handler=HANDLERS[0],
        ),
    )
    return 2


def _overrides(db: sqlite_utils.Database, rng: random.Random, year: int, all_ids: list[int]) -> int:
    """A few payments saved despite a warning, through the real checks, with a reason."""
    written = 0
    day = _dt.date(year, 11, 8)
    active = _eligible(db, all_ids[200:260], day)
    retired = column_values(
        db, "SELECT id FROM members WHERE status = '保留会籍' ORDER BY id LIMIT 1 OFFSET 20"
    )
    cases: list[tuple[int, str, _dt.date, int, str]] = []
    if active:
        cases.append((active[0], "结婚", day, 80000, "分工会另行补助 200 元，经校工会主席同意"))
    had_stay = set(
        column_values(
            db,
            "SELECT member_id FROM welfare_payments WHERE type = '生病住院' AND year = ?",
            [year],
        )
    )
    fresh = [m for m in active[1:] if m not in had_stay]
    if fresh:
        member = fresh[0]
        for month in (2, 6):  # two earlier stays this year, then the third one
            payments.insert_checked(
                db,
                payments.validate_payment(
                    db,
                    {
                        "member_id": member,
                        "type": "生病住院",
                        "pay_date": f"{year}-{month:02d}-10",
                        "amount_fen": 80000,
                        "state": "已发放",
                        "paid_on": f"{year}-{month:02d}-15",
                        "reason": "住院慰问",
                        "handler": HANDLERS[2],
                    },
                ),
                [],
                "",
            )
        cases.append(
            (member, "生病住院", day, 80000, "年内第三次住院（手术），经校工会集体研究同意")
        )
    if retired:
        cases.append(
            (
                retired[0],
                "生日",
                _dt.date(year, 5, 12),
                30000,
                "退休老教师生日慰问，按分工会惯例发放",
            )
        )
    for member, type_name, when, amount, reason in cases:
        p = payments.validate_payment(
            db,
            {
                "member_id": member,
                "type": type_name,
                "pay_date": when.isoformat(),
                "amount_fen": amount,
                "state": "已发放",
                "paid_on": when.isoformat(),
                "reason": REASONS[type_name],
                "handler": HANDLERS[2],
            },
        )
        warnings = check_payment(db, p)
        payments.insert_checked(db, p, warnings, reason if warnings else "")
        written += 1
    return written


# ---------------------------------------------------------------- large scale


def _large(db: sqlite_utils.Database, rng: random.Random, today: _dt.date) -> dict[str, int]:
    years = list(range(today.year - 19, today.year + 1))
    summary = {"慰问标准": _standards(db, years)}
    members = db.execute(
        "SELECT id, branch_id, coalesce(join_date, '2000-01-01'), status FROM members ORDER BY id"
    ).fetchall()
    now = audit.now_iso()
    kinds = [(t, a) for t, _n, a in INDIVIDUAL]
    rows: list[tuple] = []
    for year in years:
        last = min(_dt.date(year, 12, 31), today)
        active = [m for m in members if m[2] <= f"{year}-01-01" and m[3] in ("在会", "保留会籍")]
        festival, goods, day = (
            ("春节", None, _dt.date(year, 1, 20))
            if year % 2
            else ("中秋节", "月饼一盒", _dt.date(year, 9, 20))
        )
        if day > today:
            day = today
        before = len(rows)
        for member_id, branch_id, _join, status in active:
            if status != "在会":
                continue
            rows.append(
                (
                    member_id,
                    branch_id,
                    "节日慰问",
                    festival,
                    day.isoformat(),
                    year,
                    "实物" if goods else "现金",
                    20000 if goods else 30000,
                    goods,
                    f"{festival}慰问",
                    HANDLERS[0],
                    "已发放",
                    day.isoformat(),
                    day.isoformat(),
                    day.isoformat(),
                    day.isoformat(),
                    now,
                    now,
                )
            )
        for _ in range(max(0, 3000 - (len(rows) - before))):  # 3,000 a year: 60,000 in twenty
            member_id, branch_id, _join, _status = rng.choice(active or members)
            type_name, amounts = rng.choice(kinds)
            when = _random_day(rng, year, last).isoformat()
            rows.append(
                (
                    member_id,
                    branch_id,
                    type_name,
                    None,
                    when,
                    year,
                    "现金",
                    rng.choice(amounts) * 100,
                    None,
                    REASONS[type_name],
                    rng.choice(HANDLERS),
                    "已发放",
                    when,
                    when,
                    when,
                    when,
                    now,
                    now,
                )
            )
    rows = rows[:60000]
    db.conn.executemany(
        "INSERT INTO welfare_payments (member_id, branch_id, type, occasion, pay_date, year, form, amount_fen, goods,"
        " reason, handler, state, applied_on, branch_reviewed_on, approved_on, paid_on, created_at, updated_at)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        rows,
    )
    summary["慰问记录"] = len(rows)
    return summary


def populate(db: sqlite_utils.Database, rng: random.Random, scale: str) -> dict[str, int]:
    today = _dt.date.today()
    if db.execute("SELECT count(*) FROM members").fetchone()[0] == 0:
        return {}
    return _large(db, rng, today) if scale == "large" else _normal(db, rng, today)
