"""Named, ordered schema migrations.

Each area owns a module in ``storage/schema/`` with a ``MIGRATIONS`` list of
``(name, function)``. Names are applied once and recorded in ``_migrations``. Names rather
than one global counter let every area grow its schema without renumbering the others.
A database that has applied a migration this program does not know comes from a newer
version of the program: it is refused, never half-migrated.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable
from pathlib import Path

import sqlite_utils

from guilin_union.core.errors import UserError

Migration = tuple[str, Callable[[sqlite_utils.Database], None]]


class DatabaseTooNewError(UserError, RuntimeError):
    """The file was written by a newer version of the program."""


def sql_list(values: Iterable[str]) -> str:
    """``'a', 'b'`` for an ``IN (...)`` list of a CHECK constraint.

    Shipped migrations build their SQL with it: its output must never change."""
    return ", ".join(f"'{v}'" for v in values)


def words(text: str) -> tuple[str, ...]:
    """``("a", "b")`` from ``"a b"``: how migrations write their frozen vocabularies.

    >>> words("个人 团体")
    ('个人', '团体')
    """
    return tuple(text.split())


def non_negative_int(column: str, *, nullable: bool) -> str:
    """The CHECK of a whole, not negative number column (amounts in 分, vote counts).

    Shipped migrations build their SQL with it: its output must never change."""
    check = f"(typeof({column}) = 'integer' AND {column} >= 0)"
    return f"CHECK ({column} IS NULL OR {check})" if nullable else f"CHECK {check}"


def run_script(db: sqlite_utils.Database, script: str) -> None:
    """Run several SQL statements inside the caller's transaction.

    ``sqlite3.executescript`` would COMMIT first and break the migration's atomicity, so the
    script is split with ``sqlite3.complete_statement`` (which understands trigger bodies).
    """
    import sqlite3

    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statement = buffer.strip()
            if statement.strip(";").strip():
                db.execute(statement)
            buffer = ""
    if buffer.strip():
        db.execute(buffer)


def all_migrations() -> list[Migration]:
    from guilin_union.storage.schema import ALL_MIGRATIONS

    return list(ALL_MIGRATIONS)


def _ensure_table(db: sqlite_utils.Database) -> None:
    db.execute(
        "CREATE TABLE IF NOT EXISTS _migrations ( name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
    )


def applied_names(db: sqlite_utils.Database) -> list[str]:
    if "_migrations" not in db.table_names():
        return []
    return [r[0] for r in db.execute("SELECT name FROM _migrations ORDER BY rowid")]


def schema_version(db: sqlite_utils.Database) -> int:
    """The number of migrations applied: a monotonically growing schema version."""
    return len(applied_names(db))


def check_not_newer(db: sqlite_utils.Database) -> None:
    known = {name for name, _ in all_migrations()}
    unknown = [n for n in applied_names(db) if n not in known]
    if unknown:
        raise DatabaseTooNewError(
            "该数据文件由更新版本的程序创建（包含本版本不认识的结构："
            + "、".join(unknown[:3])
            + "）。为避免损坏数据，本程序不会打开它。请升级程序后再打开。"
        )


def pending(db: sqlite_utils.Database) -> list[Migration]:
    done = set(applied_names(db))
    return [m for m in all_migrations() if m[0] not in done]


def migrate(db: sqlite_utils.Database, path: Path | None = None) -> list[str]:
    """Apply pending migrations, each in its own transaction, after a backup.

    The backup is only made when the file already holds data (a brand-new file has nothing
    to lose).
    """
    check_not_newer(db)
    todo = pending(db)
    if not todo:
        return []
    if path is not None and applied_names(db):
        from guilin_union.storage.backup import make_backup

        make_backup(db, reason="before-migration")
    _ensure_table(db)
    names = []
    for name, func in todo:
        with db.atomic():
            func(db)
            db.execute(
                "INSERT INTO _migrations (name, applied_at) VALUES (?, ?)",
                [name, _dt.datetime.now().isoformat(timespec="seconds")],
            )
        names.append(name)
    return names
