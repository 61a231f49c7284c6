"""Work-points vocabularies (年度工作要点): the live lists the program offers and checks (no I/O).

The shipped migration in ``storage/schema/workpoints.py`` keeps its own copy of the values it
was written with (baked into CHECK constraints). Changing a list here therefore needs a new
migration; tests/core/test_workpoints_vocabulary.py compares both so that cannot be forgotten.
"""

from __future__ import annotations

#: A plan is the school's own work points (本校) or an upper union's (上级).
PLAN_KINDS = ("school", "upper")
KIND_LABELS: dict[str, str] = {"school": "本校", "upper": "上级"}

#: The status of a tracked item, in the order the screens offer them.
ITEM_STATUSES = ("未开始", "进行中", "已完成", "已取消")
NOT_STARTED, IN_PROGRESS, DONE, CANCELLED = ITEM_STATUSES
FINISHED: tuple[str, ...] = (DONE, CANCELLED)

#: What an item may be linked to as having carried it out.
RECORD_KINDS = ("activity", "congress_session")
RECORD_KIND_LABELS: dict[str, str] = {"activity": "活动", "congress_session": "教代会会议"}

#: How an outline node was numbered in the document (一、 / （一） / 1. / （1）; "" none).
NODE_STYLES = ("section", "item", "sub", "subsub", "")
