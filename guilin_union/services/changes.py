"""What a user action changed, so each screen refreshes only if it cares (Anki's OpChanges)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Changes:
    """Areas touched by an operation: e.g. ``{"members", "branches"}``."""

    areas: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def of(cls, *areas: str) -> Changes:
        return cls(frozenset(areas))

    def touches(self, *areas: str) -> bool:
        return bool(self.areas.intersection(areas))

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.areas | other.areas)


@dataclass(frozen=True)
class OpResult:
    """Result of a write: the changes, plus the id it concerns (if any) and undo data.

    ``inverse(db)`` undoes this write and returns its own ``OpResult`` (whose ``inverse``
    redoes it): the service says how to undo itself, and the UI's operation runner
    (``ui/ops.py``) pushes it onto the undo stack. ``undo`` is the older snapshot dict some
    services return for callers that restore it themselves.
    """

    changes: Changes
    row_id: int | None = None
    undo: dict | None = None
    inverse: Callable[[Any], OpResult] | None = field(default=None, compare=False, repr=False)
