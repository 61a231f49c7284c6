"""Vocabularies of the congress area (教代会) used by services, CLI and UI (issue 20).

Migrations copy these values; they never import them.
"""

from __future__ import annotations

SESSION_STATUSES = ("筹备中", "召开中", "已闭幕")
DELEGATE_TYPES = ("正式代表", "列席代表", "特邀代表")
# Sign-in of a delegate at a whole session (the older 签到 table; sittings use SIGNIN_STATES).
ATTENDANCE_STATUSES = ("出席", "请假", "缺席")
AGENDA_PARTS = ("预备会议", "正式会议")
MOTION_KINDS = ("决议", "选举", "其他")
SITTING_KINDS = ("预备会议", "正式会议", "主席团会议", "分组讨论")
HALF_DAYS = ("全天", "上午", "下午", "晚上")
SIGNIN_STATES = ("已签到", "请假", "缺席")
ELECTION_METHODS = ("等额", "差额")
PRESIDIUM_ROLES = ("常务主席", "秘书长", "成员")
# What counts as the base of "more than half" for 当选.
ELECTION_BASES = ("实到正式代表", "应到正式代表", "有效票")
