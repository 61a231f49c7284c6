"""Annual work points (年度工作要点): plans, their item trees, and tracking every item.

A *plan* is one imported document: the school's own points (本校, ``kind="school"``) or an
upper union's (上级, ``kind="upper"``) for a year. Its outline is stored as a tree of *items*.
The items that are tracked are the leaves (an item with sub-items is tracked through them);
each has an owner (责任人), lead and responsible units, a deadline, a status, dated progress
notes, evidence files and links (to the upper items it answers, to the activities and
congress sessions that carried it out).

Every write is one transaction through ``storage.audit`` and returns an ``OpResult`` whose
``undo`` lets the GUI put the old state back.

>>> from guilin_union.storage import open_database
>>> from guilin_union.core.workpoints_parser import parse_workpoints
>>> db = open_database(":memory:")
>>> plan = save_plan(db, parse_workpoints("一、思想引领\\n（一）组织学习。"), year=2024).row_id
>>> [(r["label"], r["is_leaf"]) for r in plan_items(db, plan)]
[('一、', False), ('（一）', True)]
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, Required, TypedDict, Unpack

import sqlite_utils

from guilin_union.core.dates import parse_date
from guilin_union.core.errors import ConflictError, NotFoundError, ValidationError
from guilin_union.core.text import clean_cell_text
from guilin_union.core.workpoints import (
    DONE,
    FINISHED,
    ITEM_STATUSES,
    KIND_LABELS,
    NOT_STARTED,
    PLAN_KINDS,
)
from guilin_union.core.workpoints_parser import ParsedWorkpoints, WorkpointNode
from guilin_union.services import row_undo, settings
from guilin_union.services.changes import Changes, OpResult
from guilin_union.services.common_query import (
    column_values,
    filter_clauses,
    one_row,
    select_rows,
    where_sql,
)
from guilin_union.services.owned_rows import delete_owned
from guilin_union.services.workpoints.outline import display_number, heading_of, parse_units
from guilin_union.storage import audit

AREA = "workpoints"
STATUSES: tuple[str, ...] = ITEM_STATUSES
MAX_OWNER_LENGTH = 60
MAX_UNIT_LENGTH = 80
MAX_NOTE_LENGTH = 4000

settings.register_defaults(
    {
        "workpoints_ledger_notes": (3, "工作要点台账“进展情况”列出的最近进展条数"),
        "workpoints_due_soon_days": (30, "工作要点完成时限前多少天提示“即将到期”"),
    }
)


def area_changes() -> Changes:
    return Changes.of(AREA)


def today_or(today: _dt.date | None) -> _dt.date:
    return today or _dt.date.today()


query_rows = select_rows


def _units(value: str | None) -> list[str]:
    try:
        units = json.loads(value or "[]")
    except ValueError:
        return []
    return [str(u) for u in units] if isinstance(units, list) else []


# =========================================================================== plans
def kind_label(kind: str) -> str:
    """``本校`` / ``上级``."""
    return KIND_LABELS.get(kind, kind)


def plan_label(plan: Mapping[str, Any]) -> str:
    """How a plan is named in lists: ``2024年 本校：桂林学院2024年工会工作要点``."""
    return f"{plan['year']}年 {kind_label(plan['kind'])}：{plan['title']}"


def check_year(year: Any) -> int:
    try:
        value = int(year)
    except (TypeError, ValueError):
        raise ValidationError("年度应为四位数字，如 2024", "year") from None
    if isinstance(year, bool) or not 1900 <= value <= 2100:
        raise ValidationError("年度应在1900年至2100年之间", "year")
    return value


def _check_kind(kind: str) -> str:
    if kind not in PLAN_KINDS:
        raise ValidationError("类别应为“本校”（school）或“上级”（upper）", "kind")
    return kind


def list_plans(
    db: sqlite_utils.Database, *, year: int | None = None, kind: str | None = None
) -> list[dict[str, Any]]:
    """Plans, newest year first, 本校 before 上级; with item and tracked-item counts."""
    clauses, params = filter_clauses((("p.year = ?", year), ("p.kind = ?", kind)))
    where = where_sql(clauses)
    return query_rows(
        db,
        "SELECT p.id, p.year, p.kind, p.title, p.doc_number, p.issuer, p.doc_date, p.intro,"
        " p.source_name, p.imported_at, p.notes,"
        " (SELECT count(*) FROM workpoint_items i WHERE i.plan_id = p.id) AS item_count,"
        " (SELECT count(*) FROM workpoint_items i WHERE i.plan_id = p.id AND NOT EXISTS"
        "   (SELECT 1 FROM workpoint_items c WHERE c.parent_id = i.id)) AS tracked_count"
        f" FROM workpoint_plans p{where}"
        " ORDER BY p.year DESC, CASE p.kind WHEN 'school' THEN 0 ELSE 1 END, p.id",
        params,
    )


def plan_years(db: sqlite_utils.Database) -> list[int]:
    """Years that have a plan, newest first."""
    return column_values(db, "SELECT DISTINCT year FROM workpoint_plans ORDER BY year DESC")


def get_plan(db: sqlite_utils.Database, plan_id: int) -> dict[str, Any]:
    try:
        return audit.get_row(db, "workpoint_plans", plan_id)
    except NotFoundError:
        raise NotFoundError("工作要点计划不存在（可能已被删除）") from None


def tracking_counts(db: sqlite_utils.Database, plan_id: int) -> dict[str, int]:
    """What tracking a plan holds: items with an owner/deadline/status, notes, files, links."""
    row = db.execute(
        "SELECT"
        " (SELECT count(*) FROM workpoint_items WHERE plan_id = :p AND (owner IS NOT NULL"
        "   OR deadline IS NOT NULL OR status <> '未开始')),"
        " (SELECT count(*) FROM workpoint_notes n JOIN workpoint_items i ON i.id = n.item_id WHERE i.plan_id = :p),"
        " (SELECT count(*) FROM workpoint_evidence e JOIN workpoint_items i ON i.id = e.item_id WHERE i.plan_id = :p),"
        " (SELECT count(*) FROM workpoint_upper_links l JOIN workpoint_items i"
        "   ON i.id = l.item_id OR i.id = l.upper_item_id WHERE i.plan_id = :p),"
        " (SELECT count(*) FROM workpoint_record_links l JOIN workpoint_items i ON i.id = l.item_id WHERE i.plan_id = :p),"
        " (SELECT count(*) FROM workpoint_items i JOIN workpoint_items c ON c.carried_from_item_id = i.id"
        "   WHERE i.plan_id = :p)",
        {"p": plan_id},
    ).fetchone()
    keys = ("tracked_items", "notes", "evidence", "upper_links", "record_links", "carried")
    return dict(zip(keys, (int(v) for v in row)))


def has_tracking_data(db: sqlite_utils.Database, plan_id: int) -> bool:
    """True once anything was recorded against the plan (then it must not be replaced)."""
    return any(tracking_counts(db, plan_id).values())


def _node_rows(nodes: list[WorkpointNode]) -> list[tuple[int | None, dict[str, Any]]]:
    """(index of the parent row or None, row) for every node, depth first."""
    rows: list[tuple[int | None, dict[str, Any]]] = []

    def walk(node: WorkpointNode, parent: int | None, level: int) -> None:
        heading = clean_cell_text(node.heading or "") or heading_of(node.text or "")
        text = (node.text or "").strip() or heading
        deadline_text = clean_cell_text(getattr(node, "deadline_text", None) or "")
        if deadline_text and deadline_text not in text:
            # "3月", "全年": kept in the text (the deadline column holds a date, and a date
            # there counts as tracking).
            text += f"（完成时限：{deadline_text}）"
        if not heading:
            raise ValidationError(
                f"第 {len(rows) + 1} 个条目没有文字，请删除或补全后再保存", "nodes"
            )
        units = [clean_cell_text(u) for u in node.responsible_units if clean_cell_text(u)]
        rows.append(
            (
                parent,
                {
                    "level": level,
                    "number": clean_cell_text(node.number or ""),
                    "style": node.style
                    if node.style in ("section", "item", "sub", "subsub")
                    else "",
                    "heading": heading,
                    "text": text,
                    "lead_unit": clean_cell_text(node.lead_unit or "") or None,
                    "responsible_units": json.dumps(list(dict.fromkeys(units)), ensure_ascii=False),
                },
            )
        )
        index = len(rows) - 1
        for child in node.children:
            walk(child, index, level + 1)

    for node in nodes:
        walk(node, None, 1)
    return rows


def plan_rows(
    parsed: ParsedWorkpoints,
    *,
    year: int,
    kind: str,
    source_name: str | None,
    source_text: str | None,
    now: str,
) -> tuple[dict[str, Any], list[tuple[int | None, dict[str, Any]]]]:
    """The plan row and item rows for a parsed document (validated; nothing written).

    Shared by :func:`save_plan` and the demo data, so both store a document the same way.
    """
    year = check_year(year)
    kind = _check_kind(kind)
    if not parsed.nodes:
        raise ValidationError(
            "没有识别到任何条目，不能保存。请检查文件内容或手工修正后再保存。", "nodes"
        )
    meta = parsed.meta
    doc_date = None
    if meta.date:
        try:
            doc_date = parse_date(meta.date, field="doc_date").isoformat()
        except ValidationError:
            doc_date = None
    title = clean_cell_text(meta.title or "") or f"{year}年工作要点"
    plan = {
        "year": year,
        "kind": kind,
        "title": title,
        "doc_number": clean_cell_text(meta.doc_number or "") or None,
        "issuer": clean_cell_text(meta.issuer or "") or None,
        "doc_date": doc_date,
        "intro": (meta.intro or "").strip() or None,
        "source_name": source_name,
        "source_text": source_text,
        "imported_at": now,
    }
    items = _node_rows(parsed.nodes)
    for _, row in items:
        row.update(created_at=now, updated_at=now, status=NOT_STARTED)
    return plan, items


def insert_plan(
    db: sqlite_utils.Database,
    plan: dict[str, Any],
    items: list[tuple[int | None, dict[str, Any]]],
    *,
    insert: Callable[[sqlite_utils.Database, str, dict[str, Any]], int] = audit.insert,
) -> int:
    """Write a plan and its items (``plan_rows``) with ``insert``; returns the plan id.

    The service logs every row (audit.insert); the demo generator passes a plain insert."""
    plan_id = insert(db, "workpoint_plans", plan)
    ids: list[int] = []
    for position, (parent, row) in enumerate(items, start=1):
        ids.append(
            insert(
                db,
                "workpoint_items",
                {
                    **row,
                    "plan_id": plan_id,
                    "position": position,
                    "parent_id": ids[parent] if parent is not None else None,
                },
            )
        )
    return plan_id


class PlanSource(TypedDict, total=False):
    """What a stored document is (the keywords of :func:`save_plan` and of the importer):
    its ``year`` (required), ``kind`` (default ``"school"``), the file name and the text
    it was read from."""

    year: Required[int]
    kind: str
    source_name: str | None
    source_text: str | None


def save_plan(
    db: sqlite_utils.Database,
    parsed: ParsedWorkpoints,
    *,
    replace_plan_id: int | None = None,
    **source: Unpack[PlanSource],
) -> OpResult:
    """Store a parsed (and possibly corrected) document as a plan; returns the new plan id.

    ``replace_plan_id`` deletes that plan in the same transaction; it is refused when the
    plan already holds tracking data (owners, notes, files, links), which would be lost.
    """
    with db.atomic():
        plan, items = plan_rows(
            parsed,
            year=source["year"],
            kind=source.get("kind", "school"),
            source_name=source.get("source_name"),
            source_text=source.get("source_text"),
            now=audit.now_iso(),
        )
        if replace_plan_id is not None:
            old = get_plan(db, replace_plan_id)
            if has_tracking_data(db, replace_plan_id):
                raise ConflictError(
                    f"“{old['title']}”已有跟踪记录（责任人、进展、佐证材料或关联），不能替换，"
                    "以免丢失记录。可以另存为一份新的计划。"
                )
            delete_plan_rows(db, replace_plan_id, note="导入新版本替换")
        plan_id = insert_plan(db, plan, items)
    return OpResult(area_changes(), plan_id, undo={"plan_id": plan_id})


def update_plan(db: sqlite_utils.Database, plan_id: int, changes: Mapping[str, Any]) -> OpResult:
    """Edit a plan's title, 文号, issuer, date, year or kind."""
    values: dict[str, Any] = {}
    for key in ("title", "doc_number", "issuer", "intro", "notes"):
        if key in changes:
            values[key] = clean_cell_text(str(changes[key] or "")) or None
    if "title" in values and not values["title"]:
        raise ValidationError("计划标题不能为空", "title")
    if "doc_date" in changes:
        value = changes["doc_date"]
        values["doc_date"] = (
            parse_date(value, field="doc_date").isoformat() if value not in (None, "") else None
        )
    if "year" in changes:
        values["year"] = check_year(changes["year"])
    if "kind" in changes:
        values["kind"] = _check_kind(changes["kind"])
    with db.atomic():
        get_plan(db, plan_id)
        before = audit.update(db, "workpoint_plans", plan_id, values)
    return restorable("workpoint_plans", before, undo=before)


