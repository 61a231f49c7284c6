"""Links of work-point items: a school item answers upper items (两级要点对照); an item was
carried out by activities and congress sessions; and the side-by-side coverage of an upper
plan by the school's items.

Activity and congress-session ids are stored without a foreign key (those areas are separate
modules): they are checked when a link is made, and a link whose record was deleted later
is shown as such instead of failing.

>>> from guilin_union.storage import open_database
>>> from guilin_union.core.workpoints_parser import parse_workpoints
>>> from guilin_union.services.workpoints import save_plan, plan_items
>>> db = open_database(":memory:")
>>> school = save_plan(db, parse_workpoints("1.组织学习。"), year=2025).row_id
>>> upper = save_plan(db, parse_workpoints("1.加强引领。\\n2.开展活动。"), year=2025, kind="upper").row_id
>>> s, u = plan_items(db, school)[0]["id"], plan_items(db, upper)[0]["id"]
>>> _ = link_upper(db, s, u)
>>> [item["heading"] for item in unanswered_upper_items(db, upper)]
['开展活动。']
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from guilin_union.core.errors import ConflictError, NotFoundError, ValidationError
from guilin_union.core.workpoints import RECORD_KIND_LABELS, RECORD_KINDS
from guilin_union.services.changes import OpResult
from guilin_union.services.common_query import filter_clauses, where_sql
from guilin_union.services.workpoints import (
    delete_row,
    get_item,
    get_plan,
    item_title,
    plan_nodes,
    query_rows,
    removable,
    restorable,
)
from guilin_union.storage import audit

# Where each linkable record lives (table, label column, date column); offered only when
# the table exists.
_RECORD_TABLES: dict[str, tuple[str, str, str]] = {
    "activity": ("activities", "name", "start_date"),
    "congress_session": ("congress_sessions", "title", "start_date"),
}


def link_upper(db: sqlite_utils.Database, item_id: int, upper_item_id: int) -> OpResult:
    """Record that a school item answers an upper union's item."""
    with db.atomic():
        item, upper = get_item(db, item_id), get_item(db, upper_item_id)
        if item["kind"] != "school":
            raise ValidationError("只有本校工作要点的条目可以对应上级要点", "item_id")
        if upper["kind"] != "upper":
            raise ValidationError("所选条目不属于上级工会的工作要点", "upper_item_id")
        if db.execute(
            "SELECT 1 FROM workpoint_upper_links WHERE item_id = ? AND upper_item_id = ?",
            [item_id, upper_item_id],
        ).fetchone():
            raise ConflictError("该条目已对应这项上级要点")
        link_id = audit.insert(
            db,
            "workpoint_upper_links",
            {"item_id": item_id, "upper_item_id": upper_item_id, "created_at": audit.now_iso()},
        )
    return removable("workpoint_upper_links", link_id)


def unlink_upper(db: sqlite_utils.Database, item_id: int, upper_item_id: int) -> OpResult:
    with db.atomic():
        row = db.execute(
            "SELECT id FROM workpoint_upper_links WHERE item_id = ? AND upper_item_id = ?",
            [item_id, upper_item_id],
        ).fetchone()
        if row is None:
            raise NotFoundError("该对应关系不存在（可能已被移除）")
        before = audit.delete(db, "workpoint_upper_links", row[0])
    return restorable("workpoint_upper_links", before, undo=before)


def upper_links(db: sqlite_utils.Database, item_id: int) -> list[dict[str, Any]]:
    """The upper items a school item answers."""
    rows = query_rows(
        db,
        "SELECT u.id, u.number, u.style, u.heading, p.year, p.title AS plan_title, p.id AS plan_id"
        " FROM workpoint_upper_links l JOIN workpoint_items u ON u.id = l.upper_item_id"
        " JOIN workpoint_plans p ON p.id = u.plan_id WHERE l.item_id = ? ORDER BY p.year, u.position",
        [item_id],
    )
    for r in rows:
        r["title"] = item_title(r)
    return rows


