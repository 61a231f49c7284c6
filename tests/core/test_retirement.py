"""The 2025 statutory retirement rules, checked against the official comparison table."""

from datetime import date

import pytest

from guilin_union.core.retirement import add_months, retirement_date, rule_for


@pytest.mark.parametrize(
    ("birth", "gender", "female_age", "expected"),
    [
        # The issue's own examples.
        (date(1966, 3, 15), "男", 55, date(2026, 7, 15)),
        (date(1971, 2, 10), "女", 55, date(2026, 6, 10)),
        (date(1963, 5, 20), "男", 55, date(2023, 5, 20)),
        # 国务院办法附件 对照表: the first cohort is delayed one month.
        (date(1965, 1, 1), "男", 55, date(2025, 2, 1)),
        (date(1965, 4, 30), "男", 55, date(2025, 5, 30)),
        (date(1965, 5, 1), "男", 55, date(2025, 7, 1)),
        # Men born in December 1964 retired in December 2024: no delay.
        (date(1964, 12, 31), "男", 55, date(2024, 12, 31)),
        # The cap: men born from September 1976 on retire at 63.
        (date(1976, 9, 1), "男", 55, date(2039, 9, 1)),
        (date(1990, 6, 1), "男", 55, date(2053, 6, 1)),
        # Women, original 50: one month per two months, up to 55.
        (date(1975, 1, 15), "女", 50, date(2025, 2, 15)),
        (date(1975, 3, 15), "女", 50, date(2025, 5, 15)),
        (date(1984, 11, 1), "女", 50, date(2039, 11, 1)),
        # Women, original 55: capped at 58 from September 1981.
        (date(1981, 9, 1), "女", 55, date(2039, 9, 1)),
        # The 31st in a shorter month.
        (date(1966, 10, 31), "男", 55, date(2027, 4, 30)),
    ],
)
def test_retirement_date(birth, gender, female_age, expected):
    assert retirement_date(birth, gender, female_age) == expected


def test_delay_never_exceeds_the_cap_and_never_decreases():
    previous = 0
    for months in range(0, 12 * 40):
        birth = add_months(date(1960, 1, 1), months)
        delay = rule_for(birth, "女", 50).delay_months
        assert 0 <= delay <= 60
        assert delay >= previous
        previous = delay


def test_unknown_gender_and_bad_female_age_are_refused():
    with pytest.raises(ValueError, match="性别"):
        retirement_date(date(1970, 1, 1), "")
    with pytest.raises(ValueError, match="50 或 55"):
        retirement_date(date(1970, 1, 1), "女", 60)


def test_rule_label_says_what_was_applied():
    assert "不延迟" in rule_for(date(1963, 5, 20), "男").label
    assert "上限" in rule_for(date(1990, 1, 1), "男").label
    assert "4 个月" in rule_for(date(1966, 3, 15), "男").label
