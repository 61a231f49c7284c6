"""Pieces the printouts of every area share."""

from __future__ import annotations

import sqlite_utils

from guilin_union.reports.members.common import Letterhead
from guilin_union.services import settings

__all__ = ["letterhead"]


def letterhead(db: sqlite_utils.Database) -> Letterhead:
    """The ``institution`` and ``union_name`` keywords of the report builders (单位信息)."""
    names = settings.institution(db)
    return {"institution": names["institution_name"], "union_name": names["union_name"]}
