"""Demo data: a living database for newcomers, screenshots, tests and benchmarks.

Each area owns a module here with ``populate(db, rng, scale) -> dict[str, int]`` (a summary
of what it added); they run in this order inside one transaction.
"""

from __future__ import annotations

import importlib
import random

import sqlite_utils

from guilin_union.core.areas import AREAS
from guilin_union.core.errors import ConflictError
from guilin_union.storage import audit

# Every area in the order they build on one another (money after activities and welfare,
# issue 21), then issue 24's groups, 实名制 fields, family and honours (its own random
# generator: the others unchanged).
AREA_MODULES: tuple[str, ...] = (*AREAS, "member_record")


def is_empty(db: sqlite_utils.Database) -> bool:
    return (
        db.execute("SELECT count(*) FROM members").fetchone()[0] == 0
        and db.execute("SELECT count(*) FROM branches").fetchone()[0] == 0
    )


def populate_demo(
    db: sqlite_utils.Database, *, scale: str = "normal", seed: int = 2024
) -> dict[str, int]:
    """Fill an EMPTY database; refuses one that holds data (so real records are never mixed
    with invented ones)."""
    if not is_empty(db):
        raise ConflictError(
            "数据库中已有数据，演示数据只能填入空数据库。请用 --db 指定一个新文件。"
        )
    rng = random.Random(seed)
    summary: dict[str, int] = {}
    with db.atomic():
        for name in AREA_MODULES:
            module = importlib.import_module(f"guilin_union.services.demo.{name}")
            summary.update(module.populate(db, rng, scale))
        audit.log_event(db, "demo", None, "event", note=f"生成演示数据（{scale}）")
    return summary
