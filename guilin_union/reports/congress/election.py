"""选举计票结果: one election per page — ballots, per-candidate 赞成/反对/弃权/另选他人, 当选,
the rule that decided it, and the signature block of the 监票人 and 计票人.

>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "计票结果.pdf"
>>> e = ElectionSheet("选举工会委员会委员", "差额", 2, "2024年3月15日 下午", [("应到", "115 人")],
...                   [CandidateLine("张三", 90, 10, 12, 0, "当选")], "赞成票超过实到半数当选",
...                   "李四、王五", "赵六")
>>> build_election_results(out, session_title="第一届第三次会议", elections=[e]).name
'计票结果.pdf'
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Unpack

from guilin_union.reports.congress.common import blank_if_none, congress_report, page_per_item
from guilin_union.reports.document import ReportOptions, cols
from guilin_union.reports.registry import signature_of

NAME = "election-results"

CANDIDATE_COLUMNS = cols(
    "序号 9 中 序 | 候选人 26 中 名 | 赞成 16 右 | 反对 16 右 | 弃权 16 右 | 另选他人 18 右"
    " | 结果 30 中"
)


@dataclass(frozen=True)
class CandidateLine:
    name: str
    yes: int | None
    no: int | None
    abstain: int | None
    other: int | None
    result: str


@dataclass(frozen=True)
class ElectionSheet:
    title: str
    method: str
    seats: int
    when: str
    facts: Sequence[tuple[str, str]]  # 应到, 实到, 发出, 收回, 有效, 无效, 选举结果…
    candidates: Sequence[CandidateLine]
    rule: str
    scrutineers: str
    tellers: str
    notes: Sequence[str] = field(default_factory=tuple)


def build_election_results(
    path: str | os.PathLike[str],
    *,
    session_title: str,
    elections: Sequence[ElectionSheet],
    **options: Unpack[ReportOptions],
) -> Path:
    report = congress_report(path, "选举计票结果", session_title, **options)
    for e in page_per_item(report, elections):
        report.heading(f"{e.title}（{e.method}选举，应选 {e.seats} 人）", level=1)
        if e.when:
            report.paragraph(f"选举时间：{e.when}")
        report.key_values(list(e.facts), columns=3)
        report.spacer(3)
        rows = [
            [i, c.name, *map(blank_if_none, (c.yes, c.no, c.abstain, c.other)), c.result]
            for i, c in enumerate(e.candidates, start=1)
        ]
        report.table(CANDIDATE_COLUMNS, rows)
        report.spacer(2)
        report.paragraph(f"计票规则：{e.rule}", size=9)
        for note in e.notes:
            report.paragraph(f"说明：{note}", size=9)
        report.spacer(4)
        report.paragraph(
            f"监票人：{e.scrutineers or '　　　　'}　　计票人：{e.tellers or '　　　　'}"
        )
        report.sign_off(signature_of(NAME))
    if not elections:
        report.paragraph("（本次会议尚无选举）", align="center")
    return report.save()