def restorable(table: str, before: dict[str, Any], *, undo: dict[str, Any] | None) -> OpResult:
    """The result of an edit or a delete of one row: its inverse puts ``before`` back."""
    return row_undo.restorable(table, before, area_changes(), undo=undo)


def removable(table: str, row_id: int) -> OpResult:
    """The result of an insert: its inverse deletes the row again."""
    return row_undo.removable(table, row_id, area_changes())


def delete_row(table: str, row_id: int, db: sqlite_utils.Database, missing: str) -> OpResult:
    """Delete one note, evidence entry or link; undo puts it back with its id."""
    return row_undo.delete_row(db, table, row_id, area_changes(), missing=missing)


def delete_plan_rows(
    db: sqlite_utils.Database, plan_id: int, *, note: str | None = None
) -> dict[str, Any]:
    # Top-level items first: each takes its subtree, notes, files and links along.
    top = "plan_id = ? AND parent_id IS NULL ORDER BY position"
    delete_owned(db, "workpoint_items", top, [plan_id], note=note)
    return audit.delete(db, "workpoint_plans", plan_id, note=note)


def delete_plan(db: sqlite_utils.Database, plan_id: int) -> OpResult:
    """Delete a plan with its items, notes, evidence list and links: one group in the
    recycle bin (restorable from there); the inverse puts every row back."""
    with db.atomic():
        get_plan(db, plan_id)
        saved = row_undo.capture(db, *_plan_scopes(db, plan_id))
        before = delete_plan_rows(db, plan_id)
    return OpResult(
        area_changes(),
        plan_id,
        undo=before,
        inverse=row_undo.inverse(saved, area_changes(), plan_id),
    )


