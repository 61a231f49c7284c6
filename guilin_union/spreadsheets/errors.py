"""Errors of the spreadsheet layer. Messages are Simplified Chinese: they reach the user."""

from __future__ import annotations

from dataclasses import dataclass

from guilin_union.core.errors import UserError


class WorkbookError(UserError):
    """The whole file is refused (wrong format, password, too big, no header...).

    ``sheets`` lists the worksheet names when known, so the UI can offer a choice.
    """

    def __init__(self, message: str, *, sheets: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.sheets = list(sheets or [])

    def __str__(self) -> str:
        return self.message


class SheetChoiceError(WorkbookError):
    """Several visible worksheets hold data: the user must say which (nothing was read).

    ``candidates`` lists the worksheets with data rows, in workbook order.
    """

    def __init__(self, message: str, *, sheets: list[str], candidates: list[str]) -> None:
        super().__init__(message, sheets=sheets)
        self.candidates = list(candidates)


class FileLockedError(UserError, OSError):
    """The target file cannot be replaced, usually because Excel/WPS has it open.

    The old file is left exactly as it was.
    """

    def __init__(self, message: str, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class RowError:
    """One problem in one cell of an imported file.

    >>> RowError(5, "身份证号", "4501", "身份证号码应为18位，现为4位").to_dict()["row"]
    5
    """

    row: int  # Excel row number as Excel shows it
    column: str  # the column's header label as it appears in the file, e.g. "身份证号"
    value: str  # the cell's content shown as text ("" for a blank cell)
    message: str

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "row": int(self.row),
            "column": self.column,
            "value": self.value,
            "message": self.message,
        }
        # When several worksheets are read, row numbers carry their sheet (reader.SheetRow).
        sheet = getattr(self.row, "sheet", "")
        if sheet:
            data["sheet"] = sheet
        return data
