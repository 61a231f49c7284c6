"""Schema of the proposals area (教代会提案). Append new migrations at the end; never edit a shipped one.

Tables:

- ``proposal_departments``: the school's 职能部门 that handle proposals (a maintained list);
- ``proposals``: one proposal of a session, numbered ``<prefix>-001`` on submission. The
  number never changes and is never reused (``proposal_counters`` keeps the last serial
  even when an entered-by-mistake proposal is deleted);
- ``proposal_people``: 附议人 (seconders) and 联名提案人 (co-proposers, e.g. the proposers
  of proposals merged into this one — ``source_proposal_id`` says which, so 并案 can be undone);
- ``proposal_rounds``: each round of handling (交办 → 答复 → 评价); 不满意 opens another round
  and every round is kept;
- ``proposal_round_departments``: the 协办单位 of a round;
- ``proposal_events``: the timeline (every change of state with date, note and who);
- ``proposal_attachments``: files copied in through services.attachments.
"""

from __future__ import annotations

import sqlite_utils

from guilin_union.storage.migrations import Migration, run_script, sql_list, words

# Frozen copies of the values the first migration was written with (a shipped migration
# never imports a live list: the live ones are in core/proposals.py).
_PROPOSAL_STATUSES = words("待审查 已立案 办理中 已答复 已办结 已并案 转意见建议 不立案 已撤案")
_REVIEW_RESULTS = words("立案 并案 转意见建议 不立案 撤案")
_REVIEW_LEVELS = words("重点 一般")
_PROPOSAL_KINDS = words("个人 集体")
_PEOPLE_ROLES = words("附议人 联名提案人")
_OUTCOMES = words("已落实 正在落实 未能落实")
_RATINGS = words("满意 基本满意 不满意")

DEFAULT_DEPARTMENTS = (
    "党政办公室",
    "人事处",
    "教务处",
    "科研处",
    "财务处",
    "后勤保障处",
    "学生工作部",
    "资产与实验室管理处",
    "图书馆",
    "网络与信息中心",
    "保卫处",
    "国际交流处",
)


