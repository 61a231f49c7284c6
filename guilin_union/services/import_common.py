"""The one Excel import pipeline every area uses: validate everything, then write everything.

``run_import`` reads the sheet (spreadsheets.reader), lets the area's importer validate every
row, and only when no row has an error makes a verified backup and writes all rows in ONE
transaction. Any error: nothing is written and the caller gets the per-row list.

An area supplies an :class:`Importer`: its ``fields`` (headers and synonyms), ``validate``
(rows -> plan + row errors, no writes) and ``commit`` (plan -> counts, inside the
transaction).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypedDict, Unpack, cast

import sqlite_utils

from guilin_union.core.errors import UserError
from guilin_union.spreadsheets.errors import RowError, WorkbookError
from guilin_union.spreadsheets.reader import (
    Field,
    ParsedRow,
    ReadResult,
    ReadStructure,
    read_table,
)

Progress = Callable[[int, int], None]


class ReadOptions(TypedDict, total=False):
    """How to read the file: the keyword options of :func:`validate_file` and :func:`run_import`.

    ``limits`` may carry ``max_rows`` / ``max_bytes`` (the settings of the importing area).
    ``sheet`` names one worksheet or several; ``all_sheets`` reads every visible sheet
    holding data (see :func:`~guilin_union.spreadsheets.reader.read_table`).
    """

    sheet: str | Sequence[str] | None
    mapping: dict[str, int] | None
    progress: Progress | None
    limits: dict[str, int] | None
    all_sheets: bool


def row_note(row: int) -> str:
    """The change-log note of a record written from row ``row`` of an imported file.

    >>> row_note(7)
    'Excel 导入（第 7 行）'
    """
    return f"Excel 导入（第 {row} 行）"


def text_value(values: Mapping[str, object], key: str) -> str | None:
    """``values.get(key)`` of a parsed row, for a text-like field (text, id_number, phone,
    date, choice): the reader gives these as ``str`` (a date as ISO text) or ``None``.

    Only the type is named (for the type checker); the value is returned as it is.

    >>> text_value({"name": "李梅"}, "name"), text_value({}, "name")
    ('李梅', None)
    """
    return cast("str | None", values.get(key))


def required_text(values: Mapping[str, object], key: str) -> str:
    """``values[key]`` of a parsed row, for a required text-like field: the reader's rows
    always hold it (see :func:`text_value`; returned as it is).

    (The re-check of refused rows in :func:`validate_read` may see ``None`` here; it copes
    with what that trips.)

    >>> required_text({"title": "增设校园充电桩"}, "title")
    '增设校园充电桩'
    """
    return cast(str, values[key])


@dataclass
class ImportPlan:
    """Validated rows ready to write (``items``), and what is wrong with the others."""

    items: list[Any] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    skipped: int = 0
    updates: int = 0
    notes: list[str] = field(default_factory=list)


@dataclass
class ImportOutcome(ReadStructure):
    """What an import did or would do. The structure of the file read comes from the read
    (:func:`attach_read`); ``sheets`` only when there was a choice of worksheets."""

    imported: int = 0
    skipped: int = 0
    updated: int = 0
    errors: list[RowError] = field(default_factory=list)
    dry_run: bool = False
    backup: Path | None = None
    total_rows: int = 0
    notes: list[str] = field(default_factory=list)
    #: what the reader did to the file's structure (merged cells filled down…)
    file_notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def to_json(self) -> dict[str, Any]:
        """The CLI contract: ``{"imported", "skipped", "updated"}`` or ``{"errors": [...]}``.

        Both may carry ``"ignored_rows"`` ([{"row", "reason", "text"}]),
        ``"ignored_columns"`` and ``"file_notes"`` (merged cells filled down…) when there
        are any, and ``"sheets"`` (the worksheets read)
        whenever the workbook has more than one worksheet with a recognisable header, hidden
        or not (so there was a choice to make).
        """
        if self.errors:
            data: dict[str, Any] = {"errors": [e.to_dict() for e in self.errors]}
        else:
            data = {
                "imported": self.imported,
                "skipped": self.skipped,
                "updated": self.updated,
            }
            if self.dry_run:
                data["dry_run"] = True
        if self.sheets:
            data["sheets"] = list(self.sheets)
        if self.ignored_rows:
            data["ignored_rows"] = [r.to_dict() for r in self.ignored_rows]
        if self.ignored_columns:
            data["ignored_columns"] = list(self.ignored_columns)
        if self.file_notes:
            data["file_notes"] = list(self.file_notes)
        return data

    def structure_lines(self) -> list[str]:
        """Plain-language lines about the sheets read and what was left out (CLI, wizard)."""
        lines = []
        if self.sheets:
            lines.append("读取的工作表：" + "、".join(self.sheets))
        for r in self.ignored_rows:
            sheet = getattr(r.row, "sheet", "")
            where = f"工作表“{sheet}”" if sheet else ""
            lines.append(f"已忽略{where}第 {int(r.row)} 行（{r.reason}）：{r.text}")
        if self.ignored_columns:
            lines.append("未导入的列（没有对应的字段）：" + "、".join(self.ignored_columns))
        lines.extend(self.file_notes)
        return lines

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


def validate_read(
    db: sqlite_utils.Database,
    importer: Importer,
    read: ReadResult,
    *,
    order: Callable[[str], Any] = str,
) -> ImportPlan:
    """Let the importer check the rows, and report every problem of a row in one pass.

    Rows the reader refused a cell of are checked by the importer too (the refused cells
    as blank), so that a row with an empty name, a bad date and an unknown 分工会 lists all
    three at once; the importer's remarks on the refused cells themselves are dropped (the
    reader's message is the useful one). ``order`` sorts the columns within a row.
    """
    plan = importer.validate(db, read)
    extra: list[RowError] = []
    if read.error_rows:
        refused = {(int(e.row), getattr(e.row, "sheet", ""), e.column) for e in read.errors}

        def remarks(rows: list[ParsedRow]) -> list[RowError]:
            shadow = dataclasses.replace(
                read,
                rows=[ParsedRow(r.row, dict(r.values)) for r in rows],
                errors=[],
                error_rows=[],
            )
            # Remarks on blank cells ("请填写工号或身份证号") are mostly echoes of the
            # refused cell (now blank), so only remarks on real values are added.
            return [
                e
                for e in importer.validate(db, shadow).errors
                if e.value != ""
                and (int(e.row), getattr(e.row, "sheet", ""), e.column) not in refused
            ]

        # An importer may count on the reader's promise that a required value is there; on
        # these rows it is not. If that trips it up, the rows are tried one by one (the
        # reader's errors of a row are reported whatever happens).
        shadow_failures = (
            WorkbookError,
            UserError,
            TypeError,
            ValueError,
            KeyError,
            AttributeError,
        )
        try:
            extra = remarks(read.error_rows)
        except shadow_failures:
            for row in read.error_rows[:200]:
                try:
                    extra.extend(remarks([row]))
                except shadow_failures:
                    continue
    sheet_rank = {name: i for i, name in enumerate(read.sheets)}
    plan.errors = sorted(
        [*read.errors, *extra, *plan.errors],
        key=lambda e: (
            sheet_rank.get(getattr(e.row, "sheet", ""), 0),
            int(e.row),
            order(e.column),
        ),
    )
    plan.notes = [*read.notes, *(n for n in plan.notes if n not in read.notes)]
    return plan


def attach_read(outcome: ImportOutcome, read: ReadResult) -> ImportOutcome:
    """Copy what the reader found about the file's structure onto the outcome."""
    if len(read.sheets) > 1 or len(read.header_sheets) > 1:
        outcome.sheets = list(read.sheets)
    outcome.ignored_rows = list(read.ignored_rows)
    outcome.ignored_columns = list(read.ignored_columns)
    outcome.file_notes = list(read.notes)
    for note in read.notes:
        if note not in outcome.notes:
            outcome.notes.append(note)
    return outcome


