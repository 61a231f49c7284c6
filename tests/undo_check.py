"""Checks a service write's ``inverse``: undo gives back the rows as they were before the
write, redo the rows as the write left them (imported by the services tests)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def dump(db, prefix: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the area's tables (those whose name starts with ``prefix``)."""
    tables = [
        r[0]
        for r in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE ? ORDER BY name",
            [prefix + "%"],
        )
    ]
    assert tables, f"no table named {prefix}…"
    return {t: list(db.execute(f"SELECT * FROM [{t}] ORDER BY id")) for t in tables}


def check_inverse(db, prefix: str, write: Callable[[], Any]) -> Any:
    """Run ``write``; its inverse must restore the area's tables exactly, and the inverse's
    own inverse (redo) must restore the state after the write, twice over. Ends in the state
    the write left; returns the write's result."""
    before = dump(db, prefix)
    result = write()
    after = dump(db, prefix)
    assert after != before, "the write changed nothing"
    assert result.inverse is not None, "the write returned no inverse"
    undone = result.inverse(db)
    assert dump(db, prefix) == before
    assert undone.inverse is not None, "the undo returned no redo"
    redone = undone.inverse(db)
    assert dump(db, prefix) == after
    assert redone.inverse is not None
    undone_again = redone.inverse(db)
    assert dump(db, prefix) == before
    assert undone_again.inverse is not None
    undone_again.inverse(db)  # the test goes on from the state the write left
    assert dump(db, prefix) == after
    return result
