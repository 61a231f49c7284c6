"""Schema of the activities area (活动). Append new migrations at the end; never edit a shipped one.

Tables:

- ``activities``: one union activity (运动会, 评选, 书法展 …) with its dates, place, places
  (名额), per-person event limit, summary and the work-point item it serves;
- ``activity_events``: its events (项目), individual (个人) or team (团体);
- ``activity_participants``: members registered for it, with role, status and the 分工会
  they represent (copied at registration so that history does not move when a member
  changes 分工会 later);
- ``activity_entries``: which events each participant entered;
- ``activity_results``: placings, scores and awards per event (per person or per 分工会);
- ``activity_budget_lines``: planned (预算) and actual (支出) amounts in integer 分;
- ``activity_attachments``: photos and files copied beside the database.
"""

from __future__ import annotations

import sqlite_utils

from guilin_union.storage.migrations import Migration, run_script, sql_list

# The values these migrations were written with (a copy: the live lists are in
# guilin_union/core/activities.py; changing those needs a new migration).
_ORGANISER_KINDS = ("校工会", "分工会", "上级工会")
_ACTIVITY_STATUSES = ("筹备中", "报名中", "进行中", "已结束", "已取消")
_PARTICIPANT_STATUSES = ("已报名", "已确认", "候补", "已参加", "已取消")
_EVENT_KINDS = ("个人", "团体")
_BUDGET_KINDS = ("预算", "支出")


def _create_tables(db: sqlite_utils.Database) -> None:
    run_script(
        db,
        f"""
        CREATE TABLE activities (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            type TEXT NOT NULL,
            organiser_kind TEXT NOT NULL DEFAULT '校工会'
                CHECK (organiser_kind IN ({sql_list(_ORGANISER_KINDS)})),
            organiser_branch_id INTEGER REFERENCES branches(id),
            organiser_name TEXT,            -- e.g. 自治区教育工会 when the upper union runs it
            start_date TEXT NOT NULL,       -- ISO; its year files the activity
            end_date TEXT,
            place TEXT,
            signup_deadline TEXT,
            places INTEGER CHECK (places IS NULL OR (typeof(places) = 'integer' AND places > 0)),
            event_limit INTEGER
                CHECK (event_limit IS NULL OR (typeof(event_limit) = 'integer' AND event_limit > 0)),
            description TEXT,
            -- The work-point item this activity carries out. No foreign key yet: the
            -- work-points schema is built in parallel; the link is checked by the service.
            workpoint_item_id INTEGER,
            summary TEXT,
            status TEXT NOT NULL DEFAULT '筹备中' CHECK (status IN ({sql_list(_ACTIVITY_STATUSES)})),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK (end_date IS NULL OR end_date >= start_date)
        );
        CREATE INDEX idx_activities_start ON activities(start_date);
        CREATE INDEX idx_activities_type ON activities(type);
        CREATE INDEX idx_activities_status ON activities(status);
        CREATE INDEX idx_activities_name ON activities(name);
        CREATE INDEX idx_activities_workpoint ON activities(workpoint_item_id);
        CREATE INDEX idx_activities_organiser_branch ON activities(organiser_branch_id);

        CREATE TABLE activity_events (
            id INTEGER PRIMARY KEY,
            activity_id INTEGER NOT NULL REFERENCES activities(id),
            name TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT '个人' CHECK (kind IN ({sql_list(_EVENT_KINDS)})),
            -- team events (relays) often count double in the team table
            points_weight INTEGER NOT NULL DEFAULT 1
                CHECK (typeof(points_weight) = 'integer' AND points_weight BETWEEN 0 AND 10),
            sort_order INTEGER NOT NULL DEFAULT 0,
            UNIQUE (activity_id, name)
        );

        CREATE TABLE activity_participants (
            id INTEGER PRIMARY KEY,
            activity_id INTEGER NOT NULL REFERENCES activities(id),
            member_id INTEGER NOT NULL REFERENCES members(id),
            branch_id INTEGER NOT NULL REFERENCES branches(id),
            role TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT '已报名' CHECK (status IN ({sql_list(_PARTICIPANT_STATUSES)})),
            seq INTEGER NOT NULL,           -- registration order: the waiting list's order
            registered_at TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT '手工',  -- 手工 / 导入
            notes TEXT,
            UNIQUE (activity_id, member_id)
        );
        CREATE INDEX idx_activity_participants_status ON activity_participants(activity_id, status, seq);
        CREATE INDEX idx_activity_participants_member ON activity_participants(member_id);
        CREATE INDEX idx_activity_participants_branch ON activity_participants(branch_id);

        CREATE TABLE activity_entries (
            id INTEGER PRIMARY KEY,
            participant_id INTEGER NOT NULL REFERENCES activity_participants(id),
            event_id INTEGER NOT NULL REFERENCES activity_events(id),
            UNIQUE (participant_id, event_id)
        );
        CREATE INDEX idx_activity_entries_event ON activity_entries(event_id);

        CREATE TABLE activity_results (
            id INTEGER PRIMARY KEY,
            activity_id INTEGER NOT NULL REFERENCES activities(id),
            event_id INTEGER NOT NULL REFERENCES activity_events(id),
            participant_id INTEGER REFERENCES activity_participants(id),  -- NULL: a team result
            branch_id INTEGER NOT NULL REFERENCES branches(id),
            rank INTEGER CHECK (rank IS NULL OR (typeof(rank) = 'integer' AND rank > 0)),
            score TEXT,                     -- as announced: 12.35秒, 5.20米, 9.60分
            award TEXT,                     -- 一等奖, 金奖, 优秀奖 …
            notes TEXT
        );
        CREATE INDEX idx_activity_results_activity ON activity_results(activity_id, event_id, rank);
        CREATE INDEX idx_activity_results_branch ON activity_results(branch_id);
        CREATE UNIQUE INDEX idx_activity_results_person
            ON activity_results(event_id, participant_id) WHERE participant_id IS NOT NULL;
        CREATE UNIQUE INDEX idx_activity_results_team
            ON activity_results(event_id, branch_id) WHERE participant_id IS NULL;

        CREATE TABLE activity_budget_lines (
            id INTEGER PRIMARY KEY,
            activity_id INTEGER NOT NULL REFERENCES activities(id),
            kind TEXT NOT NULL CHECK (kind IN ({sql_list(_BUDGET_KINDS)})),
            category TEXT NOT NULL,
            amount INTEGER NOT NULL CHECK (typeof(amount) = 'integer' AND amount >= 0),
            spent_on TEXT,
            description TEXT,
            voucher_no TEXT,                -- 凭证号
            created_at TEXT NOT NULL
        );
        CREATE INDEX idx_activity_budget_activity ON activity_budget_lines(activity_id, kind);

        CREATE TABLE activity_attachments (
            id INTEGER PRIMARY KEY,
            activity_id INTEGER NOT NULL REFERENCES activities(id),
            path TEXT NOT NULL,             -- relative to the attachments folder
            original_name TEXT NOT NULL,
            caption TEXT,
            added_at TEXT NOT NULL
        );
        CREATE INDEX idx_activity_attachments_activity ON activity_attachments(activity_id);
        """,
    )


MIGRATIONS: list[Migration] = [
    ("activities_0001_tables", _create_tables),
]
