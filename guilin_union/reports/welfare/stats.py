"""慰问统计: one year's condolence payments by type, by 分工会 and by member, with the
payments saved despite a rule warning (for review).

>>> import tempfile, pathlib
>>> stats = WelfareStats(2025, [StatsRow("结婚", 2, 120000)], [StatsRow("文学院分工会", 2, 120000)], [], [])
>>> out = pathlib.Path(tempfile.mkdtemp()) / "统计.pdf"
>>> build_welfare_stats(out, stats, institution="桂林学院", union_name="桂林学院工会委员会").name
'统计.pdf'
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Unpack

from guilin_union.core.dates import format_cn_date_lenient as _date
from guilin_union.core.money import format_fen
from guilin_union.reports.members.common import Letterhead, issuer
from guilin_union.reports.registry import signature_of

if TYPE_CHECKING:  # reportlab is imported only when a PDF is built: the statistics screen
    from guilin_union.reports.document import Report  # uses the dataclasses below at start-up

NAME = "welfare-stats"


@dataclass(frozen=True)
class StatsRow:
    label: str
    count: int
    total_fen: int
    people: int = 0


@dataclass(frozen=True)
class MemberStatsRow:
    name: str
    branch: str
    staff_no: str
    count: int
    total_fen: int
    types: str  # 结婚、生日 …


@dataclass(frozen=True)
class WarningRow:
    date: str
    name: str
    branch: str
    type: str
    amount_fen: int
    message: str
    reason: str
    reviewed: bool = False


@dataclass
class WelfareStats:
    year: int
    by_type: Sequence[StatsRow]
    by_branch: Sequence[StatsRow]
    by_member: Sequence[MemberStatsRow]
    warnings: Sequence[WarningRow]
    by_state: Sequence[StatsRow] = field(default_factory=tuple)

    @property
    def total_count(self) -> int:
        return sum(r.count for r in self.by_type)

    @property
    def total_fen(self) -> int:
        return sum(r.total_fen for r in self.by_type)


def build_welfare_stats(
    path: str | os.PathLike[str],
    stats: WelfareStats,
    **head: Unpack[Letterhead],
) -> Path:
    """Write the yearly statistics and return the path."""
    from guilin_union.reports.document import Report, cols

    report = Report(
        path,
        f"{stats.year}年度慰问统计",
        institution=issuer(head),
        generated_on=head.get("generated_on"),
    )
    report.paragraph(
        f"{stats.year}年共发放慰问 {stats.total_count} 笔，合计 {format_fen(stats.total_fen)} 元"
        f"（含实物折合金额），涉及会员 {len(stats.by_member)} 人。"
    )
    report.totals("全年合计", stats.total_fen)
    report.section("按慰问类型")
    _table(report, "类型", stats.by_type, stats)
    report.section("按分工会")
    _table(report, "分工会", stats.by_branch, stats)
    if stats.by_state:
        report.section("按审批状态")
        _table(report, "状态", stats.by_state, stats, people=False)
    report.section("按会员")
    report.table(
        cols(
            "序号 8 中 | 姓名 16 | 分工会 34 | 工号 18 中 | 笔数 10 右 | 金额（元） 20 右 | 慰问类型 40"
        ),
        [
            [i, m.name, m.branch, m.staff_no, m.count, format_fen(m.total_fen), m.types]
            for i, m in enumerate(stats.by_member, start=1)
        ],
        total_row=[
            "合计",
            "",
            "",
            "",
            sum(m.count for m in stats.by_member),
            format_fen(sum(m.total_fen for m in stats.by_member)),
            "",
        ],
        font_size=9.5,
    )
    report.section("超标准或需复核的记录")
    if stats.warnings:
        report.table(
            cols(
                "日期 22 中 | 姓名 14 | 分工会 28 | 类型 16 | 金额（元） 16 右 | 提示 60"
                " | 保存理由 40 | 复核 10 中"
            ),
            [
                [
                    _date(w.date),
                    w.name,
                    w.branch,
                    w.type,
                    format_fen(w.amount_fen),
                    w.message,
                    w.reason,
                    "已复核" if w.reviewed else "待复核",
                ]
                for w in stats.warnings
            ],
            font_size=9.0,
        )
    else:
        report.paragraph("本年度没有超出标准或需复核的慰问记录。")
    report.sign_off(signature_of(NAME))
    return report.save()


def _table(
    report: Report,
    label: str,
    rows: Sequence[StatsRow],
    stats: WelfareStats,
    *,
    people: bool = True,
) -> None:
    from guilin_union.reports.document import cols

    people_col = " | 人数 2 右" if people else ""
    columns = cols(f"序号 1 中 | {label} 5 | 笔数 2 右{people_col} | 金额（元） 3 右 | 占比 2 右")
    data = []
    for i, r in enumerate(rows, start=1):
        row: list[object] = [i, r.label, r.count]
        if people:
            row.append(r.people)
        row += [format_fen(r.total_fen), _share(r.total_fen, stats.total_fen)]
        data.append(row)
    total: list[object] = ["合计", "", sum(r.count for r in rows)]
    if people:
        total.append(len(stats.by_member))  # distinct people (a member may appear in two rows)
    total += [format_fen(sum(r.total_fen for r in rows)), "100%" if rows else ""]
    report.table(columns, data, total_row=total, width_fraction=0.85)


def _share(part: int, whole: int) -> str:
    """Percentage with one decimal, computed in integers (no float on money).

    >>> _share(1, 3), _share(0, 0)
    ('33.3%', '')
    """
    if whole <= 0:
        return ""
    tenths = (part * 1000 + whole // 2) // whole
    return f"{tenths // 10}.{tenths % 10}%"
