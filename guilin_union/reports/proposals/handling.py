"""提案办理情况一览表: one line per proposal, landscape.

>>> import tempfile, pathlib
>>> row = HandlingRow(number="2024-001", title="关于增设托管班的建议", proposer="张三",
...                   seconders="李四、王五", category="民生福利", review="立案（一般）",
...                   lead="后勤保障处", co="", reply_date="2024-05-01", outcome="已落实",
...                   rating="满意")
>>> out = pathlib.Path(tempfile.mkdtemp()) / "一览表.pdf"
>>> build_handling_list(out, [row], session_title="第一届第三次会议").name
'一览表.pdf'
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Unpack

from guilin_union.core.dates import format_cn_date
from guilin_union.reports.document import Report, ReportOptions, cols
from guilin_union.reports.registry import signature_of

NAME = "proposal-handling"

COLUMNS = cols(
    "编号 14 中 | 案由 46 | 提案人 16 | 附议人 20 | 类别 12 中 | 审查结果 17 中 | 主办/协办单位 28"
    " | 答复日期 18 中 | 落实情况 14 中 | 评价 12 中"
)


@dataclass(frozen=True)
class HandlingRow:
    number: str
    title: str
    proposer: str
    seconders: str
    category: str
    review: str
    lead: str
    co: str
    reply_date: str
    outcome: str
    rating: str
    overdue: bool = False
    round_no: int = 1


def build_handling_list(
    path: str | os.PathLike[str],
    rows: Sequence[HandlingRow],
    *,
    session_title: str,
    filter_note: str = "",
    as_of: str = "",
    **options: Unpack[ReportOptions],
) -> Path:
    subtitle = session_title + (f"（{filter_note}）" if filter_note else "")
    report = Report(path, "提案办理情况一览表", subtitle=subtitle, landscape=True, **options)
    report.table(list(COLUMNS), [_cells(r) for r in rows], font_size=9)
    overdue = sum(1 for r in rows if r.overdue)
    line = f"共 {len(rows)} 件"
    if overdue:
        line += f"，其中逾期未答复 {overdue} 件" + (
            f"（截至{format_cn_date(as_of)}）" if as_of else ""
        )
    report.paragraph(line + "。")
    report.sign_off(signature_of(NAME))
    return report.save()


def _cells(r: HandlingRow) -> list[object]:
    """A proposal's line: what it is, then how it is being handled."""
    proposal = [r.number, r.title, r.proposer, r.seconders, r.category, r.review]
    departments = r.lead + (f"\n协办：{r.co}" if r.co else "") if r.lead else "—"
    replied = format_cn_date(r.reply_date) if r.reply_date else ("逾期未复" if r.overdue else "")
    outcome = r.outcome + (f"（第{r.round_no}轮）" if r.round_no > 1 and r.outcome else "")
    return [*proposal, departments, replied, outcome, r.rating]
