"""Dates are entered with one kind of widget everywhere (docs/STYLE.md): a QDateEdit with a
calendar, ``yyyy-MM-dd``; an optional date shows 未设定 at its lowest value.

>>> # optional_date_edit(ui.end_date_edit); set_optional_date(ui.end_date_edit, "2026-03-15")
>>> # optional_date(ui.end_date_edit)  ->  "2026-03-15" or None
"""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit

NO_DATE = QDate(2000, 1, 1)
NO_DATE_TEXT = "未设定"


def optional_date_edit(edit: QDateEdit) -> None:
    """Let ``edit`` show 未设定 for “no date”."""
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(NO_DATE_TEXT)
    edit.setDate(NO_DATE)


def set_optional_date(edit: QDateEdit, iso: str | None) -> None:
    date = QDate.fromString(str(iso)[:10], "yyyy-MM-dd") if iso else NO_DATE
    edit.setDate(date if date.isValid() else NO_DATE)


def optional_date(edit: QDateEdit) -> str:
    """ISO text of the date, or "" when it shows 未设定 (the services read "" as no date)."""
    date = edit.date()
    return "" if date <= NO_DATE else date.toString("yyyy-MM-dd")
