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

from guilin_union.storage.migrations import Migration, non_negative_int, run_script, sql_list

# Frozen copies of the values the first migration was written with (a shipped migration
# never imports a live list: the live ones are in core/congress.py).
_SESSION_STATUSES = ("筹备中", "召开中", "已闭幕")
_DELEGATE_TYPES = ("正式代表", "列席代表", "特邀代表")
_ATTENDANCE_STATUSES = ("出席", "请假", "缺席")
_AGENDA_PARTS = ("预备会议", "正式会议")
_MOTION_KINDS = ("决议", "选举", "其他")


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
            status TEXT NOT NULL DEFAULT '筹备中' CHECK (status IN ({sql_list(_SESSION_STATUSES)})),
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
            delegate_type TEXT NOT NULL CHECK (delegate_type IN ({sql_list(_DELEGATE_TYPES)})),
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
            status TEXT NOT NULL CHECK (status IN ({sql_list(_ATTENDANCE_STATUSES)})),
            note TEXT,
            recorded_at TEXT NOT NULL,
            UNIQUE (session_id, delegate_id)
        );
        CREATE INDEX idx_congress_attendance_delegate ON congress_attendance(delegate_id);
        CREATE INDEX idx_congress_attendance_status ON congress_attendance(session_id, status);

        CREATE TABLE congress_agenda_items (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES congress_sessions(id),
            part TEXT NOT NULL CHECK (part IN ({sql_list(_AGENDA_PARTS)})),
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
            kind TEXT NOT NULL DEFAULT '决议' CHECK (kind IN ({sql_list(_MOTION_KINDS)})),
            votes_yes INTEGER {non_negative_int("votes_yes", nullable=True)},
            votes_no INTEGER {non_negative_int("votes_no", nullable=True)},
            votes_abstain INTEGER {non_negative_int("votes_abstain", nullable=True)},
            voted_on TEXT,
            notes TEXT
        );
        CREATE INDEX idx_congress_motions_session ON congress_motions(session_id, position);
        """,
    )


def _sittings_and_elections(db: sqlite_utils.Database) -> None:
    """Issue 20: sittings (each with its own sign-in), 主席团, elections with candidates,
    the 工代会 number of a joint congress, and 列席 continuations of a delegate.

    Existing session sign-in rows are copied into one default sitting per session
    (出席 → 已签到), so nothing recorded is lost. Values are copied here, never imported.
    """
    run_script(
        db,
        """
        ALTER TABLE congress_terms ADD COLUMN union_number INTEGER;
        ALTER TABLE congress_delegates ADD COLUMN continues_id INTEGER REFERENCES congress_delegates(id);
        ALTER TABLE congress_motions ADD COLUMN sitting_id INTEGER;

        CREATE TABLE congress_sittings (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES congress_sessions(id),
            kind TEXT NOT NULL CHECK (kind IN ('预备会议', '正式会议', '主席团会议', '分组讨论')),
            title TEXT NOT NULL,
            sitting_date TEXT NOT NULL,
            half_day TEXT CHECK (half_day IS NULL OR half_day IN ('全天', '上午', '下午', '晚上')),
            start_time TEXT,
            place TEXT,
            position INTEGER NOT NULL DEFAULT 0,
            delegation_id INTEGER REFERENCES congress_delegations(id),  -- 分组讨论 of one group
            convenor TEXT,                 -- 召集人
            recorder TEXT,                 -- 记录人
            minutes TEXT,                  -- 分组讨论: points raised
            is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
            notes TEXT
        );
        CREATE INDEX idx_congress_sittings_session ON congress_sittings(session_id, sitting_date, position);

        CREATE TABLE congress_sitting_attendance (
            id INTEGER PRIMARY KEY,
            sitting_id INTEGER NOT NULL REFERENCES congress_sittings(id),
            delegate_id INTEGER NOT NULL REFERENCES congress_delegates(id),
            status TEXT NOT NULL CHECK (status IN ('已签到', '请假', '缺席')),
            note TEXT,
            recorded_at TEXT NOT NULL,
            UNIQUE (sitting_id, delegate_id)
        );
        CREATE INDEX idx_congress_sitting_attendance_delegate ON congress_sitting_attendance(delegate_id);

        CREATE TABLE congress_presidium (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES congress_sessions(id),
            member_id INTEGER NOT NULL REFERENCES members(id),
            role TEXT NOT NULL DEFAULT '成员',   -- 常务主席 / 秘书长 / 成员
            position INTEGER NOT NULL DEFAULT 0,
            UNIQUE (session_id, member_id)
        );

        CREATE TABLE congress_elections (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES congress_sessions(id),
            sitting_id INTEGER REFERENCES congress_sittings(id),
            title TEXT NOT NULL,
            method TEXT NOT NULL CHECK (method IN ('等额', '差额')),
            seats INTEGER NOT NULL CHECK (typeof(seats) = 'integer' AND seats >= 1),
            ballots_issued INTEGER CHECK (ballots_issued IS NULL OR ballots_issued >= 0),
            ballots_returned INTEGER CHECK (ballots_returned IS NULL OR ballots_returned >= 0),
            ballots_valid INTEGER CHECK (ballots_valid IS NULL OR ballots_valid >= 0),
            ballots_invalid INTEGER CHECK (ballots_invalid IS NULL OR ballots_invalid >= 0),
            scrutineers TEXT,              -- 监票人
            tellers TEXT,                  -- 计票人
            held_on TEXT,
            notes TEXT
        );
        CREATE INDEX idx_congress_elections_session ON congress_elections(session_id);

        CREATE TABLE congress_election_candidates (
            id INTEGER PRIMARY KEY,
            election_id INTEGER NOT NULL REFERENCES congress_elections(id),
            position INTEGER NOT NULL DEFAULT 0,
            name TEXT NOT NULL,
            member_id INTEGER REFERENCES members(id),
            votes_yes INTEGER CHECK (votes_yes IS NULL OR votes_yes >= 0),
            votes_no INTEGER CHECK (votes_no IS NULL OR votes_no >= 0),
            votes_abstain INTEGER CHECK (votes_abstain IS NULL OR votes_abstain >= 0),
            votes_other INTEGER CHECK (votes_other IS NULL OR votes_other >= 0),  -- 另选他人
            UNIQUE (election_id, name)
        );
        CREATE INDEX idx_congress_election_candidates ON congress_election_candidates(election_id, position);
        """,
    )
    sessions = db.execute(
        "SELECT DISTINCT a.session_id, s.start_date FROM congress_attendance a"
        " JOIN congress_sessions s ON s.id = a.session_id"
    ).fetchall()
    for session_id, start in sessions:
        cursor = db.execute(
            "INSERT INTO congress_sittings (session_id, kind, title, sitting_date, half_day, position,"
            " is_default) VALUES (?, '正式会议', '大会（原签到记录）', ?, '全天', 1, 1)",
            [session_id, start],
        )
        db.execute(
            "INSERT INTO congress_sitting_attendance (sitting_id, delegate_id, status, note, recorded_at)"
            " SELECT ?, delegate_id, CASE status WHEN '出席' THEN '已签到' ELSE status END, note, recorded_at"
            " FROM congress_attendance WHERE session_id = ?",
            [cursor.lastrowid, session_id],
        )


MIGRATIONS: list[Migration] = [
    ("congress_0001_tables", _create_tables),
    ("congress_0002_sittings_elections", _sittings_and_elections),
]
