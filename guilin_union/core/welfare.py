"""Vocabularies of the welfare area (慰问): the live lists services, CLI and UI use.

The shipped migrations in ``storage/schema/welfare.py`` keep their own copy of the values
they were written with (baked into CHECK constraints). Changing a list here therefore needs
a new migration; tests/core/test_congress_welfare_vocabularies.py compares both. The lists
of a payment's case (relations, pay methods, frequency keys) are in core/welfare_cases.py.
"""

from __future__ import annotations

PAYMENT_STATES = ("申请", "分工会审核", "校工会批准", "已发放")
FORMS = ("现金", "实物")
STANDARD_FORMS = ("现金", "实物", "现金或实物")
RULE_KINDS = ("每事一次", "终身一次", "每年限次", "每年限额")
PAYERS = ("分工会", "校工会")
BATCH_STATES = ("有效", "已撤销")
