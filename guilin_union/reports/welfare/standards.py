"""年度慰问标准一览表: every type's range, frequency, eligibility, who pays and the evidence,
with the 分工会 standards below — to post on the notice board or send to the 分工会.

>>> import tempfile, pathlib
>>> line = StandardLine("生病住院", "300.00–1,000.00 元", "每年最多 2 次", "限在职会员", "校工会", "出院小结", "现金", "手术 ≤ 600.00 元")
>>> out = pathlib.Path(tempfile.mkdtemp()) / "标准.pdf"
>>> build_welfare_standards(out, 2026, [line], [], union_name="桂林学院工会委员会").name
'标准.pdf'
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from guilin_union.reports.registry import signature_of

NAME = "welfare-standards"


@dataclass(frozen=True)
class StandardLine:
    type: str
    amount: str  # "300.00–1,000.00 元"
    frequency: str  # "每年最多 2 次（按亲属计）"
    eligibility: str
    payer: str
    evidence: str
    form: str
    sub_kinds: str = ""


@dataclass(frozen=True)
class BranchLine:
    branch: str
    type: str
    amount: str


def build_welfare_standards(
    path: str | os.PathLike[str],
    year: int,
    lines: Sequence[StandardLine],
    branch_lines: Sequence[BranchLine],
    *,
    union_name: str,
    examples: bool = False,
    generated_on: datetime.date | None = None,
) -> Path:
    from guilin_union.reports.document import Report, cols

    report = Report(
        path,
        f"{year}年度会员慰问标准",
        institution=union_name,
        landscape=True,
        generated_on=generated_on,
        notice="（含示例标准，尚未按本校规定修改）" if examples else None,
    )
    rows = [
        [
            i + 1,
            line.type,
            line.amount + (f"\n细项：{line.sub_kinds}" if line.sub_kinds else ""),
            line.frequency,
            line.eligibility,
            line.form,
            line.payer,
            line.evidence,
        ]
        for i, line in enumerate(lines)
    ]
    report.table(
        cols(
            "序号 8 中 | 慰问类型 20 | 金额标准 30 | 次数 34 | 适用对象 30 | 形式 12 中"
            " | 经费来源 12 中 | 所需材料 40"
        ),
        rows,
    )
    if branch_lines:
        report.heading("分工会标准（在学校标准范围内）", level=2)
        report.table(
            cols("分工会 40 | 慰问类型 30 | 金额标准 40"),
            [[b.branch, b.type, b.amount] for b in branch_lines],
            width_fraction=0.7,
        )
    report.paragraph(
        "说明：金额为每次（每人）标准；超出标准或次数的，须写明理由并经校工会批准。"
        "分工会可在学校标准范围内制定本单位标准。"
    )
    report.sign_off(signature_of(NAME), head="工会主席")
    return report.save()
