"""编辑 ▸ 回收站: list, restore and purge deleted records of every area.

Rows get here through ``storage.audit.delete`` (every service deletes through it). Groups
older than ``recycle_retention_days`` (default 90) are purged with ``secure_delete`` on, so a
deleted ID number does not stay readable in the file.

>>> # groups = list_groups(db); restore_group(db, groups[0].id)
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

import sqlite_utils

from guilin_union.core.errors import ValidationError
from guilin_union.services import settings
from guilin_union.services.changes import Changes, OpResult
from guilin_union.services.safety import ALL_AREAS
from guilin_union.services.safety.log import Describer, mask_values, values_text
from guilin_union.storage import audit, recycle
from guilin_union.storage.recycle import RecycleGroup, RecycleRow, table_label

__all__ = [
    "RecycleGroup",
    "RecycleRow",
    "list_groups",
    "group_rows",
    "restore_group",
    "purge_groups",
    "purge_expired",
    "retention_days",
    "row_display",
]


def retention_days(db: sqlite_utils.Database) -> int:
    return int(settings.get(db, "recycle_retention_days") or 90)


def list_groups(
    db: sqlite_utils.Database, *, include_restored: bool = False, search: str = ""
) -> list[RecycleGroup]:
    return recycle.list_groups(db, include_restored=include_restored, search=search)


def group_rows(db: sqlite_utils.Database, group_id: int) -> list[RecycleRow]:
    return recycle.group_rows(db, group_id)


def row_display(
    row: RecycleRow,
    *,
    masked: bool = True,
    member_names: dict[int, str] | None = None,
    describer: Describer | None = None,
) -> dict[str, Any]:
    """A row of the detail list: table, description, values (numbers masked); with a
    ``describer`` in the secretary's words (labels per table, 元, related records by name)."""
    values = mask_values(row.values) if masked else row.values
    return {
        "table": table_label(row.table),
        "row_id": row.row_id,
        "values": values_text(
            values, member_names=member_names, table=row.table, describer=describer
        ),
        "restored": bool(row.restored_at),
        "cascade": row.cascade_of is not None,
    }


def restore_group(db: sqlite_utils.Database, group_id: int) -> OpResult:
    """Put a group back with its links (one transaction, logged row by row)."""
    with db.atomic():
        done = recycle.restore_group(db, group_id)
    return OpResult(
        Changes.of(*ALL_AREAS), group_id, undo={"restored": [(d.table, d.new_id) for d in done]}
    )


def purge_groups(db: sqlite_utils.Database, group_ids: list[int]) -> OpResult:
    """Delete groups from the bin for good (the user confirmed)."""
    if not group_ids:
        raise ValidationError("请先选择要彻底删除的项目")
    with db.atomic():
        summaries = [recycle.get_group(db, g).summary for g in group_ids]
        removed = recycle.purge_groups(db, group_ids)
        audit.log_event(
            db,
            "recycle_groups",
            None,
            "purge",
            note=f"从回收站彻底删除 {removed} 项："
            + "、".join(summaries[:5])
            + ("等" if len(summaries) > 5 else ""),
        )
    return OpResult(Changes.of("recycle"), None)


def purge_expired(db: sqlite_utils.Database, now: _dt.datetime | None = None) -> int:
    """Purge groups older than the retention period; returns how many were removed."""
    now = now or _dt.datetime.now()
    cutoff = (now - _dt.timedelta(days=retention_days(db))).isoformat(timespec="seconds")
    ids = recycle.expired_group_ids(db, cutoff)
    if not ids:
        return 0
    with db.atomic():
        removed = recycle.purge_groups(db, ids)
        audit.log_event(
            db,
            "recycle_groups",
            None,
            "purge",
            note=f"回收站中超过 {retention_days(db)} 天的 {removed} 项已自动清除",
        )
    return removed


def expires_on(db: sqlite_utils.Database, group: RecycleGroup) -> str:
    """The date a group will be purged (ISO)."""
    try:
        deleted = _dt.datetime.fromisoformat(group.deleted_at)
    except ValueError:
        return ""
    return (deleted + _dt.timedelta(days=retention_days(db))).date().isoformat()
