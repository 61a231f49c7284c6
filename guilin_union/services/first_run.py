"""The first-run checklist (issue 15): the year's first tasks in order, each ticked as soon
as the database shows it done.

>>> [s.key for s in STEPS][:4]
['institution', 'branches', 'standards', 'members']
"""

from __future__ import annotations

import datetime as _dt
import sqlite3
from dataclasses import dataclass

import sqlite_utils


@dataclass(frozen=True)
class Step:
    key: str
    title: str
    where: str  # where in the program the step is done
    sql: str  # a query whose first value is non-zero once the step is done


STEPS: tuple[Step, ...] = (
    Step(
        "institution",
        "单位信息",
        "设置 ▸ 单位信息…",
        "SELECT count(*) FROM settings WHERE key IN ('institution_name', 'union_name')",
    ),
    Step("branches", "分工会", "设置 ▸ 分工会管理…", "SELECT count(*) FROM branches"),
    Step(
        "standards",
        "慰问标准",
        "慰问 ▸ 慰问标准",
        "SELECT count(*) FROM welfare_standards WHERE year = :year",
    ),
    Step(
        "members",
        "导入名单",
        "会员入会 ▸ 申请审批 ▸ 从 Excel 导入…",
        "SELECT (SELECT count(*) FROM members) + (SELECT count(*) FROM intake_applications)",
    ),
    Step(
        "workpoints",
        "工作要点",
        "工作要点 ▸ 导入工作要点…",
        "SELECT count(*) FROM workpoint_plans WHERE year = :year",
    ),
    Step("congress", "教代会届次", "教代会 ▸ 会议", "SELECT count(*) FROM congress_terms"),
)


@dataclass(frozen=True)
class StepState:
    key: str
    title: str
    where: str
    done: bool


def checklist(db: sqlite_utils.Database, *, year: int | None = None) -> list[StepState]:
    """Each step with whether it is done (for ``year``, this year by default)."""
    params = {"year": year or _dt.date.today().year}
    states = []
    for step in STEPS:
        try:
            row = db.execute(step.sql, params).fetchone()
        except sqlite3.Error:  # an area whose tables this file does not have yet
            row = None
        states.append(StepState(step.key, step.title, step.where, bool(row and row[0])))
    return states


def is_new_database(db: sqlite_utils.Database) -> bool:
    """No members and no applications yet: the checklist is offered."""
    row = db.execute(
        "SELECT (SELECT count(*) FROM members) + (SELECT count(*) FROM intake_applications)"
    ).fetchone()
    return not row[0]
