"""Year roll-over (年度结转): carry a plan's unfinished items into next year's plan.

The carried items keep their text, units, owner and status and point back to the item they
came from, so the earlier years' progress notes stay visible on them
(``services.workpoints.item_history``).

>>> from guilin_union.storage import open_database
>>> from guilin_union.core.workpoints_parser import parse_workpoints
>>> from guilin_union.services.workpoints import save_plan, plan_items, list_plans
>>> db = open_database(":memory:")
>>> plan = save_plan(db, parse_workpoints("1.组织学习。\\n2.开展活动。"), year=2024).row_id
>>> result = carry_over(db, plan)
>>> [(p["year"], p["title"]) for p in list_plans(db, year=2025)]
[(2025, '2025年工作要点（上年结转）')]
>>> [r["heading"] for r in plan_items(db, result.row_id)]
['2024年度结转事项', '组织学习。', '开展活动。']
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import sqlite_utils

from guilin_union.core.errors import ConflictError, ValidationError
from guilin_union.core.workpoints import FINISHED, NOT_STARTED
from guilin_union.services import row_undo
from guilin_union.services.changes import OpResult
from guilin_union.services.common_query import column_values
from guilin_union.services.workpoints import (
    area_changes,
    check_year,
    get_plan,
    last_position_in_subtree,
    list_plans,
    plan_nodes,
    shift_positions,
)
from guilin_union.storage import audit

CARRY_SECTION_TITLE = "{year}年度结转事项"


def carry_over_candidates(db: sqlite_utils.Database, plan_id: int) -> list[dict[str, Any]]:
    """Unfinished tracked items of a plan (未开始/进行中) not carried over yet."""
    return [
        n
        for n in plan_nodes(db, plan_id)
        if n["is_leaf"] and n["status"] not in FINISHED and n["carried_to_year"] is None
    ]


def carry_over(
    db: sqlite_utils.Database,
    plan_id: int,
    *,
    to_year: int | None = None,
    item_ids: Iterable[int] | None = None,
) -> OpResult:
    """Carry unfinished items into the next year's plan of the same kind, with their history.

    The items go under a section “YYYY年度结转事项” of the target plan (created when the
    year has no plan of that kind yet). Each new item keeps number, heading, text, units,
    owner and status, and points back to the old item (``carried_from_item_id``), so its
    notes stay visible (:func:`item_history`). Items already carried are skipped. ``undo``
    names what was created; the inverse removes it (refused once tracking was added).
    """
    source = get_plan(db, plan_id)
    year = check_year(to_year if to_year is not None else source["year"] + 1)
    if year <= source["year"]:
        raise ValidationError("只能结转到以后的年度", "to_year")
    candidates = carry_over_candidates(db, plan_id)
    if item_ids is not None:
        wanted = set(item_ids)
        unknown = wanted - {n["id"] for n in candidates}
        if unknown:
            raise ValidationError(
                "所选条目中有已完成、已取消、已结转或不属于该计划的条目", "item_ids"
            )
        candidates = [n for n in candidates if n["id"] in wanted]
    if not candidates:
        raise ValidationError(
            "没有需要结转的条目：未完成的条目都已结转，或全部已完成/已取消", "item_ids"
        )
    created_plan = False
    with db.atomic():
        now = audit.now_iso()
        targets = list_plans(db, year=year, kind=source["kind"])
        if targets:
            target_id = targets[0]["id"]
            saved = row_undo.capture(db, _items_of(target_id))
        else:
            target_id = audit.insert(
                db,
                "workpoint_plans",
                {
                    "year": year,
                    "kind": source["kind"],
                    "title": f"{year}年工作要点（上年结转）",
                    "doc_number": None,
                    "issuer": source["issuer"],
                    "doc_date": None,
                    "intro": f"由{source['year']}年工作要点结转的未完成事项。",
                    "source_name": None,
                    "source_text": None,
                    "imported_at": now,
                },
            )
            created_plan = True
            saved = [
                (row_undo.Scope.row("workpoint_plans", target_id), []),
                (_items_of(target_id), []),
            ]
        section_title_text = CARRY_SECTION_TITLE.format(year=source["year"])
        section = db.execute(
            "SELECT id FROM workpoint_items WHERE plan_id = ? AND parent_id IS NULL AND heading = ?",
            [target_id, section_title_text],
        ).fetchone()
        created: list[int] = []
        last = db.execute(
            "SELECT coalesce(max(position), 0) FROM workpoint_items WHERE plan_id = ?", [target_id]
        ).fetchone()[0]
        if section is None:
            last += 1
            section_id = audit.insert(
                db,
                "workpoint_items",
                {
                    "plan_id": target_id,
                    "parent_id": None,
                    "level": 1,
                    "position": last,
                    "number": "",
                    "style": "",
                    "heading": section_title_text,
                    "text": section_title_text,
                    "status": NOT_STARTED,
                    "created_at": now,
                    "updated_at": now,
                },
            )
            created.append(section_id)
        else:
            section_id = section[0]
            last = last_position_in_subtree(db, section_id)
            shift_positions(db, target_id, last, len(candidates))
        for offset, n in enumerate(candidates, start=1):
            created.append(
                audit.insert(
                    db,
                    "workpoint_items",
                    {
                        "plan_id": target_id,
                        "parent_id": section_id,
                        "level": 2,
                        "position": last + offset,
                        "number": n["number"],
                        "style": n["style"],
                        "heading": n["heading"],
                        "text": n["text"],
                        "lead_unit": n["lead_unit"],
                        "responsible_units": json.dumps(n["responsible_units"], ensure_ascii=False),
                        "owner": n["owner"],
                        "deadline": None,
                        "status": n["status"],
                        "carried_from_item_id": n["id"],
                        "created_at": now,
                        "updated_at": now,
                    },
                    note=f"由{source['year']}年结转",
                )
            )
    return OpResult(
        area_changes(),
        target_id,
        undo={
            "plan_id": target_id,
            "created_plan": created_plan,
            "item_ids": created,
            "count": len(candidates),
        },
        inverse=_undoing(saved, created, target_id),
    )


def _undoing(
    saved: row_undo.Saved, created: list[int], plan_id: int
) -> Callable[[sqlite_utils.Database], OpResult]:
    """Undo of a carry-over: what it created goes, unless tracking was added to it since."""

    def undo(db: sqlite_utils.Database) -> OpResult:
        if _has_new_tracking(db, created):
            raise ConflictError("结转后的条目已有新的跟踪记录，不能撤销结转")
        return row_undo.put_back(db, saved, area_changes(), plan_id)

    return undo


def _items_of(plan_id: int) -> row_undo.Scope:
    return row_undo.Scope("workpoint_items", "plan_id = ?", (plan_id,))


def _has_new_tracking(db: sqlite_utils.Database, item_ids: list[int]) -> bool:
    if not item_ids:
        return False
    marks = ",".join("?" for _ in item_ids)
    for table in (
        "workpoint_notes",
        "workpoint_evidence",
        "workpoint_upper_links",
        "workpoint_record_links",
    ):
        if db.execute(
            f"SELECT 1 FROM {table} WHERE item_id IN ({marks}) LIMIT 1", item_ids
        ).fetchone():
            return True
    return False


_CARRY_SECTION_RE = re.compile(r"^\d{4}年度结转事项$")


def is_carry_plan(db: sqlite_utils.Database, plan: Mapping[str, Any]) -> bool:
    """True for a plan that :func:`carry_over` created for a year without one (no imported
    document; only 结转事项 sections)."""
    if plan.get("source_text") is not None or plan.get("source_name") is not None:
        return False
    headings = column_values(
        db,
        "SELECT heading FROM workpoint_items WHERE plan_id = ? AND parent_id IS NULL",
        [plan["id"]],
    )
    return bool(headings) and all(_CARRY_SECTION_RE.match(h) for h in headings)


def absorb_carry_plans(db: sqlite_utils.Database, plan_id: int) -> int:
    """Move the carried items of the year's carry-only plans (same kind) to the end of
    ``plan_id`` — the document imported for that year — and delete the emptied plans.

    Call inside the import's transaction. Returns the number of items moved.
    """
    target = get_plan(db, plan_id)
    moved = 0
    for plan in list_plans(db, year=target["year"], kind=target["kind"]):
        full = get_plan(db, plan["id"])
        if plan["id"] == plan_id or not is_carry_plan(db, full):
            continue
        last = db.execute(
            "SELECT coalesce(max(position), 0) FROM workpoint_items WHERE plan_id = ?", [plan_id]
        ).fetchone()[0]
        for offset, (item_id,) in enumerate(
            list(
                db.execute(
                    "SELECT id FROM workpoint_items WHERE plan_id = ? ORDER BY position",
                    [plan["id"]],
                )
            ),
            start=1,
        ):
            audit.update(
                db,
                "workpoint_items",
                item_id,
                {"plan_id": plan_id, "position": last + offset},
                note="并入新导入的工作要点",
            )
            moved += 1
        audit.delete(db, "workpoint_plans", plan["id"], note="结转事项已并入新导入的工作要点")
    return moved
