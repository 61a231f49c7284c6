"""生日慰问 as a batch: members with a birthday in a month, excluded with reasons by the same rules."""

from __future__ import annotations

import pytest

from guilin_union.core.errors import ValidationError
from guilin_union.services.home.reminders import birthdays
from guilin_union.services.welfare import batches as wb


def _request(month: int, **extra) -> wb.BatchRequest:
    return wb.BatchRequest(
        year=2026, occasion="生日", amount_fen=20000, type="生日", birth_month=month, **extra
    )


def test_only_members_born_in_the_month(demo_db):
    preview = wb.preview_batch(demo_db, _request(3))
    lines = preview.eligible + preview.excluded
    assert lines
    born = dict(demo_db.execute("SELECT id, birth_date FROM members").fetchall())
    assert all(born[line.member_id][5:7] == "03" for line in lines)
    # Everybody 在会 born in March is offered (or excluded with a reason).
    in_month = {p["member_id"] for p in birthdays(demo_db, 3)}
    assert in_month <= {line.member_id for line in lines}
    assert all(line.reason for line in preview.excluded)


def test_the_same_rules_exclude(demo_db):
    preview = wb.preview_batch(demo_db, _request(12, eligibility=wb.RULE_ACTIVE))
    reasons = {line.reason for line in preview.excluded}
    retired = {r[0] for r in demo_db.execute("SELECT id FROM members WHERE status = '保留会籍'")}
    assert not retired & {line.member_id for line in preview.eligible}
    assert all(isinstance(r, str) and r for r in reasons)


def test_a_month_outside_1_to_12_is_refused(demo_db):
    with pytest.raises(ValidationError, match="1 至 12"):
        wb.preview_batch(demo_db, _request(13))
