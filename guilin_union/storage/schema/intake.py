"""Schema of the intake area: applications, issued member numbers, status history, dues.

Append new migrations at the end; never edit a shipped one.
"""

from __future__ import annotations

import sqlite_utils

from guilin_union.storage.migrations import Migration, run_script

# Frozen copies of the values this migration was written with (a shipped migration never
# imports a live list: the live ones are in core/intake.py and core/members.py).
_APPLICATION_STATES = ("待分工会审核", "待校工会批准", "已批准", "未通过")
_STATUSES = ("在会", "保留会籍", "转出", "退会", "开除", "去世")


def _create_tables(db: sqlite_utils.Database) -> None:
    states = ", ".join(f"'{s}'" for s in _APPLICATION_STATES)
    statuses = ", ".join(f"'{s}'" for s in _STATUSES)
    run_script(
        db,
        f"""
        -- 入会申请: one row per person applying; approved rows point at the member they became.
        CREATE TABLE intake_applications (
            id INTEGER PRIMARY KEY,
            state TEXT NOT NULL DEFAULT '待分工会审核' CHECK (state IN ({states})),
            name TEXT NOT NULL,
            gender TEXT CHECK (gender IN ('男', '女')),
            ethnicity TEXT,
            birth_date TEXT,
            id_type TEXT NOT NULL DEFAULT '居民身份证',
            id_number TEXT,
            phone TEXT,
            staff_no TEXT,
            branch_id INTEGER NOT NULL REFERENCES branches(id),
            department TEXT,
            position TEXT,
            title TEXT,
            education TEXT,
            political_status TEXT,
            employment_type TEXT,
            hire_date TEXT,
            is_model_worker INTEGER NOT NULL DEFAULT 0 CHECK (is_model_worker IN (0, 1)),
            notes TEXT,
            applied_on TEXT NOT NULL,          -- 申请日期
            source TEXT,                       -- 手工录入 / the imported file name
            branch_reviewed_by TEXT,           -- 分工会审核 (who / when)
            branch_reviewed_at TEXT,
            decided_by TEXT,                   -- 校工会批准 or 未通过 (who / when)
            decided_at TEXT,
            reject_reason TEXT,
            member_id INTEGER REFERENCES members(id) ON DELETE SET NULL,
            member_no TEXT,
            join_date TEXT,
            dues_start_month TEXT,             -- YYYY-MM
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK (state <> '未通过' OR coalesce(reject_reason, '') <> '')
        );
        CREATE INDEX idx_intake_state ON intake_applications(state);
        CREATE INDEX idx_intake_branch ON intake_applications(branch_id);
        CREATE INDEX idx_intake_member ON intake_applications(member_id);
        CREATE INDEX idx_intake_applied ON intake_applications(applied_on);
        -- One open application per person: a second import of the same list cannot double it.
        CREATE UNIQUE INDEX idx_intake_open_id ON intake_applications(id_number)
            WHERE id_number IS NOT NULL AND state IN ('待分工会审核', '待校工会批准');

        -- Every member number ever issued, so a number is never given twice even after the
        -- member was deleted or renumbered.
        CREATE TABLE member_numbers_issued (
            member_no TEXT PRIMARY KEY,
            member_id INTEGER,                 -- no FK: the member may be deleted, the number stays used
            issued_at TEXT NOT NULL,
            source TEXT
        );

        -- 会籍状态 history: each change is a dated event (the new status applies FROM event_date).
        CREATE TABLE member_status_events (
            id INTEGER PRIMARY KEY,
            member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
            event_date TEXT NOT NULL,
            from_status TEXT NOT NULL CHECK (from_status IN ({statuses})),
            to_status TEXT NOT NULL CHECK (to_status IN ({statuses})),
            action TEXT NOT NULL,              -- 转出 / 退休（保留会籍） / 退会 / 开除 / 去世 / 恢复会籍
            reason TEXT NOT NULL,
            document_no TEXT,
            recorded_by TEXT NOT NULL,
            recorded_at TEXT NOT NULL
        );
        CREATE INDEX idx_status_events_member ON member_status_events(member_id, event_date, id);
        CREATE INDEX idx_status_events_date ON member_status_events(event_date);

        -- 会费: the monthly salary base and the month dues start (a calculator, not accounts).
        CREATE TABLE member_dues (
            member_id INTEGER PRIMARY KEY REFERENCES members(id) ON DELETE CASCADE,
            salary_base_fen INTEGER CHECK (salary_base_fen IS NULL
                OR (typeof(salary_base_fen) = 'integer' AND salary_base_fen >= 0)),
            dues_start_month TEXT,
            updated_at TEXT NOT NULL
        );
        """,
    )


MIGRATIONS: list[Migration] = [
    ("intake_0001_tables", _create_tables),
]
