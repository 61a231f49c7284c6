"""Lists and the overview of a plan's items: the tracking table's query (filters and sorting
in SQL), and progress per section with overdue items and items without an owner.

>>> from guilin_union.storage import open_database
>>> from guilin_union.core.workpoints_parser import parse_workpoints
>>> from guilin_union.services.workpoints import save_plan
>>> db = open_database(":memory:")
>>> plan = save_plan(db, parse_workpoints("一、引领\\n（一）学习。\\n（二）宣传。"), year=2024).row_id
>>> o = overview(db, plan)
>>> [(s.label, s.total, s.not_started) for s in o.sections], len(o.no_owner)
([('一、引领', 2, 2)], 2)
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from guilin_union.core.workpoints import CANCELLED, DONE, FINISHED, IN_PROGRESS
from guilin_union.services import settings
from guilin_union.services.common_query import SortedQuery, SortOrder, add_filters, column_values
from guilin_union.services.workpoints import (
    get_plan,
    plan_nodes,
    today_or,
)

# "x IS NULL" parts keep blanks last in both directions (see order_sql).
SORT = SortOrder(
    {
        "position": "i.position",
        "heading": "i.position",
        "owner": "i.owner IS NULL, i.owner",
        "lead_unit": "i.lead_unit IS NULL, i.lead_unit",
        "deadline": "i.deadline IS NULL, i.deadline",
        "status": "CASE i.status WHEN '未开始' THEN 0 WHEN '进行中' THEN 1 WHEN '已完成' THEN 2 ELSE 3 END",
        "latest_note": "(SELECT max(note_date) FROM workpoint_notes n WHERE n.item_id = i.id) IS NULL,"
        " (SELECT max(note_date) FROM workpoint_notes n WHERE n.item_id = i.id)",
        "evidence": "(SELECT count(*) FROM workpoint_evidence e WHERE e.item_id = i.id)",
    },
    tiebreak="i.position",
)


@dataclass(frozen=True)
class ItemQuery(SortedQuery, sort=SORT):
    """A filtered, sorted view of a plan's items; the same object drives the table and exports.

    Without a filter every node is listed in document order (sections as group rows); with
    a filter only tracked items (leaves) that match are listed.
    """

    plan_id: int | None = None
    status: str | None = None
    overdue_only: bool = False
    no_owner_only: bool = False
    search: str = ""
    today: _dt.date | None = None

    @property
    def filtered(self) -> bool:
        return bool(self.status or self.overdue_only or self.no_owner_only or self.search.strip())

    @property
    def leaves_only(self) -> bool:
        """A filter or a sort other than document order lists tracked items only: section
        rows mean nothing out of order."""
        return self.filtered or self.sort_key not in ("position", "heading")


_LEAF_SQL = "NOT EXISTS (SELECT 1 FROM workpoint_items c WHERE c.parent_id = i.id)"


def query_item_ids(db: sqlite_utils.Database, q: ItemQuery) -> list[int]:
    """Ids of the items in the view, filtered and sorted in SQL."""
    if q.plan_id is None:
        return []
    clauses: list[str] = ["i.plan_id = ?"]
    params: list[object] = [q.plan_id]
    if q.leaves_only:
        clauses.append(_LEAF_SQL)
    add_filters(clauses, params, (("i.status = ?", q.status),))
    if q.overdue_only:
        clauses.append(
            "i.deadline IS NOT NULL AND i.deadline < ? AND i.status NOT IN ('已完成', '已取消')"
            " AND NOT EXISTS (SELECT 1 FROM workpoint_items c WHERE c.carried_from_item_id = i.id)"
        )
        params.append(today_or(q.today).isoformat())
    if q.no_owner_only:
        clauses.append("i.owner IS NULL AND i.status <> '已取消'")
    for term in q.search.split():
        like = f"%{term}%"
        clauses.append(
            "(i.heading LIKE ? OR i.text LIKE ? OR i.owner LIKE ? OR i.lead_unit LIKE ?"
            " OR i.responsible_units LIKE ? OR i.number = ?"
            " OR EXISTS (SELECT 1 FROM workpoint_notes n WHERE n.item_id = i.id AND n.text LIKE ?))"
        )
        params += [like, like, like, like, like, term.strip("（）()、."), like]
    sql = (
        f"SELECT i.id FROM workpoint_items i WHERE {' AND '.join(clauses)} ORDER BY {q.order_by()}"
    )
    return column_values(db, sql, params)


def fetch_item_rows(
    db: sqlite_utils.Database, ids: Iterable[int], *, today: _dt.date | None = None
) -> dict[int, dict[str, Any]]:
    """Display rows for the given item ids, keyed by id (plans are small: derived fields are
    computed over the whole plan of each id)."""
    wanted = set(ids)
    if not wanted:
        return {}
    marks = ",".join("?" for _ in wanted)
    plan_ids = column_values(
        db, f"SELECT DISTINCT plan_id FROM workpoint_items WHERE id IN ({marks})", list(wanted)
    )
    result: dict[int, dict[str, Any]] = {}
    for plan_id in plan_ids:
        for node in plan_nodes(db, plan_id, today):
            if node["id"] in wanted:
                result[node["id"]] = node
    return result


def list_items(db: sqlite_utils.Database, q: ItemQuery) -> list[dict[str, Any]]:
    ids = query_item_ids(db, q)
    rows = fetch_item_rows(db, ids, today=q.today)
    return [rows[i] for i in ids if i in rows]


# =========================================================================== overview
@dataclass
class SectionProgress:
    """Counts of the tracked items of one section (or of the whole plan)."""

    section_id: int | None
    label: str
    total: int = 0
    done: int = 0
    in_progress: int = 0
    not_started: int = 0
    cancelled: int = 0
    overdue: int = 0
    no_owner: int = 0
    items: list[dict[str, Any]] = field(default_factory=list)

    def add(self, item: Mapping[str, Any]) -> None:
        self.total += 1
        status = item["status"]
        if status == DONE:
            self.done += 1
        elif status == IN_PROGRESS:
            self.in_progress += 1
        elif status == CANCELLED:
            self.cancelled += 1
        else:
            self.not_started += 1
        if item["overdue"]:
            self.overdue += 1
        if not item["owner"] and status != CANCELLED:
            self.no_owner += 1

    @property
    def done_rate(self) -> float:
        """Share done of the items not cancelled (0 when there are none)."""
        base = self.total - self.cancelled
        return self.done / base if base else 0.0


@dataclass
class PlanOverview:
    plan: dict[str, Any]
    sections: list[SectionProgress]
    totals: SectionProgress
    overdue: list[dict[str, Any]]
    no_owner: list[dict[str, Any]]
    due_soon: list[dict[str, Any]]
    nodes: list[dict[str, Any]]


OTHER_SECTION = "其他条目"
ALL_ITEMS = "全部条目"


def section_title(node: Mapping[str, Any]) -> str:
    """``一、强化思想引领，筑牢团结奋斗的思想基础``"""
    return f"{node['display_number']}{node['heading']}"


def overview(
    db: sqlite_utils.Database, plan_id: int, *, today: _dt.date | None = None
) -> PlanOverview:
    """Progress per section, overdue items, items without an owner and items due soon."""
    today = today_or(today)
    plan = get_plan(db, plan_id)
    nodes = plan_nodes(db, plan_id, today)
    by_id = {n["id"]: n for n in nodes}
    sections: dict[int | None, SectionProgress] = {}
    for n in nodes:
        if n["level"] == 1 and not n["is_leaf"]:
            sections[n["id"]] = SectionProgress(n["id"], section_title(n))
    totals = SectionProgress(None, "合计")
    soon_days = int(settings.get(db, "workpoints_due_soon_days") or 30)
    horizon = (today + _dt.timedelta(days=soon_days)).isoformat()
    overdue, no_owner, due_soon = [], [], []
    for n in nodes:
        if not n["is_leaf"]:
            continue
        key = n["section_id"]
        if key not in sections:
            sections[key] = SectionProgress(None, OTHER_SECTION)
        sections[key].add(n)
        sections[key].items.append(n)
        totals.add(n)
        if n["overdue"]:
            overdue.append(n)
        elif (
            n["deadline"]
            and n["status"] not in FINISHED
            and today.isoformat() <= n["deadline"] <= horizon
        ):
            due_soon.append(n)
        if not n["owner"] and n["status"] != CANCELLED:
            no_owner.append(n)
    ordered = [s for s in sections.values() if s.total or s.section_id in by_id]
    ordered.sort(
        key=lambda s: (
            by_id[s.section_id]["position"]
            if s.section_id in by_id
            else min((n["position"] for n in s.items), default=0)
        )
    )
    if len(ordered) == 1 and ordered[0].section_id is None:
        ordered[0].label = ALL_ITEMS  # a document without sections
    overdue.sort(key=lambda n: (n["deadline"], n["position"]))
    due_soon.sort(key=lambda n: (n["deadline"], n["position"]))
    return PlanOverview(plan, ordered, totals, overdue, no_owner, due_soon, nodes)


def items_owned_by(db: sqlite_utils.Database, owner: str) -> list[dict[str, Any]]:
    """Tracked items whose 责任人 is ``owner`` (by name), newest year first."""
    rows: list[dict[str, Any]] = []
    plan_ids = column_values(
        db,
        "SELECT DISTINCT i.plan_id FROM workpoint_items i JOIN workpoint_plans p ON p.id = i.plan_id"
        " WHERE i.owner = ? ORDER BY p.year DESC, i.plan_id",
        [owner],
    )
    for plan_id in plan_ids:
        plan = get_plan(db, plan_id)
        for node in plan_nodes(db, plan_id):
            if node["owner"] == owner and node["is_leaf"]:
                rows.append({**node, "year": plan["year"], "plan_title": plan["title"]})
    return rows
