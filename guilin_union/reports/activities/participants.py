"""参加人员名单: participants grouped by 分工会 with counts, the waiting list, a summary.

With ``sign_in`` the list gets a 签到 column and serves as the sign-in sheet on the day.

>>> import tempfile, pathlib
>>> from guilin_union.reports.activities.info import ActivityInfo
>>> info = ActivityInfo("健步走", "文体活动", "校工会", "2024-04-20")
>>> p = ParticipantLine("张三", "男", "2019001", "汉语言文学系", "运动员", "", "已报名")
>>> out = pathlib.Path(tempfile.mkdtemp()) / "名单.pdf"
>>> build_participant_list(out, info, [("文学院分工会", [p])], institution="桂林学院工会委员会").name
'名单.pdf'
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Unpack

from guilin_union.reports.activities.common import activity_report
from guilin_union.reports.activities.info import ActivityInfo
from guilin_union.reports.document import Col, Report, ReportOptions, cols
from guilin_union.reports.registry import signature_of

NAME = "activity-participants"


@dataclass(frozen=True)
class ParticipantLine:
    name: str
    gender: str
    staff_no: str
    department: str
    role: str
    events: str
    status: str
    notes: str = ""


_PEOPLE_COLUMNS = cols(
    "序号 1 中 | 姓名 2 | 性别 1 中 | 工号 2 | 部门 3.5 | 角色 1.6 中 | 报名项目 4 | 状态 1.6 中"
)
_WAITING_COLUMNS = cols("顺序 1 中 | 分工会 4 | 姓名 2 | 工号 2 | 角色 1.6 中 | 报名项目 4")


def build_participant_list(
    path: str | os.PathLike[str],
    info: ActivityInfo,
    groups: Sequence[tuple[str, Sequence[ParticipantLine]]],
    *,
    waiting: Sequence[tuple[str, ParticipantLine]] = (),
    sign_in: bool = False,
    **options: Unpack[ReportOptions],
) -> Path:
    """Write the list. ``groups``: (分工会, people) in print order; ``waiting``: (分工会, person)
    in waiting-list order."""
    what = "签到表" if sign_in else "参加人员名单"
    report = activity_report(path, info, what, landscape=True, **options)
    columns = [*_PEOPLE_COLUMNS, Col("签到" if sign_in else "备注", 2.6)]
    for branch, people in groups:
        report.heading(f"{branch}（共 {len(people)} 人）", level=1)
        rows = []
        for number, p in enumerate(people, start=1):
            last = "\n" if sign_in else p.notes
            rows.append(
                [
                    number,
                    p.name,
                    p.gender,
                    p.staff_no,
                    p.department,
                    p.role,
                    p.events,
                    p.status,
                    last,
                ]
            )
        report.table(columns, rows)
    if not groups:
        report.paragraph("尚无报名人员。")
    if waiting:
        report.heading(f"候补名单（共 {len(waiting)} 人，按报名先后排序）", level=1)
        report.table(
            _WAITING_COLUMNS,
            [
                [i, b, p.name, p.staff_no, p.role, p.events]
                for i, (b, p) in enumerate(waiting, start=1)
            ],
        )
    _summary(report, groups, len(waiting))
    report.sign_off(signature_of(NAME))
    return report.save()


def _summary(
    report: Report, groups: Sequence[tuple[str, Sequence[ParticipantLine]]], waiting: int
) -> None:
    total = sum(len(people) for _, people in groups)
    roles = Counter(p.role for _, people in groups for p in people)
    with report.keep_together():
        report.heading("人数统计", level=1)
        line = f"共 {total} 人"
        if roles:
            line += "，其中" + "，".join(f"{role} {n} 人" for role, n in roles.most_common())
        if waiting:
            line += f"；另有候补 {waiting} 人"
        report.paragraph(line + "。")
        statuses = sorted({p.status for _, people in groups for p in people})
        columns = [*cols("序号 1 中 | 分工会 5"), *(Col(s, 1.6, "right") for s in statuses)]
        columns.append(Col("合计", 1.6, "right"))
        rows = []
        for i, (branch, people) in enumerate(groups, start=1):
            counts = Counter(p.status for p in people)
            rows.append([i, branch, *[counts.get(s, 0) for s in statuses], len(people)])
        totals = Counter(p.status for _, people in groups for p in people)
        report.table(
            columns,
            rows,
            total_row=["合计", "", *[totals.get(s, 0) for s in statuses], total],
            width_fraction=0.7,
        )
