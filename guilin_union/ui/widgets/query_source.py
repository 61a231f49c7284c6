"""Row source of an id table model over a service query (a frozen
:class:`~guilin_union.services.common_query.SortedQuery`, which carries ``sort_key`` and
``descending``): the model's sort goes into the query, so the rows are sorted in SQL, and
only the rows shown are fetched."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from guilin_union.services.common_query import SortedQuery

Rows = dict[int, dict[str, Any]]


class QuerySource:
    """``query_ids(db, query)`` lists the ids in order, ``fetch_rows(db, ids)`` reads them.

    ``db`` is called each time (the context's database can be replaced, e.g. by a restore).
    A ``query`` of None shows nothing (a page whose query needs a choice made first).
    """

    def __init__(
        self,
        db: Callable[[], Any],
        query: SortedQuery | None,
        query_ids: Callable[[Any, Any], list[int]],
        fetch_rows: Callable[[Any, list[int]], Rows],
    ) -> None:
        self.db = db
        self.query = query
        self._query_ids = query_ids
        self._fetch_rows = fetch_rows

    @classmethod
    def over(cls, db: Callable[[], Any], query: SortedQuery | None, service: Any) -> QuerySource:
        """Over an area's service module with the usual ``query_ids`` and ``fetch_rows``."""
        return cls(db, query, service.query_ids, service.fetch_rows)

    def sorted_query(self, query_class: Any, **fields: Any) -> Any:
        """A new ``query_class(**fields)`` in the order the user chose (a header click)."""
        return query_class(**fields, sort_key=self.query.sort_key, descending=self.query.descending)

    def ids(self, sort_key: str | None, descending: bool) -> list[int]:
        if self.query is None:
            return []
        if sort_key is not None:
            self.query = dataclasses.replace(self.query, sort_key=sort_key, descending=descending)
        return self._query_ids(self.db(), self.query)

    def rows(self, ids: list[int]) -> Rows:
        return self._fetch_rows(self.db(), ids)
