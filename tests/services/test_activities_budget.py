"""Activity budgets: integer 分, totals by category, over-budget warnings, the year summary."""

from __future__ import annotations

import pytest

from guilin_union.core.errors import ValidationError
from guilin_union.services.activities import budget as svc
from guilin_union.services.activities import registration
from tests import activities_fixtures as fx


def test_totals_by_category_in_integer_fen(db):
    a = fx.make_activity(db)
    svc.add_line(db, a, kind="预算", category="奖品", amount="2,000")
    svc.add_line(db, a, kind="预算", category="器材", amount="800.50")
    svc.add_line(
        db,
        a,
        kind="支出",
        category="奖品",
        amount="1,999.99",
        spent_on="2024-11-20",
        voucher_no="2024-11-015",
    )
    svc.add_line(db, a, kind="支出", category="器材", amount=80051)
    summary = svc.budget_summary(db, a)
    assert (summary.planned, summary.actual, summary.balance) == (280050, 280050, 0)
    assert [(c.category, c.planned, c.actual) for c in summary.categories] == [
        ("器材", 80050, 80051),
        ("奖品", 200000, 199999),
    ]  # the settings' order: 器材 before 奖品
    assert all(
        isinstance(x, int)
        for x in db.execute("SELECT amount FROM activity_budget_lines").fetchall()[0]
    )
    assert not summary.over_budget
    assert summary.warnings() == ["“器材”超支 0.01 元（预算 800.50 元，实际 800.51 元）"]


def test_over_budget_warning_in_total(db):
    a = fx.make_activity(db)
    svc.add_line(db, a, kind="预算", category="餐费", amount=100000)
    svc.add_line(db, a, kind="支出", category="餐费", amount=90000)
    svc.add_line(db, a, kind="支出", category="交通", amount=30000)
    summary = svc.budget_summary(db, a)
    assert summary.over_budget and summary.balance == -20000
    warnings = summary.warnings()
    assert warnings[0] == "实际支出 1,200.00 元，超出预算 1,000.00 元，超支 200.00 元"
    assert "“交通”无预算，实际支出 300.00 元" in warnings


def test_spending_without_any_budget_is_flagged(db):
    a = fx.make_activity(db)
    svc.add_line(db, a, kind="支出", category="奖品", amount=5000)
    assert svc.budget_summary(db, a).warnings() == ["未编制预算，已支出 50.00 元"]


@pytest.mark.parametrize(
    "amount, message",
    [
        (12.5, "浮点数"),
        (True, "金额无效"),
        (None, "金额不能为空"),
        ("-5", "负数"),
        ("12.345", "两位小数"),
        ("", "不能为空"),
        ("一百", "不是有效"),
    ],
)
def test_bad_amounts_are_refused(db, amount, message):
    a = fx.make_activity(db)
    with pytest.raises(ValidationError, match=message):
        svc.add_line(db, a, kind="支出", category="奖品", amount=amount)
    assert db.execute("SELECT count(*) FROM activity_budget_lines").fetchone()[0] == 0


def test_category_and_kind_must_be_known(db):
    a = fx.make_activity(db)
    with pytest.raises(ValidationError, match="可选：器材、服装"):
        svc.add_line(db, a, kind="支出", category="烟酒", amount=100)
    with pytest.raises(ValidationError, match="预算.*支出"):
        svc.add_line(db, a, kind="收入", category="奖品", amount=100)


def test_update_delete_restore(db):
    a = fx.make_activity(db)
    line = svc.add_line(db, a, kind="支出", category="奖品", amount=10000).row_id
    edited = svc.update_line(db, line, {"amount": "150", "description": "奖牌"})
    assert svc.get_line(db, line)["amount"] == 15000
    edited.inverse(db)
    assert svc.get_line(db, line)["amount"] == 10000
    deleted = svc.delete_line(db, line)
    assert svc.list_lines(db, a) == []
    deleted.inverse(db)
    assert [x["id"] for x in svc.list_lines(db, a)] == [line]


def test_year_summary_by_activity_type(db):
    people = fx.setup(db)
    meet = fx.make_activity(db)
    walk = fx.make_activity(
        db, name="健步走", start_date="2024-03-28", end_date=None, signup_deadline=None
    )
    vote = fx.make_activity(
        db,
        name="最美家庭评选",
        type="评选",
        start_date="2024-04-20",
        end_date=None,
        signup_deadline=None,
    )
    old = fx.make_activity(
        db, name="2023年健步走", start_date="2023-03-28", end_date=None, signup_deadline=None
    )
    registration.register_members(db, meet, [people["张伟"], people["李娜"]])
    registration.register_members(db, walk, [people["王强"]])
    for activity, planned, actual in (
        (meet, 500000, 480000),
        (walk, 100000, 120000),
        (vote, 50000, 0),
        (old, 99900, 99900),
    ):
        svc.add_line(db, activity, kind="预算", category="奖品", amount=planned)
        if actual:
            svc.add_line(db, activity, kind="支出", category="奖品", amount=actual)
    rows = svc.year_summary(db, 2024)
    assert [(r.type, r.activities, r.participants, r.planned, r.actual) for r in rows] == [
        ("文体活动", 2, 3, 600000, 600000),
        ("评选", 1, 0, 50000, 0),
    ]
    assert [r["name"] for r in svc.year_activity_totals(db, 2024)] == [
        "健步走",
        "最美家庭评选",
        "第二十二届田径运动会暨教职工亲子运动会",
    ]
