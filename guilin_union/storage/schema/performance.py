"""Schema added for speed on large registers (issue 11); applied after every area's schema.

``member_search`` holds, per member, the keys the register's search box looks in, already
folded the way the search compares them, in three short strings:

- ``contains_key``: name, staff number, member number and department, lower-cased (ASCII,
  as ``LIKE`` folds case), joined by U+001F — a search term may occur anywhere in one of them;
- ``starts_key``: U+001E before the pinyin initials and before the whole pinyin — a term
  matches at the start of either (``zs`` → 张三);
- ``ends_key``: the ID number upper-cased, then U+001D — a term matches its tail.

A term cannot contain the separators, so it never matches across two keys. Scanning this
narrow table with ``instr`` finds one keystroke's matches in 100,000 members several times
faster than seven ``LIKE`` tests over the wide members table. Triggers keep it in step with
every write to ``members`` (forms, imports, undo, the recycle bin, restores). The table has
no ``member_id`` or ``id_number`` column on purpose: it is derived data, so the privacy
export and the anonymiser (which look for those columns) need not treat it as a record —
the anonymiser's rewrite of ``members`` fires the triggers and rebuilds these keys.
"""
from __future__ import annotations

import sqlite_utils

from guilin_union.storage.migrations import Migration, run_script

_CONTAINS = (
    "lower(coalesce(NEW.name, '') || char(31) || coalesce(NEW.staff_no, '') || char(31)"
    " || coalesce(NEW.member_no, '') || char(31) || coalesce(NEW.department, ''))"
)
_STARTS = "char(30) || coalesce(NEW.name_initials, '') || char(30) || coalesce(NEW.name_pinyin, '')"
_ENDS = "upper(coalesce(NEW.id_number, '')) || char(29)"


def _member_search(db: sqlite_utils.Database) -> None:
    run_script(
        db,
        f"""
        CREATE TABLE member_search (
            id INTEGER PRIMARY KEY,          -- = members.id (no foreign key: derived data)
            contains_key TEXT NOT NULL,
            starts_key TEXT NOT NULL,
            ends_key TEXT NOT NULL
        );
        CREATE TRIGGER member_search_insert AFTER INSERT ON members
        BEGIN
            INSERT OR REPLACE INTO member_search (id, contains_key, starts_key, ends_key)
            VALUES (NEW.id, {_CONTAINS}, {_STARTS}, {_ENDS});
        END;
        CREATE TRIGGER member_search_update AFTER UPDATE OF
            id, name, staff_no, member_no, department, name_initials, name_pinyin, id_number ON members
        BEGIN
            DELETE FROM member_search WHERE id = OLD.id;
            INSERT OR REPLACE INTO member_search (id, contains_key, starts_key, ends_key)
            VALUES (NEW.id, {_CONTAINS}, {_STARTS}, {_ENDS});
        END;
        CREATE TRIGGER member_search_delete AFTER DELETE ON members
        BEGIN
            DELETE FROM member_search WHERE id = OLD.id;
        END;
        """,
    )
    # Members already in the file get their keys once.
    db.execute(
        "INSERT INTO member_search (id, contains_key, starts_key, ends_key) "
        f"SELECT m.id, {_of_members(_CONTAINS)}, {_of_members(_STARTS)}, {_of_members(_ENDS)} FROM members m"
    )


def _of_members(expression: str) -> str:
    """A trigger's key expression rewritten for ``SELECT … FROM members m``."""
    return expression.replace("NEW.", "m.")


MIGRATIONS: list[Migration] = [
    ("performance_0001_member_search", _member_search),
]
