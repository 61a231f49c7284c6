"""Excel (.xlsx) import and export with openpyxl: plain data in, plain data and row errors out.

No Qt here. See data-safety.md, "Excel in and out", for the rules this package implements.
"""

from guilin_union.spreadsheets.errors import (
    FileLockedError,
    RowError,
    SheetChoiceError,
    WorkbookError,
)
from guilin_union.spreadsheets.reader import (
    Field,
    IgnoredRow,
    ParsedRow,
    ReadResult,
    detect_mapping,
    list_sheets,
    preview_rows,
    read_table,
)
from guilin_union.spreadsheets.writer import Column, Sheet, write_errors, write_workbook

__all__ = [
    "Column",
    "Field",
    "FileLockedError",
    "IgnoredRow",
    "ParsedRow",
    "ReadResult",
    "RowError",
    "Sheet",
    "SheetChoiceError",
    "WorkbookError",
    "detect_mapping",
    "list_sheets",
    "preview_rows",
    "read_table",
    "write_errors",
    "write_workbook",
]