def _plan_scopes(db: sqlite_utils.Database, plan_id: int) -> tuple[row_undo.Scope, ...]:
    """Every row a plan's delete touches, by id (parents first): the plan, its items, the
    items of later years carried from them (their link is set to NULL), and the notes,
    evidence and links of its items."""
    own = column_values(db, "SELECT id FROM workpoint_items WHERE plan_id = ?", [plan_id])
    marks = ", ".join("?" for _ in own)
    carried = column_values(
        db,
        f"SELECT id FROM workpoint_items WHERE plan_id <> ? AND carried_from_item_id IN ({marks})",
        [plan_id, *own],
    )
    items = tuple(own)
    below = f"item_id IN ({marks})"
    return (
        row_undo.Scope.row("workpoint_plans", plan_id),
        row_undo.Scope(
            "workpoint_items", f"id IN ({', '.join('?' for _ in own + carried)})", (*own, *carried)
        ),
        row_undo.Scope("workpoint_notes", below, items),
        row_undo.Scope("workpoint_evidence", below, items),
        row_undo.Scope("workpoint_upper_links", f"{below} OR upper_{below}", items + items),
        row_undo.Scope("workpoint_record_links", below, items),
    )


# =========================================================================== items
_ITEM_COLUMNS = (
    "id",
    "plan_id",
    "parent_id",
    "level",
    "position",
    "number",
    "style",
    "heading",
    "text",
    "lead_unit",
    "responsible_units",
    "owner",
    "deadline",
    "status",
    "carried_from_item_id",
    "created_at",
    "updated_at",
)


