"""提案工作报告 statistics: counts by review outcome and category, 办复率, 满意率, overdue list.

The numbers come from :func:`guilin_union.services.proposals.query.session_stats` as a plain
dict (``ProposalStats.to_json()``), with the definitions printed at the end.

>>> import tempfile, pathlib
>>> data = {"total": 0, "by_review": {}, "accepted": 0, "key_accepted": 0, "general_accepted": 0,
...         "by_category": [], "replied": 0, "reply_rate": "—", "rated": 0, "satisfied": 0,
...         "basically_satisfied": 0, "dissatisfied": 0, "satisfaction_rate": "—", "by_outcome": {},
...         "overdue": [], "by_department": [], "rehandled": 0, "late_submissions": 0, "as_of": "2024-07-01"}
>>> out = pathlib.Path(tempfile.mkdtemp()) / "统计.pdf"
>>> build_stats_report(out, data, session_title="第一届第三次会议").name
'统计.pdf'
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Unpack

from guilin_union.core.dates import format_cn_date
from guilin_union.reports.document import Report, ReportOptions, cols
from guilin_union.reports.registry import signature_of

NAME = "proposal-stats"

# The columns after 审查结果 in the table of handling by review outcome: key and the value
# printed when a figure is missing.
_HANDLING_FIGURES: dict[str, object] = {
    "total": 0,
    "assigned": 0,
    "replied": 0,
    "reply_rate": "",
    "rated": 0,
    "satisfaction_rate": "",
}


def _pct(part: int, whole: int) -> str:
    if whole <= 0:
        return "—"
    value = (part * 1000 * 2 + whole) // (2 * whole)
    return f"{value // 10}.{value % 10}%"


def build_stats_report(
    path: str | os.PathLike[str],
    data: Mapping[str, Any],
    *,
    session_title: str,
    notes: Sequence[str] = (),
    **options: Unpack[ReportOptions],
) -> Path:
    subtitle = f"{session_title}\n（统计截至{format_cn_date(data['as_of'])}）"
    report = Report(path, "提案工作情况统计", subtitle=subtitle, **options)
    total = data["total"]
    review = data["by_review"]
    report.key_values(
        [
            ("收到提案", f"{total} 件"),
            ("立案", f"{data['accepted']} 件（重点 {data['key_accepted']} 件）"),
            ("并案", f"{review.get('并案', 0)} 件"),
            ("转意见建议", f"{review.get('转意见建议', 0)} 件"),
            ("不立案", f"{review.get('不立案', 0)} 件"),
            ("撤案", f"{review.get('撤案', 0)} 件"),
            ("已答复", f"{data['replied']} 件"),
            ("办复率", data["reply_rate"]),
            ("已评价", f"{data['rated']} 件"),
            ("满意率", data["satisfaction_rate"]),
            ("逾期未答复", f"{len(data['overdue'])} 件"),
            ("逾期提交", f"{data['late_submissions']} 件"),
        ],
        columns=2,
    )
    report.section("按审查结果")
    report.table(
        cols("审查结果 4 | 件数 2 右 | 占比 2 右"),
        [[key, n, _pct(n, total)] for key, n in review.items()],
        total_row=["合计", total, _pct(total, total)],
        width_fraction=0.6,
    )
    report.section("按类别")
    report.table(
        cols("类别 4 | 件数 2 右 | 占比 2 右 | 其中立案 2 右"),
        [[c["category"], c["count"], c["percent"], c["accepted"]] for c in data["by_category"]],
        total_row=["合计", total, _pct(total, total), data["accepted"]],
        width_fraction=0.7,
    )
    report.section("办理和评价")
    outcome = data["by_outcome"]
    report.paragraph(
        f"立案 {data['accepted']} 件，已答复 {data['replied']} 件，办复率 {data['reply_rate']}；"
        f"其中已落实 {outcome.get('已落实', 0)} 件，正在落实 {outcome.get('正在落实', 0)} 件，"
        f"未能落实 {outcome.get('未能落实', 0)} 件。提案人评价 {data['rated']} 件：满意 {data['satisfied']} 件，"
        f"基本满意 {data['basically_satisfied']} 件，不满意 {data['dissatisfied']} 件，满意率 {data['satisfaction_rate']}。"
        + (f"因评价不满意重新办理的 {data['rehandled']} 件。" if data["rehandled"] else "")
    )
    if data["by_department"]:
        report.table(
            cols("主办单位 5 | 主办件数 2 右 | 已答复 2 右 | 逾期 2 右"),
            [
                [d["department"], d["lead"], d["replied"], d["overdue"]]
                for d in data["by_department"]
            ],
            group_title="按主办单位",
            width_fraction=0.75,
        )
    handling = data.get("handling_by_review") or {}
    if handling:  # issue 20: 意见建议 and 不立案 are answered too
        overall = data.get("handling_overall") or {}
        lines = [*handling.items(), ("合计", overall)] if overall else list(handling.items())
        report.table(
            cols(
                "审查结果 4 | 件数 2 右 | 已交办 2 右 | 已答复 2 右"
                " | 办复率 2 右 | 已评价 2 右 | 满意率 2 右"
            ),
            [
                [key, *(x.get(k, blank) for k, blank in _HANDLING_FIGURES.items())]
                for key, x in lines
            ],
            group_title="按审查结果分类的办复率和满意率",
        )
    report.section("逾期未答复提案")
    report.table(
        cols("编号 2 中 | 案由 7 | 主办单位 3 | 答复期限 3 中 | 逾期天数 2 右"),
        [
            [
                o["number"],
                o["title"],
                o["lead_department"],
                format_cn_date(o["reply_deadline"]),
                o["days_overdue"],
            ]
            for o in data["overdue"]
        ],
    )
    if notes:
        report.heading("说明", level=2)
        for note in notes:
            report.paragraph(note, size=9.5)
    report.sign_off(signature_of(NAME))
    return report.save()
