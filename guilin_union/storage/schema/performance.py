"""Schema added for speed on large registers (issue 11); applied after every area's schema.

``idx_members_search`` indexes, in the register's order (member number, then id), three
expressions of ``members``: the
keys the register's search box looks in, already folded the way the search compares them
(see :func:`search_keys`):

- *contains*: name, staff number, member number and department, lower-cased (ASCII, as
  ``LIKE`` folds case), joined by U+001F — a search term may occur anywhere in one of them;
- *starts*: U+001E before the pinyin initials and before the whole pinyin — a term matches at
  the start of either (``zs`` → 张三);
- *ends*: the ID number upper-cased, then U+001D — a term matches its tail.

A term cannot contain the separators, so it never matches across two keys. One pass over
this narrow index with ``instr`` (``services.members``) finds one keystroke's matches among
100,000 members already in the register's default order, several times faster than seven
``LIKE`` tests over the wide members table followed by a sort. SQLite keeps an index up to date
by itself on every write: no triggers, no extra table, nothing for the change log, the recycle
bin or the privacy tools to handle.

The query must spell the expressions exactly as the index does; both come from here.
"""

from __future__ import annotations

import sqlite_utils

from guilin_union.storage.migrations import Migration, run_script

SEARCH_INDEX = "idx_members_search"


def search_keys(table: str = "") -> tuple[str, str, str]:
    """The (contains, starts, ends) key expressions, columns prefixed with ``table.``.

    >>> search_keys("m")[2]
    "upper(coalesce(m.id_number, '')) || char(29)"
    """
    t = f"{table}." if table else ""
    contains = (
        f"lower(coalesce({t}name, '') || char(31) || coalesce({t}staff_no, '') || char(31)"
        f" || coalesce({t}member_no, '') || char(31) || coalesce({t}department, ''))"
    )
    starts = (
        f"char(30) || coalesce({t}name_initials, '') || char(30) || coalesce({t}name_pinyin, '')"
    )
    ends = f"upper(coalesce({t}id_number, '')) || char(29)"
    return contains, starts, ends


def _search_index(db: sqlite_utils.Database) -> None:
    # member_no, id first: read in index order, the matches need no sorting for the
    # register's default order (sorting 98,000 matches of the keystroke "2" cost 80 ms).
    db.execute(
        f"CREATE INDEX IF NOT EXISTS {SEARCH_INDEX} ON members (member_no, id, {', '.join(search_keys())})"
    )


def _rebuild_search_index(db: sqlite_utils.Database) -> None:
    db.execute(f"DROP INDEX IF EXISTS {SEARCH_INDEX}")
    _drop_development_versions(db)


def _drop_development_versions(db: sqlite_utils.Database) -> None:
    """Development versions kept the keys in a table filled by triggers, then in an index
    under another name; files made with them lose those here (none was shipped)."""
    run_script(
        db,
        """
        DROP TRIGGER IF EXISTS member_search_insert;
        DROP TRIGGER IF EXISTS member_search_update;
        DROP TRIGGER IF EXISTS member_search_delete;
        DROP TABLE IF EXISTS member_search;
        DROP INDEX IF EXISTS idx_members_search_keys;
        """,
    )
    _search_index(db)


MIGRATIONS: list[Migration] = [
    ("performance_0001_member_search", _search_index),
    ("performance_0002_search_keys_index", _drop_development_versions),
    # For files that took 0001/0002 while they still made the index in another column order.
    ("performance_0003_search_index_in_register_order", _rebuild_search_index),
]
