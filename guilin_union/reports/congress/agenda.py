"""会议议程: the agenda of one session, 预备会议 then 正式会议.

>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "议程.pdf"
>>> item = AgendaRow("2024-03-15", "08:30—09:00", "学校工作报告", "大会主席团", "校长", "学术报告厅")
>>> build_agenda(out, session_title="第一届教职工代表大会第三次会议", parts=[("正式会议", [item])]).name
'议程.pdf'
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Unpack

from guilin_union.core.dates import format_cn_date
from guilin_union.reports.congress.common import congress_report, when_and_where
from guilin_union.reports.document import ReportOptions, cn_number, cols

NAME = "agenda"

AGENDA_COLUMNS = cols("序号 9 中 | 时间 24 中 | 议程内容 62 | 主持人 24 | 报告人 26 | 地点 24")
ATTENDEES_COLUMN = cols("与会人员 26")[0]


@dataclass(frozen=True)
class AgendaRow:
    """One printed item; ``item_date`` ISO or ``""``, ``time_range`` like ``08:30—09:00``."""

    item_date: str
    time_range: str
    content: str
    presider: str
    reporter: str
    place: str
    attendees: str = ""  # 与会人员 of this item (全体代表, 主席团成员…); "" = not recorded


def build_agenda(
    path: str | os.PathLike[str],
    *,
    session_title: str,
    parts: Sequence[tuple[str, Sequence[AgendaRow]]],
    date_text: str = "",
    venue: str = "",
    presidium: str = "",
    **options: Unpack[ReportOptions],
) -> Path:
    """One table per part. When the items span several days the date is printed with the time.
    ``presidium`` (``常务主席：…；成员：…``) is printed under the agenda as 大会主席团."""
    subtitle = when_and_where(date_text, venue)
    report = congress_report(path, f"{session_title}议程", subtitle or None, **options)
    every = [row for _, rows in parts for row in rows]
    days = sorted({row.item_date for row in every if row.item_date})
    several_days = len(days) > 1
    # The place is printed once in the subtitle when every item is there (not on every row);
    # 与会人员 always has its column, as on the real agendas: an item that does not name them
    # is left blank to fill in by hand.
    places = {row.place for row in every if row.place}
    show_place = bool(places) and places != {venue}
    show_attendees = True
    columns = list(AGENDA_COLUMNS[:5])
    if show_attendees:
        columns.append(ATTENDEES_COLUMN)
    if show_place:
        columns.append(AGENDA_COLUMNS[5])
    number = 0
    printed_parts = 0
    for part, rows in parts:
        if not rows:
            continue
        printed_parts += 1
        table_rows = []
        for row in rows:
            number += 1
            when = row.time_range
            if several_days and row.item_date:
                when = f"{format_cn_date(row.item_date)}\n{when}".strip()
            cells: list[object] = [number, when, row.content, row.presider, row.reporter]
            if show_attendees:
                cells.append(row.attendees)
            if show_place:
                cells.append(row.place or venue)
            table_rows.append(cells)
        # Numbered parts as on the printed agendas: 一、预备会议 二、正式会议.
        report.table(columns, table_rows, group_title=f"{cn_number(printed_parts)}、{part}")
        report.spacer(2)
    if number == 0:
        report.paragraph("（尚未编排议程）", align="center")
    if presidium:
        report.spacer(3)
        report.heading("大会主席团", level=2)
        report.paragraph(presidium.replace("；", "\n"))
    # 落款: the presidium when there is one, else the issuer (单位信息); the first meeting day.
    report.closing("大会主席团" if presidium else report.institution, days[0] if days else None)
    return report.save()
