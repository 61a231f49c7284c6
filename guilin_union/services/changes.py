"""What a user action changed, so each screen refreshes only if it cares (Anki's OpChanges)."""

from __future__ import annotations

from dataclasses import dataclass, field


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
    """Result of a write: the changes, plus the id it concerns (if any) and undo data."""

    changes: Changes
    row_id: int | None = None
    undo: dict | None = None
