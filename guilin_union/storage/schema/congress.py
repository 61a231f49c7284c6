"""Schema of the congress area (教代会). Append new migrations at the end; never edit a shipped one.

Tables:

- ``congress_terms``: 届 (number, start/end year, length 3 or 5 years);
- ``congress_sessions``: 次 (one meeting of a term), with its status and proposal deadlines;
- ``congress_delegations``: 代表团 of a term (usually one per 分工会) with a 团长;
- ``congress_delegates``: one row per *period* of a member's mandate in a term. A
  replacement (更换/补选) ends one row (``end_date``) and starts another, so "who was a
  delegate on day D" is ``start_date <= D AND (end_date IS NULL OR end_date > D)``;
- ``congress_attendance``: sign-in of a delegate at a session (出席/请假/缺席);
- ``congress_agenda_items``: the agenda (预备会议 / 正式会议), ordered by ``position``;
- ``congress_motions``: matters put to the vote with the counts.

Children are deleted explicitly by the services (through the audited helpers), never by
``ON DELETE CASCADE``, so that every removed row appears in the change log.
"""

from __future__ import annotations

import sqlite_utils

from guilin_union.storage.migrations import Migration, run_script

SESSION_STATUSES = ("筹备中", "召开中", "已闭幕")
DELEGATE_TYPES = ("正式代表", "列席代表", "特邀代表")
ATTENDANCE_STATUSES = ("出席", "请假", "缺席")
AGENDA_PARTS = ("预备会议", "正式会议")
MOTION_KINDS = ("决议", "选举", "其他")


def _quoted(values: tuple[str, ...]) -> str:
    return ", ".join(f"'{v}'" for v in values)


def _count_check(column: str) -> str:
    return f"CHECK ({column} IS NULL OR (typeof({column}) = 'integer' AND {column} >= 0))"


def _create_tables(db: sqlite_utils.Database) -> None:
    run_script(
        db,
        f"""
        CREATE TABLE congress_terms (
            id INTEGER PRIMARY KEY,
            number INTEGER NOT NULL UNIQUE CHECK (typeof(number) = 'integer' AND number >= 1),
            start_year INTEGER NOT NULL CHECK (typeof(start_year) = 'integer'),
            end_year INTEGER NOT NULL CHECK (typeof(end_year) = 'integer'),
            length_years INTEGER NOT NULL CHECK (length_years IN (3, 5)),
            notes TEXT,
            CHECK (end_year >= start_year)
        );
        CREATE TABLE congress_sessions (
            id INTEGER PRIMARY KEY,
            term_id INTEGER NOT NULL REFERENCES congress_terms(id),
            meeting_no INTEGER NOT NULL CHECK (typeof(meeting_no) = 'integer' AND meeting_no >= 1),
            title TEXT NOT NULL,
            start_date TEXT NOT NULL,
            end_date TEXT,
            venue TEXT,
            status TEXT NOT NULL DEFAULT '筹备中' CHECK (status IN ({_quoted(SESSION_STATUSES)})),
            proposal_deadline TEXT,        -- last day to submit proposals
            reply_deadline TEXT,           -- default reply deadline of this session's proposals
            proposal_prefix TEXT NOT NULL, -- proposal numbers: <prefix>-001
            quorum_override_reason TEXT,   -- why it was opened without a quorum
            notes TEXT,
            created_at TEXT NOT NULL,
            UNIQUE (term_id, meeting_no),
            CHECK (end_date IS NULL OR end_date >= start_date)
        );
        CREATE INDEX idx_congress_sessions_term ON congress_sessions(term_id);
        CREATE INDEX idx_congress_sessions_start ON congress_sessions(start_date);
        CREATE INDEX idx_congress_sessions_status ON congress_sessions(status);

        CREATE TABLE congress_delegations (
            id INTEGER PRIMARY KEY,
            term_id INTEGER NOT NULL REFERENCES congress_terms(id),
            name TEXT NOT NULL,
            branch_id INTEGER REFERENCES branches(id),
            head_member_id INTEGER REFERENCES members(id),  -- 团长
            sort_order INTEGER NOT NULL DEFAULT 0,
            UNIQUE (term_id, name)
        );
        CREATE INDEX idx_congress_delegations_term ON congress_delegations(term_id);
        CREATE INDEX idx_congress_delegations_branch ON congress_delegations(branch_id);

        CREATE TABLE congress_delegates (
            id INTEGER PRIMARY KEY,
            term_id INTEGER NOT NULL REFERENCES congress_terms(id),
            member_id INTEGER NOT NULL REFERENCES members(id),
            delegate_type TEXT NOT NULL CHECK (delegate_type IN ({_quoted(DELEGATE_TYPES)})),
            delegation_id INTEGER REFERENCES congress_delegations(id),
            category TEXT NOT NULL,        -- 教师/管理/教辅/工勤/其他 (a settings list)
            start_date TEXT NOT NULL,      -- first day of the mandate
            end_date TEXT,                 -- first day it no longer holds (NULL: to the end of the term)
            start_reason TEXT NOT NULL DEFAULT '当选',  -- 当选/补选/更换
            end_reason TEXT,
            replaces_id INTEGER REFERENCES congress_delegates(id),
            notes TEXT,
            CHECK (end_date IS NULL OR end_date > start_date)
        );
        CREATE INDEX idx_congress_delegates_term ON congress_delegates(term_id, start_date, end_date);
        CREATE INDEX idx_congress_delegates_member ON congress_delegates(member_id);
        CREATE INDEX idx_congress_delegates_delegation ON congress_delegates(delegation_id);
        CREATE INDEX idx_congress_delegates_type ON congress_delegates(delegate_type);

        CREATE TABLE congress_attendance (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES congress_sessions(id),
            delegate_id INTEGER NOT NULL REFERENCES congress_delegates(id),
            status TEXT NOT NULL CHECK (status IN ({_quoted(ATTENDANCE_STATUSES)})),
            note TEXT,
            recorded_at TEXT NOT NULL,
            UNIQUE (session_id, delegate_id)
        );
        CREATE INDEX idx_congress_attendance_delegate ON congress_attendance(delegate_id);
        CREATE INDEX idx_congress_attendance_status ON congress_attendance(session_id, status);

        CREATE TABLE congress_agenda_items (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES congress_sessions(id),
            part TEXT NOT NULL CHECK (part IN ({_quoted(AGENDA_PARTS)})),
            position INTEGER NOT NULL,
            item_date TEXT,
            start_time TEXT,               -- HH:MM
            end_time TEXT,
            content TEXT NOT NULL,
            presider TEXT,                 -- 主持人
            reporter TEXT,                 -- 报告人
            place TEXT,
            notes TEXT
        );
        CREATE INDEX idx_congress_agenda_session ON congress_agenda_items(session_id, part, position);

        CREATE TABLE congress_motions (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES congress_sessions(id),
            position INTEGER NOT NULL,
            title TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT '决议' CHECK (kind IN ({_quoted(MOTION_KINDS)})),
            votes_yes INTEGER {_count_check("votes_yes")},
            votes_no INTEGER {_count_check("votes_no")},
            votes_abstain INTEGER {_count_check("votes_abstain")},
            voted_on TEXT,
            notes TEXT
        );
        CREATE INDEX idx_congress_motions_session ON congress_motions(session_id, position);
        """,
    )


MIGRATIONS: list[Migration] = [
    ("congress_0001_tables", _create_tables),
]
