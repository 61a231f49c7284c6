"""团体总分表: 分工会 ranked by points from the point scheme, ties broken by first places,
then second places; a short note states the scoring rule.

>>> import tempfile, pathlib
>>> from guilin_union.reports.activities.info import ActivityInfo, StandingLine
>>> info = ActivityInfo("田径运动会", "文体活动", "校工会", "2024-10-20")
>>> out = pathlib.Path(tempfile.mkdtemp()) / "团体总分.pdf"
>>> build_team_table(out, info, [StandingLine(1, "文学院分工会", "12", (1, 1, 0))],
...                  institution="桂林学院工会委员会").name
'团体总分.pdf'
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Unpack

from guilin_union.reports.activities.common import activity_report, add_team_table
from guilin_union.reports.activities.info import ActivityInfo, StandingLine
from guilin_union.reports.document import ReportOptions
from guilin_union.reports.registry import signature_of

NAME = "activity-team-points"


def build_team_table(
    path: str | os.PathLike[str],
    info: ActivityInfo,
    standings: Sequence[StandingLine],
    *,
    scheme_note: str = "",
    places_shown: int = 6,
    **options: Unpack[ReportOptions],
) -> Path:
    report = activity_report(path, info, "团体总分表", **options)
    if standings:
        add_team_table(report, standings, scheme_note, places_shown=places_shown)
    else:
        report.paragraph("尚未录入名次，无法统计团体总分。")
    report.sign_off(signature_of(NAME))
    return report.save()
