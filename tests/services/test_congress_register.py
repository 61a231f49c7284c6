"""Issue 20: delegates follow the register (会籍状态 ends the mandate, out of 应到, 补选 to-do,
列席 continuation)."""

from __future__ import annotations

import pytest

from guilin_union.core.errors import ConflictError, ValidationError
from guilin_union.services import congress
from guilin_union.services.congress import delegates
from guilin_union.services.congress.attendance import attendance_summary
from guilin_union.services.members import status as member_status
from tests.congress_fixtures import make_congress, submit


@pytest.fixture
def c(db):
    return make_congress(db, formal=6, attending=1, special=1, spare=3)


def test_retirement_ends_the_mandate_and_leaves_a_vacancy(c):
    later = congress.create_session(
        c.db, c.term_id, start_date="2024-09-20", proposal_prefix="2024B"
    ).row_id
    member_status.record_status_change(
        c.db, c.members["钱二"], "退休", on="2024-06-30", reason="到龄退休"
    )
    row = delegates.get_delegate(c.db, c.delegates["钱二"])
    assert (row["end_date"], row["end_reason"]) == ("2024-06-30", "会籍变更：退休（保留会籍）")
    # the earlier session still counts them, the later one does not
    assert attendance_summary(c.db, c.session_id).expected == 6
    assert attendance_summary(c.db, later).expected == 5
    todo = delegates.vacancies(c.db, c.term_id)
    assert [(v["name"], v["end_date"]) for v in todo] == [("钱二", "2024-06-30")]
    # and they can no longer second a proposal after that day
    with pytest.raises(ValidationError, match="钱二"):
        submit(
            c,
            "关于改善夜间照明的建议",
            seconders=("钱二", "孙三"),
            submitted_on="2024-07-01",
            late_reason="补交",
        )


def test_undoing_the_status_change_restores_the_mandate(c):
    result = member_status.record_status_change(
        c.db, c.members["孙三"], "转出", on="2024-06-01", reason="调往他校"
    )
    member_status.undo_status_change(c.db, result.row_id)
    assert delegates.get_delegate(c.db, c.delegates["孙三"])["end_date"] is None
    assert delegates.vacancies(c.db, c.term_id) == []


def test_status_without_event_is_not_listed_as_formal(c):
    # a member entered as 保留会籍 with no dated event: never a 正式代表 on any day
    c.db.execute("UPDATE members SET status = '保留会籍' WHERE id = ?", [c.members["李四"]])
    names = [
        r["name"]
        for r in delegates.session_delegates(c.db, c.session_id)
        if r["delegate_type"] == "正式代表"
    ]
    assert "李四" not in names and len(names) == 5
    assert delegates.counts_by_type(c.db, c.term_id, "2024-03-15")["正式代表"] == 5


def test_retiree_continues_as_attending_delegate(c):
    later = congress.create_session(
        c.db, c.term_id, start_date="2024-09-20", proposal_prefix="2024B"
    ).row_id
    member_status.record_status_change(
        c.db, c.members["钱二"], "退休", on="2024-06-30", reason="到龄退休"
    )
    with pytest.raises(ConflictError):
        delegates.continue_as_attending(c.db, c.delegates["孙三"])
    new_id = delegates.continue_as_attending(c.db, c.delegates["钱二"]).row_id
    rows = {r["name"]: r for r in delegates.session_delegates(c.db, later)}
    assert rows["钱二"]["delegate_type"] == "列席代表"
    assert rows["钱二"]["continues_id"] == c.delegates["钱二"] and rows["钱二"]["id"] == new_id
    assert delegates.vacancies(c.db, c.term_id)[0]["continued_as"] == "列席代表"
    with pytest.raises(ConflictError):
        delegates.continue_as_attending(c.db, c.delegates["钱二"])
