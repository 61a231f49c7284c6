"""Vocabularies of the proposals area (提案): the live lists services, CLI and UI use.

The shipped migrations in ``storage/schema/proposals.py`` keep their own copy of the values
they were written with (baked into CHECK constraints). Changing a list here therefore needs
a new migration; tests/core/test_congress_welfare_vocabularies.py compares both.
"""

from __future__ import annotations

PROPOSAL_STATUSES = (
    "待审查",
    "已立案",
    "办理中",
    "已答复",
    "已办结",
    "已并案",
    "转意见建议",
    "不立案",
    "已撤案",
)
REVIEW_RESULTS = ("立案", "并案", "转意见建议", "不立案", "撤案")
REVIEW_LEVELS = ("重点", "一般")
PROPOSAL_KINDS = ("个人", "集体")
PEOPLE_ROLES = ("附议人", "联名提案人")
OUTCOMES = ("已落实", "正在落实", "未能落实")
RATINGS = ("满意", "基本满意", "不满意")
