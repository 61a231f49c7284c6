"""Exceptions of the report engine. Messages are Simplified Chinese: they reach the user."""

from __future__ import annotations

from guilin_union.core.errors import UserError


class ReportWriteError(UserError, OSError):
    """The printout could not be written (file open in a PDF viewer, no permission, disk
    full, folder missing). ``str()`` is a Chinese message for the user; the old file, if any,
    is left intact.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message
