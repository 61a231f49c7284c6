"""Statutory retirement age under the rules in force since 1 January 2025.

《全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定》(2024-09-13) and its
attached 《国务院关于渐进式延迟法定退休年龄的办法》:

* men, original age 60, and women whose original age is 55: from January 2025 the age rises by
  one month for every four months of *original* retirement dates, until 63 / 58 (36 months);
* women whose original age is 50: one month for every two months, until 55 (60 months).

The first cohort (original retirement in January–April 2025 for the 4-month rule, January–
February 2025 for the 2-month rule) is delayed by one month. A person whose original retirement
date falls before January 2025 retires at the original age.

``retirement_date`` is the day the person reaches the statutory age: birth date plus the years
and months of the rule (a 31st becomes the last day of a shorter month).

>>> retirement_date(date(1966, 3, 15), "男")
datetime.date(2026, 7, 15)
>>> retirement_date(date(1971, 2, 10), "女")
datetime.date(2026, 6, 10)
>>> retirement_date(date(1963, 5, 20), "男")
datetime.date(2023, 5, 20)
>>> rule_for(date(1980, 1, 1), "男").label
'男职工 60 周岁延迟至 63 周岁（已达上限）'
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from guilin_union.core.errors import ValidationError

REFORM_START = date(2025, 1, 1)

#: The original ages a woman can have: 55 (干部/管理和专业技术岗位) or 50 (工人岗位).
FEMALE_ORIGINAL_AGES = (55, 50)


@dataclass(frozen=True)
class RetirementRule:
    """The age a person reaches retirement at, in years and months, and how it was found."""

    original_age: int
    delay_months: int
    max_delay_months: int

    @property
    def years(self) -> int:
        return self.original_age + self.delay_months // 12

    @property
    def months(self) -> int:
        return self.delay_months % 12

    @property
    def age_text(self) -> str:
        return f"{self.years} 周岁" + (f" {self.months} 个月" if self.months else "")

    @property
    def label(self) -> str:
        """A short Chinese statement of the rule applied, for lists and printouts."""
        target = self.original_age + self.max_delay_months // 12
        base = f"{self.original_age} 周岁延迟至 {target} 周岁"
        who = "男职工 " if self.original_age == 60 else f"女职工（原 {self.original_age} 周岁）"
        if self.delay_months == 0:
            return f"{who}{self.original_age} 周岁（2025 年前已到龄，不延迟）"
        if self.delay_months >= self.max_delay_months:
            return f"{who}{base}（已达上限）"
        return f"{who}{base}（本人延迟 {self.delay_months} 个月，{self.age_text}）"


def add_months(day: date, months: int) -> date:
    """``day`` plus a number of calendar months, clamped to the month's last day.

    >>> add_months(date(2024, 1, 31), 1)
    datetime.date(2024, 2, 29)
    """
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def original_age(gender: str, female_original_age: int = 55) -> int:
    if gender == "男":
        return 60
    if gender == "女":
        if female_original_age not in FEMALE_ORIGINAL_AGES:
            raise ValidationError(
                f"女职工原退休年龄只能是 50 或 55 周岁（收到 {female_original_age}）"
            )
        return female_original_age
    raise ValidationError(f"性别不明（{gender or '空'}），无法计算退休年龄")


def rule_for(birth: date, gender: str, female_original_age: int = 55) -> RetirementRule:
    """The rule that applies to a person born on ``birth``."""
    age = original_age(gender, female_original_age)
    step, cap = (2, 60) if age == 50 else (4, 36)
    original = add_months(birth, age * 12)
    if original < REFORM_START:
        return RetirementRule(age, 0, cap)
    months_since = (original.year - REFORM_START.year) * 12 + (original.month - 1)
    delay = min(months_since // step + 1, cap)
    return RetirementRule(age, delay, cap)


def retirement_date(birth: date, gender: str, female_original_age: int = 55) -> date:
    """The day the person reaches the statutory retirement age."""
    rule = rule_for(birth, gender, female_original_age)
    return add_months(birth, rule.original_age * 12 + rule.delay_months)
