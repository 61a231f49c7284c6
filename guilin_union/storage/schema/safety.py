"""Schema of the safety area: the recycle bin and the controlled redaction of the change log.

Append new migrations at the end; never edit a shipped one.

Recycle bin: every row deleted through ``storage.audit.delete`` is copied here first, grouped
by user action (one transaction) so a member and the rows deleted with it come back together.
Rows are purged after the retention period (setting ``recycle_retention_days``).

Change log redaction: the foundation's triggers forbid any UPDATE or DELETE of ``change_log``.
A departed member's right to erasure (个人信息保护法 第四十七条) needs the log's copies of
their name and numbers blanked, so ``safety_0002`` replaces the UPDATE trigger: an update is
allowed only while a row exists in ``_redaction_token`` (written and removed again inside the
erasure transaction by ``services.privacy.erase_member``), and even then only the value
columns (``before_json``, ``after_json``, ``note``) may change — who, when, which table and
row, and what kind of change stay as they were. DELETE stays forbidden without exception.
"""

from __future__ import annotations

import sqlite_utils

from guilin_union.storage.migrations import Migration, run_script


def _recycle_bin(db: sqlite_utils.Database) -> None:
    run_script(
        db,
        """
        -- One user action that deleted rows (one transaction).
        CREATE TABLE recycle_groups (
            id INTEGER PRIMARY KEY,
            deleted_at TEXT NOT NULL,
            os_user TEXT NOT NULL,
            summary TEXT NOT NULL,             -- e.g. "会员：张三"
            main_table TEXT NOT NULL,          -- table of the first row deleted
            row_count INTEGER NOT NULL DEFAULT 0,
            note TEXT,
            restored_at TEXT,
            restored_by TEXT
        );
        CREATE INDEX idx_recycle_groups_deleted ON recycle_groups(deleted_at);
        CREATE INDEX idx_recycle_groups_restored ON recycle_groups(restored_at);

        -- The deleted rows, in deletion order, with the rows SQLite removed by ON DELETE
        -- CASCADE and the links it cut by ON DELETE SET NULL (``relinks``).
        CREATE TABLE recycle_rows (
            id INTEGER PRIMARY KEY,
            group_id INTEGER NOT NULL REFERENCES recycle_groups(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            table_name TEXT NOT NULL,
            row_id INTEGER NOT NULL,           -- rowid of the deleted row
            row_json TEXT NOT NULL,            -- every column
            cascade_of INTEGER,                -- recycle_rows.id of the row whose delete took it
            relinks_json TEXT,                 -- [{"table", "column", "rowid"}] set to NULL
            restored_at TEXT
        );
        CREATE INDEX idx_recycle_rows_group ON recycle_rows(group_id, seq);
        CREATE INDEX idx_recycle_rows_row ON recycle_rows(table_name, row_id);
        """,
    )


def _controlled_redaction(db: sqlite_utils.Database) -> None:
    run_script(
        db,
        """
        CREATE TABLE _redaction_token (token TEXT NOT NULL);
        DROP TRIGGER IF EXISTS change_log_no_update;
        CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
        WHEN NOT EXISTS (SELECT 1 FROM _redaction_token)
        BEGIN SELECT RAISE(ABORT, '操作日志不可修改'); END;
        CREATE TRIGGER change_log_redact_values_only BEFORE UPDATE ON change_log
        WHEN NEW.id IS NOT OLD.id OR NEW.ts IS NOT OLD.ts OR NEW.os_user IS NOT OLD.os_user
          OR NEW.table_name IS NOT OLD.table_name OR NEW.row_id IS NOT OLD.row_id
          OR NEW.action IS NOT OLD.action
        BEGIN SELECT RAISE(ABORT, '操作日志只能隐去个人信息，不能改动其他内容'); END;
        """,
    )


MIGRATIONS: list[Migration] = [
    ("safety_0001_recycle_bin", _recycle_bin),
    ("safety_0002_controlled_redaction", _controlled_redaction),
]