def _decorate(nodes: list[dict[str, Any]], today: _dt.date) -> None:
    """Add the derived fields every view needs to the rows of one plan (in order)."""
    by_id = {n["id"]: n for n in nodes}
    parents_with_children = {n["parent_id"] for n in nodes if n["parent_id"] is not None}
    today_iso = today.isoformat()
    for n in nodes:
        n["responsible_units"] = (
            _units(n["responsible_units"])
            if isinstance(n["responsible_units"], str)
            else list(n["responsible_units"] or [])
        )
        n["display_number"] = display_number(n["style"], n["number"])
        n["is_leaf"] = n["id"] not in parents_with_children
        chain = []
        node: dict[str, Any] | None = n
        while node is not None:
            chain.append(node)
            node = by_id.get(node["parent_id"]) if node["parent_id"] is not None else None
        chain.reverse()
        root = chain[0]
        # Section = the top-level ancestor, unless the node is a top-level leaf itself.
        n["section_id"] = root["id"] if (len(chain) > 1 or not n["is_leaf"]) else None
        # The 序号 label: the numbers below the section, e.g. （十一）1.; a top-level item
        # that is not a section (一、) keeps its number: 2.（1）.
        below = chain[1:] if len(chain) > 1 and root["style"] in ("section", "") else chain
        n["label"] = "".join(c["display_number"] for c in below)  # ancestors come first
        n["overdue"] = bool(
            n["is_leaf"]
            and n["deadline"]
            and n["deadline"] < today_iso
            and n["status"] not in FINISHED
        )


