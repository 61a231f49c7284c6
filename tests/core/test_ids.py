"""Tests for core.ids: GB 11643-1999 check digit, birth date, gender, other documents."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guilin_union.core.errors import ValidationError
from guilin_union.core.ids import (
    IdInfo,
    IdType,
    check_digit,
    make_resident_id,
    parse_id_number,
    parse_id_type,
)

TODAY = datetime.date(2024, 6, 1)


def _brute_force_check_digit(first17: str) -> str:
    # Independent statement of ISO 7064 MOD 11-2: the check value c makes
    # sum(d_i * 2^(18-i)) + c ≡ 1 (mod 11), with X standing for 10.
    total = sum(int(d) * pow(2, 17 - i, 11) for i, d in enumerate(first17))
    for c in range(11):
        if (total + c) % 11 == 1:
            return "X" if c == 10 else str(c)
    raise AssertionError("no check value")


@pytest.mark.parametrize(
    ("first17", "expected"),
    [
        ("11010519491231002", "X"),  # the example printed in GB 11643-1999
        ("44052418800101001", "4"),
        ("45030219900307123", "9"),
    ],
)
def test_check_digit_known_values(first17: str, expected: str) -> None:
    assert check_digit(first17) == expected


@given(st.text(alphabet="0123456789", min_size=17, max_size=17))
@settings(max_examples=200)
def test_check_digit_matches_definition(first17: str) -> None:
    assert check_digit(first17) == _brute_force_check_digit(first17)


@pytest.mark.parametrize(
    "bad", ["", "1234", "1101051949123100X", "１１０１０５１９４９１２３１００２"]
)
def test_check_digit_rejects_bad_input(bad: str) -> None:
    with pytest.raises(ValueError):
        check_digit(bad)


@pytest.mark.parametrize(
    ("raw", "number", "birth", "gender"),
    [
        ("11010519491231002X", "11010519491231002X", datetime.date(1949, 12, 31), "女"),
        ("11010519491231002x", "11010519491231002X", datetime.date(1949, 12, 31), "女"),
        (
            "１１０１０５１９４９１２３１００２ｘ",
            "11010519491231002X",
            datetime.date(1949, 12, 31),
            "女",
        ),
        (" 110105 19491231 002X\u3000", "11010519491231002X", datetime.date(1949, 12, 31), "女"),
        ("440524188001010014", "440524188001010014", datetime.date(1880, 1, 1), "男"),
    ],
)
def test_parse_resident_id_accepts_and_normalises(
    raw: str, number: str, birth: datetime.date, gender: str
) -> None:
    if birth.year < 1900:
        with pytest.raises(ValidationError, match="早于1900年"):
            parse_id_number(raw, today=TODAY)
        return
    info = parse_id_number(raw, today=TODAY)
    assert info == IdInfo(number, IdType.RESIDENT, birth, gender)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", "身份证号码不能为空"),
        ("11010519491231002", "身份证号码应为18位，现为17位"),
        ("1101051949123100212", "身份证号码应为18位，现为19位"),
        ("110105491231002", "15位的旧身份证号码"),
        ("11010519491231002Y", "只能由数字组成，最后一位可以是X"),
        ("1101051949123X0021", "只能由数字组成，最后一位可以是X"),
        ("110105194912310025", "身份证号码校验位错误：按前17位计算应为X，实际为5"),
        ("110105199002310021", "身份证号码中的出生日期19900231不存在"),
        ("110105203001010021", "身份证号码中的出生日期20300101晚于今天"),
        ("010105194912310020", "地区码"),
    ],
)
def test_parse_resident_id_rejects(raw: str, message: str) -> None:
    with pytest.raises(ValidationError) as excinfo:
        parse_id_number(raw, field="idno", today=TODAY)
    assert message in excinfo.value.message
    assert excinfo.value.field == "idno"


def test_region_zero_error_has_valid_check_digit_otherwise() -> None:
    first17 = "01010519491231002"
    number = first17 + check_digit(first17)
    with pytest.raises(ValidationError, match="第1位不能为0"):
        parse_id_number(number, today=TODAY)


def test_default_today_is_real_today() -> None:
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    first17 = f"450302{tomorrow:%Y%m%d}123"
    with pytest.raises(ValidationError, match="晚于今天"):
        parse_id_number(first17 + check_digit(first17))


@given(
    region=st.sampled_from(["110105", "450302", "450305", "810000", "999999", "120101"]),
    birth=st.dates(min_value=datetime.date(1900, 1, 1), max_value=TODAY),
    sequence=st.integers(0, 99),
    gender=st.sampled_from(["男", "女"]),
)
@settings(max_examples=200)
def test_generated_id_round_trips(
    region: str, birth: datetime.date, sequence: int, gender: str
) -> None:
    number = make_resident_id(region, birth, sequence, gender)
    info = parse_id_number(number, today=TODAY)
    assert info.number == number
    assert info.birth_date == birth
    assert info.gender == gender


@given(
    birth=st.dates(min_value=datetime.date(1930, 1, 1), max_value=datetime.date(2005, 12, 31)),
    sequence=st.integers(0, 99),
    gender=st.sampled_from(["男", "女"]),
    position=st.integers(0, 17),
    delta=st.integers(1, 9),
)
@settings(max_examples=200)
def test_mutating_one_digit_fails(
    birth: datetime.date, sequence: int, gender: str, position: int, delta: int
) -> None:
    number = make_resident_id("450302", birth, sequence, gender)
    old = number[position]
    if old == "X":
        new = str(delta)
    else:
        new_value = (int(old) + delta) % 10
        new = str(new_value)
    mutated = number[:position] + new + number[position + 1 :]
    # MOD 11-2 detects every single-character substitution.
    with pytest.raises(ValidationError):
        parse_id_number(mutated, today=TODAY)


@pytest.mark.parametrize(
    "args",
    [
        ("45030", datetime.date(1990, 1, 1), 1, "男"),
        ("450302", datetime.date(1990, 1, 1), 100, "男"),
        ("450302", datetime.date(1990, 1, 1), 1, "M"),
        ("050302", datetime.date(1990, 1, 1), 1, "女"),
    ],
)
def test_make_resident_id_rejects_bad_arguments(args: tuple) -> None:
    with pytest.raises(ValueError):
        make_resident_id(*args)


def _with_check(first17: str) -> str:
    return first17 + check_digit(first17)


@pytest.mark.parametrize("prefix", ["810000", "820000", "830000"])
def test_hkmotw_residence_permit(prefix: str) -> None:
    number = _with_check(f"{prefix}19880512004")
    info = parse_id_number(number.lower(), IdType.HKMOTW_RESIDENCE, today=TODAY)
    assert info == IdInfo(number, IdType.HKMOTW_RESIDENCE, datetime.date(1988, 5, 12), "女")


@pytest.mark.parametrize(
    ("number", "message"),
    [
        (
            _with_check("45030219880512004"),
            "应以810000（香港）、820000（澳门）或830000（台湾）开头",
        ),
        ("810000198805120041", "校验位错误"),
        (_with_check("81000019880532004"), "出生日期19880532不存在"),
    ],
)
def test_hkmotw_residence_permit_rejects(number: str, message: str) -> None:
    if "校验位" in message and check_digit(number[:17]) == number[17]:
        pytest.skip("sample happens to be valid")
    with pytest.raises(ValidationError, match=message):
        parse_id_number(number, "港澳台居民居住证", today=TODAY)


def test_foreign_permanent_new_format() -> None:
    number = _with_check("93684019850315001")
    info = parse_id_number(number, IdType.FOREIGN_PERMANENT, today=TODAY)
    assert info.birth_date == datetime.date(1985, 3, 15)
    assert info.gender == "男"
    assert info.id_type is IdType.FOREIGN_PERMANENT


def test_foreign_permanent_old_format_accepted_without_derivation() -> None:
    info = parse_id_number("usa110070012345", IdType.FOREIGN_PERMANENT, today=TODAY)
    assert info == IdInfo("USA110070012345", IdType.FOREIGN_PERMANENT, None, None)


@pytest.mark.parametrize(
    ("number", "message"),
    [
        (_with_check("43684019850315001"), "应以9开头"),
        ("936840198503150010", "校验位错误"),
        ("9368401985031500", "应为18位"),
    ],
)
def test_foreign_permanent_rejects(number: str, message: str) -> None:
    if "校验位" in message and check_digit(number[:17]) == number[17]:
        number = number[:17] + ("1" if number[17] != "1" else "2")
    with pytest.raises(ValidationError, match=message):
        parse_id_number(number, IdType.FOREIGN_PERMANENT, today=TODAY)


@pytest.mark.parametrize(
    ("raw", "id_type", "expected"),
    [
        ("e12345678", IdType.PASSPORT, "E12345678"),
        (" h 1234 5678 ", IdType.HKMO_PASS, "H12345678"),
        ("12345678", IdType.TW_PASS, "12345678"),
        ("ＡＢ１２３", "其他", "AB123"),
        ("PA1234567", "护照", "PA1234567"),
    ],
)
def test_other_documents(raw: str, id_type: IdType | str, expected: str) -> None:
    info = parse_id_number(raw, id_type, today=TODAY)
    assert info.number == expected
    assert info.birth_date is None and info.gender is None


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", "护照号码不能为空"),
        ("E123", "护照号码应为5至20位，现为4位"),
        ("E" * 21, "应为5至20位，现为21位"),
        ("E1234-567", "只能包含英文字母和数字"),
    ],
)
def test_passport_rejects(raw: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        parse_id_number(raw, IdType.PASSPORT, today=TODAY)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, IdType.RESIDENT),
        ("", IdType.RESIDENT),
        ("居民身份证", IdType.RESIDENT),
        ("身份证", IdType.RESIDENT),
        ("PASSPORT", IdType.PASSPORT),
        ("台胞证", IdType.TW_PASS),
        ("回乡证", IdType.HKMO_PASS),
        (" 外国人永久居留身份证 ", IdType.FOREIGN_PERMANENT),
        (IdType.OTHER, IdType.OTHER),
    ],
)
def test_parse_id_type(raw: object, expected: IdType) -> None:
    assert parse_id_type(raw) is expected  # type: ignore[arg-type]


def test_parse_id_type_unknown() -> None:
    with pytest.raises(ValidationError, match="未知的证件类型“驾驶证”"):
        parse_id_type("驾驶证")
