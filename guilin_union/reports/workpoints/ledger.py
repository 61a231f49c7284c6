"""工作要点落实台账: every item of a year's work points with who owns it, where it stands and
what proves it — the table the school leadership asks for. Landscape A4.

Columns: 序号, 要点条目, 牵头单位, 责任单位, 责任人, 完成时限, 进展情况 (the latest progress
notes), 状态, 佐证材料. One table per section (一、…), one part per plan when a year has both
the school's and the upper union's points.

>>> import tempfile, pathlib
>>> row = LedgerRow("（一）", "组织学习。", "校工会", "各分工会", "张三", "2024-06-30",
...                 "2024年3月5日：已完成第一次学习。", "进行中", "学习记录.pdf")
>>> plan = LedgerPlan("桂林学院2024年工会工作要点", "桂院工〔2024〕1号", [LedgerSection("一、思想引领", [row])])
>>> out = pathlib.Path(tempfile.mkdtemp()) / "台账.pdf"
>>> build_workpoints_ledger(out, [plan], year=2024, institution="桂林学院工会委员会").name
'台账.pdf'
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Unpack

from guilin_union.core.dates import format_cn_date_lenient as _date
from guilin_union.reports.document import Col, Report, ReportOptions, cols
from guilin_union.reports.registry import signature_of

NAME = "workpoints-ledger"

# Relative widths tuned on landscape A4 at 9 pt: the two text columns take most of the room,
# "（十一）1." and "2024年12月31日" each fit their column on one line.
LEDGER_COLUMNS: tuple[Col, ...] = cols(
    "序号 52 中 | 要点条目 170 | 牵头单位 58 | 责任单位 76 | 责任人 46 中"
    " | 完成时限 84 中 | 进展情况 180 | 状态 56 中 | 佐证材料 70"
)
LEDGER_FONT_SIZE = 9.0


@dataclass(frozen=True)
class LedgerRow:
    """One printed row. ``deadline`` is ISO or ``""``; ``progress`` and ``evidence`` are
    ready text (one note / file per line)."""

    label: str
    heading: str
    lead_unit: str
    responsible_units: str
    owner: str
    deadline: str
    progress: str
    status: str
    evidence: str


@dataclass(frozen=True)
class LedgerSection:
    title: str  # "一、强化思想引领…" or "" for items outside any section
    rows: Sequence[LedgerRow]


@dataclass(frozen=True)
class LedgerPlan:
    title: str
    note: str  # 文号, issuer … printed under the plan's heading
    sections: Sequence[LedgerSection] = field(default_factory=list)

    @property
    def row_count(self) -> int:
        return sum(len(s.rows) for s in self.sections)


def build_workpoints_ledger(
    path: str | os.PathLike[str],
    plans: Sequence[LedgerPlan],
    *,
    year: int,
    status_note: str = "",
    **options: Unpack[ReportOptions],
) -> Path:
    """Write the ledger of ``plans`` (in the order given) and return the path.

    ``status_note`` (e.g. "截至2024年6月30日：已完成5项，进行中7项") is printed under the title.
    """
    subtitle = plans[0].title if len(plans) == 1 else "、".join(p.title for p in plans)
    report = Report(
        path,
        f"{year}年工作要点落实台账",
        subtitle=subtitle,
        landscape=True,
        notice=status_note or None,
        **options,
    )
    for plan in plans:
        if len(plans) > 1:
            report.heading(plan.title, level=1)
        if plan.note:
            report.paragraph(plan.note, size=9.5)
        if not plan.sections:
            report.table(LEDGER_COLUMNS, [], font_size=LEDGER_FONT_SIZE)
        for section in plan.sections:
            report.table(
                LEDGER_COLUMNS,
                [_cells(row) for row in section.rows],
                font_size=LEDGER_FONT_SIZE,
                group_title=section.title or None,
            )
            report.spacer(2)
    report.sign_off(signature_of(NAME))
    return report.save()


def _cells(row: LedgerRow) -> list[object]:
    return [
        row.label,
        row.heading,
        row.lead_unit,
        row.responsible_units,
        row.owner,
        _date(row.deadline),
        row.progress,
        row.status,
        row.evidence,
    ]
