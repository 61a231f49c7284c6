"""The demo's two years of dues ledger and budgets look real and agree with the records."""

from __future__ import annotations

import datetime as dt

from guilin_union.services.money import budget
from guilin_union.services.money import dues_ledger as ledger


def test_demo_has_two_years_of_ledger_mostly_deducted(demo_db):
    months = ledger.months_in_ledger(demo_db)
    assert len(months) == 24
    today = dt.date.today()
    assert months[0] < f"{today.year:04d}-{today.month:02d}"  # the current month is not opened
    rows = demo_db.execute(
        "SELECT count(*), sum(paid_fen >= due_fen), sum(method = '代扣'), sum(source = '分工会上缴'),"
        " sum(source = '手工') FROM dues_ledger WHERE due_fen > 0"
    ).fetchone()
    total, paid, deducted, remitted, manual = rows
    assert paid / total > 0.9 and deducted / total > 0.6
    assert remitted > 0 and manual > 0
    # a few members in arrears, listed with months and amounts
    owing = ledger.arrears(demo_db, min_months=1)
    assert 0 < len(owing) < 0.1 * demo_db.execute("SELECT count(*) FROM members").fetchone()[0]
    # every remittance equals the dues of the members it paid for
    for rid, total_fen in demo_db.execute("SELECT id, total_fen FROM dues_remittances"):
        paid_sum = demo_db.execute(
            "SELECT sum(paid_fen) FROM dues_ledger WHERE remittance_id = ?", [rid]
        ).fetchone()[0]
        assert paid_sum == total_fen


def test_demo_budgets_have_plans_and_actuals(demo_db):
    year = dt.date.today().year - 1
    ex = budget.execution(demo_db, year)
    income, spending = ex.total("收入"), ex.total("支出")
    assert income.planned_fen > 0 and spending.planned_fen > 0
    assert income.actual_fen > 0 and spending.actual_fen > 0
    by = {line.code: line for line in ex.lines}
    assert by["401"].actual_fen == ledger.dues_received(demo_db, year) > 0
    assert by["402"].sources.get("manual", 0) > 0  # 拨缴经费 entered from vouchers
    assert all(isinstance(line.actual_fen, int) for line in ex.lines)
