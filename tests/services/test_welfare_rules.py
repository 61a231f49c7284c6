"""Each welfare rule at its boundary: the cap exactly and one 分 over, the Nth and (N+1)th
payment, the yearly festival total, the duplicate window, the status on the day of a change."""

from __future__ import annotations

import pytest

from guilin_union.services import welfare
from guilin_union.services.welfare import config as welfare_config
from guilin_union.services.welfare import standards as welfare_standards
from guilin_union.services.welfare.rules import PaymentWarnings
from tests.welfare_fixtures import add_member, change, payment, retire, setup


@pytest.fixture
def wdb(db):
    return setup(db)


def codes(db, data, **kwargs) -> list[str]:
    return [w.code for w in welfare.check(db, data, **kwargs)]


def test_cap_exactly_passes_one_fen_over_warns(wdb):
    m = add_member(wdb)
    assert codes(wdb, payment(m, "结婚", "2024-05-01", "600.00")) == []
    warnings = welfare.check(wdb, payment(m, "结婚", "2024-05-01", "600.01"))
    assert [w.code for w in warnings] == ["cap"]
    assert "超出 0.01 元" in warnings[0].message


def test_cap_is_read_from_the_years_standard_not_hard_coded(wdb):
    m = add_member(wdb)
    welfare_standards.save_standard(wdb, {"year": 2024, "type": "结婚", "cap_fen": "800.00"})
    assert codes(wdb, payment(m, "结婚", "2024-05-01", "800.00")) == []
    assert codes(wdb, payment(m, "结婚", "2024-05-01", "800.01")) == ["cap"]


def test_nth_hospital_stay_passes_and_the_next_warns(wdb):
    m = add_member(wdb)
    # Example standard: 生病住院 at most 2 a year.
    welfare.record_payment(wdb, payment(m, "生病住院", "2024-02-01", "500"))
    assert codes(wdb, payment(m, "生病住院", "2024-06-01", "500")) == []
    welfare.record_payment(wdb, payment(m, "生病住院", "2024-06-01", "500"))
    warnings = welfare.check(wdb, payment(m, "生病住院", "2024-10-01", "500"))
    assert [w.code for w in warnings] == ["frequency"]
    assert "第 3 次" in warnings[0].message and "最多 2 次" in warnings[0].message
    # A new year starts the count again.
    assert codes(wdb, payment(m, "生病住院", "2025-01-05", "500")) == ["no_standard"]
    welfare_standards.copy_year(wdb, 2024, 2025)
    assert codes(wdb, payment(m, "生病住院", "2025-01-05", "500")) == []


def test_n_is_a_setting_of_the_standard(wdb):
    m = add_member(wdb)
    welfare_standards.save_standard(
        wdb,
        {
            "year": 2024,
            "type": "生病住院",
            "cap_fen": 100000,
            "rule_kind": "每年限次",
            "max_per_year": 1,
        },
    )
    welfare.record_payment(wdb, payment(m, "生病住院", "2024-02-01", "500"))
    assert codes(wdb, payment(m, "生病住院", "2024-06-01", "500")) == ["frequency"]


def test_yearly_festival_total_boundary(wdb):
    m = add_member(wdb)
    welfare.record_payment(wdb, payment(m, "节日慰问", "2024-02-01", "1000", occasion="春节"))
    # 1000 + 500 = 1500: exactly the yearly cap passes.
    assert codes(wdb, payment(m, "节日慰问", "2024-09-17", "500", occasion="中秋节")) == []
    warnings = welfare.check(wdb, payment(m, "节日慰问", "2024-09-17", "500.01", occasion="中秋节"))
    assert [w.code for w in warnings] == ["yearly_total"]
    assert "1,500.01 元" in warnings[0].message and "1,500.00 元" in warnings[0].message


def test_once_ever(wdb):
    m = add_member(wdb)
    welfare_standards.copy_year(wdb, 2024, 2023)
    welfare.record_payment(wdb, payment(m, "退休", "2023-07-01", "1000"))
    assert "frequency" in codes(wdb, payment(m, "退休", "2024-07-01", "1000"))


def test_duplicate_window_boundary_and_setting(wdb):
    m = add_member(wdb)
    welfare.record_payment(wdb, payment(m, "直系亲属去世", "2024-03-01", "500"))
    assert codes(wdb, payment(m, "直系亲属去世", "2024-03-31", "500")) == ["duplicate"]  # 30 days
    assert codes(wdb, payment(m, "直系亲属去世", "2024-04-01", "500")) == []  # 31 days
    assert codes(wdb, payment(m, "直系亲属去世", "2024-01-31", "500")) == [
        "duplicate"
    ]  # 30 days before
    assert codes(wdb, payment(m, "直系亲属去世", "2024-01-30", "500")) == []  # 31 days before
    welfare_config.save_lists(wdb, {"welfare_duplicate_days": 40})
    assert codes(wdb, payment(m, "直系亲属去世", "2024-04-01", "500")) == ["duplicate"]


