"""待批准入会人员名单: the pending applications for the committee, grouped by 分工会.

>>> import tempfile, pathlib
>>> row = PendingPerson("张三", "男", "1990-03-07", "汉语言文学系", "讲师", "硕士研究生", "中共党员",
...                     "在编", "2024-09-01", "2024-09-02", "待校工会批准")
>>> out = pathlib.Path(tempfile.mkdtemp()) / "名单.pdf"
>>> build_intake_list(out, [("文学院分工会", [row])], institution="桂林学院",
...                   union_name="桂林学院工会委员会").name
'名单.pdf'
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Unpack

from guilin_union.core.dates import format_cn_date_lenient as _date
from guilin_union.reports.document import Report, cols
from guilin_union.reports.members.common import Letterhead, issuer

NAME = "intake-list"

COLUMNS = cols(
    "序号 28 中 | 姓名 56 | 性别 28 中 | 出生年月 56 中 | 部门 96 | 职称 62 | 学历 60 | 政治面貌 56"
    " | 用工形式 52 中 | 入职日期 80 中 | 申请日期 80 中 | 审核情况 70 中"
)


@dataclass(frozen=True)
class PendingPerson:
    """An applicant as the 入会审批名单 prints them."""

    name: str
    gender: str
    birth_date: str
    department: str
    title: str
    education: str
    political_status: str
    employment_type: str
    hire_date: str
    applied_on: str
    state: str


def _month(value: str) -> str:
    return f"{value[:4]}.{value[5:7]}" if value and len(value) >= 7 else ""


def _cells(p: PendingPerson) -> list[object]:
    """The applicant's cells after 序号, in the order of :data:`COLUMNS` (dates and the
    state written as the table shows them)."""
    return [
        p.name,
        p.gender,
        _month(p.birth_date),
        p.department,
        p.title,
        p.education,
        p.political_status,
        p.employment_type,
        _date(p.hire_date),
        _date(p.applied_on),
        "分工会已审核" if p.state == "待校工会批准" else "待分工会审核",
    ]


def build_intake_list(
    path: str | os.PathLike[str],
    groups: Sequence[tuple[str, Sequence[PendingPerson]]],
    **head: Unpack[Letterhead],
) -> Path:
    """The applicants by 分工会, issued by :func:`issuer`: the union that approves them."""
    total = sum(len(people) for _, people in groups)
    report = Report(
        path,
        "待批准入会人员名单",
        institution=issuer(head),
        subtitle=f"共 {total} 人",
        landscape=True,
        generated_on=head.get("generated_on"),
    )
    number = 0
    for branch, people in groups:
        rows = []
        for person in people:
            number += 1
            rows.append([number, *_cells(person)])
        report.table(
            list(COLUMNS), rows, group_title=f"{branch}（{len(people)} 人）", font_size=9.5
        )
    if not groups:
        report.paragraph("目前没有待批准的入会申请。")
    report.spacer(4)
    with report.keep_together():
        # An underlined blank for the number the committee approves (it may approve fewer).
        report.fill_in_line(f"经{issuer(head)}研究，同意以上", "名同志加入工会。", blank_mm=22)
        report.signature_boxes(["校工会审批意见"], height_mm=15, sign_text="工会主席签名（盖章）：")
    return report.save()
