"""入会申请 vocabulary: the states of an application (no I/O).

The live list: services and screens import it from here. The shipped migration
(storage/schema/intake.py) keeps its own literal copy of the values it was written with;
tests/core/test_member_vocabularies.py checks that both still agree.
"""

from __future__ import annotations

#: 待分工会审核 → 待校工会批准 → 已批准 / 未通过
APPLICATION_STATES: tuple[str, str, str, str] = ("待分工会审核", "待校工会批准", "已批准", "未通过")
BRANCH_REVIEW, SCHOOL_APPROVAL, APPROVED, REJECTED = APPLICATION_STATES
#: An application still waiting for a decision (may be edited, only one per ID number).
PENDING_STATES = (BRANCH_REVIEW, SCHOOL_APPROVAL)
