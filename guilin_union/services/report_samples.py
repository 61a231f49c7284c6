"""Sample arguments for every report from whatever data the database holds (no Qt).

The self-test (``ui/selftest.py``) prints one PDF of every report the command line offers;
these resolvers pick an existing session, activity, year … so each report has something to
show. Moved out of the UI so that the screens run no SQL (issue 19).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable

import sqlite_utils

Resolver = Callable[[sqlite_utils.Database, str], "str | None"]


def _tables(db: sqlite_utils.Database) -> list[str]:
    return sorted(db.table_names())


def _area_stem(report: str) -> str:
    """``activity-year-budget`` → ``activ``: the table prefix of the report's area."""
    return report.split("-", 1)[0][:5].lower()


def _area_tables(db: sqlite_utils.Database, report: str) -> list[str]:
    """The report's own area's tables (``welfare-stats`` → ``welfare_*``), else all tables."""
    stem = _area_stem(report)
    tables = _tables(db)
    mine = [t for t in tables if t.lower().startswith(stem)]
    return mine or tables


def _plurals(word: str) -> tuple[str, ...]:
    word = word.lower().replace("-", "_")
    forms = [word + "s", word + "es"]
    if word.endswith("y"):
        forms.append(word[:-1] + "ies")
    return tuple(forms)


def _table_for(db: sqlite_utils.Database, thing: str, report: str) -> str | None:
    """The table holding ``thing`` rows: ``sessions`` or ``<area>_sessions``; the report's
    own area wins when several areas have one."""
    plurals = _plurals(thing)
    found = [t for t in _tables(db) if any(t == p or t.endswith("_" + p) for p in plurals)]
    if not found:
        return None
    stem = _area_stem(report)
    found.sort(key=lambda t: (not t.startswith(stem), len(t), t))
    return found[0]


def first_row_id(thing: str, where: str = "") -> Resolver:
    """A resolver giving the id of the first row of ``thing``'s table (optionally filtered).

    >>> db = sqlite_utils.Database(memory=True)
    >>> db["congress_sessions"].insert_all([{"id": 3}, {"id": 1}], pk="id")  # doctest: +ELLIPSIS
    <Table ...>
    >>> first_row_id("session")(db, "agenda")
    '1'
    """

    def resolve(db: sqlite_utils.Database, report: str) -> str | None:
        table = _table_for(db, thing, report)
        if table is None or "id" not in db[table].columns_dict:
            return None
        clause = f" WHERE {where}" if where else ""
        try:
            row = db.execute(f'SELECT id FROM "{table}"{clause} ORDER BY id LIMIT 1').fetchone()
        except sqlite3.OperationalError:  # a filter naming a column this table lacks
            # try without it
            row = db.execute(f'SELECT id FROM "{table}" ORDER BY id LIMIT 1').fetchone()
        return None if row is None else str(row[0])

    return resolve


def _date_columns(db: sqlite_utils.Database, table: str) -> list[str]:
    return [
        c
        for c in db[table].columns_dict
        if c == "date" or c.endswith("_date") or c.endswith("_on") or c.endswith("month")
    ]


def newest_year(db: sqlite_utils.Database, report: str) -> str | None:
    """The newest year that has data in the report's area (``year`` columns and dates)."""
    years: list[int] = []
    for table in _area_tables(db, report):
        columns = db[table].columns_dict
        for column in columns:
            if column == "year" or column.endswith("_year"):
                sql = f'SELECT max("{column}") FROM "{table}" WHERE typeof("{column}") = \'integer\' AND "{column}" BETWEEN 1900 AND 2999'
            elif column in _date_columns(db, table):
                sql = f'SELECT max(substr("{column}", 1, 4)) FROM "{table}" WHERE "{column}" GLOB \'[12][0-9][0-9][0-9]-*\''
            else:
                continue
            value = db.execute(sql).fetchone()[0]
            if value is not None:
                years.append(int(value))
    return str(max(years)) if years else None


def newest_month(db: sqlite_utils.Database, report: str) -> str | None:
    """The newest ``YYYY-MM`` with data in the report's area, not later than this month."""
    this_month = dt.date.today().strftime("%Y-%m")
    months: list[str] = []
    for table in _area_tables(db, report):
        for column in _date_columns(db, table):
            value = db.execute(
                f'SELECT max(substr("{column}", 1, 7)) FROM "{table}" '
                f'WHERE "{column}" GLOB \'[12][0-9][0-9][0-9]-[01][0-9]*\' AND substr("{column}", 1, 7) <= ?',
                [this_month],
            ).fetchone()[0]
            if value:
                months.append(value)
    return max(months) if months else this_month


# Required (or selecting) report options and how to fill them from the demo data. Keyed by the
# option's dest. Options not listed here but shaped like ``--thing ID`` fall back to
# first_row_id("thing") (see resolve_option).
RESOLVERS: dict[str, Resolver] = {
    "session": first_row_id("session"),
    "activity": first_row_id("activity"),
    "batch": first_row_id("batch"),
    "member": first_row_id("member", "status = '在会'"),
    "application": first_row_id("application"),
    "term": first_row_id("term"),
    "plan": first_row_id("plan"),
    "proposal": first_row_id("proposal"),
    "year": newest_year,
    "month": newest_month,
}
