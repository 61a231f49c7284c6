"""The one Excel import pipeline every area uses: validate everything, then write everything.

``run_import`` reads the sheet (spreadsheets.reader), lets the area's importer validate every
row, and only when no row has an error makes a verified backup and writes all rows in ONE
transaction. Any error: nothing is written and the caller gets the per-row list.

An area supplies an :class:`Importer`: its ``fields`` (headers and synonyms), ``validate``
(rows -> plan + row errors, no writes) and ``commit`` (plan -> counts, inside the
transaction).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import sqlite_utils

from guilin_union.spreadsheets.errors import RowError
from guilin_union.spreadsheets.reader import Field, ReadResult, read_table

Progress = Callable[[int, int], None]


@dataclass
class ImportPlan:
    """Validated rows ready to write (``items``), and what is wrong with the others."""

    items: list[Any] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    skipped: int = 0
    updates: int = 0
    notes: list[str] = field(default_factory=list)


@dataclass
class ImportOutcome:
    imported: int = 0
    skipped: int = 0
    updated: int = 0
    errors: list[RowError] = field(default_factory=list)
    dry_run: bool = False
    backup: Path | None = None
    total_rows: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def to_json(self) -> dict[str, Any]:
        """The CLI contract: ``{"imported", "skipped", "updated"}`` or ``{"errors": [...]}``."""
        if self.errors:
            return {"errors": [e.to_dict() for e in self.errors]}
        data: dict[str, Any] = {
            "imported": self.imported,
            "skipped": self.skipped,
            "updated": self.updated,
        }
        if self.dry_run:
            data["dry_run"] = True
        return data

    def summary(self) -> str:
        if self.errors:
            rows = len({e.row for e in self.errors})
            return f"发现 {len(self.errors)} 处错误（涉及 {rows} 行），未导入任何数据。"
        verb = "可导入" if self.dry_run else "已导入"
        text = f"{verb} {self.imported} 条"
        if self.updated:
            text += f"，更新 {self.updated} 条"
        if self.skipped:
            text += f"，跳过 {self.skipped} 条"
        return text + "。" + ("（试运行，未写入）" if self.dry_run else "")


class Importer(Protocol):
    fields: list[Field]
    #: the table name shown in the backup file name and the change log note
    name: str

    def validate(self, db: sqlite_utils.Database, read: ReadResult) -> ImportPlan: ...

    def commit(self, db: sqlite_utils.Database, plan: ImportPlan) -> ImportOutcome: ...


def validate_file(
    db: sqlite_utils.Database,
    path: str | Path,
    importer: Importer,
    *,
    sheet: str | None = None,
    mapping: dict[str, int] | None = None,
    progress: Progress | None = None,
    limits: dict[str, int] | None = None,
) -> tuple[ReadResult, ImportPlan]:
    """Read and validate without writing (the wizard's preview step).

    ``limits`` may carry ``max_rows`` / ``max_bytes`` (the settings of the importing area).
    """
    read = read_table(
        path, importer.fields, sheet=sheet, mapping=mapping, progress=progress, **(limits or {})
    )
    plan = importer.validate(db, read)
    # Reader errors (cell types, formulas, number-stored IDs) come first, row by row.
    plan.errors = sorted([*read.errors, *plan.errors], key=lambda e: (e.row, e.column))
    return read, plan


def commit_plan(
    db: sqlite_utils.Database, importer: Importer, plan: ImportPlan, *, backup: bool = True
) -> ImportOutcome:
    """Write a validated plan: backup first, then everything in one transaction."""
    if plan.errors:
        return ImportOutcome(errors=plan.errors, skipped=plan.skipped)
    backup_path = None
    if backup:
        from guilin_union.storage.backup import make_backup
        from guilin_union.storage.database import database_path

        if database_path(db) is not None:
            backup_path = make_backup(db, reason=f"before-import-{importer.name}")
    with db.atomic():
        outcome = importer.commit(db, plan)
    outcome.backup = backup_path
    return outcome


def run_import(
    db: sqlite_utils.Database,
    path: str | Path,
    importer: Importer,
    *,
    sheet: str | None = None,
    mapping: dict[str, int] | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
    limits: dict[str, int] | None = None,
) -> ImportOutcome:
    read, plan = validate_file(
        db, path, importer, sheet=sheet, mapping=mapping, progress=progress, limits=limits
    )
    if plan.errors:
        return ImportOutcome(errors=plan.errors, total_rows=read.total_rows)
    if dry_run:
        return ImportOutcome(
            imported=len(plan.items) - plan.updates,
            updated=plan.updates,
            skipped=plan.skipped,
            dry_run=True,
            total_rows=read.total_rows,
            notes=plan.notes,
        )
    outcome = commit_plan(db, importer, plan)
    outcome.total_rows = read.total_rows
    return outcome


def header_label(read: ReadResult, key: str, default: str) -> str:
    """The header text as it stands in the user's file (for error messages)."""
    column = read.mapping.get(key)
    if column is not None and column in read.headers:
        return read.headers[column]
    return default
