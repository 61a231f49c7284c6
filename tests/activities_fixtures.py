"""Shared helpers for the activities area's tests (imported, not a conftest)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from guilin_union.core.ids import make_resident_id
from guilin_union.services import activities as activities_service
from guilin_union.services import members as members_service
from guilin_union.services.members import branches

BRANCHES = ("文学院分工会", "机关分工会", "信息工程学院分工会")
# (name, branch index, gender) — staff numbers are S001, S002 … in this order.
PEOPLE = (
    ("张伟", 0, "男"),
    ("李娜", 0, "女"),
    ("王强", 1, "男"),
    ("刘芳", 1, "女"),
    ("陈杰", 2, "男"),
    ("杨静", 2, "女"),
    ("赵磊", 0, "男"),
    ("黄丽", 1, "女"),
)


def id_for(index: int, gender: str) -> str:
    return make_resident_id("450302", dt.date(1980 + index, 3, 7), 10 + index, gender)


def setup(db) -> dict[str, int]:
    """Three 分工会 and eight members; returns {name: member id}."""
    for name in BRANCHES:
        if branches.find_branch_id(db, name) is None:
            branches.add_branch(db, name)
    ids: dict[str, int] = {}
    for index, (name, branch, gender) in enumerate(PEOPLE, start=1):
        ids[name] = members_service.add_member(
            db,
            {
                "name": name,
                "branch": BRANCHES[branch],
                "staff_no": f"S{index:03d}",
                "id_number": id_for(index, gender),
                "join_date": "2015-09-01",
            },
        ).row_id
    return ids


def branch_id(db, name: str) -> int:
    found = branches.find_branch_id(db, name)
    assert found is not None
    return found


def make_activity(db, **fields: Any) -> int:
    data = {
        "name": "第二十二届田径运动会暨教职工亲子运动会",
        "type": "文体活动",
        "start_date": "2024-11-15",
        "end_date": "2024-11-16",
        "place": "田径场",
        "signup_deadline": "2024-11-01",
        **fields,
    }
    return activities_service.save_activity(db, data).row_id


def event_ids(db, activity_id: int) -> dict[str, int]:
    return {e["name"]: e["id"] for e in activities_service.list_events(db, activity_id)}


def statuses(db, activity_id: int) -> dict[str, str]:
    """{member name: registration status}."""
    return {
        r[0]: r[1]
        for r in db.execute(
            "SELECT m.name, p.status FROM activity_participants p JOIN members m ON m.id = p.member_id"
            " WHERE p.activity_id = ? ORDER BY p.seq",
            [activity_id],
        )
    }


def participant_id(db, activity_id: int, member_id: int) -> int:
    row = db.execute(
        "SELECT id FROM activity_participants WHERE activity_id = ? AND member_id = ?",
        [activity_id, member_id],
    ).fetchone()
    assert row is not None
    return row[0]
