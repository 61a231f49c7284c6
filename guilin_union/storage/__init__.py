"""The only package that talks to SQLite (through sqlite-utils).

The names below load on first use (PEP 562): importing a light submodule — ``storage.paths``
or ``storage.lock``, which the GUI needs before its window is shown — must not import
sqlite-utils (about 0.4 s of start-up; issue 14).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from guilin_union.storage.database import DatabaseTooNewError, open_database
    from guilin_union.storage.paths import default_data_dir, default_db_path, demo_db_path

_HOME = {
    "DatabaseTooNewError": "database",
    "open_database": "database",
    "default_data_dir": "paths",
    "default_db_path": "paths",
    "demo_db_path": "paths",
}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


__all__ = [
    "DatabaseTooNewError",
    "default_data_dir",
    "default_db_path",
    "demo_db_path",
    "open_database",
]
