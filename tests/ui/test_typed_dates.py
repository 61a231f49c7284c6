"""Dates are picked, never typed (issue 15, docs/STYLE.md): one date widget with an explicit
未设定 where the date is optional."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit

from guilin_union.ui.widgets.date_fields import (
    EARLIEST_PAST,
    NO_DATE_TEXT,
    optional_date,
    optional_date_edit,
    set_optional_date,
)

ROOT = Path(__file__).resolve().parents[2]
DATE_NAME = re.compile(r"(date|_on|deadline|birth)_edit$")
ISO_EXAMPLE = re.compile(r"如 (19|20)\d\d-\d\d")


def test_no_form_types_a_date_into_a_line_edit():
    typed = []
    for ui_file in sorted((ROOT / "forms").glob("*.ui")):
        text = ui_file.read_text(encoding="utf-8")
        for match in re.finditer(
            r'<widget class="QLineEdit" name="([^"]+)">(.*?)</widget>', text, re.S
        ):
            name, body = match.groups()
            if DATE_NAME.search(name) or ISO_EXAMPLE.search(body):
                typed.append(f"{ui_file.name}: {name}")
    assert not typed, typed


def test_no_hand_built_screen_asks_for_a_typed_date():
    typed = []
    for path in sorted((ROOT / "guilin_union" / "ui").rglob("*.py")):
        if path.parent.name == "forms":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            placeholder = re.search(r'setPlaceholderText\("([^"]*)"\)', line)
            if placeholder and re.search(r"如 (19|20)\d\d-\d\d", placeholder.group(1)):
                if "长期有效" in placeholder.group(1):  # 证件有效期: a date or the words
                    continue
                typed.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
            if re.search(r"date\w* = QLineEdit\(", line):
                typed.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not typed, typed


def test_optional_date_round_trip_and_older_dates_are_kept(qtbot):
    edit = QDateEdit()
    qtbot.addWidget(edit)
    optional_date_edit(edit)
    assert edit.text() == NO_DATE_TEXT and optional_date(edit) == ""
    set_optional_date(edit, "2024-10-20")
    assert optional_date(edit) == "2024-10-20"
    set_optional_date(edit, "1995-03-05")  # before the field's range: widened, not lost
    assert optional_date(edit) == "1995-03-05"
    set_optional_date(edit, None)
    assert optional_date(edit) == "" and edit.text() == NO_DATE_TEXT
    born = QDateEdit()
    qtbot.addWidget(born)
    optional_date_edit(born, earliest=EARLIEST_PAST)
    born.setDate(QDate(1965, 4, 1))
    assert optional_date(born) == "1965-04-01"


def test_member_form_dates_are_picked_and_optional(qtbot):
    from guilin_union.ui.members.member_dialog import MemberDialog

    dialog = MemberDialog(["机关分工会"], lambda _data: None)
    qtbot.addWidget(dialog)
    for name in ("birth_date_edit", "hire_date_edit", "join_date_edit"):
        edit = getattr(dialog.ui, name)
        assert isinstance(edit, QDateEdit) and edit.calendarPopup(), name
        assert edit.text() == NO_DATE_TEXT, name
    dialog.set_data({"name": "王五", "birth_date": "1962-08-09", "join_date": None})
    data = dialog.data()
    assert data["birth_date"] == "1962-08-09" and data["join_date"] == "" == data["hire_date"]


def test_activity_dates_are_picked_and_the_start_is_asked_for(qtbot):
    from guilin_union.ui.activities.activity_dialog import ActivityDialog

    seen: list[dict] = []

    def submit(data):
        seen.append(data)
        return {"start_date": "请填写开始日期"} if not data["start_date"] else None

    dialog = ActivityDialog(submit, types=["文体活动"], branches=[])
    qtbot.addWidget(dialog)
    assert dialog.data()["end_date"] == "" and dialog.data()["signup_deadline"] == ""
    dialog.set_data({"name": "运动会", "start_date": "2024-10-20", "end_date": None})
    assert dialog.data()["start_date"] == "2024-10-20" and dialog.data()["end_date"] == ""


# the offscreen platform cannot grab the keyboard for a popup: harmless here
@pytest.mark.qt_log_ignore("This plugin does not support")
def test_an_empty_optional_date_opens_its_calendar_on_this_month(qtbot):
    from PySide6.QtCore import QDate, Qt
    from PySide6.QtWidgets import QCalendarWidget, QDateEdit

    from guilin_union.ui.widgets.date_fields import (
        EARLIEST_PAST,
        optional_date_calendar,
        optional_date_edit,
        set_optional_date,
    )

    # The calendar is made at the first click, not with the form (issue 15: forms open fast)
    edit = QDateEdit()
    qtbot.addWidget(edit)
    optional_date_edit(edit)
    assert edit.findChild(QCalendarWidget) is None
    edit.show()
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    assert type(edit.calendarWidget()).__name__ == "_CalendarOpensOnToday"
    edit.calendarWidget().window().hide()

    today = QDate.currentDate()
    for earliest, iso, page in (
        (EARLIEST_PAST, None, (today.year(), today.month())),  # 未设定: this month
        (EARLIEST_PAST, "1985-03-15", (1985, 3)),  # a date: its own month
    ):
        edit = QDateEdit()
        qtbot.addWidget(edit)
        optional_date_edit(edit, earliest=earliest)
        set_optional_date(edit, iso)
        calendar = optional_date_calendar(edit)
        # what the edit's popup does when it opens: select the value, then show
        calendar.setSelectedDate(edit.date())
        calendar.window().show()
        try:
            assert (calendar.yearShown(), calendar.monthShown()) == page
        finally:
            calendar.window().hide()
