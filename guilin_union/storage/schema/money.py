"""Schema of the money area (经费): the dues ledger (会费台账) with the 分工会 remittances and
deduction-list imports that filled it, and the union's yearly budget (预算) with manual
income/spending entries (凭证).

Money is integer 分 everywhere (``CHECK (typeof(x) = 'integer')``). The vocabularies are
copied here as they were when the migration was written (never imported from core). Append
new migrations at the end; never edit a shipped one.
"""

from __future__ import annotations

import sqlite_utils

from guilin_union.storage.migrations import Migration, non_negative_int, run_script

_METHODS = "'代扣', '现金', '转账'"
_SOURCES = "'导入', '分工会上缴', '手工'"


def _create_tables(db: sqlite_utils.Database) -> None:
    run_script(
        db,
        f"""
        -- A 分工会's cash (or transfer) remittance of one month's dues for ticked members.
        CREATE TABLE dues_remittances (
            id INTEGER PRIMARY KEY,
            branch_id INTEGER NOT NULL REFERENCES branches(id),
            month TEXT NOT NULL,
            total_fen INTEGER NOT NULL {non_negative_int("total_fen", nullable=False)},
            members INTEGER NOT NULL,
            received_on TEXT NOT NULL,
            method TEXT NOT NULL CHECK (method IN ({_METHODS})),
            recorded_by TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            note TEXT
        );
        CREATE INDEX idx_dues_remittances_month ON dues_remittances(month, branch_id);

        -- One import of the finance office's monthly deduction list (代扣名单).
        CREATE TABLE dues_imports (
            id INTEGER PRIMARY KEY,
            month TEXT NOT NULL,
            file_name TEXT NOT NULL,
            rows INTEGER NOT NULL,
            total_fen INTEGER NOT NULL {non_negative_int("total_fen", nullable=False)},
            paid_on TEXT NOT NULL,
            imported_by TEXT NOT NULL,
            imported_at TEXT NOT NULL
        );

        -- 会费台账: one row per member and month. ``due_fen`` is fixed when the month is
        -- opened (the base and rule of that time), so later base changes leave history alone.
        CREATE TABLE dues_ledger (
            id INTEGER PRIMARY KEY,
            member_id INTEGER NOT NULL REFERENCES members(id),
            month TEXT NOT NULL CHECK (month GLOB '[12][0-9][0-9][0-9]-[01][0-9]'),
            branch_id INTEGER NOT NULL REFERENCES branches(id),
            base_fen INTEGER CHECK (base_fen IS NULL OR (typeof(base_fen) = 'integer' AND base_fen >= 0)),
            due_fen INTEGER NOT NULL {non_negative_int("due_fen", nullable=False)},
            paid_fen INTEGER NOT NULL DEFAULT 0 {non_negative_int("paid_fen", nullable=False)},
            method TEXT CHECK (method IS NULL OR method IN ({_METHODS})),
            paid_on TEXT,
            source TEXT CHECK (source IS NULL OR source IN ({_SOURCES})),
            remittance_id INTEGER REFERENCES dues_remittances(id),
            import_id INTEGER REFERENCES dues_imports(id),
            recorded_by TEXT,
            recorded_at TEXT,
            note TEXT,
            created_at TEXT NOT NULL,
            UNIQUE (member_id, month),
            CHECK (paid_fen = 0 OR (method IS NOT NULL AND paid_on IS NOT NULL))
        );
        CREATE INDEX idx_dues_ledger_month ON dues_ledger(month, branch_id);
        CREATE INDEX idx_dues_ledger_arrears ON dues_ledger(member_id, month) WHERE paid_fen < due_fen;
        CREATE INDEX idx_dues_ledger_paid_on ON dues_ledger(paid_on);

        -- 工会经费预算: planned amount per year and category code (chart in the settings).
        CREATE TABLE fund_plans (
            id INTEGER PRIMARY KEY,
            year INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
            category TEXT NOT NULL,
            planned_fen INTEGER NOT NULL {non_negative_int("planned_fen", nullable=False)},
            note TEXT,
            updated_at TEXT NOT NULL,
            UNIQUE (year, category)
        );

        -- Income or spending the program does not record elsewhere, with its voucher number.
        CREATE TABLE fund_entries (
            id INTEGER PRIMARY KEY,
            year INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
            entry_date TEXT NOT NULL,
            category TEXT NOT NULL,
            amount_fen INTEGER NOT NULL {non_negative_int("amount_fen", nullable=False)},
            voucher_no TEXT,
            description TEXT NOT NULL,
            recorded_by TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX idx_fund_entries_year ON fund_entries(year, category);
        """,
    )


def _dues_welfare_rule(db: sqlite_utils.Database) -> None:
    run_script(
        db,
        """
        -- "按时缴纳会费" as an optional eligibility rule of a year's welfare standards: a
        -- condolence for a member owing more than max_arrears_months months is a warning.
        -- types: JSON list of the welfare types it applies to (NULL: every type).
        CREATE TABLE dues_welfare_rules (
            year INTEGER PRIMARY KEY CHECK (year BETWEEN 1990 AND 2100),
            max_arrears_months INTEGER NOT NULL
                CHECK (typeof(max_arrears_months) = 'integer' AND max_arrears_months >= 0),
            types TEXT,
            updated_at TEXT NOT NULL
        );
        """,
    )


MIGRATIONS: list[Migration] = [
    ("money_0001_tables", _create_tables),
    ("money_0002_dues_welfare_rule", _dues_welfare_rule),
]
