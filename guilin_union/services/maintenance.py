"""Database health: integrity and foreign-key checks in plain terms."""

from __future__ import annotations

from typing import Any

import sqlite_utils


def check_database(db: sqlite_utils.Database) -> dict[str, Any]:
    """``{"integrity": "ok", "foreign_keys": "ok", "schema_version": N}`` (the CLI contract),
    plus ``problems``: the same findings as plain Chinese sentences (services.safety_check)."""
    from guilin_union.services.safety.check import check_report

    return check_report(db).to_json()


def check_unopenable(message: str) -> dict[str, Any]:
    """The check result for a file SQLite cannot even open as a database."""
    return {
        "integrity": message,
        "foreign_keys": "未检查",
        "schema_version": None,
        "problems": [f"数据文件无法作为数据库读取（{message}）。"],
    }
