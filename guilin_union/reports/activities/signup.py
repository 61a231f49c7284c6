"""活动报名表: a blank form per 分工会, with the activity's details, to be filled by hand.

One page (or more) per 分工会: the details grid, “报送单位：XX分工会”, a table of empty lines
(tick columns for up to five events, otherwise one 报名项目 column) and signature lines for
the 分工会主席 and the contact person.

>>> import tempfile, pathlib
>>> from guilin_union.reports.activities.info import ActivityInfo
>>> info = ActivityInfo("田径运动会", "文体活动", "校工会", "2024-10-20", events=("100米", "跳远"))
>>> out = pathlib.Path(tempfile.mkdtemp()) / "报名表.pdf"
>>> build_signup_form(out, info, ["文学院分工会"], institution="桂林学院工会委员会").name
'报名表.pdf'
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Unpack

from guilin_union.reports.activities.common import add_details
from guilin_union.reports.activities.info import ActivityInfo, cn_date
from guilin_union.reports.document import Col, Report, ReportOptions, cols
from guilin_union.reports.registry import signature_of

NAME = "activity-signup"

MAX_TICK_COLUMNS = 5
BLANK_LINE = "\n"  # a cell with one line break gives every row room to write by hand


def build_signup_form(
    path: str | os.PathLike[str],
    info: ActivityInfo,
    branches: Sequence[str],
    *,
    roles: Sequence[str] = (),
    rows: int = 15,
    signers: Sequence[str] = ("分工会主席", "联系人", "联系电话"),
    **options: Unpack[ReportOptions],
) -> Path:
    """Write the form; ``branches`` empty gives one generic form with a blank 报送单位."""
    tick = 0 < len(info.events) <= MAX_TICK_COLUMNS
    report = Report(path, f"{info.name}报名表", show_print_date=False, **options)
    narrow = 1.3 if tick else 1.1
    # Tick columns stay narrow (headers wrap) so that the form keeps portrait A4, one page.
    events = [Col(event, 1.6, "center") for event in info.events] if tick else cols("报名项目 4")
    columns = [
        *cols(f"序号 {narrow} 中 | 姓名 2.2 | 性别 {narrow} 中 | 工号 2.2 | 角色 1.8 中"),
        *events,
        *cols("联系电话 2.6 | 备注 2.2"),
    ]
    notes = _instructions(info, roles, tick)
    for index, branch in enumerate(branches or [""]):
        if index:
            report.new_page_with_title()  # each 分工会's form is sent out on its own
        add_details(report, info)
        report.spacer(2)
        report.paragraph(
            f"报送单位：{branch}" if branch else "报送单位：____________________（分工会）", size=12
        )
        blank = [[n, BLANK_LINE, *[""] * (len(columns) - 2)] for n in range(1, rows + 1)]
        report.table(columns, blank)
        report.paragraph(notes, size=9)
        report.sign_off(signature_of(NAME), labels=signers)
    return report.save()


def _instructions(info: ActivityInfo, roles: Sequence[str], tick: bool) -> str:
    lines = ["填表说明："]
    if roles:
        lines.append(f"1. 角色填写：{'、'.join(roles)}。")
    else:
        lines.append("1. 角色按活动要求填写。")
    if tick:
        how = "在报名的项目下打“√”"
    elif info.events:
        how = f"在“报名项目”栏填写项目名称（可选：{'、'.join(info.events)}）"
    else:
        how = "“报名项目”栏可不填"
    limit = f"，每人限报 {info.event_limit} 项" if info.event_limit else ""
    lines.append(f"2. {how}{limit}。")
    lines.append("3. 姓名须与会员名册一致，工号请准确填写，以便核对。")
    if info.signup_deadline:
        lines.append(
            f"4. 请于{cn_date(info.signup_deadline)}前将报名表报送校工会（可同时报送电子表格）。"
        )
    return "\n".join(lines)
