"""Schema of the welfare area (慰问): yearly standards, payments with their overridden
warnings and evidence files, festival batches and the hardship file (困难帮扶).

Money is integer 分 everywhere (``CHECK (typeof(x) = 'integer')``). Append new migrations at
the end; never edit a shipped one.
"""

from __future__ import annotations

import sqlite_utils

from guilin_union.storage.migrations import Migration, non_negative_int, run_script, sql_list, words

# Frozen copies of the values the first migration was written with (a shipped migration
# never imports a live list: the live ones are in core/welfare.py).
_PAYMENT_STATES = words("申请 分工会审核 校工会批准 已发放")
_FORMS = words("现金 实物")
_STANDARD_FORMS = (*_FORMS, "现金或实物")
_RULE_KINDS = words("每事一次 终身一次 每年限次 每年限额")
_PAYERS = words("分工会 校工会")
_BATCH_STATES = words("有效 已撤销")


def _create_tables(db: sqlite_utils.Database) -> None:
    run_script(
        db,
        f"""
        -- 慰问标准: one row per (year, type). Nothing is hard-coded: the shipped examples are
        -- rows like any other, labelled as examples in ``source``.
        CREATE TABLE welfare_standards (
            id INTEGER PRIMARY KEY,
            year INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
            type TEXT NOT NULL,
            cap_fen INTEGER {non_negative_int("cap_fen", nullable=True)},          -- 单次上限 (NULL: none)
            form TEXT NOT NULL DEFAULT '现金' CHECK (form IN ({sql_list(_STANDARD_FORMS)})),
            rule_kind TEXT NOT NULL DEFAULT '每事一次' CHECK (rule_kind IN ({sql_list(_RULE_KINDS)})),
            max_per_year INTEGER CHECK (max_per_year IS NULL
                OR (typeof(max_per_year) = 'integer' AND max_per_year >= 1)),      -- N
            yearly_cap_fen INTEGER {non_negative_int("yearly_cap_fen", nullable=True)},  -- 每人每年总额
            payer TEXT NOT NULL DEFAULT '校工会' CHECK (payer IN ({sql_list(_PAYERS)})),
            evidence TEXT,                       -- 所需材料
            retired_eligible INTEGER NOT NULL DEFAULT 0 CHECK (retired_eligible IN (0, 1)),
            source TEXT,                         -- 依据 / "示例：…"
            notes TEXT,
            updated_at TEXT NOT NULL,
            UNIQUE (year, type),
            CHECK (rule_kind <> '每年限次' OR max_per_year IS NOT NULL),
            CHECK (rule_kind <> '每年限额' OR yearly_cap_fen IS NOT NULL)
        );
        CREATE INDEX idx_welfare_standards_year ON welfare_standards(year);

        -- 节日慰问 / 送温暖 batches: every payment of a batch points at it.
        CREATE TABLE welfare_batches (
            id INTEGER PRIMARY KEY,
            year INTEGER NOT NULL,
            type TEXT NOT NULL,
            occasion TEXT NOT NULL,              -- 春节 / 中秋节 / 送温暖 …
            pay_date TEXT NOT NULL,
            eligibility TEXT NOT NULL,           -- the rule used (readable text)
            branches TEXT NOT NULL,              -- "全部分工会" or the names, 、-separated
            form TEXT NOT NULL CHECK (form IN ({sql_list(_FORMS)})),
            amount_fen INTEGER NOT NULL {non_negative_int("amount_fen", nullable=False)},
            goods TEXT,
            reason TEXT,
            handler TEXT,
            override_reason TEXT,
            state TEXT NOT NULL DEFAULT '有效' CHECK (state IN ({sql_list(_BATCH_STATES)})),
            created_at TEXT NOT NULL,
            reversed_at TEXT,
            reverse_reason TEXT
        );
        CREATE INDEX idx_welfare_batches_year ON welfare_batches(year);

        -- 困难帮扶档案: the yearly file of members in difficulty.
        CREATE TABLE welfare_hardship (
            id INTEGER PRIMARY KEY,
            year INTEGER NOT NULL,
            member_id INTEGER NOT NULL REFERENCES members(id),
            category TEXT NOT NULL,              -- 困难类别
            household TEXT,                      -- 家庭情况
            support_notes TEXT,                  -- 帮扶措施 (free text; payments are linked)
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (year, member_id)
        );
        CREATE INDEX idx_welfare_hardship_member ON welfare_hardship(member_id);

        -- 慰问发放记录
        CREATE TABLE welfare_payments (
            id INTEGER PRIMARY KEY,
            member_id INTEGER NOT NULL REFERENCES members(id),
            branch_id INTEGER NOT NULL REFERENCES branches(id),  -- the member's 分工会 when paid
            type TEXT NOT NULL,
            occasion TEXT,                       -- 春节, 送温暖 … (optional detail of the type)
            pay_date TEXT NOT NULL,              -- 慰问日期 (status and rules are checked on it)
            year INTEGER NOT NULL,               -- 标准年度 (normally the year of pay_date)
            form TEXT NOT NULL DEFAULT '现金' CHECK (form IN ({sql_list(_FORMS)})),
            amount_fen INTEGER NOT NULL {non_negative_int("amount_fen", nullable=False)},  -- cash, or goods' value
            goods TEXT,
            reason TEXT,                         -- 事由
            handler TEXT,                        -- 经手人
            state TEXT NOT NULL DEFAULT '申请' CHECK (state IN ({sql_list(_PAYMENT_STATES)})),
            applied_on TEXT,
            branch_reviewed_on TEXT,
            approved_on TEXT,
            paid_on TEXT,
            batch_id INTEGER REFERENCES welfare_batches(id),
            hardship_id INTEGER REFERENCES welfare_hardship(id) ON DELETE SET NULL,
            override_reason TEXT,                -- why the user saved it despite warnings
            notes TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK (form <> '实物' OR coalesce(goods, '') <> ''),
            CHECK (state <> '已发放' OR paid_on IS NOT NULL)
        );
        CREATE INDEX idx_welfare_payments_member ON welfare_payments(member_id, type, pay_date);
        CREATE INDEX idx_welfare_payments_year_type ON welfare_payments(year, type);
        CREATE INDEX idx_welfare_payments_branch ON welfare_payments(branch_id, year);
        CREATE INDEX idx_welfare_payments_date ON welfare_payments(pay_date);
        CREATE INDEX idx_welfare_payments_state ON welfare_payments(state);
        CREATE INDEX idx_welfare_payments_batch ON welfare_payments(batch_id);
        CREATE INDEX idx_welfare_payments_hardship ON welfare_payments(hardship_id);

        -- Warnings the user overrode when saving a payment (kept for review: 有超标准/需复核).
        CREATE TABLE welfare_payment_warnings (
            id INTEGER PRIMARY KEY,
            payment_id INTEGER NOT NULL REFERENCES welfare_payments(id) ON DELETE CASCADE,
            code TEXT NOT NULL,                  -- status / cap / frequency / yearly_total / …
            message TEXT NOT NULL,
            override_reason TEXT NOT NULL,
            overridden_by TEXT NOT NULL,
            overridden_at TEXT NOT NULL,
            reviewed_by TEXT,
            reviewed_at TEXT
        );
        CREATE INDEX idx_welfare_warnings_payment ON welfare_payment_warnings(payment_id);
        CREATE INDEX idx_welfare_warnings_open ON welfare_payment_warnings(reviewed_at);

        -- Evidence files (结婚证, 住院记录 …) copied into the attachments folder.
        CREATE TABLE welfare_attachments (
            id INTEGER PRIMARY KEY,
            payment_id INTEGER NOT NULL REFERENCES welfare_payments(id) ON DELETE CASCADE,
            path TEXT NOT NULL,                  -- relative to the attachments root
            original_name TEXT NOT NULL,
            added_at TEXT NOT NULL
        );
        CREATE INDEX idx_welfare_attachments_payment ON welfare_attachments(payment_id);
        """,
    )


