"""Demo data of the congress area: a term with two past sessions and a current one.

Normal scale: 第一届 (started two years ago) with 第一、二、三次会议 — the first two closed, the
third being held today — about 120 正式代表 (teachers well above 60%), some 列席 and 特邀代表,
a few replacements between meetings, the standard agenda, sign-in and votes (one motion
failed, two still to be voted today). Large scale (issue 11): four five-year terms with five
meetings each, twenty sessions in all.

Rows are inserted with plain SQL inside the demo's transaction (no per-row audit).
"""

from __future__ import annotations

import datetime as _dt
import random
from typing import Any

import sqlite_utils

from guilin_union.services.common_query import column_values
from guilin_union.services.congress import STANDARD_AGENDA
from guilin_union.services.congress.delegates import delegation_name_for_branch, guess_category
from guilin_union.services.congress.rules import compose_session_title
from guilin_union.services.congress.votes import STANDARD_MOTIONS
from guilin_union.services.demo.common import insert_row as _insert

CONGRESS_NAME = "教职工代表大会暨工会会员代表大会"
VENUES = ("学术报告厅", "图书馆报告厅", "大学生活动中心多功能厅")
FORMAL_SHARE = 0.24  # about 120 of 600 members
LARGE_FORMAL_SHARE = 0.07  # about 200 of 3,000: a congress does not grow with the school
EXTRA_MOTIONS = (
    "通过《教职工绩效考核办法（修订稿）》",
    "通过《教职工年度考核实施办法》",
    "选举增补工会委员",
)


def populate(db: sqlite_utils.Database, rng: random.Random, scale: str) -> dict[str, int]:
    today = _dt.date.today()
    if scale == "large":
        plan = [
            (today.year - 19 + 5 * k, 5) for k in range(4)
        ]  # 4 terms × 5 meetings = 20 sessions
    else:
        plan = [(today.year - 2, 3)]
    members = _members(db)
    totals = {"sessions": 0, "delegates": 0}
    for number, (start_year, meetings) in enumerate(plan, start=1):
        last = number == len(plan)
        dates = _session_dates(start_year, meetings, today, current=last)
        term_id = _insert(
            db,
            "congress_terms",
            {
                "number": number,
                "start_year": start_year,
                "end_year": start_year + 5,
                "length_years": 5,
                "notes": None,
            },
        )
        delegations = _delegations(db, term_id)
        elected = (dates[0] - _dt.timedelta(days=60)).isoformat()  # before proposals are collected
        share = LARGE_FORMAL_SHARE if scale == "large" else FORMAL_SHARE
        delegates = _elect(
            db, rng, term_id, members, delegations, elected, current=last, share=share
        )
        _replacements(db, rng, term_id, delegates, members, dates)
        for meeting_no, day in enumerate(dates, start=1):
            current = last and meeting_no == len(dates)
            session_id = _session(db, rng, term_id, number, meeting_no, day, current=current)
            _agenda(db, session_id, day, rng)
            present = _attendance(db, rng, term_id, session_id, day, current=current)
            _motions(db, rng, session_id, day, present, meeting_no, current=current)
            totals["sessions"] += 1
        totals["delegates"] += db.execute(
            "SELECT count(*) FROM congress_delegates WHERE term_id = ?", [term_id]
        ).fetchone()[0]
    return {"教代会会议": totals["sessions"], "代表任职记录": totals["delegates"]}


# --------------------------------------------------------------------------- helpers


