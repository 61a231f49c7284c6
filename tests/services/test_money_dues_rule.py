"""“按时缴纳会费” as an optional welfare rule: a member owing more months than the year's
setting gets the dues warning when a 慰问 is entered; the override reason is kept."""

from __future__ import annotations

import pytest

from guilin_union.core.errors import ValidationError
from guilin_union.services import welfare
from guilin_union.services.intake import dues
from guilin_union.services.money import dues_ledger as ledger
from guilin_union.services.money import dues_rule
from guilin_union.services.welfare.rules import PaymentWarnings
from tests.welfare_fixtures import add_member, payment, setup


@pytest.fixture
def wdb(db):
    setup(db)
    m = add_member(db, staff_no="T001")
    dues.set_dues_record(db, m, salary_base_fen=500000, dues_start_month="2010-09")
    for month in ("2024-01", "2024-02", "2024-03", "2024-04"):
        ledger.open_month(db, month)
    db.member = m
    return db


def codes(db, data) -> list[str]:
    return [w.code for w in welfare.check(db, data)]


def test_without_the_rule_arrears_do_not_matter(wdb):
    assert codes(wdb, payment(wdb.member, "结婚", "2024-05-10", "600")) == []


def test_arrears_beyond_the_setting_warn_and_need_a_reason(wdb):
    dues_rule.set_rule(wdb, 2024, 3)
    data = payment(wdb.member, "结婚", "2024-05-10", "600")
    warnings = welfare.check(wdb, data)
    assert [w.code for w in warnings] == ["dues"]
    assert "欠缴会费 4 个月" in warnings[0].message and "不超过 3 个月" in warnings[0].message
    assert "100.00 元" in warnings[0].message  # 4 × 25.00
    assert warnings[0].label == "欠缴会费"
    with pytest.raises(PaymentWarnings):
        welfare.record_payment(wdb, data)
    pid = welfare.record_payment(wdb, data, override_reason="已补缴，收据后补").row_id
    stored = welfare.payment_warnings(wdb, pid)
    assert [w["code"] for w in stored] == ["dues"]
    assert stored[0]["override_reason"] == "已补缴，收据后补"


def test_exactly_the_allowed_months_pass_and_only_earlier_months_count(wdb):
    dues_rule.set_rule(wdb, 2024, 3)
    ledger.record_payment(wdb, wdb.member, "2024-01", method="现金", paid_on="2024-01-20")
    assert codes(wdb, payment(wdb.member, "结婚", "2024-05-10", "600")) == []  # 3 months owed
    # a payment in April only looks at January–March: 2 months owed
    assert "dues" not in codes(wdb, payment(wdb.member, "生病住院", "2024-04-02", "500"))


def test_rule_limited_to_some_types_and_turned_off(wdb):
    dues_rule.set_rule(wdb, 2024, 1, ["生病住院"])
    assert codes(wdb, payment(wdb.member, "结婚", "2024-05-10", "600")) == []
    assert codes(wdb, payment(wdb.member, "生病住院", "2024-05-10", "500")) == ["dues"]
    dues_rule.set_rule(wdb, 2024, None)
    assert dues_rule.get_rule(wdb, 2024) is None
    assert codes(wdb, payment(wdb.member, "生病住院", "2024-05-10", "500")) == []
    with pytest.raises(ValidationError):
        dues_rule.set_rule(wdb, 2024, 2, ["不存在的类型"])
    with pytest.raises(ValidationError):
        dues_rule.set_rule(wdb, 2024, -1)
