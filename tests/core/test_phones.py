"""Tests for core.phones."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guilin_union.core.errors import ValidationError
from guilin_union.core.phones import normalize_mobile, normalize_phone


@pytest.mark.parametrize(
    "raw",
    [
        "13812345678",
        "138 1234 5678",
        "138-1234-5678",
        "+86 138 1234 5678",
        "+8613812345678",
        "008613812345678",
        "8613812345678",
        "１３８１２３４５６７８",
        "\u3000138\u200b12345678 ",
    ],
)
def test_normalize_mobile_accepts(raw: str) -> None:
    assert normalize_mobile(raw) == "13812345678"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", "手机号码不能为空"),
        ("1381234567", "手机号码应为11位数字，现为10位"),
        ("138123456789", "现为12位"),
        ("12812345678", "应以13至19开头"),
        ("23812345678", "应以13至19开头"),
        ("1381234567a", "只能包含数字"),
        ("0773-5851234", "应以13至19开头"),
    ],
)
def test_normalize_mobile_rejects(raw: str, message: str) -> None:
    with pytest.raises(ValidationError) as excinfo:
        normalize_mobile(raw, field="mobile")
    assert message in excinfo.value.message
    assert excinfo.value.field == "mobile"


@given(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True), st.sampled_from(["", " ", "-", "\u3000"]))
@settings(max_examples=100)
def test_mobile_with_separators_round_trips(number: str, sep: str) -> None:
    spaced = sep.join([number[:3], number[3:7], number[7:]])
    assert normalize_mobile(spaced) == number
    assert normalize_phone(spaced) == number


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("0773-5851234", "0773-5851234"),
        ("07735851234", "0773-5851234"),
        ("(0773)5851234", "0773-5851234"),
        ("（0773）5851234", "0773-5851234"),
        ("0773 585 1234", "0773-5851234"),
        ("0773-585-1234", "0773-5851234"),
        ("０７７３－５８５１２３４", "0773-5851234"),
        ("0773-5851234-801", "0773-5851234-801"),
        ("0773-5851234转801", "0773-5851234-801"),
        ("0773-5851234 分机 801", "0773-5851234-801"),
        ("0773-5851234 ext 12", "0773-5851234-12"),
        ("+86 773 5851234", "0773-5851234"),
        ("+86-773-5851234-801", "0773-5851234-801"),
        ("010-88886666", "010-88886666"),
        ("02088886666", "020-88886666"),
        ("0771-12345678", None),  # local numbers do not start with 1
        ("0771-22345678", "0771-22345678"),
        ("13812345678", "13812345678"),
        ("+86 138 1234 5678", "13812345678"),
    ],
)
def test_normalize_phone(raw: str, expected: str | None) -> None:
    if expected is None:
        with pytest.raises(ValidationError):
            normalize_phone(raw)
    else:
        assert normalize_phone(raw) == expected


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", "电话号码不能为空"),
        ("5851234", "缺少区号"),
        ("0773-585123", "座机应写成 0773-5851234"),
        ("abc", "只能包含数字"),
        ("1381234567", "格式不正确"),
    ],
)
def test_normalize_phone_rejects(raw: str, message: str) -> None:
    with pytest.raises(ValidationError) as excinfo:
        normalize_phone(raw, field="tel")
    assert message in excinfo.value.message
    assert excinfo.value.field == "tel"
