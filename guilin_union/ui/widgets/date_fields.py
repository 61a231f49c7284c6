"""Dates are entered with one kind of widget everywhere (docs/STYLE.md): a QDateEdit with a
calendar, ``yyyy-MM-dd``; an optional date shows 未设定 at its lowest value.

>>> # optional_date_edit(ui.end_date_edit); set_optional_date(ui.end_date_edit, "2026-03-15")
>>> # optional_date(ui.end_date_edit)  ->  "2026-03-15" or ""
>>> # optional_date_edit(ui.birth_date_edit, earliest=EARLIEST_PAST)  # dates before 2000
>>> # required_date_edit(ui.start_date_edit, "2024-10-20")  # today when None
"""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QDate, QEvent, QObject
from PySide6.QtGui import QKeyEvent, QMouseEvent, QShowEvent
from PySide6.QtWidgets import QCalendarWidget, QDateEdit

NO_DATE = QDate(2000, 1, 1)
EARLIEST_PAST = QDate(1900, 1, 1)  # birth, hire and join dates: “no date” lies before them
NO_DATE_TEXT = "未设定"


class _CalendarOpensOnToday(QCalendarWidget):
    """The calendar of an optional date: at 未设定 (its lowest date) it opens on this month,
    not on January 1900/2000. A subclass, not an event filter: an override cannot outlive its
    widget. Created with the edit as parent so Qt owns it (the popup adopts it)."""

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self.selectedDate() <= self.minimumDate():
            today = QDate.currentDate()
            self.setCurrentPage(today.year(), today.month())


def optional_date_edit(edit: QDateEdit, *, earliest: QDate = NO_DATE) -> None:
    """Let ``edit`` show 未设定 for “no date” (its lowest value, ``earliest``)."""
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(earliest)
    edit.setSpecialValueText(NO_DATE_TEXT)
    edit.setDate(earliest)
    if not edit.property(_LATER) and not edit.property(_GIVEN):
        edit.setProperty(_LATER, True)
        edit.installEventFilter(_CalendarWhenNeeded(edit))


_LATER = "calendarOnFirstUse"
_GIVEN = "calendarOpensOnToday"


def optional_date_calendar(edit: QDateEdit) -> QCalendarWidget:
    """The calendar of an optional date, made now if it was not yet (see
    :class:`_CalendarWhenNeeded`). Not ``calendarWidget()`` first: that builds Qt's own."""
    if not edit.property(_GIVEN):
        edit.setProperty(_GIVEN, True)
        edit.setCalendarWidget(_CalendarOpensOnToday(edit))
    return edit.calendarWidget()


class _CalendarWhenNeeded(QObject):
    """On an optional date's edit until the first click or key that may open its popup: the
    calendar is made then, not with the form (a calendar is a grid of 42 days and a
    navigation bar; forms have up to five optional dates and open often — issue 15).
    Parented to the edit, so it cannot outlive it; it removes itself once used."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if isinstance(event, (QMouseEvent, QKeyEvent)) and isinstance(watched, QDateEdit):
            optional_date_calendar(watched)
            watched.removeEventFilter(self)
            self.deleteLater()
        return False


def required_date_edit(edit: QDateEdit, iso: str | None = None) -> None:
    """A date that must be given: a calendar, ``yyyy-MM-dd``, today until set."""
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    date = QDate.fromString(str(iso)[:10], "yyyy-MM-dd") if iso else QDate()
    edit.setDate(date if date.isValid() else QDate.currentDate())


def set_optional_date(edit: QDateEdit, iso: str | None) -> None:
    """Show ``iso`` (未设定 for none); a stored date older than the field's range widens it
    rather than being shown (and saved back) as 未设定."""
    date = QDate.fromString(str(iso)[:10], "yyyy-MM-dd") if iso else QDate()
    if date.isValid() and date <= edit.minimumDate():
        edit.setMinimumDate(date.addDays(-1))
    edit.setDate(date if date.isValid() else edit.minimumDate())


def optional_date(edit: QDateEdit) -> str:
    """ISO text of the date, or "" when it shows 未设定 (the services read "" as no date)."""
    date = edit.date()
    return "" if date <= edit.minimumDate() else date.toString("yyyy-MM-dd")


def iso_date(edit: QDateEdit) -> str:
    """The date shown, as ISO text (``yyyy-MM-dd``)."""
    return edit.date().toString("yyyy-MM-dd")


def make_date_edit(
    object_name: str = "",
    *,
    day: QDate | _dt.date | None = None,
    display: str = "yyyy-MM-dd",
) -> QDateEdit:
    """A date (or, with ``display`` such as ``yyyy年M月``, a month) picked from a calendar;
    today unless ``day`` is given; named for tests."""
    if isinstance(day, _dt.date):
        day = QDate(day.year, day.month, day.day)
    edit = QDateEdit(day if day is not None else QDate.currentDate())
    if object_name:
        edit.setObjectName(object_name)
    edit.setDisplayFormat(display)
    edit.setCalendarPopup(True)
    return edit
