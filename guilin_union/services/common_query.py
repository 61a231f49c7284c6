"""Small pieces shared by the list queries of every area (WHERE filters, ORDER BY).

Each area's ``query_ids``/``count`` builds its own SQL; these helpers only assemble the
repeated parts, so the SQL text and the parameters stay exactly what the areas wrote.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

import sqlite_utils

from guilin_union.core.errors import NotFoundError


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


def order_parts(order: str) -> list[str]:
    """The comma-separated parts of an ORDER BY list; a comma inside brackets or quotes
    (``coalesce(a, b)``, a subquery's ``IN ('x', 'y')``) does not split.

    >>> order_parts("coalesce(m.name_pinyin, g.name), p.seq")
    ['coalesce(m.name_pinyin, g.name)', 'p.seq']
    """
    parts: list[str] = []
    depth = 0
    quoted = False
    start = 0
    for i, char in enumerate(order):
        if char == "'":
            quoted = not quoted
        elif not quoted and char == "(":
            depth += 1
        elif not quoted and char == ")":
            depth -= 1
        elif not quoted and depth == 0 and char == ",":
            parts.append(order[start:i].strip())
            start = i + 1
    parts.append(order[start:].strip())
    return parts


def order_sql(order: str, descending: bool) -> str:
    """The ORDER BY parts of ``order``, each in the chosen direction, except an ``x IS NULL``
    part: it keeps blanks last in both directions."""
    direction = " DESC" if descending else ""
    return ", ".join(
        part + ("" if part.endswith("IS NULL") else direction) for part in order_parts(order)
    )


@dataclass(frozen=True)
class SortOrder:
    """How a list sorts: the ORDER BY of each sort key (the first key is the list's default
    order, used when no key or an unknown one is asked for), then the tiebreak after the
    chosen key (ascending, or in the chosen direction too with ``tiebreak_descends``).

    >>> order = SortOrder({"date": "p.pay_date", "branch": "b.sort_order, b.name"}, "p.id")
    >>> order.sql("branch", True)
    'b.sort_order DESC, b.name DESC, p.id'
    >>> order.sql("unknown", False)
    'p.pay_date, p.id'
    """

    columns: Mapping[str, str]
    tiebreak: str = ""
    tiebreak_descends: bool = False

    @property
    def default(self) -> str:
        """The sort key of the list's default order."""
        return next(iter(self.columns))

    def sql(self, sort_key: str | None, descending: bool) -> str:
        """The ORDER BY text (without ``ORDER BY``) for a sort key and direction."""
        order = self.columns.get(sort_key or self.default, self.columns[self.default])
        parts = [order_sql(order, descending)]
        if self.tiebreak:
            parts.append(order_sql(self.tiebreak, descending and self.tiebreak_descends))
        return ", ".join(parts)


@dataclass(frozen=True, kw_only=True)
class SortedQuery:
    """What every list query carries besides its filters: the order the user chose, a key of
    the list's :class:`SortOrder` (left empty: the list's default, its first key) and the
    direction. A list's table sorts by replacing these two (ui/widgets/query_source), and the
    query's SQL orders by :meth:`order_by`. A subclass names its sort order with
    ``class XQuery(SortedQuery, sort=SORT)``; the two fields are keyword-only.

    >>> @dataclass(frozen=True)
    ... class Q(SortedQuery, sort=SortOrder({"date": "p.pay_date", "name": "m.name_pinyin"}, "p.id")):
    ...     year: int | None = None
    >>> Q(2024).sort_key, Q(2024, sort_key="name", descending=True).order_by()
    ('date', 'm.name_pinyin DESC, p.id')
    """

    SORT: ClassVar[SortOrder]
    sort_key: str = ""
    descending: bool = False

    def __init_subclass__(cls, *, sort: SortOrder | None = None, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if sort is not None:
            cls.SORT = sort

    def __post_init__(self) -> None:
        if not self.sort_key:
            object.__setattr__(self, "sort_key", self.SORT.default)

    def order_by(self) -> str:
        """The ORDER BY text (without ``ORDER BY``) of the chosen order."""
        return self.SORT.sql(self.sort_key, self.descending)


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


def column_values(db: sqlite_utils.Database, sql: str, params: Iterable[Any] = ()) -> list[Any]:
    """The first column of each row of ``sql`` (ids, names, years), in the query's order."""
    return [row[0] for row in db.execute(sql, list(params))]


def select_rows(
    db: sqlite_utils.Database, sql: str, params: Iterable[Any] = ()
) -> list[dict[str, Any]]:
    """Run ``sql`` and return its rows as dicts."""
    return dict_rows(db.execute(sql, list(params)))


def one_row(
    db: sqlite_utils.Database, sql: str, params: Iterable[Any], missing: str
) -> dict[str, Any]:
    """The first row of ``sql`` as a dict; :class:`NotFoundError` with the words ``missing``
    when there is none (a record deleted meanwhile, a stale id)."""
    rows = select_rows(db, sql, params)
    if not rows:
        raise NotFoundError(missing)
    return rows[0]


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
