"""分组讨论记录: one page per group discussion (time, place, convenor, recorder, attendees and
the points raised), signed by the convenor and the recorder.

>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "分组讨论记录.pdf"
>>> m = DiscussionMinutes("分组讨论（文学院代表团）", "2024年3月15日 下午", "301 会议室", "张三", "李四",
...                       "应到 7 人，实到 6 人", "张三、李四、王五", "赞成学校工作报告。")
>>> build_discussion_minutes(out, session_title="第一届第三次会议", minutes=[m]).name
'分组讨论记录.pdf'
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Unpack

from guilin_union.reports.congress.common import congress_report, page_per_item
from guilin_union.reports.document import ReportOptions
from guilin_union.reports.registry import signature_of

NAME = "discussion-minutes"


@dataclass(frozen=True)
class DiscussionMinutes:
    title: str
    when: str
    place: str
    convenor: str
    recorder: str
    counts: str
    attendees: str
    points: str


def build_discussion_minutes(
    path: str | os.PathLike[str],
    *,
    session_title: str,
    minutes: Sequence[DiscussionMinutes],
    **options: Unpack[ReportOptions],
) -> Path:
    report = congress_report(path, "分组讨论记录", session_title, **options)
    for m in page_per_item(report, minutes):
        report.heading(m.title, level=1)
        report.key_values(
            [
                ("时间", m.when),
                ("地点", m.place),
                ("召集人", m.convenor),
                ("记录人", m.recorder),
                ("出席情况", m.counts),
            ],
            columns=2,
        )
        report.spacer(2)
        report.heading("出席人员", level=3)
        report.paragraph(m.attendees or "（未记录签到）")
        report.heading("讨论发言要点", level=3)
        report.paragraph(m.points or "（尚未录入讨论记录）")
        report.spacer(6)
        report.sign_off(signature_of(NAME), per_row=2)
    if not minutes:
        report.paragraph("（本次会议尚无分组讨论）", align="center")
    return report.save()
