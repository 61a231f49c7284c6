"""工作要点落实情况年终总结: per section how many items were done, are in progress or not
started, then every item with its progress notes of the year.

>>> import tempfile, pathlib
>>> item = SummaryItem("（一）", "组织学习。", "张三", "已完成", ["2024年3月5日：完成第一次学习。"])
>>> section = SummarySection("一、思想引领", [item])
>>> out = pathlib.Path(tempfile.mkdtemp()) / "总结.pdf"
>>> build_workpoints_summary(out, [SummaryPlan("2024年工会工作要点", [section])], year=2024,
...                          institution="桂林学院工会委员会").name
'总结.pdf'
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Unpack

from guilin_union.reports.document import Col, Report, ReportOptions, cols
from guilin_union.reports.registry import signature_of

NAME = "workpoints-summary"

STATUSES = ("已完成", "进行中", "未开始", "已取消")
STATS_COLUMNS: tuple[Col, ...] = (
    *cols("板块 46 | 条目数 9 右"),
    *(Col(status, 9, "right") for status in STATUSES),
    *cols("完成率 10 右"),
)
ITEM_COLUMNS: tuple[Col, ...] = cols(
    "序号 12 中 | 要点条目 37 | 责任人 10 中 | 状态 10 中 | 进展情况 62"
)
SUMMARY_FONT_SIZE = 9.5


@dataclass(frozen=True)
class SummaryItem:
    label: str
    heading: str
    owner: str
    status: str  # one of STATUSES (a suffix such as "（逾期）" is allowed for printing)
    notes: Sequence[str]  # "2024年3月5日：…", oldest first


@dataclass(frozen=True)
class SummarySection:
    title: str
    items: Sequence[SummaryItem]

    def count(self, status: str) -> int:
        return sum(1 for item in self.items if item.status.startswith(status))


@dataclass(frozen=True)
class SummaryPlan:
    title: str
    sections: Sequence[SummarySection] = field(default_factory=list)


def rate(done: int, total: int, cancelled: int = 0) -> str:
    """完成率 of the items not cancelled, as a percentage with one decimal.

    >>> rate(5, 12), rate(0, 0), rate(2, 3, 1)
    ('41.7%', '—', '100.0%')
    """
    base = total - cancelled
    if base <= 0:
        return "—"
    return f"{done * 100 / base:.1f}%"


def _counts(sections: Sequence[SummarySection]) -> list[int]:
    """条目数, then the number of items of each of STATUSES."""
    total = sum(len(s.items) for s in sections)
    return [total, *(sum(s.count(status) for s in sections) for status in STATUSES)]


def _stats_row(label: str, counts: list[int]) -> list[object]:
    """A row of the statistics table: label, the counts of :func:`_counts` and the 完成率."""
    total, done, _doing, _waiting, cancelled = counts
    return [label, *counts, rate(done, total, cancelled)]


def build_workpoints_summary(
    path: str | os.PathLike[str],
    plans: Sequence[SummaryPlan],
    *,
    year: int,
    **options: Unpack[ReportOptions],
) -> Path:
    """Write the year-end summary of ``plans`` and return the path."""
    subtitle = "、".join(p.title for p in plans)
    report = Report(path, f"{year}年工作要点落实情况总结", subtitle=subtitle, **options)
    for plan in plans:
        if len(plans) > 1:
            report.heading(plan.title, level=1)
            report.restart_sections()  # each plan: 一、总体情况 二、各板块落实情况
        report.section("总体情况")
        plan_counts = _counts(plan.sections)
        total, done, doing, waiting, cancelled = plan_counts
        report.paragraph(
            f"全年工作要点共 {total} 项：已完成 {done} 项，进行中 {doing} 项，未开始 {waiting} 项"
            + (f"，已取消 {cancelled} 项" if cancelled else "")
            + f"；完成率 {rate(done, total, cancelled)}（不含已取消的条目）。"
        )
        rows = [_stats_row(s.title or "其他条目", _counts([s])) for s in plan.sections]
        report.table(
            STATS_COLUMNS,
            rows,
            font_size=SUMMARY_FONT_SIZE,
            total_row=_stats_row("合计", plan_counts),
        )
        report.spacer(3)
        report.section("各板块落实情况")
        for section in plan.sections:
            counts = _counts([section])
            parts = "，".join(f"{status}{n}项" for status, n in zip(STATUSES, counts[1:]) if n)
            report.heading(f"{section.title or '其他条目'}（{counts[0]}项：{parts}）", level=2)
            report.table(
                ITEM_COLUMNS,
                [
                    [
                        item.label,
                        item.heading,
                        item.owner,
                        item.status,
                        "\n".join(item.notes) or "（无进展记录）",
                    ]
                    for item in section.items
                ],
                font_size=SUMMARY_FONT_SIZE,
            )
            report.spacer(2)
    report.sign_off(signature_of(NAME))
    return report.save()