def plan_nodes(
    db: sqlite_utils.Database, plan_id: int, today: _dt.date | None = None
) -> list[dict[str, Any]]:
    """All items of a plan in document order, with derived fields and tracking summaries."""
    nodes = query_rows(
        db,
        f"SELECT {', '.join(_ITEM_COLUMNS)} FROM workpoint_items WHERE plan_id = ? ORDER BY position, id",
        [plan_id],
    )
    _decorate(nodes, today_or(today))
    ids = [n["id"] for n in nodes]
    if not ids:
        return nodes
    notes: dict[int, list[dict[str, Any]]] = {}
    for row in query_rows(
        db,
        "SELECT n.id, n.item_id, n.note_date, n.text, n.recorded_by FROM workpoint_notes n"
        " JOIN workpoint_items i ON i.id = n.item_id WHERE i.plan_id = ?"
        " ORDER BY n.note_date, n.id",
        [plan_id],
    ):
        notes.setdefault(row["item_id"], []).append(row)
    evidence: dict[int, list[str]] = {}
    for item_id, name in db.execute(
        "SELECT e.item_id, coalesce(e.caption, e.original_name) FROM workpoint_evidence e"
        " JOIN workpoint_items i ON i.id = e.item_id WHERE i.plan_id = ? ORDER BY e.id",
        [plan_id],
    ):
        evidence.setdefault(item_id, []).append(name)
    upper: dict[int, int] = {}
    for item_id, n in db.execute(
        "SELECT l.item_id, count(*) FROM workpoint_upper_links l JOIN workpoint_items i ON i.id = l.item_id"
        " WHERE i.plan_id = ? GROUP BY l.item_id",
        [plan_id],
    ):
        upper[item_id] = n
    answered: dict[int, int] = {}
    for item_id, n in db.execute(
        "SELECT l.upper_item_id, count(*) FROM workpoint_upper_links l JOIN workpoint_items i"
        " ON i.id = l.upper_item_id WHERE i.plan_id = ? GROUP BY l.upper_item_id",
        [plan_id],
    ):
        answered[item_id] = n
    records: dict[int, int] = {}
    for item_id, n in db.execute(
        "SELECT l.item_id, count(*) FROM workpoint_record_links l JOIN workpoint_items i ON i.id = l.item_id"
        " WHERE i.plan_id = ? GROUP BY l.item_id",
        [plan_id],
    ):
        records[item_id] = n
    carried_to: dict[int, int] = {}
    for item_id, year in db.execute(
        "SELECT c.carried_from_item_id, p.year FROM workpoint_items c JOIN workpoint_plans p ON p.id = c.plan_id"
        " JOIN workpoint_items i ON i.id = c.carried_from_item_id WHERE i.plan_id = ?",
        [plan_id],
    ):
        carried_to[item_id] = year
    carried_from: dict[int, int] = {}
    for item_id, year in db.execute(
        "SELECT i.id, p.year FROM workpoint_items i JOIN workpoint_items o ON o.id = i.carried_from_item_id"
        " JOIN workpoint_plans p ON p.id = o.plan_id WHERE i.plan_id = ?",
        [plan_id],
    ):
        carried_from[item_id] = year
    for n in nodes:
        own = notes.get(n["id"], [])
        n["notes"] = own
        n["note_count"] = len(own)
        n["latest_note"] = own[-1]["text"] if own else None
        n["latest_note_date"] = own[-1]["note_date"] if own else None
        n["evidence_names"] = evidence.get(n["id"], [])
        n["evidence_count"] = len(n["evidence_names"])
        n["upper_link_count"] = upper.get(n["id"], 0)
        n["answered_count"] = answered.get(n["id"], 0)
        n["record_link_count"] = records.get(n["id"], 0)
        n["carried_to_year"] = carried_to.get(n["id"])
        if n["carried_to_year"]:
            n["overdue"] = False  # it goes on in the later year's plan
        n["carried_from_year"] = carried_from.get(n["id"])
    _summarise_containers(nodes)
    return nodes


def _summarise_containers(nodes: list[dict[str, Any]]) -> None:
    """A container's status line: how its tracked sub-items stand (``3项：已完成1、进行中2``)."""
    children: dict[int, list[dict[str, Any]]] = {}
    for n in nodes:
        if n["parent_id"] is not None:
            children.setdefault(n["parent_id"], []).append(n)

    def leaves(node: dict[str, Any]) -> list[dict[str, Any]]:
        kids = children.get(node["id"], [])
        return [node] if not kids else [leaf for kid in kids for leaf in leaves(kid)]

    for n in nodes:
        if n["is_leaf"]:
            n["status_text"] = n["status"] + ("\n（逾期）" if n["overdue"] else "")
            continue
        below = leaves(n)
        counts = {s: sum(1 for leaf in below if leaf["status"] == s) for s in STATUSES}
        parts = "、".join(f"{s}{c}" for s, c in counts.items() if c)
        n["status_text"] = f"{len(below)}项：{parts}" if parts else f"{len(below)}项"
        n["leaf_count"] = len(below)
        n["done_count"] = counts[DONE]


def plan_items(
    db: sqlite_utils.Database, plan_id: int, *, today: _dt.date | None = None
) -> list[dict[str, Any]]:
    """Every item of a plan in document order, with derived fields:

    ``display_number`` (（一）), ``label`` (序号 for the ledger, e.g. （十一）1.), ``is_leaf``,
    ``section_id``, ``overdue``, ``status_text``, ``notes`` (own, oldest first),
    ``latest_note``/``latest_note_date``, ``evidence_names``, link counts, ``carried_to_year``
    and ``carried_from_year``.
    """
    get_plan(db, plan_id)
    return plan_nodes(db, plan_id, today)


def get_item(db: sqlite_utils.Database, item_id: int) -> dict[str, Any]:
    """One item with its plan's year/kind and responsible units as a list."""
    row = one_row(
        db,
        "SELECT i.*, p.year, p.kind, p.title AS plan_title FROM workpoint_items i"
        " JOIN workpoint_plans p ON p.id = i.plan_id WHERE i.id = ?",
        [item_id],
        "工作要点条目不存在（可能已被删除）",
    )
    row["responsible_units"] = _units(row["responsible_units"])
    row["display_number"] = display_number(row["style"], row["number"])
    row["is_leaf"] = (
        db.execute(
            "SELECT 1 FROM workpoint_items WHERE parent_id = ? LIMIT 1", [item_id]
        ).fetchone()
        is None
    )
    return row


