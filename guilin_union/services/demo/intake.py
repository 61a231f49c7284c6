"""Demo data of the intake area: pending and decided applications, a status-change history
consistent with each member's current status, the issued member numbers and salary bases.

Deterministic for a seed (only the given ``random.Random`` is used).
"""

from __future__ import annotations

import datetime as _dt
import random
from typing import Any

import sqlite_utils

from guilin_union.core.ids import make_resident_id
from guilin_union.services.common_fields import JOB_FIELDS, PERSON_FIELDS
from guilin_union.services.common_query import column_values
from guilin_union.services.demo.common import insert_rows
from guilin_union.services.demo.members import (
    EMPLOYMENT,
    POLITICAL,
    REGIONS,
    _weighted,
    random_name,
)

REASONS = {
    "保留会籍": ("到龄退休", "办理退休手续"),
    "转出": ("调往桂林理工大学", "调往广西师范大学", "调往自治区教育厅", "工作调动"),
    "退会": ("本人申请退会", "解除劳动合同"),
    "开除": ("严重违反工会纪律",),
    "去世": ("因病去世",),
}
ACTIONS = {
    "保留会籍": "退休（保留会籍）",
    "转出": "转出",
    "退会": "退会",
    "开除": "开除",
    "去世": "去世",
}
REJECT_REASONS = (
    "尚未与学校签订劳动合同",
    "入会材料不全，请补交工会会员登记表",
    "已在原单位工会登记，请办理会籍转接",
)
RECORDER = "工会办公室"
# Who the applicant is: the columns an application shares with the member row, in table order.
_APPLICANT = ("name", *PERSON_FIELDS, "branch_id", *JOB_FIELDS, "is_model_worker")
# How the application came and who reviewed and decided it when.
_HANDLING = (
    "applied_on",
    "source",
    "branch_reviewed_by",
    "branch_reviewed_at",
    "decided_by",
    "decided_at",
)
# What an approved application made of the applicant.
_MEMBERSHIP = ("member_id", "member_no", "join_date", "dues_start_month")


def _date_between(rng: random.Random, start: _dt.date, end: _dt.date) -> _dt.date:
    if end <= start:
        return start
    return start + _dt.timedelta(days=rng.randint(0, (end - start).days))


def _status_events(db: sqlite_utils.Database, rng: random.Random, today: _dt.date) -> int:
    """One event (sometimes a chain) per member whose status is not 在会."""
    rows = db.execute(
        "SELECT id, status, join_date, birth_date FROM members WHERE status <> '在会' ORDER BY id"
    ).fetchall()
    events: list[tuple[Any, ...]] = []
    stamp = today.isoformat() + "T09:00:00"
    for member_id, status, join, birth in rows:
        joined = _dt.date.fromisoformat(join) if join else today - _dt.timedelta(days=3650)
        latest = today - _dt.timedelta(days=1)
        start = max(joined + _dt.timedelta(days=30), today - _dt.timedelta(days=365 * 8))
        start = max(joined, min(start, latest))  # never before joining, never in the future
        if status == "保留会籍" and birth:
            born = _dt.date.fromisoformat(birth)
            retire = _dt.date(min(born.year + 60, today.year), born.month, 1) + _dt.timedelta(
                days=27
            )
            retire = min(max(retire, start), latest)
            chain = [(max(retire, joined), "在会", "保留会籍")]
        elif status == "去世" and start < today - _dt.timedelta(days=400):
            retire = _date_between(rng, start, today - _dt.timedelta(days=400))
            died = _date_between(rng, retire + _dt.timedelta(days=30), latest)
            chain = [(retire, "在会", "保留会籍"), (died, "保留会籍", "去世")]
        else:
            chain = [(_date_between(rng, start, latest), "在会", status)]
            # A few who left came back and left again: a history worth looking at.
            if status == "转出" and start < today - _dt.timedelta(days=900) and rng.random() < 0.25:
                away = _date_between(rng, start, today - _dt.timedelta(days=900))
                back = away + _dt.timedelta(days=rng.randint(180, 500))
                again = _date_between(rng, back + _dt.timedelta(days=60), latest)
                chain = [(away, "在会", "转出"), (back, "转出", "在会"), (again, "在会", "转出")]
        for day, frm, to in chain:
            action = "恢复会籍" if to == "在会" else ACTIONS[to]
            reason = "调回本校" if to == "在会" else rng.choice(REASONS[to])
            doc = (
                f"桂院人〔{day.year}〕{rng.randint(1, 80)}号"
                if to in ("保留会籍", "转出", "在会")
                else None
            )
            events.append(
                (member_id, day.isoformat(), frm, to, action, reason, doc, RECORDER, stamp)
            )
    db.conn.executemany(
        "INSERT INTO member_status_events (member_id, event_date, from_status, to_status, action, reason,"
        " document_no, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        events,
    )
    return len(events)


