"""Identity document numbers (证件号码): validation, normalisation and what they tell us.

Hand-written rather than python-stdnum's ``cn.ric``, which rejects valid numbers (see
data-safety.md). The rules follow GB 11643-1999 (公民身份号码, check digit ISO 7064 MOD 11-2).

>>> info = parse_id_number("11010519491231002x")
>>> info.number, info.birth_date.isoformat(), info.gender
('11010519491231002X', '1949-12-31', '女')
>>> check_digit("11010519491231002")
'X'
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from enum import StrEnum

from guilin_union.core.errors import ValidationError
from guilin_union.core.text import remove_zero_width, to_halfwidth


class IdType(StrEnum):
    """证件类型 as printed on the 会员登记表; the value is the Chinese label."""

    RESIDENT = "居民身份证"
    HKMOTW_RESIDENCE = "港澳台居民居住证"
    FOREIGN_PERMANENT = "外国人永久居留身份证"
    HKMO_PASS = "港澳居民来往内地通行证"
    TW_PASS = "台湾居民来往大陆通行证"
    PASSPORT = "护照"
    OTHER = "其他"


@dataclass(frozen=True)
class IdInfo:
    """A checked document number and what can be derived from it."""

    number: str
    id_type: IdType
    birth_date: datetime.date | None
    gender: str | None  # "男" / "女"


# Everyday names for the document types, as they appear in spreadsheets from 人事处.
_ID_TYPE_SYNONYMS: dict[str, IdType] = {
    "身份证": IdType.RESIDENT,
    "二代身份证": IdType.RESIDENT,
    "居民身份证号": IdType.RESIDENT,
    "港澳台居住证": IdType.HKMOTW_RESIDENCE,
    "港澳居民居住证": IdType.HKMOTW_RESIDENCE,
    "台湾居民居住证": IdType.HKMOTW_RESIDENCE,
    "居住证": IdType.HKMOTW_RESIDENCE,
    "外国人永久居留证": IdType.FOREIGN_PERMANENT,
    "永久居留证": IdType.FOREIGN_PERMANENT,
    "永久居留身份证": IdType.FOREIGN_PERMANENT,
    "港澳通行证": IdType.HKMO_PASS,
    "回乡证": IdType.HKMO_PASS,
    "港澳居民来往内地通行证": IdType.HKMO_PASS,
    "台胞证": IdType.TW_PASS,
    "台湾通行证": IdType.TW_PASS,
    "台湾居民来往大陆通行证": IdType.TW_PASS,
    "外国护照": IdType.PASSPORT,
    "中国护照": IdType.PASSPORT,
}

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
_SPACE_RE = re.compile(r"[\s\u00a0\u3000]")
_DOC_RE = re.compile(r"^[A-Z0-9]{5,20}$")
_OLD_FOREIGN_RE = re.compile(r"^[A-Z]{3}\d{12}$")
_HKMOTW_PREFIXES = ("810000", "820000", "830000")
_EARLIEST_BIRTH = datetime.date(1900, 1, 1)


def parse_id_type(raw: IdType | str | None) -> IdType:
    """Accept an :class:`IdType`, its Chinese label, its member name or a common synonym.

    Blank means 居民身份证 (the default on every form).

    >>> parse_id_type("台胞证")
    <IdType.TW_PASS: '台湾居民来往大陆通行证'>
    """
    if isinstance(raw, IdType):
        return raw
    text = _SPACE_RE.sub("", remove_zero_width(str(raw or "")))
    if not text:
        return IdType.RESIDENT
    for member in IdType:
        if text == member.value or text.upper() == member.name:
            return member
    if text in _ID_TYPE_SYNONYMS:
        return _ID_TYPE_SYNONYMS[text]
    allowed = "、".join(member.value for member in IdType)
    raise ValidationError(f"未知的证件类型“{text}”，可选：{allowed}", "id_type")


def check_digit(first17: str) -> str:
    """The GB 11643-1999 check character for the first 17 digits ('0'..'9' or 'X').

    >>> check_digit("45030219900307123")
    '9'
    """
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError("check_digit needs exactly 17 ASCII digits")
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS))
    return _CHECK_CHARS[total % 11]


def _clean(raw: object) -> str:
    return _SPACE_RE.sub("", to_halfwidth(remove_zero_width(str(raw)))).upper()


def _check_18(
    number: str, label: str, field: str, today: datetime.date
) -> tuple[datetime.date, str]:
    """Shared checks for the 18-character GB 11643 layout; returns (birth date, gender)."""
    if len(number) != 18:
        raise ValidationError(f"{label}应为18位，现为{len(number)}位", field)
    if not (number[:17].isdigit() and (number[17].isdigit() or number[17] == "X")):
        raise ValidationError(f"{label}只能由数字组成，最后一位可以是X", field)
    birth_text = number[6:14]
    try:
        birth = datetime.date(int(birth_text[:4]), int(birth_text[4:6]), int(birth_text[6:]))
    except ValueError:
        raise ValidationError(f"{label}中的出生日期{birth_text}不存在", field) from None
    if birth > today:
        raise ValidationError(f"{label}中的出生日期{birth_text}晚于今天", field)
    if birth < _EARLIEST_BIRTH:
        raise ValidationError(f"{label}中的出生日期{birth_text}早于1900年", field)
    expected = check_digit(number[:17])
    if expected != number[17]:
        raise ValidationError(
            f"{label}校验位错误：按前17位计算应为{expected}，实际为{number[17]}", field
        )
    gender = "男" if int(number[16]) % 2 == 1 else "女"
    return birth, gender


def parse_id_number(
    raw: str,
    id_type: IdType | str = IdType.RESIDENT,
    field: str = "id_number",
    *,
    today: datetime.date | None = None,
) -> IdInfo:
    """Validate and normalise a document number; derive birth date and gender where possible.

    Spaces and zero-width characters are removed, full-width characters folded and letters
    upper-cased. ``today`` exists for tests (a birth date may not lie in the future).

    >>> parse_id_number("11010519491231002X").birth_date
    datetime.date(1949, 12, 31)
    >>> parse_id_number("11010519491231002")
    Traceback (most recent call last):
    ...
    guilin_union.core.errors.ValidationError: 身份证号码应为18位，现为17位
    """
    kind = parse_id_type(id_type)
    today = today or datetime.date.today()
    number = _clean(raw) if raw is not None else ""
    if kind is IdType.RESIDENT:
        if not number:
            raise ValidationError("身份证号码不能为空", field)
        if len(number) == 15 and number.isdigit():
            raise ValidationError("这是15位的旧身份证号码，请填写现行的18位身份证号码", field)
        if len(number) == 18 and number[0] == "0":
            raise ValidationError("身份证号码的地区码不正确：第1位不能为0", field)
        birth, gender = _check_18(number, "身份证号码", field, today)
        return IdInfo(number, kind, birth, gender)
    if kind is IdType.HKMOTW_RESIDENCE:
        label = "港澳台居民居住证号码"
        if not number:
            raise ValidationError(f"{label}不能为空", field)
        birth, gender = _check_18(number, label, field, today)
        if not number.startswith(_HKMOTW_PREFIXES):
            raise ValidationError(
                f"{label}应以810000（香港）、820000（澳门）或830000（台湾）开头", field
            )
        return IdInfo(number, kind, birth, gender)
    if kind is IdType.FOREIGN_PERMANENT:
        label = "外国人永久居留身份证号码"
        if not number:
            raise ValidationError(f"{label}不能为空", field)
        # Cards issued before 2017 (3 letters + 12 digits) stay valid until they expire;
        # they carry no check digit that we can verify, so they are accepted as they are.
        if _OLD_FOREIGN_RE.match(number):
            return IdInfo(number, kind, None, None)
        if len(number) == 18 and not number.startswith("9"):
            raise ValidationError(f"{label}（2017年起的新版）应以9开头", field)
        # 2017 layout: 9 + 2 受理地 + 3 国籍 + 8 birth date + 2 sequence + gender + check.
        birth, gender = _check_18(number, label, field, today)
        return IdInfo(number, kind, birth, gender)
    label = f"{kind.value}号码" if kind is not IdType.OTHER else "证件号码"
    if not number:
        raise ValidationError(f"{label}不能为空", field)
    if not _DOC_RE.match(number):
        if not 5 <= len(number) <= 20:
            raise ValidationError(f"{label}应为5至20位，现为{len(number)}位", field)
        raise ValidationError(f"{label}只能包含英文字母和数字", field)
    return IdInfo(number, kind, None, None)


def make_resident_id(region: str, birth: datetime.date, sequence: int, gender: str) -> str:
    """Build a valid 18-digit resident ID (for demo data and tests only).

    ``sequence`` (0..99) fills digits 15-16; digit 17 is odd for 男 and even for 女.

    >>> make_resident_id("450302", datetime.date(1990, 3, 7), 12, "男")
    '450302199003071255'
    """
    if len(region) != 6 or not region.isdigit() or region[0] == "0":
        raise ValueError("region must be 6 digits not starting with 0")
    if not 0 <= sequence <= 99:
        raise ValueError("sequence must be 0..99")
    if gender not in ("男", "女"):
        raise ValueError("gender must be 男 or 女")
    # Spread the gender digit over the sequence so generated numbers vary.
    gender_digit = (sequence % 5) * 2 + (1 if gender == "男" else 0)
    first17 = f"{region}{birth:%Y%m%d}{sequence:02d}{gender_digit}"
    return first17 + check_digit(first17)
