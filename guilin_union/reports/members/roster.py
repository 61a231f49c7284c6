"""会员花名册: the member register printed by 分工会, with a summary of head counts.

The caller passes members already masked (``phone_masked``/``id_masked``): this module never
sees full ID numbers, so it cannot print them by mistake.

>>> import tempfile, pathlib
>>> m = RosterMember("GL0001", "张三", "男", "文学院", "讲师", "138****5678",
...                  "4501**********1234", "2024-03-05", "在会")
>>> out = pathlib.Path(tempfile.mkdtemp()) / "花名册.pdf"
>>> build_member_roster(out, [("文学院分工会", [m])], institution="桂林学院",
...                     union_name="桂林学院工会委员会").name
'花名册.pdf'
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Unpack

from guilin_union.core.dates import format_cn_date_lenient as _date
from guilin_union.reports.document import Col, Report, cols
from guilin_union.reports.members.common import Letterhead, union_report
from guilin_union.reports.registry import signature_of

NAME = "member-roster"

ROSTER_FONT_SIZE = 9.5
UNMASKED_NOTE = "（本表含完整证件号码、手机号，请妥善保管，用后及时销毁）"


@dataclass(frozen=True)
class RosterMember:
    """One printed row. ``joined_on`` is ISO (``2024-03-05``) or ``""``."""

    member_no: str
    name: str
    gender: str
    department: str
    title: str  # 职称
    phone_masked: str
    id_masked: str
    joined_on: str
    status: str


def build_member_roster(
    path: str | os.PathLike[str],
    groups: Sequence[tuple[str, Sequence[RosterMember]]],
    *,
    filter_note: str = "",
    masked: bool | None = None,
    **head: Unpack[Letterhead],
) -> Path:
    """Write the roster: one section per 分工会 (``groups`` in the order given), then a summary.

    ``filter_note`` (e.g. ``"会籍状态：在会"``) is printed under the title. ``masked`` says
    whether the numbers passed in are masked; left as ``None`` it is told from the data (any
    number without ``*`` means full numbers). The privacy line under the title follows it,
    so the page never claims numbers are hidden when the user chose to print them in full.
    """
    if masked is None:
        masked = _all_masked(groups)
    report = union_report(
        path,
        "会员花名册",
        head,
        subtitle=filter_note or None,
        landscape=True,
        masked_note=masked,
        notice=None if masked else UNMASKED_NOTE,
    )
    for branch, members in groups:
        # The branch's title repeats (with "（续）") above the header on every page it runs over.
        report.table(
            list(ROSTER_COLUMNS),
            [_row(number, m) for number, m in enumerate(members, start=1)],
            group_title=f"{branch}（共 {len(members)} 人）",
            font_size=ROSTER_FONT_SIZE,
        )
        report.spacer(2)
    _summary(report, groups)
    report.sign_off(signature_of(NAME))
    return report.save()


def _all_masked(groups: Sequence[tuple[str, Sequence[RosterMember]]]) -> bool:
    """True unless some phone or ID number is printed without a ``*``."""
    return all(
        "*" in value
        for _, members in groups
        for m in members
        for value in (m.phone_masked, m.id_masked)
        if value
    )


# The cells of _row, in its order. Widths are relative weights tuned on landscape A4 so that a
# masked ID number, a phone number and "2024年12月25日" each fit on one line at 9.5 pt; names
# and departments wrap when long.
ROSTER_COLUMNS: tuple[Col, ...] = cols(
    "序号 30 中 | 会员编号 64 中 | 姓名 62 | 性别 30 中 | 部门 112 | 职称 72 | 手机 72 中"
    " | 身份证号 108 中 | 入会日期 80 中 | 会籍状态 52 中"
)


def _row(number: int, m: RosterMember) -> list[object]:
    return [
        number,
        m.member_no,
        m.name,
        m.gender,
        m.department,
        m.title,
        m.phone_masked,
        m.id_masked,
        _date(m.joined_on),
        m.status,
    ]


def _summary(report: Report, groups: Sequence[tuple[str, Sequence[RosterMember]]]) -> None:
    total = sum(len(members) for _, members in groups)
    statuses = Counter(m.status for _, members in groups for m in members if m.status)
    with report.keep_together():
        report.heading("汇总", level=1)
        line = f"总计 {total} 人"
        if statuses:
            line += "，其中" + "，".join(
                f"{status} {count} 人" for status, count in statuses.most_common()
            )
        report.paragraph(line + "。")
        report.table(
            cols("序号 1 中 | 分工会 5 | 人数 2 右"),
            [[i, branch, len(members)] for i, (branch, members) in enumerate(groups, start=1)],
            total_row=["合计", "", total],
            width_fraction=0.6,
        )
