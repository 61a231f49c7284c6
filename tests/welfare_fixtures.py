"""Shared helpers for the welfare area's tests (imported, not a conftest)."""

from __future__ import annotations

from typing import Any

from guilin_union.services import members as members_service
from guilin_union.services.members import branches
from guilin_union.services.members import status as member_status
from guilin_union.services.welfare import standards as welfare_standards

YEAR = 2024


def setup(db, *, year: int = YEAR, examples: bool = True) -> Any:
    """Three 分工会 and (by default) the example standards of ``year``."""
    for name in ("文学院分工会", "机关分工会", "信息工程学院分工会"):
        if branches.find_branch_id(db, name) is None:
            branches.add_branch(db, name)
    if examples:
        welfare_standards.load_examples(db, year)
    return db


def add_member(db, name: str = "张三", branch: str = "文学院分工会", **fields: Any) -> int:
    data = {"name": name, "branch": branch, "join_date": "2010-09-01", **fields}
    return members_service.add_member(db, data).row_id


def retire(db, member_id: int, on: str) -> None:
    member_status.record_status_change(db, member_id, "退休（保留会籍）", on=on, reason="到龄退休")


def change(db, member_id: int, action: str, on: str) -> None:
    member_status.record_status_change(db, member_id, action, on=on, reason="测试")


def payment(member_id: int, type_name: str, day: str, yuan: str, **extra: Any) -> dict[str, Any]:
    return {"member_id": member_id, "type": type_name, "pay_date": day, "amount_fen": yuan, **extra}
