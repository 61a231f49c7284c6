"""The only package that talks to SQLite (through sqlite-utils)."""

from guilin_union.storage.database import (
    DatabaseTooNewError,
    default_data_dir,
    default_db_path,
    demo_db_path,
    open_database,
)

__all__ = [
    "DatabaseTooNewError",
    "default_data_dir",
    "default_db_path",
    "demo_db_path",
    "open_database",
]