def item_title(item: Mapping[str, Any]) -> str:
    """``（三）加强教职工文化阵地建设，做强做优工会宣传工作。``"""
    return f"{display_number(item.get('style') or '', item.get('number') or '')}{item.get('heading') or ''}"


def _clean_text(value: Any, label: str, key: str, limit: int) -> str | None:
    text = clean_cell_text(str(value or ""))
    text = " ".join(text.split()) if "\n" not in text else text
    if len(text) > limit:
        raise ValidationError(f"{label}过长（最多{limit}个字）", key)
    if any(ord(ch) < 32 and ch not in "\n\t" for ch in text):
        raise ValidationError(f"{label}含有不可见的控制字符", key)
    return text or None


def validate_item_changes(changes: Mapping[str, Any]) -> dict[str, Any]:
    """Normalise the editable fields of an item; raise ValidationError with the field.

    >>> validate_item_changes({"owner": " 张三 ", "deadline": "2024年6月30日", "responsible_units": "工会、人事处"})
    {'owner': '张三', 'responsible_units': '["工会", "人事处"]', 'deadline': '2024-06-30'}
    """
    values: dict[str, Any] = {}
    if "heading" in changes:
        heading = _clean_text(changes["heading"], "要点", "heading", 500)
        if not heading:
            raise ValidationError("要点不能为空", "heading")
        values["heading"] = heading
    if "text" in changes:
        values["text"] = (str(changes["text"] or "")).strip()
        if len(values["text"]) > 20000:
            raise ValidationError("条目全文过长", "text")
    if "owner" in changes:
        values["owner"] = _clean_text(changes["owner"], "责任人", "owner", MAX_OWNER_LENGTH)
    if "lead_unit" in changes:
        values["lead_unit"] = _clean_text(
            changes["lead_unit"], "牵头单位", "lead_unit", MAX_UNIT_LENGTH
        )
    if "responsible_units" in changes:
        raw = changes["responsible_units"]
        units = (
            parse_units(raw)
            if isinstance(raw, str)
            else [clean_cell_text(str(u)) for u in raw or []]
        )
        units = [u for u in dict.fromkeys(units) if u]
        for unit in units:
            if len(unit) > MAX_UNIT_LENGTH:
                raise ValidationError(f"责任单位“{unit[:20]}…”过长", "responsible_units")
        values["responsible_units"] = json.dumps(units, ensure_ascii=False)
    if "deadline" in changes:
        value = changes["deadline"]
        if value is None or (isinstance(value, str) and not value.strip()):
            values["deadline"] = None
        else:
            values["deadline"] = parse_date(value, field="deadline").isoformat()
    if "status" in changes:
        status = clean_cell_text(str(changes["status"] or ""))
        if status not in STATUSES:
            raise ValidationError("状态应为：" + "、".join(STATUSES), "status")
        values["status"] = status
    return values


def update_item(db: sqlite_utils.Database, item_id: int, changes: Mapping[str, Any]) -> OpResult:
    """Save an edit of an item (any of heading, text, owner, lead_unit, responsible_units,
    deadline, status); ``undo`` holds the previous values."""
    values = validate_item_changes(changes)
    with db.atomic():
        get_item(db, item_id)
        if values:
            values["updated_at"] = audit.now_iso()
        before = audit.update(db, "workpoint_items", item_id, values)
    return restorable("workpoint_items", before, undo={k: before[k] for k in values})


def set_status(db: sqlite_utils.Database, item_ids: Iterable[int], status: str) -> OpResult:
    """Set one status on several items at once (one transaction)."""
    if status not in STATUSES:
        raise ValidationError("状态应为：" + "、".join(STATUSES), "status")
    before: dict[int, dict[str, Any]] = {}
    saved: list[tuple[row_undo.Scope, list[dict[str, Any]]]] = []
    with db.atomic():
        now = audit.now_iso()
        for item_id in item_ids:
            get_item(db, item_id)
            old = audit.update(
                db, "workpoint_items", item_id, {"status": status, "updated_at": now}
            )
            before[item_id] = {"status": old["status"], "updated_at": old["updated_at"]}
            saved.append((row_undo.Scope.row("workpoint_items", item_id), [old]))
    return OpResult(
        area_changes(),
        None,
        undo={"items": before},
        inverse=row_undo.inverse(saved, area_changes()),
    )


def shift_positions(db: sqlite_utils.Database, plan_id: int, after: int, by: int) -> None:
    for item_id, position in list(
        db.execute(
            "SELECT id, position FROM workpoint_items WHERE plan_id = ? AND position > ? ORDER BY position DESC",
            [plan_id, after],
        )
    ):
        audit.update(db, "workpoint_items", item_id, {"position": position + by})


def last_position_in_subtree(db: sqlite_utils.Database, item_id: int) -> int:
    row = db.execute(
        "WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL SELECT i.id FROM workpoint_items i JOIN sub ON i.parent_id = sub.id)"
        " SELECT max(position) FROM workpoint_items WHERE id IN (SELECT id FROM sub)",
        [item_id],
    ).fetchone()
    return int(row[0])


