"""会费汇总表: a month's union dues by 分工会, with the total in figures and in 大写.

>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "会费.pdf"
>>> rows = [DuesReportRow("文学院分工会", 2, 1, 1, 0, 567000, 2835)]
>>> build_dues_summary(out, rows, month="2024-05", rule_text="按月工资基数的0.5%计缴",
...                    institution="桂林学院", union_name="桂林学院工会委员会").name
'会费.pdf'
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Unpack

from guilin_union.core.money import format_fen
from guilin_union.reports.document import cols
from guilin_union.reports.members.common import Letterhead, union_report
from guilin_union.reports.registry import signature_of

NAME = "dues-summary"


@dataclass(frozen=True)
class DuesReportRow:
    branch: str
    liable: int
    with_base: int
    missing_base: int
    waived: int
    base_total_fen: int
    dues_total_fen: int


def build_dues_summary(
    path: str | os.PathLike[str],
    rows: Sequence[DuesReportRow],
    *,
    month: str,
    rule_text: str,
    **head: Unpack[Letterhead],
) -> Path:
    """Write the summary for ``month`` (``YYYY-MM``); ``rule_text`` explains the rule."""
    month_cn = f"{int(month[:4])}年{int(month[5:7])}月"
    report = union_report(path, "会费汇总表", head, subtitle=f"{month_cn}（{rule_text}）")
    data = [[i, *_cells(r)] for i, r in enumerate(rows, start=1)]
    total = _total(rows)
    report.table(COLUMNS, data, total_row=["", *_cells(total)], font_size=9.5)
    with report.keep_together():
        report.totals(f"{month_cn}会费合计", total.dues_total_fen)
        if total.missing_base:
            report.paragraph(
                f"注：有 {total.missing_base} 名应缴会员尚未录入工资基数，未计入合计。", size=9.5
            )
        report.paragraph(
            "“免缴/不计”含退休保留会籍（自退休次月起免缴）及会费尚未起计的会员。", size=9.5
        )
        report.sign_off(signature_of(NAME), head="工会负责人")
    return report.save()


# 序号, then the cells of _cells in the same order.
COLUMNS = cols(
    "序号 8 中 | 分工会 30 | 应缴人数 10 右 | 已录基数 10 右 | 未录基数 10 右 | 免缴/不计 11 右"
    " | 基数合计（元） 17 右 | 会费合计（元） 16 右"
)


def _cells(r: DuesReportRow) -> list[object]:
    """The row's cells after 序号, in the order of :data:`COLUMNS`."""
    return [
        r.branch,
        r.liable,
        r.with_base,
        r.missing_base,
        r.waived,
        format_fen(r.base_total_fen),
        format_fen(r.dues_total_fen),
    ]


def _total(rows: Sequence[DuesReportRow]) -> DuesReportRow:
    """The 合计 line: every count and sum added up over the 分工会."""
    return DuesReportRow(
        "合计",
        liable=sum(r.liable for r in rows),
        with_base=sum(r.with_base for r in rows),
        missing_base=sum(r.missing_base for r in rows),
        waived=sum(r.waived for r in rows),
        base_total_fen=sum(r.base_total_fen for r in rows),
        dues_total_fen=sum(r.dues_total_fen for r in rows),
    )
