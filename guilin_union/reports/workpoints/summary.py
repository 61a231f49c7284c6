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

import datetime
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from guilin_union.reports.document import Col, Report
from guilin_union.reports.registry import signature_of

NAME = "workpoints-summary"

STATUSES = ("已完成", "进行中", "未开始", "已取消")
STATS_COLUMNS: tuple[Col, ...] = (
    Col("板块", 46),
    Col("条目数", 9, "right"),
    Col("已完成", 9, "right"),
    Col("进行中", 9, "right"),
    Col("未开始", 9, "right"),
    Col("已取消", 9, "right"),
    Col("完成率", 10, "right"),
)
ITEM_COLUMNS: tuple[Col, ...] = (
    Col("序号", 12, "center"),
    Col("要点条目", 37),
    Col("责任人", 10, "center"),
    Col("状态", 10, "center"),
    Col("进展情况", 62),
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
    total = sum(len(s.items) for s in sections)
    return [total, *(sum(s.count(status) for s in sections) for status in STATUSES)]


def build_workpoints_summary(
    path: str | os.PathLike[str],
    plans: Sequence[SummaryPlan],
    *,
    year: int,
    institution: str,
    generated_on: datetime.date | None = None,
) -> Path:
    """Write the year-end summary of ``plans`` and return the path."""
    title = f"{year}年工作要点落实情况总结"
    subtitle = "、".join(p.title for p in plans)
    report = Report(
        path, title, institution=institution, subtitle=subtitle, generated_on=generated_on
    )
    for plan in plans:
        if len(plans) > 1:
            report.heading(plan.title, level=1)
            report.restart_sections()  # each plan: 一、总体情况 二、各板块落实情况
        report.section("总体情况")
        total, done, doing, waiting, cancelled = _counts(plan.sections)
        report.paragraph(
            f"全年工作要点共 {total} 项：已完成 {done} 项，进行中 {doing} 项，未开始 {waiting} 项"
            + (f"，已取消 {cancelled} 项" if cancelled else "")
            + f"；完成率 {rate(done, total, cancelled)}（不含已取消的条目）。"
        )
        rows = []
        for section in plan.sections:
            counts = [len(section.items), *(section.count(s) for s in STATUSES)]
            rows.append(
                [section.title or "其他条目", *counts, rate(counts[1], counts[0], counts[4])]
            )
        report.table(
            list(STATS_COLUMNS),
            rows,
            font_size=SUMMARY_FONT_SIZE,
            total_row=[
                "合计",
                total,
                done,
                doing,
                waiting,
                cancelled,
                rate(done, total, cancelled),
            ],
        )
        report.spacer(3)
        report.section("各板块落实情况")
        for section in plan.sections:
            counts = [len(section.items), *(section.count(s) for s in STATUSES)]
            parts = "，".join(f"{status}{n}项" for status, n in zip(STATUSES, counts[1:]) if n)
            report.heading(f"{section.title or '其他条目'}（{counts[0]}项：{parts}）", level=2)
            report.table(
                list(ITEM_COLUMNS),
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
