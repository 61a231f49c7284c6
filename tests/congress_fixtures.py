"""Shared set-up for the congress and proposals tests: a term, a session and delegates.

Members are inserted with plain SQL (the member validation is tested elsewhere); their ID
numbers are valid fictitious ones so every derived field is realistic.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from guilin_union.core.ids import make_resident_id
from guilin_union.services import congress
from guilin_union.services.congress import delegates

SESSION_DATE = "2024-03-15"
NAMES = "赵一 钱二 孙三 李四 周五 吴六 郑七 王八 冯九 陈十 褚十一 卫十二 蒋十三 沈十四 韩十五 杨十六 朱十七 秦十八 尤十九 许二十".split()


@dataclass
class Congress:
    db: object
    term_id: int
    session_id: int
    branch_ids: list[int]
    members: dict[str, int] = field(default_factory=dict)  # name -> member id
    delegates: dict[str, int] = field(default_factory=dict)  # name -> delegate id
    spare: list[int] = field(default_factory=list)  # members who are not delegates


def add_member(
    db,
    name: str,
    branch_id: int,
    n: int,
    *,
    gender: str = "男",
    title: str = "讲师",
    department: str = "汉语言文学系",
    status: str = "在会",
    birth: dt.date | None = None,
) -> int:
    birth = birth or dt.date(1980 + n % 15, 1 + n % 12, 1 + n % 27)
    number = make_resident_id("450302", birth, n % 99 + 1, gender)
    cur = db.execute(
        "INSERT INTO members (member_no, name, gender, birth_date, id_type, id_number, staff_no, branch_id,"
        " department, title, status, created_at, updated_at) VALUES (?, ?, ?, ?, '居民身份证', ?, ?, ?, ?, ?, ?, 'x', 'x')",
        [
            f"M{n:04d}",
            name,
            gender,
            birth.isoformat(),
            number,
            f"S{n:04d}",
            branch_id,
            department,
            title,
            status,
        ],
    )
    return int(cur.lastrowid)


def make_congress(
    db,
    *,
    formal: int = 6,
    attending: int = 1,
    special: int = 1,
    spare: int = 3,
    teachers: int | None = None,
) -> Congress:
    """``formal`` 正式代表 (the first ``teachers`` of them 教师, the rest 管理), then 列席 and
    特邀 delegates, and ``spare`` members who are not delegates. Women: every third one."""
    from guilin_union.services.members import branches

    branch_ids = [branches.add_branch(db, name).row_id for name in ("文学院分工会", "机关分工会")]
    term_id = congress.create_term(db, start_year=2022).row_id
    delegates.ensure_default_delegations(db, term_id)
    session_id = congress.create_session(
        db, term_id, start_date=SESSION_DATE, venue="学术报告厅"
    ).row_id
    c = Congress(db, term_id, session_id, branch_ids)
    teachers = formal if teachers is None else teachers
    total = formal + attending + special + spare
    for n in range(total):
        name = NAMES[n] if n < len(NAMES) else f"代表{n}"
        branch = branch_ids[n % 2]
        c.members[name] = add_member(db, name, branch, n + 1, gender="女" if n % 3 == 2 else "男")
        if n < formal:
            kind, category = "正式代表", ("教师" if n < teachers else "管理")
        elif n < formal + attending:
            kind, category = "列席代表", "管理"
        elif n < formal + attending + special:
            kind, category = "特邀代表", "其他"
        else:
            c.spare.append(c.members[name])
            continue
        c.delegates[name] = delegates.add_delegate(
            db,
            term_id,
            c.members[name],
            delegate_type=kind,
            category=category,
            start_date="2022-03-01",
        ).row_id
    return c


def submit(
    c: Congress,
    title: str,
    proposer: str = "赵一",
    seconders: tuple[str, ...] = ("钱二", "孙三"),
    **extra,
):
    """Submit a proposal by names of the fixture's people (returns the proposal id)."""
    from guilin_union.services import proposals

    data = {
        "title": title,
        "category": extra.pop("category", "民生福利"),
        "reasons": extra.pop("reasons", "现状"),
        "suggestions": extra.pop("suggestions", "建议"),
        "proposer_member_id": c.members[proposer] if proposer else None,
        "seconder_ids": [c.members[s] for s in seconders],
        "submitted_on": extra.pop("submitted_on", "2024-02-20"),
        **extra,
    }
    return proposals.submit_proposal(
        c.db, c.session_id, data, confirm_duplicate=extra.get("confirm", False)
    ).row_id


def department(db, name: str) -> int:
    from guilin_union.services import proposals

    return proposals.department_id(db, name)
