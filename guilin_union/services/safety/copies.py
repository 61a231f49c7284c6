"""A whole copy of the open database written beside its destination, then put in place.

Moving the data file and writing an anonymised copy both take a consistent copy with
``VACUUM INTO`` (copying the open file could copy a torn state), work on it under a temporary
name, and only then rename it onto the destination: a failure never leaves a half-written
file where the user looks for one.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

__all__ = ["vacuum_copy"]


@contextmanager
def vacuum_copy(db: sqlite_utils.Database, target: Path) -> Iterator[Path]:
    """Copy the database to ``<target>.tmp`` and yield that path for the block to check or
    rewrite; the copy replaces ``target`` when the block ends without an error, and is
    removed whatever happens."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(target.name + ".tmp")
    if temp.exists():
        temp.unlink()
    db.execute("VACUUM INTO ?", [str(temp)])
    try:
        yield temp
        os.replace(temp, target)
    finally:
        if temp.exists():
            temp.unlink()
