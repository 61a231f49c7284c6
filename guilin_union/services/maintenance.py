"""Database health: integrity and foreign-key checks in plain terms."""
from __future__ import annotations

from typing import Any

import sqlite_utils

from guilin_union.storage.migrations import schema_version


def check_database(db: sqlite_utils.Database) -> dict[str, Any]:
    """``{"integrity": "ok", "foreign_keys": "ok", "schema_version": N}`` (the CLI contract)."""
    integrity_rows = [r[0] for r in db.execute("PRAGMA integrity_check")]
    integrity = "ok" if integrity_rows == ["ok"] else "；".join(integrity_rows[:20])
    fk_rows = list(db.execute("PRAGMA foreign_key_check"))
    foreign_keys = (
        "ok" if not fk_rows else "；".join(f"{r[0]} 第 {r[1]} 行引用了不存在的 {r[2]}" for r in fk_rows[:20])
    )
    return {"integrity": integrity, "foreign_keys": foreign_keys, "schema_version": schema_version(db)}
