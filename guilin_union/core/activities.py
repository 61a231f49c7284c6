"""Activity vocabularies (活动): the live lists the program offers and checks (no I/O).

The shipped migrations in ``storage/schema/activities.py`` keep their own copy of the values
they were written with (baked into CHECK constraints). Changing a list here therefore needs
a new migration; tests/core/test_vocabularies.py compares both so that cannot be forgotten.
"""

from __future__ import annotations

ORGANISER_KINDS = ("校工会", "分工会", "上级工会")
ACTIVITY_STATUSES = ("筹备中", "报名中", "进行中", "已结束", "已取消")
PARTICIPANT_STATUSES = ("已报名", "已确认", "候补", "已参加", "已取消")
EVENT_KINDS = ("个人", "团体")
BUDGET_KINDS = ("预算", "支出")

#: Participant statuses that hold a place; the waiting list; a cancelled registration.
OCCUPYING = ("已报名", "已确认", "已参加")
WAITING = "候补"
CANCELLED = "已取消"

#: How tied places share team points (团体总分): 平分 splits, 同分 gives each the full points.
TIE_RULES = ("平分", "同分")
