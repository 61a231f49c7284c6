"""Shared helpers for the intake area's tests (imported, not a conftest)."""
from __future__ import annotations

from typing import Any

from guilin_union.services import members as members_service


def add_member(db, **fields: Any) -> int:
    """Insert one member through the register service (validated, logged)."""
    data = {"name": "张三", "branch": "文学院分工会", "join_date": "2010-09-01", **fields}
    return members_service.add_member(db, data).row_id