def add_item(
    db: sqlite_utils.Database,
    plan_id: int,
    *,
    parent_id: int | None,
    heading: str,
    text: str = "",
    number: str = "",
    **fields: Any,
) -> OpResult:
    """Add an item at the end of ``parent_id``'s children (or at the end of the plan)."""
    values = validate_item_changes({"heading": heading, **fields})
    with db.atomic():
        get_plan(db, plan_id)
        if parent_id is not None:
            parent = get_item(db, parent_id)
            if parent["plan_id"] != plan_id:
                raise ValidationError("上级条目不属于该计划", "parent_id")
            level = parent["level"] + 1
            after = last_position_in_subtree(db, parent_id)
            siblings = column_values(
                db, "SELECT style FROM workpoint_items WHERE parent_id = ?", [parent_id]
            )
        else:
            level = 1
            after = db.execute(
                "SELECT coalesce(max(position), 0) FROM workpoint_items WHERE plan_id = ?",
                [plan_id],
            ).fetchone()[0]
            siblings = column_values(
                db,
                "SELECT style FROM workpoint_items WHERE plan_id = ? AND parent_id IS NULL",
                [plan_id],
            )
        shift_positions(db, plan_id, after, 1)
        now = audit.now_iso()
        row = {
            "plan_id": plan_id,
            "parent_id": parent_id,
            "level": level,
            "position": after + 1,
            "number": clean_cell_text(number),
            "style": siblings[-1] if siblings else "",
            "text": (text or "").strip() or values["heading"],
            "status": NOT_STARTED,
            "created_at": now,
            "updated_at": now,
            **values,
        }
        item_id = audit.insert(db, "workpoint_items", row)
    return OpResult(area_changes(), item_id)


def delete_item(db: sqlite_utils.Database, item_id: int) -> OpResult:
    """Delete an item with its sub-items, notes, evidence list and links."""
    with db.atomic():
        item = get_item(db, item_id)
        before = audit.delete(db, "workpoint_items", item_id)
    return OpResult(area_changes(), item_id, undo={"row": before, "plan_id": item["plan_id"]})


# =========================================================================== notes
def _check_note(note_date: Any, text: Any, recorded_by: Any) -> dict[str, Any]:
    if note_date in (None, ""):
        raise ValidationError("请填写进展日期", "note_date")
    day = parse_date(note_date, field="note_date")
    body = str(text or "").strip()
    if not body:
        raise ValidationError("进展情况不能为空", "text")
    if len(body) > MAX_NOTE_LENGTH:
        raise ValidationError(f"进展情况过长（最多{MAX_NOTE_LENGTH}字），可以分几条记录", "text")
    return {
        "note_date": day.isoformat(),
        "text": body,
        "recorded_by": _clean_text(recorded_by, "记录人", "recorded_by", MAX_OWNER_LENGTH),
    }


def add_note(
    db: sqlite_utils.Database,
    item_id: int,
    *,
    note_date: Any,
    text: str,
    recorded_by: str | None = None,
    set_status: str | None = None,
) -> OpResult:
    """Record a dated progress note; ``set_status`` changes the item's status in the same
    action (e.g. the first note moves 未开始 to 进行中 when the user asks for it)."""
    values = _check_note(note_date, text, recorded_by)
    with db.atomic():
        item = get_item(db, item_id)
        note_id = audit.insert(
            db, "workpoint_notes", {**values, "item_id": item_id, "created_at": audit.now_iso()}
        )
        previous = None
        saved: list[tuple[row_undo.Scope, list[dict[str, Any]]]] = []
        if set_status is not None and set_status != item["status"]:
            status = validate_item_changes({"status": set_status})["status"]
            previous = item["status"]
            old = audit.update(
                db, "workpoint_items", item_id, {"status": status, "updated_at": audit.now_iso()}
            )
            saved.append((row_undo.Scope.row("workpoint_items", item_id), [old]))
        saved.append((row_undo.Scope.row("workpoint_notes", note_id), []))
    return OpResult(
        area_changes(),
        note_id,
        undo={"note_id": note_id, "item_id": item_id, "status": previous},
        inverse=row_undo.inverse(saved, area_changes(), note_id),
    )


def update_note(
    db: sqlite_utils.Database,
    note_id: int,
    *,
    note_date: Any,
    text: str,
    recorded_by: str | None = None,
) -> OpResult:
    values = _check_note(note_date, text, recorded_by)
    with db.atomic():
        try:
            before = audit.update(db, "workpoint_notes", note_id, values)
        except NotFoundError:
            raise NotFoundError("进展记录不存在（可能已被删除）") from None
    return restorable("workpoint_notes", before, undo={k: before[k] for k in values})


def delete_note(db: sqlite_utils.Database, note_id: int) -> OpResult:
    return delete_row("workpoint_notes", note_id, db, "进展记录不存在（可能已被删除）")