def test_duplicate_ignores_a_different_festival(wdb):
    m = add_member(wdb)
    welfare.record_payment(wdb, payment(m, "节日慰问", "2024-02-10", "300", occasion="春节"))
    assert codes(wdb, payment(m, "节日慰问", "2024-02-24", "300", occasion="元宵节")) == []
    assert codes(wdb, payment(m, "节日慰问", "2024-02-24", "300", occasion="春节")) == ["duplicate"]


def test_status_on_the_day_of_retirement(wdb):
    m = add_member(wdb)
    retire(wdb, m, "2024-06-30")
    # The day before: still 在会.
    assert codes(wdb, payment(m, "生日", "2024-06-29", "300")) == []
    # From the day of retirement: 保留会籍, and the 生日 example does not include retired members.
    warnings = welfare.check(wdb, payment(m, "生日", "2024-06-30", "300"))
    assert [w.code for w in warnings] == ["status"]
    assert "保留会籍" in warnings[0].message
    # 退休 itself is paid on that day and allows retired members.
    assert codes(wdb, payment(m, "退休", "2024-06-30", "1000")) == []
    # A standard that includes retired members lets the birthday pass.
    welfare_standards.save_standard(
        wdb,
        {
            "year": 2024,
            "type": "生日",
            "cap_fen": 30000,
            "form": "现金或实物",
            "rule_kind": "每年限次",
            "max_per_year": 1,
            "payer": "分工会",
            "retired_eligible": True,
        },
    )
    assert codes(wdb, payment(m, "生日", "2024-06-30", "300")) == []


def test_not_a_member_on_the_date(wdb):
    m = add_member(wdb, join_date="2024-03-01")
    warnings = welfare.check(wdb, payment(m, "结婚", "2024-02-29", "600"))
    assert [w.code for w in warnings] == ["status"] and "尚未入会" in warnings[0].message
    assert codes(wdb, payment(m, "结婚", "2024-03-01", "600")) == []


def test_transferred_member_warns_from_the_day_of_transfer(wdb):
    m = add_member(wdb)
    change(wdb, m, "转出", "2024-04-10")
    assert codes(wdb, payment(m, "结婚", "2024-04-09", "600")) == []
    warnings = welfare.check(wdb, payment(m, "结婚", "2024-04-10", "600"))
    assert "转出" in warnings[0].message


def test_death_payment_after_death_uses_the_status_before_death(wdb):
    m = add_member(wdb)
    other = add_member(wdb, "李四")
    change(wdb, m, "去世", "2024-05-01")
    assert codes(wdb, payment(m, "会员去世", "2024-05-10", "2000")) == []
    # A death payment for someone not recorded as deceased is questioned.
    assert codes(wdb, payment(other, "会员去世", "2024-05-10", "2000")) == ["status"]
    # Someone who had left the union before dying is not eligible.
    gone = add_member(wdb, "王五")
    change(wdb, gone, "退会", "2024-01-10")
    change(wdb, gone, "去世", "2024-05-01")
    assert codes(wdb, payment(gone, "会员去世", "2024-05-10", "2000")) == ["status"]


def test_missing_standard_warns(db):
    setup(db, examples=False)
    m = add_member(db)
    assert codes(db, payment(m, "结婚", "2024-05-01", "600")) == ["no_standard"]


def test_goods_where_the_standard_says_cash(wdb):
    m = add_member(wdb)
    data = payment(m, "结婚", "2024-05-01", "300", form="实物", goods="床上用品")
    assert codes(wdb, data) == ["form"]
    assert codes(wdb, payment(m, "生日", "2024-05-01", "300", form="实物", goods="蛋糕券")) == []


def test_record_refuses_without_reason_and_keeps_the_reason(wdb):
    m = add_member(wdb)
    with pytest.raises(PaymentWarnings) as info:
        welfare.record_payment(wdb, payment(m, "结婚", "2024-05-01", "700"))
    assert [w.code for w in info.value.warnings] == ["cap"]
    assert wdb.execute("SELECT count(*) FROM welfare_payments").fetchone()[0] == 0
    pid = welfare.record_payment(
        wdb, payment(m, "结婚", "2024-05-01", "700"), override_reason="校工会特批"
    ).row_id
    stored = welfare.payment_warnings(wdb, pid)
    assert [(w["code"], w["override_reason"]) for w in stored] == [("cap", "校工会特批")]