def _case_fields(db: sqlite_utils.Database) -> None:
    """Issue 22: the case of a payment (which relative, what cause, when it happened, who
    receives it and how), standards keyed the way real standards write them, per-分工会
    standards and the income fields of the 困难补助申请表. Values copied, never imported."""
    frequency_keys = ("会员", "亲属", "病因")
    pay_methods = ("现金", "银行转账", "实物")
    run_script(
        db,
        f"""
        ALTER TABLE welfare_payments ADD COLUMN relative_relation TEXT;   -- 亲属关系
        ALTER TABLE welfare_payments ADD COLUMN relative_name TEXT;       -- 亲属姓名
        ALTER TABLE welfare_payments ADD COLUMN cause TEXT;               -- 病因/事由
        ALTER TABLE welfare_payments ADD COLUMN event_date TEXT;          -- 事件日期
        ALTER TABLE welfare_payments ADD COLUMN sub_kind TEXT;            -- 细项（如 手术、外地）
        ALTER TABLE welfare_payments ADD COLUMN recipient_name TEXT;      -- 收款人（空 = 会员本人）
        ALTER TABLE welfare_payments ADD COLUMN pay_method TEXT
            CHECK (pay_method IS NULL OR pay_method IN ({sql_list(pay_methods)}));
        ALTER TABLE welfare_payments ADD COLUMN bank_account TEXT;        -- 账号
        ALTER TABLE welfare_payments ADD COLUMN bank_name TEXT;           -- 开户行
        ALTER TABLE welfare_payments ADD COLUMN evidence_checked TEXT;    -- JSON: 已收材料
        ALTER TABLE welfare_standards ADD COLUMN min_fen INTEGER {non_negative_int("min_fen", nullable=True)};
        ALTER TABLE welfare_standards ADD COLUMN frequency_key TEXT NOT NULL DEFAULT '会员'
            CHECK (frequency_key IN ({sql_list(frequency_keys)}));
        ALTER TABLE welfare_standards ADD COLUMN event_after TEXT;        -- 事件须在此日期之后
        ALTER TABLE welfare_standards ADD COLUMN report_within_days INTEGER
            CHECK (report_within_days IS NULL OR report_within_days >= 0); -- 事发后 N 日内上报
        ALTER TABLE welfare_standards ADD COLUMN average_cap_fen INTEGER {non_negative_int("average_cap_fen", nullable=True)};
        ALTER TABLE welfare_standards ADD COLUMN eligible_gender TEXT
            CHECK (eligible_gender IS NULL OR eligible_gender IN ('男', '女'));
        ALTER TABLE welfare_standards ADD COLUMN excluded_employment TEXT; -- JSON: 不适用的用工形式
        ALTER TABLE welfare_standards ADD COLUMN sub_kinds TEXT;          -- JSON: [{{name, cap_fen, min_fen}}]
        CREATE TABLE welfare_branch_standards (
            id INTEGER PRIMARY KEY,
            year INTEGER NOT NULL,
            type TEXT NOT NULL,
            branch_id INTEGER NOT NULL REFERENCES branches(id) ON DELETE CASCADE,
            cap_fen INTEGER {non_negative_int("cap_fen", nullable=True)},
            min_fen INTEGER {non_negative_int("min_fen", nullable=True)},
            notes TEXT,
            updated_at TEXT NOT NULL,
            UNIQUE (year, type, branch_id)
        );
        ALTER TABLE welfare_hardship ADD COLUMN wage_fen INTEGER {non_negative_int("wage_fen", nullable=True)};
        ALTER TABLE welfare_hardship ADD COLUMN other_income_fen INTEGER {non_negative_int("other_income_fen", nullable=True)};
        ALTER TABLE welfare_hardship ADD COLUMN household_income_fen INTEGER {non_negative_int("household_income_fen", nullable=True)};
        ALTER TABLE welfare_hardship ADD COLUMN household_size INTEGER
            CHECK (household_size IS NULL OR household_size >= 1);
        ALTER TABLE welfare_hardship ADD COLUMN address TEXT;
        ALTER TABLE welfare_hardship ADD COLUMN family_members TEXT;      -- 家庭成员及其经济情况
        ALTER TABLE welfare_hardship ADD COLUMN decision TEXT;            -- 工会委员会意见
        ALTER TABLE welfare_hardship ADD COLUMN decision_date TEXT;
        """,
    )


MIGRATIONS: list[Migration] = [
    ("welfare_0001_tables", _create_tables),
    ("welfare_0002_case_fields", _case_fields),
]