def item_history(db: sqlite_utils.Database, item_id: int) -> list[dict[str, Any]]:
    """The progress notes of an item and of the items it was carried over from (oldest
    first). Notes of earlier years carry ``inherited=True`` and their ``year``."""
    chain: list[tuple[int, int]] = []  # (item id, plan year), this item first
    seen: set[int] = set()
    current: int | None = item_id
    while current is not None and current not in seen:
        seen.add(current)
        row = db.execute(
            "SELECT i.carried_from_item_id, p.year FROM workpoint_items i JOIN workpoint_plans p"
            " ON p.id = i.plan_id WHERE i.id = ?",
            [current],
        ).fetchone()
        if row is None:
            if current == item_id:
                raise NotFoundError("工作要点条目不存在（可能已被删除）")
            break
        chain.append((current, row[1]))
        current = row[0]
    notes: list[dict[str, Any]] = []
    for chain_id, year in reversed(chain):
        inherited = chain_id != item_id
        for note in query_rows(
            db,
            "SELECT id, item_id, note_date, text, recorded_by, created_at FROM workpoint_notes"
            " WHERE item_id = ? ORDER BY note_date, id",
            [chain_id],
        ):
            note.update(inherited=inherited, year=year)
            notes.append(note)
    return notes


def list_notes(db: sqlite_utils.Database, item_id: int) -> list[dict[str, Any]]:
    """The item's own notes, oldest first."""
    return query_rows(
        db,
        "SELECT id, item_id, note_date, text, recorded_by, created_at FROM workpoint_notes"
        " WHERE item_id = ? ORDER BY note_date, id",
        [item_id],
    )


# =========================================================================== evidence
def add_evidence(
    db: sqlite_utils.Database, item_id: int, source: str | Path, caption: str | None = None
) -> OpResult:
    """Copy a file into the attachments folder and list it as evidence of the item."""
    from guilin_union.services.attachments import attach

    with db.atomic():
        get_item(db, item_id)
        caption = _clean_text(caption, "说明", "caption", 200)
        row_id = attach(
            db, "workpoint_evidence", ("item_id", item_id), source, area=AREA, caption=caption
        )
    return removable("workpoint_evidence", row_id)


def remove_evidence(db: sqlite_utils.Database, evidence_id: int) -> OpResult:
    """Take a file off the evidence list (the copy stays on disk so undo can restore it)."""
    return delete_row("workpoint_evidence", evidence_id, db, "佐证材料不存在（可能已被移除）")


def list_evidence(db: sqlite_utils.Database, item_id: int) -> list[dict[str, Any]]:
    return query_rows(
        db, "SELECT * FROM workpoint_evidence WHERE item_id = ? ORDER BY id", [item_id]
    )


def evidence_path(db: sqlite_utils.Database, evidence_id: int) -> Path:
    """Absolute path of an evidence file (to open it)."""
    from guilin_union.services.attachments import resolve_attachment

    try:
        row = audit.get_row(db, "workpoint_evidence", evidence_id)
    except NotFoundError:
        raise NotFoundError("佐证材料不存在（可能已被移除）") from None
    path = resolve_attachment(db, row["path"])
    if not path.exists():
        raise NotFoundError(f"附件文件“{row['original_name']}”已不在附件文件夹中：{path}")
    return path


# =========================================================================== suggestions
def suggestions(db: sqlite_utils.Database) -> dict[str, list[str]]:
    """Values offered while typing: owners (used before, then active members) and units
    (used before, then the 分工会)."""
    owners = column_values(
        db,
        "SELECT owner FROM workpoint_items WHERE owner IS NOT NULL GROUP BY owner ORDER BY count(*) DESC",
    )
    owners += column_values(
        db, "SELECT name FROM members WHERE status = '在会' ORDER BY name_pinyin"
    )
    units = column_values(
        db,
        "SELECT lead_unit FROM workpoint_items WHERE lead_unit IS NOT NULL GROUP BY lead_unit ORDER BY count(*) DESC",
    )
    for (value,) in db.execute(
        "SELECT responsible_units FROM workpoint_items WHERE responsible_units <> '[]'"
    ):
        units += _units(value)
    units += column_values(
        db, "SELECT name FROM branches WHERE active = 1 ORDER BY sort_order, name"
    )
    return {"owners": list(dict.fromkeys(owners)), "units": list(dict.fromkeys(units))}


def child_count(db: sqlite_utils.Database, item_id: int) -> int:
    """How many items sit directly under ``item_id``."""
    return db.execute(
        "SELECT count(*) FROM workpoint_items WHERE parent_id = ?", [item_id]
    ).fetchone()[0]


def carried_to_year(db: sqlite_utils.Database, item_id: int) -> int | None:
    """The year of the plan this item was carried over into (None when it was not)."""
    row = db.execute(
        "SELECT p.year FROM workpoint_items c JOIN workpoint_plans p ON p.id = c.plan_id"
        " WHERE c.carried_from_item_id = ?",
        [item_id],
    ).fetchone()
    return row[0] if row else None
