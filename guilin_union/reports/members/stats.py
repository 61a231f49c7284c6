"""会员统计表: the statistics tables (by 分工会, gender, age band, 职称, 用工形式, status).

Takes plain ``StatsTable``-like objects (``title``, ``first_header``, ``columns``, ``rows``,
``total``) so the report knows nothing of the database.

>>> import tempfile, pathlib
>>> from guilin_union.services.members.stats import StatsTable
>>> t = StatsTable("按分工会统计", "分工会", ["合计", "男", "女"], [("文学院分工会", [3, 1, 2])])
>>> out = pathlib.Path(tempfile.mkdtemp()) / "统计.pdf"
>>> build_member_stats(out, [t], note="统计日期：2024年3月5日", institution="桂林学院",
...                    union_name="桂林学院工会委员会").name
'统计.pdf'
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Unpack

from guilin_union.reports.document import Col
from guilin_union.reports.members.common import Letterhead, union_report
from guilin_union.reports.registry import signature_of

NAME = "member-stats"


def build_member_stats(
    path: str | os.PathLike[str], tables: Sequence[Any], *, note: str, **head: Unpack[Letterhead]
) -> Path:
    report = union_report(path, "会员统计表", head, subtitle=note, landscape=True)
    for table in tables:
        label_weight = 9 if table.first_header == "分工会" else 6
        cols = [Col("序号", 2.2, "center"), Col(table.first_header, label_weight)] + [
            Col(header, max(2.6, len(header) * 0.95), "right") for header in table.columns
        ]
        rows = [[i, label, *values] for i, (label, values) in enumerate(table.rows, start=1)]
        narrow = min(1.0, 0.35 + 0.07 * len(cols))
        report.section(table.title)
        report.table(
            cols, rows, total_row=["合计", "", *table.total], font_size=9.5, width_fraction=narrow
        )
        report.spacer(2)
    report.sign_off(signature_of(NAME))
    return report.save()