def answering_items(db: sqlite_utils.Database, upper_item_id: int) -> list[dict[str, Any]]:
    """The school items that answer an upper item."""
    rows = query_rows(
        db,
        "SELECT s.id, s.number, s.style, s.heading, s.status, s.owner, p.year, p.title AS plan_title"
        " FROM workpoint_upper_links l JOIN workpoint_items s ON s.id = l.item_id"
        " JOIN workpoint_plans p ON p.id = s.plan_id WHERE l.upper_item_id = ?"
        " ORDER BY p.year, s.position",
        [upper_item_id],
    )
    for r in rows:
        r["title"] = item_title(r)
    return rows


def available_record_kinds(db: sqlite_utils.Database) -> list[tuple[str, str]]:
    """(kind, label) of the records an item can be linked to: only areas whose table exists."""
    names = set(db.table_names())
    return [
        (kind, RECORD_KIND_LABELS[kind])
        for kind, (table, _, _) in _RECORD_TABLES.items()
        if table in names
    ]


def record_choices(
    db: sqlite_utils.Database, kind: str, *, year: int | None = None
) -> list[tuple[int, str]]:
    """(id, label) of the activities / congress sessions to choose from (a year's first)."""
    if kind not in _RECORD_TABLES:
        raise ValidationError("关联类别应为活动或教代会会议", "target_kind")
    table, label, day = _RECORD_TABLES[kind]
    if table not in db.table_names():
        return []
    order = f"CASE WHEN substr([{day}], 1, 4) = ? THEN 0 ELSE 1 END, [{day}] DESC, id DESC"
    return [
        (r[0], f"{r[1]}（{r[2] or '日期未定'}）")
        for r in db.execute(
            f"SELECT id, [{label}], [{day}] FROM [{table}] ORDER BY {order}", [str(year or "")]
        )
    ]


def record_label(db: sqlite_utils.Database, kind: str, target_id: int) -> str:
    """A linked record's name, or a plain note when it has been deleted meanwhile."""
    table, label, day = _RECORD_TABLES[kind]
    if table in db.table_names():
        row = db.execute(
            f"SELECT [{label}], [{day}] FROM [{table}] WHERE id = ?", [target_id]
        ).fetchone()
        if row:
            return f"{row[0]}（{row[1] or '日期未定'}）"
    return f"{RECORD_KIND_LABELS[kind]} #{target_id}（已删除）"


def link_record(db: sqlite_utils.Database, item_id: int, kind: str, target_id: int) -> OpResult:
    """Link an item to the activity or congress session that carried it out."""
    if kind not in RECORD_KINDS:
        raise ValidationError("关联类别应为活动或教代会会议", "target_kind")
    table = _RECORD_TABLES[kind][0]
    with db.atomic():
        get_item(db, item_id)
        if (
            table not in db.table_names()
            or not db.execute(f"SELECT 1 FROM [{table}] WHERE id = ?", [target_id]).fetchone()
        ):
            raise NotFoundError(f"所选{RECORD_KIND_LABELS[kind]}不存在（可能已被删除）")
        if db.execute(
            "SELECT 1 FROM workpoint_record_links WHERE item_id = ? AND target_kind = ? AND target_id = ?",
            [item_id, kind, target_id],
        ).fetchone():
            raise ConflictError(f"该条目已关联这个{RECORD_KIND_LABELS[kind]}")
        link_id = audit.insert(
            db,
            "workpoint_record_links",
            {
                "item_id": item_id,
                "target_kind": kind,
                "target_id": int(target_id),
                "created_at": audit.now_iso(),
            },
        )
    return removable("workpoint_record_links", link_id)


def unlink_record(db: sqlite_utils.Database, link_id: int) -> OpResult:
    return delete_row("workpoint_record_links", link_id, db, "该关联不存在（可能已被移除）")