def _create_tables(db: sqlite_utils.Database) -> None:
    run_script(
        db,
        f"""
        CREATE TABLE proposal_departments (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
            sort_order INTEGER NOT NULL DEFAULT 0,
            notes TEXT
        );
        CREATE TABLE proposal_counters (
            session_id INTEGER PRIMARY KEY REFERENCES congress_sessions(id),
            last_seq INTEGER NOT NULL CHECK (typeof(last_seq) = 'integer')
        );
        CREATE TABLE proposals (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES congress_sessions(id),
            seq INTEGER NOT NULL CHECK (typeof(seq) = 'integer' AND seq >= 1),
            number TEXT NOT NULL,
            title TEXT NOT NULL,                       -- 案由
            category TEXT NOT NULL,
            reasons TEXT NOT NULL DEFAULT '',          -- 理由
            suggestions TEXT NOT NULL DEFAULT '',      -- 建议
            kind TEXT NOT NULL DEFAULT '个人' CHECK (kind IN ({sql_list(_PROPOSAL_KINDS)})),
            proposer_member_id INTEGER REFERENCES members(id),
            delegation_id INTEGER REFERENCES congress_delegations(id),  -- 集体提案 by a 代表团
            submitted_on TEXT NOT NULL,
            late_reason TEXT,                          -- required when submitted after the deadline
            status TEXT NOT NULL DEFAULT '待审查' CHECK (status IN ({sql_list(_PROPOSAL_STATUSES)})),
            review_result TEXT CHECK (review_result IS NULL OR review_result IN ({sql_list(_REVIEW_RESULTS)})),
            review_level TEXT CHECK (review_level IS NULL OR review_level IN ({sql_list(_REVIEW_LEVELS)})),
            review_date TEXT,
            review_note TEXT,
            merged_into_id INTEGER REFERENCES proposals(id),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (session_id, seq),
            UNIQUE (session_id, number),
            CHECK ((kind = '个人' AND proposer_member_id IS NOT NULL)
                   OR (kind = '集体' AND delegation_id IS NOT NULL))
        );
        CREATE INDEX idx_proposals_session ON proposals(session_id, seq);
        CREATE INDEX idx_proposals_status ON proposals(session_id, status);
        CREATE INDEX idx_proposals_category ON proposals(session_id, category);
        CREATE INDEX idx_proposals_proposer ON proposals(proposer_member_id);
        CREATE INDEX idx_proposals_merged ON proposals(merged_into_id);

        CREATE TABLE proposal_people (
            id INTEGER PRIMARY KEY,
            proposal_id INTEGER NOT NULL REFERENCES proposals(id),
            member_id INTEGER NOT NULL REFERENCES members(id),
            role TEXT NOT NULL CHECK (role IN ({sql_list(_PEOPLE_ROLES)})),
            source_proposal_id INTEGER REFERENCES proposals(id),
            position INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX idx_proposal_people_proposal ON proposal_people(proposal_id, role, position);
        CREATE INDEX idx_proposal_people_member ON proposal_people(member_id);
        CREATE INDEX idx_proposal_people_source ON proposal_people(source_proposal_id);

        CREATE TABLE proposal_rounds (
            id INTEGER PRIMARY KEY,
            proposal_id INTEGER NOT NULL REFERENCES proposals(id),
            round_no INTEGER NOT NULL CHECK (typeof(round_no) = 'integer' AND round_no >= 1),
            lead_department_id INTEGER NOT NULL REFERENCES proposal_departments(id),  -- 主办单位
            assigned_on TEXT NOT NULL,
            reply_deadline TEXT NOT NULL,
            reply_text TEXT,
            reply_date TEXT,
            outcome TEXT CHECK (outcome IS NULL OR outcome IN ({sql_list(_OUTCOMES)})),
            outcome_reason TEXT,
            rating TEXT CHECK (rating IS NULL OR rating IN ({sql_list(_RATINGS)})),
            rating_date TEXT,
            rating_note TEXT,
            UNIQUE (proposal_id, round_no)
        );
        CREATE INDEX idx_proposal_rounds_lead ON proposal_rounds(lead_department_id);
        CREATE INDEX idx_proposal_rounds_deadline ON proposal_rounds(reply_deadline);

        CREATE TABLE proposal_round_departments (
            id INTEGER PRIMARY KEY,
            round_id INTEGER NOT NULL REFERENCES proposal_rounds(id),
            department_id INTEGER NOT NULL REFERENCES proposal_departments(id),
            UNIQUE (round_id, department_id)
        );
        CREATE INDEX idx_proposal_round_departments_dept ON proposal_round_departments(department_id);

        CREATE TABLE proposal_events (
            id INTEGER PRIMARY KEY,
            proposal_id INTEGER NOT NULL REFERENCES proposals(id),
            event_date TEXT NOT NULL,      -- the day it happened (as the user says)
            recorded_at TEXT NOT NULL,     -- when it was entered
            recorded_by TEXT NOT NULL,     -- the OS user who entered it
            action TEXT NOT NULL,
            from_status TEXT,
            to_status TEXT,
            note TEXT
        );
        CREATE INDEX idx_proposal_events_proposal ON proposal_events(proposal_id, id);

        CREATE TABLE proposal_attachments (
            id INTEGER PRIMARY KEY,
            proposal_id INTEGER NOT NULL REFERENCES proposals(id),
            path TEXT NOT NULL,            -- relative to the attachments folder
            name TEXT NOT NULL,
            added_at TEXT NOT NULL
        );
        CREATE INDEX idx_proposal_attachments_proposal ON proposal_attachments(proposal_id);
        """,
    )
    # The typical 职能部门 of a university, so the list is useful on day one (editable).
    for order, name in enumerate(DEFAULT_DEPARTMENTS, start=1):
        db.execute(
            "INSERT INTO proposal_departments (name, active, sort_order) VALUES (?, 1, ?)",
            [name, order],
        )


def _handling_for_every_outcome(db: sqlite_utils.Database) -> None:
    """Issue 20: 督办 member, 优秀提案, a separate 建议 number, 闭会期间提案 reported to a later
    session, and a counter per numbering series."""
    run_script(
        db,
        """
        ALTER TABLE proposals ADD COLUMN supervisor_member_id INTEGER REFERENCES members(id);
        ALTER TABLE proposals ADD COLUMN excellent_on TEXT;
        ALTER TABLE proposals ADD COLUMN excellent_note TEXT;
        ALTER TABLE proposals ADD COLUMN suggestion_number TEXT;
        ALTER TABLE proposals ADD COLUMN between_meetings INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE proposals ADD COLUMN report_session_id INTEGER REFERENCES congress_sessions(id);
        CREATE INDEX idx_proposals_supervisor ON proposals(supervisor_member_id);
        CREATE INDEX idx_proposals_report_session ON proposals(report_session_id);
        CREATE TABLE proposal_series_counters (
            session_id INTEGER NOT NULL REFERENCES congress_sessions(id),
            series TEXT NOT NULL,
            last_seq INTEGER NOT NULL CHECK (typeof(last_seq) = 'integer'),
            PRIMARY KEY (session_id, series)
        );
        """,
    )


MIGRATIONS: list[Migration] = [
    ("proposals_0001_tables", _create_tables),
    ("proposals_0002_every_outcome", _handling_for_every_outcome),
]