def _salary_bases(db: sqlite_utils.Database, rng: random.Random) -> int:
    rows = db.execute("SELECT id, title, join_date FROM members ORDER BY id").fetchall()
    now = _dt.datetime.now().isoformat(timespec="seconds")
    data = []
    for member_id, title, join in rows:
        base_yuan = {"教授": 12000, "副教授": 9500, "研究员": 12000, "讲师": 7500}.get(
            title or "", 6500
        )
        # Most members have a base on record; a few are still missing (shown as such).
        base = (
            None
            if rng.random() < 0.06
            else (base_yuan + rng.randint(-800, 2500)) * 100 + rng.randint(0, 99)
        )
        start = join[:7] if join else None
        data.append((member_id, base, start, now))
    db.conn.executemany(
        "INSERT INTO member_dues (member_id, salary_base_fen, dues_start_month, updated_at) VALUES (?, ?, ?, ?)",
        data,
    )
    return sum(1 for d in data if d[1] is not None)


def _applications(
    db: sqlite_utils.Database, rng: random.Random, today: _dt.date, count: int
) -> int:
    branches = db.execute("SELECT id, name FROM branches ORDER BY sort_order, id").fetchall()
    departments = {
        bid: column_values(
            db,
            "SELECT DISTINCT department FROM members WHERE branch_id = ? AND department IS NOT NULL",
            [bid],
        )
        for bid, _ in branches
    }
    used = set(column_values(db, "SELECT id_number FROM members WHERE id_number IS NOT NULL"))
    now = today.isoformat() + "T10:00:00"
    rows = []
    for i in range(count):
        bid, _name = rng.choice(branches)
        gender = rng.choice(("男", "女"))
        birth = _dt.date(today.year - rng.randint(24, 38), rng.randint(1, 12), rng.randint(1, 28))
        while True:
            number = make_resident_id(rng.choice(REGIONS), birth, rng.randint(0, 99), gender)
            if number not in used:
                used.add(number)
                break
        hire = today - _dt.timedelta(days=rng.randint(20, 150))
        applied = hire + _dt.timedelta(days=rng.randint(3, 15))
        applied = min(applied, today)
        r = rng.random()
        state = "待分工会审核" if r < 0.5 else ("待校工会批准" if r < 0.85 else "未通过")
        reviewed = (
            applied + _dt.timedelta(days=rng.randint(1, 7)) if state != "待分工会审核" else None
        )
        decided = (
            (reviewed + _dt.timedelta(days=rng.randint(1, 10)))
            if state == "未通过" and reviewed
            else None
        )
        reviewed = min(reviewed, today) if reviewed else None
        decided = min(decided, today) if decided else None
        title = rng.choice(("助教", "讲师", "讲师", "工程师", None))
        rows.append(
            (
                state,
                random_name(rng),
                gender,
                "汉族" if rng.random() < 0.75 else "壮族",
                birth.isoformat(),
                "居民身份证",
                number,
                "1" + rng.choice("3578") + "".join(rng.choice("0123456789") for _ in range(9)),
                f"{hire.year}{9000 + i:05d}",
                bid,
                rng.choice(departments.get(bid) or ["学院办公室"]),
                None,
                title,
                rng.choice(("硕士研究生", "博士研究生", "大学本科")),
                _weighted(rng, POLITICAL),
                _weighted(rng, EMPLOYMENT),
                hire.isoformat(),
                0,
                applied.isoformat(),
                "2025年新进教职工名单.xlsx" if rng.random() < 0.7 else "手工录入",
                RECORDER if reviewed else None,
                reviewed.isoformat() if reviewed else None,
                RECORDER if decided else None,
                decided.isoformat() if decided else None,
                None,
                rng.choice(REJECT_REASONS) if state == "未通过" else None,
                now,
                now,
            )
        )
    return insert_rows(
        db,
        "intake_applications",
        ("state", *_APPLICANT, *_HANDLING, "notes", "reject_reason", "created_at", "updated_at"),
        rows,
    )


def _approved_history(db: sqlite_utils.Database, today: _dt.date) -> int:
    """The members who joined in the last year came through approved applications."""
    since = (today - _dt.timedelta(days=365)).isoformat()
    rows = db.execute(
        f"SELECT id, {', '.join(_APPLICANT)}, join_date, member_no FROM members"
        " WHERE join_date >= ? ORDER BY id",
        [since],
    ).fetchall()
    now = today.isoformat() + "T10:00:00"
    data = []
    for r in rows:
        join = _dt.date.fromisoformat(r[18])
        applied = (join - _dt.timedelta(days=14)).isoformat()
        reviewed = (join - _dt.timedelta(days=7)).isoformat()
        data.append(
            (
                "已批准",
                *r[1:18],
                applied,
                "手工录入",
                RECORDER,
                reviewed,
                RECORDER,
                r[18],
                r[0],
                r[19],
                r[18],
                r[18][:7],
                now,
                now,
            )
        )
    return insert_rows(
        db,
        "intake_applications",
        ("state", *_APPLICANT, *_HANDLING, *_MEMBERSHIP, "created_at", "updated_at"),
        data,
    )


def populate(db: sqlite_utils.Database, rng: random.Random, scale: str) -> dict[str, int]:
    today = _dt.date.today()
    db.execute(
        "INSERT OR IGNORE INTO member_numbers_issued (member_no, member_id, issued_at, source)"
        " SELECT member_no, id, created_at, '演示数据' FROM members WHERE member_no IS NOT NULL"
    )
    events = _status_events(db, rng, today)
    bases = _salary_bases(db, rng)
    approved = _approved_history(db, today)
    pending = _applications(db, rng, today, 120 if scale == "large" else 28)
    return {"入会申请": pending + approved, "会籍变更记录": events, "已录工资基数": bases}
