"""Load the roster for :mod:`guilin_union.core.member_match` (the SQL side of matching).

Every importer builds its index here once per file (one query, never one per row) and
asks :meth:`MemberIndex.match`; the rule and the messages live in the core.
"""

from __future__ import annotations

import sqlite_utils

from guilin_union.core.member_match import MemberIndex, MemberRef


def member_index(db: sqlite_utils.Database) -> MemberIndex:
    """Every member of the register (any status; callers check the status they need)."""
    people = [
        MemberRef(
            id=r[0],
            name=r[1],
            staff_no=r[2],
            id_number=r[3],
            member_no=r[4],
            branch=r[5],
            extra={"status": r[6], "branch_id": r[7]},
        )
        for r in db.execute(
            "SELECT m.id, m.name, m.staff_no, m.id_number, m.member_no, b.name, m.status,"
            " m.branch_id FROM members m LEFT JOIN branches b ON b.id = m.branch_id"
        )
    ]
    return MemberIndex(people)
