"""Small pieces shared by the list queries of every area (WHERE filters, ORDER BY).

Each area's ``query_ids``/``count`` builds its own SQL; these helpers only assemble the
repeated parts, so the SQL text and the parameters stay exactly what the areas wrote.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import sqlite_utils


def add_filters(clauses: list[str], params: list[Any], filters: Iterable[tuple[str, Any]]) -> None:
    """Append each ``(sql, value)`` whose value is set (not None, not "") with its parameter."""
    for sql, value in filters:
        if value is not None and value != "":
            clauses.append(sql)
            params.append(value)


def filter_clauses(filters: Iterable[tuple[str, Any]]) -> tuple[list[str], list[Any]]:
    """New clause and parameter lists holding the set filters (see :func:`add_filters`)."""
    clauses: list[str] = []
    params: list[Any] = []
    add_filters(clauses, params, filters)
    return clauses, params


def where_sql(clauses: list[str]) -> str:
    """`` WHERE a AND b`` for the clauses, or "" when there are none."""
    return (" WHERE " + " AND ".join(clauses)) if clauses else ""


def order_sql(order: str, descending: bool) -> str:
    """The comma-separated ORDER BY parts of ``order``, each in the chosen direction."""
    direction = " DESC" if descending else ""
    return ", ".join(part.strip() + direction for part in order.split(","))


def chunks(ids: Iterable[int], size: int = 500) -> Iterator[tuple[list[int], str]]:
    """``ids`` in slices small enough for SQLite's limit on bound variables, each with its
    ``?,?,…`` placeholders (pages are small, exports may not be)."""
    ids = list(ids)
    for start in range(0, len(ids), size):
        chunk = ids[start : start + size]
        yield chunk, ",".join("?" for _ in chunk)


def dict_rows(cursor: Any) -> list[dict[str, Any]]:
    """The rows of an executed query as dicts keyed by column name."""
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, values)) for values in cursor]


def select_rows(
    db: sqlite_utils.Database, sql: str, params: Iterable[Any] = ()
) -> list[dict[str, Any]]:
    """Run ``sql`` and return its rows as dicts."""
    return dict_rows(db.execute(sql, list(params)))


def other_row(
    db: sqlite_utils.Database,
    table: str,
    exclude_id: int | None,
    values: Mapping[str, Any],
    columns: str = "id",
) -> tuple[Any, ...] | None:
    """The ``columns`` of a row of ``table`` other than ``exclude_id`` that already holds
    ``values`` (the uniqueness check before a save), or None."""
    where = " AND ".join(f"{column} = ?" for column in values)
    return db.execute(
        f"SELECT {columns} FROM {table} WHERE {where} AND id IS NOT ?",
        [*values.values(), exclude_id],
    ).fetchone()


def filter_text(parts: Iterable[str | None], search: str = "") -> str:
    """A list's filter in words for printouts: the parts that are set, then the search text.

    >>> filter_text(["2025年", None, "", "状态：申请"], "张")
    '2025年；状态：申请；检索：张'
    """
    words = [part for part in parts if part]
    if search:
        words.append(f"检索：{search}")
    return "；".join(words)


def pick(row: Mapping[str, Any], keys: Iterable[str]) -> dict[str, Any]:
    """``{key: row[key]}`` for ``keys`` in that order (the stable ``--json`` objects)."""
    return {key: row[key] for key in keys}


def in_order(ids: Iterable[int], rows: Mapping[int, dict[str, Any]]) -> list[dict[str, Any]]:
    """The fetched rows in the order of the query's ids."""
    return [rows[i] for i in ids]