def record_links(db: sqlite_utils.Database, item_id: int) -> list[dict[str, Any]]:
    """Activities and congress sessions of an item: links made here (``link_id``) and
    activities that name this item themselves (activities.workpoint_item_id, ``link_id`` None)."""
    links = query_rows(
        db,
        "SELECT id AS link_id, target_kind, target_id FROM workpoint_record_links"
        " WHERE item_id = ? ORDER BY id",
        [item_id],
    )
    seen = {(r["target_kind"], r["target_id"]) for r in links}
    names = set(db.table_names())
    if "activities" in names and "workpoint_item_id" in {c.name for c in db["activities"].columns}:
        for (activity_id,) in db.execute(
            "SELECT id FROM activities WHERE workpoint_item_id = ? ORDER BY start_date", [item_id]
        ):
            if ("activity", activity_id) not in seen:
                links.append({"link_id": None, "target_kind": "activity", "target_id": activity_id})
    for r in links:
        r["kind_label"] = RECORD_KIND_LABELS[r["target_kind"]]
        r["label"] = record_label(db, r["target_kind"], r["target_id"])
    return links


# =========================================================================== two levels
@dataclass
class CoverageRow:
    """One item of an upper plan and the school items that answer it (directly, or through
    a link to the item's parent)."""

    item: dict[str, Any]
    answers: list[dict[str, Any]]
    inherited: bool = False  # answered through a link to a parent item

    @property
    def answered(self) -> bool:
        return bool(self.answers)


def coverage(
    db: sqlite_utils.Database, upper_plan_id: int, *, school_plan_id: int | None = None
) -> list[CoverageRow]:
    """Every node of an upper plan with its answering school items (of ``school_plan_id``
    only, when given). Containers list the answers of their sub-items too."""
    plan = get_plan(db, upper_plan_id)
    if plan["kind"] != "upper":
        raise ValidationError("请选择上级工会的工作要点", "upper_plan_id")
    nodes = plan_nodes(db, upper_plan_id)
    sql = (
        "SELECT l.upper_item_id, s.id, s.number, s.style, s.heading, s.status, s.owner, p.year, s.plan_id"
        " FROM workpoint_upper_links l JOIN workpoint_items s ON s.id = l.item_id"
        " JOIN workpoint_plans p ON p.id = s.plan_id JOIN workpoint_items u ON u.id = l.upper_item_id"
    )
    clauses, params = filter_clauses(
        (("u.plan_id = ?", upper_plan_id), ("s.plan_id = ?", school_plan_id))
    )
    direct: dict[int, list[dict[str, Any]]] = {}
    for r in query_rows(db, sql + where_sql(clauses) + " ORDER BY p.year, s.position", params):
        r["title"] = item_title(r)
        direct.setdefault(r.pop("upper_item_id"), []).append(r)
    by_id = {n["id"]: n for n in nodes}
    rows: list[CoverageRow] = []
    for n in nodes:
        answers = list(direct.get(n["id"], []))
        inherited = False
        parent = by_id.get(n["parent_id"]) if n["parent_id"] is not None else None
        while not answers and parent is not None and n["is_leaf"]:
            if direct.get(parent["id"]):
                answers, inherited = list(direct[parent["id"]]), True
            parent = by_id.get(parent["parent_id"]) if parent["parent_id"] is not None else None
        rows.append(CoverageRow(n, answers, inherited))
    # A container is answered when all its leaves are (or it is linked itself).
    answered_leaf = {r.item["id"]: r.answered for r in rows if r.item["is_leaf"]}
    children: dict[int, list[int]] = {}
    for n in nodes:
        if n["parent_id"] is not None:
            children.setdefault(n["parent_id"], []).append(n["id"])
    for row in rows:
        if not row.item["is_leaf"] and not row.answers:
            leaves = _leaves_of(row.item["id"], children)
            row.item["covered_leaves"] = sum(1 for leaf in leaves if answered_leaf.get(leaf))
            row.item["leaf_total"] = len(leaves)
    return rows


def _leaves_of(item_id: int, children: Mapping[int, list[int]]) -> list[int]:
    kids = children.get(item_id, [])
    return [item_id] if not kids else [leaf for kid in kids for leaf in _leaves_of(kid, children)]


def unanswered_upper_items(
    db: sqlite_utils.Database, upper_plan_id: int, *, school_plan_id: int | None = None
) -> list[dict[str, Any]]:
    """The tracked upper items no school item answers yet."""
    return [
        r.item
        for r in coverage(db, upper_plan_id, school_plan_id=school_plan_id)
        if r.item["is_leaf"] and not r.answered
    ]
