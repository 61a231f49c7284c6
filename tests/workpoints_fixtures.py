"""Shared helpers for the work-points tests: the two sample documents and saved plans."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from guilin_union.core.workpoints_parser import ParsedWorkpoints, parse_workpoints

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "workpoints"
SCHOOL_2024 = FIXTURES / "workpoints-guilin-university-2024.txt"
REGION_2025 = FIXTURES / "workpoints-gx-education-union-2025.txt"


def parsed(path: Path) -> ParsedWorkpoints:
    return parse_workpoints(path.read_text(encoding="utf-8"))


def save_school(db: sqlite_utils.Database, year: int = 2024) -> int:
    """The school's 2024 sample saved as a 本校 plan; returns the plan id."""
    from guilin_union.services.workpoints import save_plan

    return save_plan(
        db, parsed(SCHOOL_2024), year=year, kind="school", source_name=SCHOOL_2024.name
    ).row_id


def save_upper(db: sqlite_utils.Database, year: int = 2025) -> int:
    """The regional 2025 sample saved as a 上级 plan; returns the plan id."""
    from guilin_union.services.workpoints import save_plan

    return save_plan(
        db, parsed(REGION_2025), year=year, kind="upper", source_name=REGION_2025.name
    ).row_id


def item_ids(db: sqlite_utils.Database, plan_id: int) -> dict[str, int]:
    """Tracked items of a plan by number ("十一/1" for a sub-item), plus sections as "§一"."""
    from guilin_union.services.workpoints import plan_items

    found: dict[str, int] = {}
    by_id = {}
    for node in plan_items(db, plan_id):
        by_id[node["id"]] = node
        parent = by_id.get(node["parent_id"])
        if node["level"] == 1 and not node["is_leaf"]:
            found[f"§{node['number']}"] = node["id"]
        elif parent is not None and parent["level"] > 1:
            found[f"{parent['number']}/{node['number']}"] = node["id"]
        else:
            found[node["number"]] = node["id"]
    return found
