"""Pieces the printouts of every area share."""

from __future__ import annotations

from typing import TypedDict

import sqlite_utils

from guilin_union.services import settings

__all__ = ["Letterhead", "letterhead"]


class Letterhead(TypedDict):
    """The names at the top of a printout: the school and its union (单位信息)."""

    institution: str
    union_name: str


def letterhead(db: sqlite_utils.Database) -> Letterhead:
    """The ``institution`` and ``union_name`` keywords of the report builders."""
    names = settings.institution(db)
    return {"institution": names["institution_name"], "union_name": names["union_name"]}
