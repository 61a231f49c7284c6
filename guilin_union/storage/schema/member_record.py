"""Schema of the member record as the real forms keep it (issue 24): the 实名制 fields of the
会员登记表, family members and work history, the photo, 工会小组 and honours (表彰).

Append new migrations at the end; never edit a shipped one.
"""

from __future__ import annotations

import sqlite_utils

from guilin_union.storage.migrations import Migration, run_script


def _record(db: sqlite_utils.Database) -> None:
    # Frozen copy (the live list is core/members.py's HONOUR_LEVELS).
    honour_levels = ("国家", "自治区", "市", "校", "其他")
    levels = ", ".join(f"'{v}'" for v in honour_levels)
    run_script(
        db,
        f"""
        CREATE TABLE union_groups (
            id INTEGER PRIMARY KEY,
            branch_id INTEGER NOT NULL REFERENCES branches(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            leader_member_id INTEGER REFERENCES members(id) ON DELETE SET NULL,  -- 组长
            sort_order INTEGER NOT NULL DEFAULT 0,
            notes TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (branch_id, name)
        );
        ALTER TABLE members ADD COLUMN native_place TEXT;        -- 籍贯
        ALTER TABLE members ADD COLUMN home_address TEXT;        -- 家庭住址
        ALTER TABLE members ADD COLUMN postcode TEXT;            -- 邮编
        ALTER TABLE members ADD COLUMN email TEXT;               -- 邮箱
        ALTER TABLE members ADD COLUMN work_start_date TEXT;     -- 参加工作时间
        ALTER TABLE members ADD COLUMN major TEXT;               -- 专业
        ALTER TABLE members ADD COLUMN graduated_from TEXT;      -- 毕业院校
        ALTER TABLE members ADD COLUMN id_valid_until TEXT;      -- 证件有效期: ISO date or 长期有效
        ALTER TABLE members ADD COLUMN employment_status TEXT;   -- 就业状态
        ALTER TABLE members ADD COLUMN skill_level TEXT;         -- 技能等级
        ALTER TABLE members ADD COLUMN group_id INTEGER REFERENCES union_groups(id) ON DELETE SET NULL;
        CREATE INDEX idx_members_group ON members(group_id);
        ALTER TABLE intake_applications ADD COLUMN native_place TEXT;
        ALTER TABLE intake_applications ADD COLUMN home_address TEXT;
        ALTER TABLE intake_applications ADD COLUMN email TEXT;
        ALTER TABLE intake_applications ADD COLUMN work_start_date TEXT;
        ALTER TABLE intake_applications ADD COLUMN major TEXT;
        ALTER TABLE intake_applications ADD COLUMN graduated_from TEXT;
        CREATE TABLE member_family (                              -- 家庭主要成员
            id INTEGER PRIMARY KEY,
            member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
            position INTEGER NOT NULL DEFAULT 0,
            relation TEXT NOT NULL,
            name TEXT NOT NULL,
            work_unit TEXT,
            phone TEXT
        );
        CREATE INDEX idx_member_family_member ON member_family(member_id);
        CREATE TABLE member_resume (                              -- 个人工作简历
            id INTEGER PRIMARY KEY,
            member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
            position INTEGER NOT NULL DEFAULT 0,
            start_month TEXT,                                     -- YYYY-MM
            end_month TEXT,                                       -- YYYY-MM, NULL = 至今
            unit TEXT NOT NULL,
            post TEXT
        );
        CREATE INDEX idx_member_resume_member ON member_resume(member_id);
        CREATE TABLE member_honours (                             -- 表彰
            id INTEGER PRIMARY KEY,
            member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
            title TEXT NOT NULL,
            level TEXT NOT NULL CHECK (level IN ({levels})),
            awarded_on TEXT,
            issuer TEXT,
            document_no TEXT,
            notes TEXT,
            created_at TEXT NOT NULL
        );
        CREATE INDEX idx_member_honours_member ON member_honours(member_id);
        CREATE TABLE member_photos (                              -- 照片 (in every backup)
            member_id INTEGER PRIMARY KEY REFERENCES members(id) ON DELETE CASCADE,
            image_base64 TEXT NOT NULL,                           -- JPEG, base64 (recycle bin safe)
            mime TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        """,
    )


MIGRATIONS: list[Migration] = [
    ("member_record_0001", _record),
]
