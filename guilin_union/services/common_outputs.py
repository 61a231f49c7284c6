"""Pieces the printouts of every area share."""

from __future__ import annotations

import sqlite_utils

from guilin_union.reports.members.common import Letterhead, issuer
from guilin_union.services import settings

__all__ = ["institution_name", "issuer_name", "letterhead"]


def letterhead(db: sqlite_utils.Database) -> Letterhead:
    """The ``institution`` and ``union_name`` keywords of the report builders (单位信息)."""
    names = settings.institution(db)
    return {"institution": names["institution_name"], "union_name": names["union_name"]}


def institution_name(db: sqlite_utils.Database) -> str:
    """The school's name (单位信息), as the ``institution`` of a report builder."""
    return settings.institution(db)["institution_name"]


def issuer_name(db: sqlite_utils.Database) -> str:
    """Who issues a printout: the union's name, else the school's (单位信息)."""
    return issuer(letterhead(db))
