"""Importing sqlite-utils without numpy (issue 15: start-up).

sqlite-utils imports numpy and pandas at import time when they are installed, only to map
their scalar types to column types when it creates a table from Python values. The program
creates its tables in migrations and never hands numpy or pandas values to sqlite-utils, but
numpy is installed for the OCR engine, and importing it costs 0.1–0.2 s of every start (GUI
and command line). :func:`import_sqlite_utils` imports sqlite-utils with both hidden; they
can still be imported later (OCR), they are only missing from sqlite-utils' type table.
"""

from __future__ import annotations

import sys
from types import ModuleType

_HIDDEN = ("numpy", "pandas")


def import_sqlite_utils() -> ModuleType:
    """sqlite-utils, imported without numpy and pandas if it is not imported yet.

    >>> import_sqlite_utils().__name__
    'sqlite_utils'
    """
    if "sqlite_utils" in sys.modules:
        return sys.modules["sqlite_utils"]
    hidden = [name for name in _HIDDEN if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # "import numpy" → ImportError
    try:
        import sqlite_utils
    finally:
        for name in hidden:
            if sys.modules.get(name, False) is None:
                del sys.modules[name]
    return sqlite_utils
