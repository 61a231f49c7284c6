"""表决结果: the counts of every motion and the result by the rule in the settings.

>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "表决结果.pdf"
>>> r = VoteRow("通过工会工作报告", 70, 5, 3, 2, 61, "通过")
>>> build_vote_results(out, session_title="第一届第三次会议", expected=80, present=78, on_leave=2,
...                    quorum_text="已达到法定人数", rule_text="同意票超过全体正式代表的二分之一",
...                    rows=[r]).name
'表决结果.pdf'
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Unpack

from guilin_union.reports.congress.common import blank_if_none, congress_report
from guilin_union.reports.document import ReportOptions, cols
from guilin_union.reports.registry import signature_of

NAME = "vote-results"

RESULT_COLUMNS = cols(
    "序号 6 中 | 表决事项 40 | 同意 9 右 | 反对 9 右 | 弃权 9 右 | 未投 9 右 | 通过所需 11 右"
    " | 结果 10 中"
)


@dataclass(frozen=True)
class VoteRow:
    """Counts are ``None`` for a motion not voted on yet (printed blank, result 待表决)."""

    title: str
    yes: int | None
    no: int | None
    abstain: int | None
    not_voted: int | None
    needed: int
    result: str


def build_vote_results(
    path: str | os.PathLike[str],
    *,
    session_title: str,
    expected: int,
    present: int,
    on_leave: int,
    quorum_text: str,
    rule_text: str,
    rows: Sequence[VoteRow],
    date_text: str = "",
    notes: Sequence[str] = (),
    **options: Unpack[ReportOptions],
) -> Path:
    subtitle = session_title + (f"\n表决日期：{date_text}" if date_text else "")
    report = congress_report(path, "表决结果", subtitle, show_print_date=True, **options)
    report.key_values(
        [
            ("应到正式代表", f"{expected} 人"),
            ("实到正式代表", f"{present} 人"),
            ("请假", f"{on_leave} 人"),
            ("法定人数", quorum_text),
        ],
        columns=2,
    )
    report.spacer(2)
    report.paragraph(f"表决规则：{rule_text}。")
    for note in notes:
        report.paragraph(note)
    table_rows = [
        [i, r.title, *map(blank_if_none, (r.yes, r.no, r.abstain, r.not_voted)), r.needed, r.result]
        for i, r in enumerate(rows, start=1)
    ]
    report.table(RESULT_COLUMNS, table_rows)
    report.spacer(2)
    passed = sum(1 for r in rows if r.result == "通过")
    failed = sum(1 for r in rows if r.result == "未通过")
    pending = sum(1 for r in rows if r.result == "待表决")
    line = f"共 {len(rows)} 项表决事项：通过 {passed} 项，未通过 {failed} 项"
    report.paragraph(line + (f"，待表决 {pending} 项。" if pending else "。"))
    report.sign_off(signature_of(NAME))
    return report.save()
