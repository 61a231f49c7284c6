"""Schema of the workpoints area (年度工作要点). Append new migrations at the end; never edit a
shipped one.

- ``workpoint_plans``: one imported document (a year's 本校 or 上级 work points);
- ``workpoint_items``: its outline as a tree (``parent_id``), in document order (``position``
  counts through the whole plan, depth first), with the tracking fields of every item;
- ``workpoint_notes``: dated progress notes (进展情况);
- ``workpoint_evidence``: evidence files (佐证材料) copied into the attachments folder;
- ``workpoint_upper_links``: a school item answers an upper union's item;
- ``workpoint_record_links``: an item was carried out by an activity or a congress session.
  Those ids are plain integers without a foreign key: the activities and congress areas are
  separate modules whose tables may change; the service checks them when linking.
"""

from __future__ import annotations

import sqlite_utils

from guilin_union.storage.migrations import Migration, run_script, sql_list

# The values this migration was written with (a frozen copy: the live lists are in
# guilin_union/core/workpoints.py; changing those needs a new migration).
_PLAN_KINDS = ("school", "upper")
_ITEM_STATUSES = ("未开始", "进行中", "已完成", "已取消")
_RECORD_KINDS = ("activity", "congress_session")
_NODE_STYLES = ("section", "item", "sub", "subsub", "")


def _create_tables(db: sqlite_utils.Database) -> None:
    run_script(
        db,
        f"""
        CREATE TABLE workpoint_plans (
            id INTEGER PRIMARY KEY,
            year INTEGER NOT NULL CHECK (typeof(year) = 'integer' AND year BETWEEN 1900 AND 2100),
            kind TEXT NOT NULL CHECK (kind IN ({sql_list(_PLAN_KINDS)})),
            title TEXT NOT NULL,
            doc_number TEXT,                -- 文号, e.g. 桂院工〔2024〕1号
            issuer TEXT,
            doc_date TEXT,                  -- ISO date of the document
            intro TEXT,                     -- 指导思想 / 总体要求
            source_name TEXT,               -- file name it was imported from (or 粘贴的文本)
            source_text TEXT,               -- the text as imported, kept for checking later
            imported_at TEXT NOT NULL,
            notes TEXT
        );
        CREATE INDEX idx_workpoint_plans_year ON workpoint_plans(year, kind);

        CREATE TABLE workpoint_items (
            id INTEGER PRIMARY KEY,
            -- No cascade from the plan: a plan is deleted by deleting its top-level items
            -- (each takes its subtree along once), so the recycle bin holds every row once.
            plan_id INTEGER NOT NULL REFERENCES workpoint_plans(id),
            parent_id INTEGER REFERENCES workpoint_items(id) ON DELETE CASCADE,
            level INTEGER NOT NULL CHECK (typeof(level) = 'integer' AND level >= 1),
            position INTEGER NOT NULL CHECK (typeof(position) = 'integer'),
            number TEXT NOT NULL DEFAULT '',  -- numeral as written: 一, 十一, 1
            style TEXT NOT NULL DEFAULT '' CHECK (style IN ({sql_list(_NODE_STYLES)})),
            heading TEXT NOT NULL,
            text TEXT NOT NULL DEFAULT '',
            lead_unit TEXT,                 -- 牵头单位
            -- A JSON array of names. (json_valid() cannot be used in a CHECK: the database
            -- runs with trusted_schema=OFF, which refuses it there.)
            responsible_units TEXT NOT NULL DEFAULT '[]' CHECK (responsible_units LIKE '[%]'),
            owner TEXT,                     -- 责任人
            deadline TEXT,                  -- 完成时限, ISO date
            status TEXT NOT NULL DEFAULT '未开始' CHECK (status IN ({sql_list(_ITEM_STATUSES)})),
            carried_from_item_id INTEGER REFERENCES workpoint_items(id) ON DELETE SET NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX idx_workpoint_items_plan ON workpoint_items(plan_id, position);
        CREATE INDEX idx_workpoint_items_parent ON workpoint_items(parent_id);
        CREATE INDEX idx_workpoint_items_status ON workpoint_items(plan_id, status);
        CREATE INDEX idx_workpoint_items_deadline ON workpoint_items(plan_id, deadline);
        CREATE INDEX idx_workpoint_items_owner ON workpoint_items(plan_id, owner);
        CREATE INDEX idx_workpoint_items_carried ON workpoint_items(carried_from_item_id);

        CREATE TABLE workpoint_notes (
            id INTEGER PRIMARY KEY,
            item_id INTEGER NOT NULL REFERENCES workpoint_items(id) ON DELETE CASCADE,
            note_date TEXT NOT NULL,        -- ISO date of the progress it records
            text TEXT NOT NULL CHECK (length(trim(text)) > 0),
            recorded_by TEXT,
            created_at TEXT NOT NULL
        );
        CREATE INDEX idx_workpoint_notes_item ON workpoint_notes(item_id, note_date);

        CREATE TABLE workpoint_evidence (
            id INTEGER PRIMARY KEY,
            item_id INTEGER NOT NULL REFERENCES workpoint_items(id) ON DELETE CASCADE,
            path TEXT NOT NULL,             -- relative to the attachments folder
            original_name TEXT NOT NULL,
            caption TEXT,
            added_at TEXT NOT NULL
        );
        CREATE INDEX idx_workpoint_evidence_item ON workpoint_evidence(item_id);

        CREATE TABLE workpoint_upper_links (
            id INTEGER PRIMARY KEY,
            item_id INTEGER NOT NULL REFERENCES workpoint_items(id) ON DELETE CASCADE,
            upper_item_id INTEGER NOT NULL REFERENCES workpoint_items(id) ON DELETE CASCADE,
            created_at TEXT NOT NULL,
            UNIQUE (item_id, upper_item_id),
            CHECK (item_id <> upper_item_id)
        );
        CREATE INDEX idx_workpoint_upper_links_upper ON workpoint_upper_links(upper_item_id);

        CREATE TABLE workpoint_record_links (
            id INTEGER PRIMARY KEY,
            item_id INTEGER NOT NULL REFERENCES workpoint_items(id) ON DELETE CASCADE,
            target_kind TEXT NOT NULL CHECK (target_kind IN ({sql_list(_RECORD_KINDS)})),
            target_id INTEGER NOT NULL CHECK (typeof(target_id) = 'integer'),
            created_at TEXT NOT NULL,
            UNIQUE (item_id, target_kind, target_id)
        );
        CREATE INDEX idx_workpoint_record_links_target ON workpoint_record_links(target_kind, target_id);
        """,
    )


MIGRATIONS: list[Migration] = [
    ("workpoints_0001_tables", _create_tables),
]
