"""Tests for core.dates."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guilin_union.core.dates import (
    age_on,
    excel_serial_to_date,
    format_cn_date,
    parse_date,
    parse_month,
    to_iso,
)
from guilin_union.core.errors import ValidationError
from guilin_union.core.text import to_halfwidth

D = datetime.date(2024, 3, 5)


@pytest.mark.parametrize(
    "text",
    [
        "2024-3-5",
        "2024-03-05",
        "2024/3/5",
        "2024/03/05",
        "2024.3.5",
        "2024年3月5日",
        "2024年03月05日",
        "2024年3月5号",
        "2024 年 3 月 5 日",
        "20240305",
        "２０２４－０３－０５",
        "２０２４年３月５日",
        "  2024-03-05\u3000",
        "2024-03-05 00:00:00",
        "2024-03-05T08:30",
        "2024/3/5 8:30:00",
    ],
)
def test_parse_date_text_forms(text: str) -> None:
    assert parse_date(text) == D


@pytest.mark.parametrize(
    "value",
    [D, datetime.datetime(2024, 3, 5, 13, 45), 45356, 45356.75, Decimal("45356")],
)
def test_parse_date_objects_and_serials(value: object) -> None:
    assert parse_date(value) == D


def test_parse_date_1904_system() -> None:
    # The same day is 1462 days smaller in the 1904 system.
    assert parse_date(45356 - 1462, date1904=True) == D
    assert excel_serial_to_date(0, date1904=True) == datetime.date(1904, 1, 1)


@pytest.mark.parametrize(
    ("serial", "expected"),
    [
        (1, datetime.date(1900, 1, 1)),
        (59, datetime.date(1900, 2, 28)),
        (61, datetime.date(1900, 3, 1)),
        (25569, datetime.date(1970, 1, 1)),
        (2, datetime.date(1900, 1, 2)),
    ],
)
def test_excel_1900_serials_with_lotus_bug(serial: int, expected: datetime.date) -> None:
    assert excel_serial_to_date(serial) == expected


@pytest.mark.parametrize("serial", [0, 60, -1, 10**8])
def test_excel_impossible_serials(serial: int) -> None:
    with pytest.raises(ValidationError):
        parse_date(serial)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2024-02-30", "日期“2024-02-30”不存在"),
        ("2023年2月29日", "日期“2023年2月29日”不存在"),
        ("20241301", "不存在"),
        ("3/5/2024", "无法识别的日期格式：3/5/2024；请写成 2024-03-05"),
        ("24-3-5", "无法识别的日期格式"),
        ("2024-3/5", "无法识别的日期格式"),
        ("明天", "无法识别的日期格式"),
        ("", "日期不能为空"),
        (None, "日期不能为空"),
        (True, "无法识别的日期格式"),
        ("1899-12-31", "超出允许范围"),
        ("2101-01-01", "超出允许范围"),
        (datetime.date(1800, 1, 1), "超出允许范围"),
        (float("nan"), "无法识别的日期格式"),
    ],
)
def test_parse_date_rejects(value: object, message: str) -> None:
    with pytest.raises(ValidationError) as excinfo:
        parse_date(value, field="joined_on")
    assert message in excinfo.value.message
    assert excinfo.value.field == "joined_on"


_FORMATS = [
    lambda d: f"{d.year}-{d.month}-{d.day}",
    lambda d: d.isoformat(),
    lambda d: f"{d.year}/{d.month}/{d.day}",
    lambda d: f"{d.year}/{d.month:02d}/{d.day:02d}",
    lambda d: f"{d.year}.{d.month}.{d.day}",
    lambda d: f"{d.year}年{d.month}月{d.day}日",
    lambda d: f"{d:%Y%m%d}",
    lambda d: format_cn_date(d),
    lambda d: to_iso(d),
]
_TO_FULLWIDTH = {ord(c): ord(c) + 0xFEE0 for c in "0123456789-/."}


@given(
    st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2100, 12, 31)),
    st.sampled_from(range(len(_FORMATS))),
    st.booleans(),
)
@settings(max_examples=200)
def test_dates_round_trip_through_every_text_format(
    d: datetime.date, index: int, fullwidth: bool
) -> None:
    text = _FORMATS[index](d)
    if fullwidth:
        text = text.translate(_TO_FULLWIDTH)
        assert to_halfwidth(text) != text or not any(c.isdigit() for c in text)
    assert parse_date(text) == d


@given(st.dates(min_value=datetime.date(1900, 3, 1), max_value=datetime.date(2100, 12, 31)))
@settings(max_examples=100)
def test_excel_serial_round_trip(d: datetime.date) -> None:
    serial_1900 = (d - datetime.date(1899, 12, 30)).days
    serial_1904 = (d - datetime.date(1904, 1, 1)).days
    assert parse_date(serial_1900) == d
    if serial_1904 >= 0:
        assert parse_date(serial_1904, date1904=True) == d


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03", "2024-03"),
        ("2024-3", "2024-03"),
        ("2024/3", "2024-03"),
        ("2024.03", "2024-03"),
        ("2024年3月", "2024-03"),
        ("2024年03月", "2024-03"),
        ("202403", "2024-03"),
        ("２０２４年３月", "2024-03"),
        ("2024-03-05", "2024-03"),
        (D, "2024-03"),
        (datetime.datetime(2024, 12, 31, 23, 59), "2024-12"),
    ],
)
def test_parse_month(value: object, expected: str) -> None:
    assert parse_month(value) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2024-13", "月份“2024-13”不存在"),
        ("202400", "不存在"),
        ("", "月份不能为空"),
        (None, "月份不能为空"),
        ("三月", "无法识别的月份格式：三月；请写成 2024-03"),
        ("1800-01", "超出允许范围"),
    ],
)
def test_parse_month_rejects(value: object, message: str) -> None:
    with pytest.raises(ValidationError) as excinfo:
        parse_month(value, field="dues_month")
    assert message in excinfo.value.message
    assert excinfo.value.field == "dues_month"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (D, "2024年3月5日"),
        ("2024-03-05", "2024年3月5日"),
        ("2024-12-25", "2024年12月25日"),
        (None, ""),
        ("", ""),
    ],
)
def test_format_cn_date(value: object, expected: str) -> None:
    assert format_cn_date(value) == expected  # type: ignore[arg-type]


def test_to_iso() -> None:
    assert to_iso(D) == "2024-03-05"
    assert to_iso(datetime.datetime(2024, 3, 5, 23, 0)) == "2024-03-05"


@pytest.mark.parametrize(
    ("birth", "on", "expected"),
    [
        (datetime.date(1990, 3, 7), datetime.date(2024, 3, 6), 33),
        (datetime.date(1990, 3, 7), datetime.date(2024, 3, 7), 34),
        (datetime.date(2000, 2, 29), datetime.date(2023, 2, 28), 22),
        (datetime.date(2000, 2, 29), datetime.date(2023, 3, 1), 23),
        (datetime.date(2000, 2, 29), datetime.date(2024, 2, 29), 24),
        (datetime.date(2024, 1, 1), datetime.date(2024, 1, 1), 0),
    ],
)
def test_age_on(birth: datetime.date, on: datetime.date, expected: int) -> None:
    assert age_on(birth, on) == expected
