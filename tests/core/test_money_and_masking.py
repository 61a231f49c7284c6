"""Tests for core.money and core.masking (modules owned elsewhere; behaviour pinned here)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guilin_union.core.errors import ValidationError
from guilin_union.core.masking import mask_id, mask_phone
from guilin_union.core.money import fen_to_upper, format_fen, format_fen_yuan, parse_yuan


@pytest.mark.parametrize(
    ("fen", "upper"),
    [
        (5, "伍分"),
        (1000, "壹拾元整"),
        (10001050, "壹拾万零壹拾元伍角"),
        (100000000, "壹佰万元整"),
        (123450, "壹仟贰佰叁拾肆元伍角"),
        (0, "零元整"),
    ],
)
def test_fen_to_upper(fen: int, upper: str) -> None:
    assert fen_to_upper(fen) == upper


@pytest.mark.parametrize(
    ("text", "fen"),
    [
        ("0.05", 5),
        ("10.00", 1000),
        ("100010.50", 10001050),
        ("1000000.00", 100000000),
        ("1,234.5", 123450),
        ("￥1234.50", 123450),
        ("1234.50元", 123450),
        ("１２３４．５", 123450),
        (300.1, 30010),
        (12, 1200),
        (Decimal("0.10"), 10),
    ],
)
def test_parse_yuan(text: object, fen: int) -> None:
    assert parse_yuan(text) == fen


@pytest.mark.parametrize("bad", ["", None, True, "1.234", "abc", "-5"])
def test_parse_yuan_rejects(bad: object) -> None:
    with pytest.raises(ValidationError):
        parse_yuan(bad)


def test_parse_yuan_negative_allowed_when_asked() -> None:
    assert parse_yuan("-5.5", allow_negative=True) == -550


@pytest.mark.parametrize(
    ("fen", "text"), [(0, "0.00"), (5, "0.05"), (123450, "1,234.50"), (-550, "-5.50")]
)
def test_format_fen(fen: int, text: str) -> None:
    assert format_fen(fen) == text
    assert format_fen_yuan(fen) == f"{text} 元"


@given(st.integers(min_value=0, max_value=10**11))
@settings(max_examples=200)
def test_money_parse_format_round_trip(fen: int) -> None:
    assert parse_yuan(format_fen(fen)) == fen
    assert parse_yuan(format_fen(fen).replace(",", "")) == fen


@pytest.mark.parametrize(
    ("number", "masked"),
    [
        ("450102199003071234", "4501**********1234"),
        ("11010519491231002X", "1101**********002X"),
        ("", ""),
        (None, ""),
    ],
)
def test_mask_id(number: str | None, masked: str) -> None:
    assert mask_id(number) == masked


@pytest.mark.parametrize(
    ("number", "masked"),
    [("13812345678", "138****5678"), ("0773-5851234", "077*****1234"), ("", ""), (None, "")],
)
def test_mask_phone(number: str | None, masked: str) -> None:
    assert mask_phone(number) == masked


@given(st.text(alphabet="0123456789X", min_size=9, max_size=30))
@settings(max_examples=200)
def test_mask_id_keeps_length_and_last_four(number: str) -> None:
    masked = mask_id(number)
    assert len(masked) == len(number)
    assert masked[-4:] == number[-4:]
    assert masked[:4] == number[:4]
    assert set(masked[4:-4]) <= {"*"}


@given(st.text(alphabet="0123456789-", min_size=8, max_size=20))
@settings(max_examples=200)
def test_mask_phone_keeps_length_and_last_four(number: str) -> None:
    masked = mask_phone(number)
    assert len(masked) == len(number)
    assert masked[-4:] == number[-4:]
    assert set(masked[3:-4]) <= {"*"}