def _members(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    return list(
        db.query(
            "SELECT m.id, m.name, m.status, m.title, m.department, m.branch_id, m.join_date, b.name AS branch"
            " FROM members m JOIN branches b ON b.id = m.branch_id ORDER BY m.id"
        )
    )


def _session_dates(
    start_year: int, meetings: int, today: _dt.date, *, current: bool
) -> list[_dt.date]:
    """One meeting a year in March; the current term's last meeting is held today."""
    dates = [_dt.date(start_year + i, 3, 12 + i % 5) for i in range(meetings)]
    if current:
        dates[-1] = today
        # Earlier meetings stay at least four months before today's.
        for i in range(len(dates) - 1):
            dates[i] = min(dates[i], _dt.date(today.year - (len(dates) - 1 - i), 3, 12 + i))
    return dates


def _delegations(db: sqlite_utils.Database, term_id: int) -> dict[int, int]:
    """One delegation per 分工会; returns branch id -> delegation id."""
    result = {}
    for order, (branch_id, name) in enumerate(
        db.execute(
            "SELECT id, name FROM branches WHERE active = 1 ORDER BY sort_order, id"
        ).fetchall(),
        start=1,
    ):
        result[branch_id] = _insert(
            db,
            "congress_delegations",
            {
                "term_id": term_id,
                "name": delegation_name_for_branch(name),
                "branch_id": branch_id,
                "head_member_id": None,
                "sort_order": order,
            },
        )
    return result


def _elect(
    db: sqlite_utils.Database,
    rng: random.Random,
    term_id: int,
    members: list[dict[str, Any]],
    delegations: dict[int, int],
    start: str,
    *,
    current: bool,
    share: float = FORMAL_SHARE,
) -> list[dict[str, Any]]:
    """About a fifth of each 分工会's active members as 正式代表 (teachers preferred in the
    colleges so their share stays well above 60%), plus 列席 and 特邀代表."""
    categories = ["教师", "管理", "教辅", "工勤", "其他"]
    by_branch: dict[int, list[dict[str, Any]]] = {}
    # Only people who had joined by the election; for an old term, today's retirees served then.
    active = [
        m
        for m in members
        if (m["status"] == "在会" or not current) and (m["join_date"] or "") <= start
    ]
    for m in active:
        by_branch.setdefault(m["branch_id"], []).append(m)
    chosen: list[dict[str, Any]] = []
    used: set[int] = set()
    for branch_id, people in by_branch.items():
        if branch_id not in delegations:
            continue
        want = max(2, round(len(people) * share))
        teachers = [p for p in people if guess_category(p, categories) == "教师"]
        others = [p for p in people if p not in teachers]
        rng.shuffle(teachers)
        rng.shuffle(others)
        pool = teachers[: max(0, want - max(1, want // 5))] + others
        pool += [t for t in teachers if t not in pool]
        for person in pool[:want]:
            chosen.append({**person, "type": "正式代表"})
            used.add(person["id"])
    _raise_teacher_share(rng, chosen, by_branch, used, categories)
    rest = [m for m in active if m["id"] not in used and m["branch_id"] in delegations]
    rng.shuffle(rest)
    for person in rest[:10]:
        chosen.append({**person, "type": "列席代表"})
        used.add(person["id"])
    retired = [m for m in members if m["status"] == "保留会籍" and m["id"] not in used]
    rng.shuffle(retired)
    for person in retired[:6]:
        chosen.append({**person, "type": "特邀代表"})
    heads: dict[int, int] = {}
    delegates = []
    for person in chosen:
        category = "其他" if person["type"] == "特邀代表" else guess_category(person, categories)
        if person["type"] == "列席代表" and category == "教师":
            category = "管理"
        delegation_id = delegations.get(person["branch_id"])
        row_id = _insert(
            db,
            "congress_delegates",
            {
                "term_id": term_id,
                "member_id": person["id"],
                "delegate_type": person["type"],
                "delegation_id": delegation_id,
                "category": category,
                "start_date": start,
                "end_date": None,
                "start_reason": "当选",
                "end_reason": None,
                "replaces_id": None,
                "notes": "离退休教职工代表" if person["type"] == "特邀代表" else None,
            },
        )
        # 正式代表 are chosen only in branches with a delegation: theirs is always set
        if (
            person["type"] == "正式代表"
            and delegation_id is not None
            and delegation_id not in heads
        ):
            heads[delegation_id] = person["id"]
        delegates.append(
            {**person, "delegate_id": row_id, "delegation_id": delegation_id, "category": category}
        )
    for delegation_id, member_id in heads.items():
        db.execute(
            "UPDATE congress_delegations SET head_member_id = ? WHERE id = ?",
            [member_id, delegation_id],
        )
    return delegates


def _raise_teacher_share(
    rng: random.Random,
    chosen: list[dict[str, Any]],
    by_branch: dict[int, list[dict[str, Any]]],
    used: set[int],
    categories: list[str],
    target: int = 66,
) -> None:
    """Swap non-teachers for unused teachers of the same 分工会 until teachers are at least
    ``target`` % of the 正式代表 (as an election under the 60% rule would produce)."""

    def is_teacher(p: dict[str, Any]) -> bool:
        return guess_category(p, categories) == "教师"

    spare = {
        b: [p for p in people if p["id"] not in used and is_teacher(p)]
        for b, people in by_branch.items()
    }
    for person in spare.values():
        rng.shuffle(person)
    order = list(range(len(chosen)))
    rng.shuffle(order)
    for i in order:
        teachers = sum(1 for p in chosen if is_teacher(p))
        if teachers * 100 >= len(chosen) * target:
            return
        current = chosen[i]
        pool = spare.get(current["branch_id"]) or []
        if is_teacher(current) or not pool:
            continue
        # Keep at least one non-teacher per delegation where there was one (staff are represented too).
        if (
            sum(1 for p in chosen if p["branch_id"] == current["branch_id"] and not is_teacher(p))
            <= 1
        ):
            continue
        newcomer = pool.pop()
        used.discard(current["id"])
        used.add(newcomer["id"])
        chosen[i] = {**newcomer, "type": "正式代表"}
    # Still short (many staff-only 分工会): the colleges send more teachers, as their size warrants.
    while sum(1 for p in chosen if is_teacher(p)) * 100 < len(chosen) * target:
        branch = max(spare, key=lambda b: len(spare[b]), default=None)
        if branch is None or not spare[branch]:
            return
        newcomer = spare[branch].pop()
        used.add(newcomer["id"])
        chosen.append({**newcomer, "type": "正式代表"})


def _replacements(
    db: sqlite_utils.Database,
    rng: random.Random,
    term_id: int,
    delegates: list[dict[str, Any]],
    members: list[dict[str, Any]],
    dates: list[_dt.date],
) -> None:
    """Between the first and second meeting: two 更换 (调离学校) and one 补选 after a retirement."""
    if len(dates) < 2:
        return
    day = (dates[0] + (dates[1] - dates[0]) / 2).isoformat()
    used = set(
        column_values(db, "SELECT member_id FROM congress_delegates WHERE term_id = ?", [term_id])
    )
    heads = set(
        column_values(
            db, "SELECT head_member_id FROM congress_delegations WHERE term_id = ?", [term_id]
        )
    )
    formal = [d for d in delegates if d["type"] == "正式代表" and d["id"] not in heads]
    for old, (start_reason, end_reason) in zip(
        rng.sample(formal, 3), (("更换", "调离学校"), ("更换", "调离学校"), ("补选", "退休"))
    ):
        same_branch = [
            m
            for m in members
            if m["branch_id"] == old["branch_id"] and m["status"] == "在会" and m["id"] not in used
        ]
        if not same_branch:
            continue
        new = rng.choice(same_branch)
        used.add(new["id"])
        db.execute(
            "UPDATE congress_delegates SET end_date = ?, end_reason = ? WHERE id = ?",
            [day, end_reason, old["delegate_id"]],
        )
        _insert(
            db,
            "congress_delegates",
            {
                "term_id": term_id,
                "member_id": new["id"],
                "delegate_type": "正式代表",
                "delegation_id": old["delegation_id"],
                "category": old["category"],
                "start_date": day,
                "end_date": None,
                "start_reason": start_reason,
                "end_reason": None,
                "replaces_id": old["delegate_id"],
                "notes": f"接替{old['name']}（{end_reason}）",
            },
        )


def _session(
    db: sqlite_utils.Database,
    rng: random.Random,
    term_id: int,
    term_number: int,
    meeting_no: int,
    day: _dt.date,
    *,
    current: bool,
) -> int:
    prefix = str(day.year)
    if db.execute("SELECT 1 FROM congress_sessions WHERE proposal_prefix = ?", [prefix]).fetchone():
        prefix += "B"
    return _insert(
        db,
        "congress_sessions",
        {
            "term_id": term_id,
            "meeting_no": meeting_no,
            "title": compose_session_title(term_number, meeting_no, CONGRESS_NAME),
            "start_date": day.isoformat(),
            "end_date": day.isoformat(),
            "venue": VENUES[meeting_no % len(VENUES)],
            "status": "召开中" if current else "已闭幕",
            "proposal_deadline": (day - _dt.timedelta(days=15)).isoformat(),
            "reply_deadline": (day + _dt.timedelta(days=90)).isoformat(),
            "proposal_prefix": prefix,
            "quorum_override_reason": None,
            "notes": None,
            "created_at": (day - _dt.timedelta(days=45)).isoformat() + "T09:00:00",
        },
    )


def _agenda(db: sqlite_utils.Database, session_id: int, day: _dt.date, rng: random.Random) -> None:
    venue = db.execute("SELECT venue FROM congress_sessions WHERE id = ?", [session_id]).fetchone()[
        0
    ]
    positions: dict[str, int] = {}
    for item in STANDARD_AGENDA:
        positions[item["part"]] = positions.get(item["part"], 0) + 1
        presider = item["presider"] or ("工会常务副主席" if item["part"] == "预备会议" else "")
        place = "各分组会场" if "分组" in item["content"] else venue
        _insert(
            db,
            "congress_agenda_items",
            {
                "session_id": session_id,
                "part": item["part"],
                "position": positions[item["part"]],
                "item_date": day.isoformat(),
                "start_time": item["start_time"],
                "end_time": item["end_time"],
                "content": item["content"],
                "presider": presider,
                "reporter": item["reporter"] or None,
                "place": place,
                "notes": None,
            },
        )


def _attendance(
    db: sqlite_utils.Database,
    rng: random.Random,
    term_id: int,
    session_id: int,
    day: _dt.date,
    *,
    current: bool,
) -> int:
    """Sign-in of everyone who was a delegate that day; returns 实到 of the 正式代表."""
    iso = day.isoformat()
    rows = db.execute(
        "SELECT id, delegate_type FROM congress_delegates WHERE term_id = ? AND start_date <= ?"
        " AND (end_date IS NULL OR end_date > ?) ORDER BY id",
        [term_id, iso, iso],
    ).fetchall()
    present = 0
    stamp = iso + "T08:20:00"
    batch = []
    for delegate_id, kind in rows:
        r = rng.random()
        if current and r < 0.04:
            continue  # not signed in yet: the meeting is in progress
        status = "出席" if r < 0.9 else ("请假" if r < 0.97 else "缺席")
        note = (
            rng.choice(("外出学习", "身体不适", "出差", "家中有事")) if status == "请假" else None
        )
        batch.append(
            {
                "session_id": session_id,
                "delegate_id": delegate_id,
                "status": status,
                "note": note,
                "recorded_at": stamp,
            }
        )
        if status == "出席" and kind == "正式代表":
            present += 1
    db.table("congress_attendance").insert_all(batch, batch_size=500)
    return present


def _motions(
    db: sqlite_utils.Database,
    rng: random.Random,
    session_id: int,
    day: _dt.date,
    present: int,
    meeting_no: int,
    *,
    current: bool,
) -> None:
    titles = list(STANDARD_MOTIONS)
    failing = None
    if meeting_no == 2:
        failing = EXTRA_MOTIONS[0]
        titles.insert(4, failing)
    elif meeting_no % 2 == 1 and meeting_no > 1:
        titles.insert(4, EXTRA_MOTIONS[1 + meeting_no % 2])
    for position, title in enumerate(titles, start=1):
        voted = not current or position <= 2
        yes = no = abstain = None
        if voted:
            if title == failing:
                # Narrowly short of more than half of ALL 正式代表 (the rule's point).
                total = db.execute(
                    "SELECT count(*) FROM congress_attendance a JOIN congress_delegates d ON d.id = a.delegate_id"
                    " WHERE a.session_id = ? AND d.delegate_type = '正式代表'",
                    [session_id],
                ).fetchone()[0]
                yes = min(present, max(0, total // 2 - rng.randint(0, 3)))
                no = min(present - yes, rng.randint(10, 20))
                abstain = max(0, present - yes - no - rng.randint(0, 2))
            else:
                no = rng.randint(0, 3)
                abstain = rng.randint(0, 4)
                yes = max(0, present - no - abstain - rng.randint(0, 2))
        _insert(
            db,
            "congress_motions",
            {
                "session_id": session_id,
                "position": position,
                "title": title,
                "kind": "选举" if title.startswith("选举") else "决议",
                "votes_yes": yes,
                "votes_no": no,
                "votes_abstain": abstain,
                "voted_on": day.isoformat() if voted else None,
                "notes": None,
            },
        )
