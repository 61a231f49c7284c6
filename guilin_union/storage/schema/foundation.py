"""Foundation schema: domain settings, 分工会, members, change log."""

from __future__ import annotations

import sqlite_utils

from guilin_union.storage.migrations import Migration, run_script

# Frozen copy of the statuses this migration was written with (the live list is
# core/members.py's MemberStatus; a shipped migration never imports a live list).
_MEMBER_STATUSES = ("在会", "保留会籍", "转出", "退会", "开除", "去世")


def _create_core_tables(db: sqlite_utils.Database) -> None:
    statuses = ", ".join(f"'{s}'" for s in _MEMBER_STATUSES)
    run_script(
        db,
        f"""
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL            -- JSON
        );
        CREATE TABLE branches (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            code TEXT UNIQUE,              -- two-digit code used in member numbers
            chair TEXT,                    -- 分工会主席, signs rosters
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
            sort_order INTEGER NOT NULL DEFAULT 0,
            notes TEXT
        );
        CREATE TABLE members (
            id INTEGER PRIMARY KEY,
            member_no TEXT UNIQUE,
            name TEXT NOT NULL,
            name_initials TEXT NOT NULL DEFAULT '',
            name_pinyin TEXT NOT NULL DEFAULT '',
            gender TEXT CHECK (gender IN ('男', '女')),
            ethnicity TEXT,
            birth_date TEXT,
            id_type TEXT NOT NULL DEFAULT '居民身份证',
            id_number TEXT UNIQUE,
            phone TEXT,
            staff_no TEXT UNIQUE,
            branch_id INTEGER NOT NULL REFERENCES branches(id),
            department TEXT,
            position TEXT,
            title TEXT,
            education TEXT,
            political_status TEXT,
            employment_type TEXT,
            hire_date TEXT,
            join_date TEXT,
            is_model_worker INTEGER NOT NULL DEFAULT 0 CHECK (is_model_worker IN (0, 1)),
            notes TEXT,
            status TEXT NOT NULL DEFAULT '在会' CHECK (status IN ({statuses})),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX idx_members_branch ON members(branch_id);
        CREATE INDEX idx_members_status ON members(status);
        CREATE INDEX idx_members_name ON members(name);
        CREATE INDEX idx_members_initials ON members(name_initials);
        CREATE TABLE change_log (
            id INTEGER PRIMARY KEY,
            ts TEXT NOT NULL,
            os_user TEXT NOT NULL,
            table_name TEXT NOT NULL,
            row_id INTEGER,
            action TEXT NOT NULL,          -- insert / update / delete / event
            before_json TEXT,
            after_json TEXT,
            note TEXT
        );
        CREATE INDEX idx_change_log_table ON change_log(table_name, row_id);
        CREATE INDEX idx_change_log_ts ON change_log(ts);
        -- The change log is append-only: nothing in the program may rewrite history.
        CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
        BEGIN SELECT RAISE(ABORT, '操作日志不可修改'); END;
        CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
        BEGIN SELECT RAISE(ABORT, '操作日志不可删除'); END;
        """,
    )


MIGRATIONS: list[Migration] = [
    ("0001_foundation", _create_core_tables),
]