def validate_file(
    db: sqlite_utils.Database,
    path: str | Path,
    importer: Importer,
    *,
    order: Callable[[str], Any] = str,
    **options: Unpack[ReadOptions],
) -> tuple[ReadResult, ImportPlan]:
    """Read and validate without writing (the wizard's preview step); see :class:`ReadOptions`.

    ``order`` sorts the columns within a row (see :func:`validate_read`)."""
    limits = options.get("limits") or {}
    read = read_table(
        path,
        importer.fields,
        sheet=options.get("sheet"),
        mapping=options.get("mapping"),
        progress=options.get("progress"),
        all_sheets=options.get("all_sheets", False),
        **limits,
    )
    # Reader errors (cell types, formulas, number-stored IDs) and the importer's come
    # together, row by row.
    return read, validate_read(db, importer, read, order=order)


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
    dry_run: bool = False,
    **options: Unpack[ReadOptions],
) -> ImportOutcome:
    read, plan = validate_file(db, path, importer, **options)
    return finish_plan(db, importer, read, plan, dry_run=dry_run)


def finish_plan(
    db: sqlite_utils.Database,
    importer: Importer,
    read: ReadResult,
    plan: ImportPlan,
    *,
    dry_run: bool = False,
    backup: bool = True,
) -> ImportOutcome:
    """The outcome of a validated file: errors, a dry run's counts, or the written rows."""
    if plan.errors:
        outcome = ImportOutcome(errors=plan.errors, total_rows=read.total_rows)
    elif dry_run:
        outcome = ImportOutcome(
            imported=len(plan.items) - plan.updates,
            updated=plan.updates,
            skipped=plan.skipped,
            dry_run=True,
            total_rows=read.total_rows,
            notes=plan.notes,
        )
    else:
        outcome = commit_plan(db, importer, plan, backup=backup)
        outcome.total_rows = read.total_rows
    return attach_read(outcome, read)


def header_label(read: ReadResult, key: str, default: str) -> str:
    """The header text as it stands in the user's file (for error messages)."""
    column = read.mapping.get(key)
    if column is not None and column in read.headers:
        return read.headers[column]
    return default
