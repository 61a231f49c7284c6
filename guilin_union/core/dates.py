"""Dates as people and Excel write them, stored as ISO text.

>>> parse_date("2024年3月5日")
datetime.date(2024, 3, 5)
>>> parse_date(45356)  # an Excel serial number (1900 date system)
datetime.date(2024, 3, 5)
>>> parse_month("2024年3月")
'2024-03'
>>> format_cn_date("2024-03-05")
'2024年3月5日'
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

from guilin_union.core.errors import ValidationError
from guilin_union.core.text import remove_zero_width, to_halfwidth

MIN_DATE = datetime.date(1900, 1, 1)
MAX_DATE = datetime.date(2100, 12, 31)

# Excel's 1900 system counts 1900-02-29 (serial 60), a day that never existed: a bug kept
# from Lotus 1-2-3. Serials from 61 on are therefore one day "late" relative to 1899-12-31.
_EXCEL_1900_EPOCH = datetime.date(1899, 12, 30)  # valid for serials >= 61
_EXCEL_1904_EPOCH = datetime.date(1904, 1, 1)

_SEP_RE = re.compile(r"^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$")
_CN_RE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$")
_COMPACT_RE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
# A time of day after the date ("2024-03-05 00:00:00", "2024-03-05T08:30") is ignored.
_TIME_SUFFIX_RE = re.compile(r"(?:[ T]|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$")
_SPACES_RE = re.compile(r"[\s\u00a0\u3000]+")

_MONTH_SEP_RE = re.compile(r"^(\d{4})[-/.](\d{1,2})$")
_MONTH_CN_RE = re.compile(r"^(\d{4})年(\d{1,2})月?$")
_MONTH_COMPACT_RE = re.compile(r"^(\d{4})(\d{2})$")

_FORMAT_HINT = "请写成 2024-03-05"


def _check_range(d: datetime.date, shown: str, field: str) -> datetime.date:
    if not MIN_DATE <= d <= MAX_DATE:
        raise ValidationError(f"日期“{shown}”超出允许范围（1900年至2100年）", field)
    return d


def excel_serial_to_date(
    serial: float | int | Decimal, *, date1904: bool = False, field: str = "date"
) -> datetime.date:
    """Convert an Excel serial day number to a date (the time-of-day fraction is dropped).

    >>> excel_serial_to_date(1), excel_serial_to_date(61)
    (datetime.date(1900, 1, 1), datetime.date(1900, 3, 1))
    >>> excel_serial_to_date(0, date1904=True)
    datetime.date(1904, 1, 1)
    """
    days = int(serial)  # floor for the non-negative values accepted below
    shown = str(serial)
    if serial < 0 or days > 2_958_465:  # 2_958_465 = 9999-12-31, Excel's last day
        raise ValidationError(f"日期序号“{shown}”超出 Excel 的日期范围", field)
    if date1904:
        result = _EXCEL_1904_EPOCH + datetime.timedelta(days=days)
    elif days == 0:
        raise ValidationError("日期序号“0”在 Excel 中表示不存在的日期1900年1月0日", field)
    elif days == 60:
        raise ValidationError("日期序号“60”在 Excel 中表示不存在的日期1900年2月29日", field)
    elif days < 60:
        result = datetime.date(1899, 12, 31) + datetime.timedelta(days=days)
    else:
        result = _EXCEL_1900_EPOCH + datetime.timedelta(days=days)
    return _check_range(result, result.isoformat(), field)


def _make_date(year: str, month: str, day: str, shown: str, field: str) -> datetime.date:
    try:
        result = datetime.date(int(year), int(month), int(day))
    except ValueError:
        raise ValidationError(f"日期“{shown}”不存在", field) from None
    return _check_range(result, shown, field)


def parse_date(value: object, *, date1904: bool = False, field: str = "date") -> datetime.date:
    """Parse a date from a date/datetime, an Excel serial number or text.

    Text forms: ``2024-3-5``, ``2024-03-05``, ``2024/3/5``, ``2024.3.5``, ``2024年3月5日``,
    ``20240305``; full-width digits and spaces are tolerated, a trailing time is ignored.

    >>> parse_date("２０２４/３/５")
    datetime.date(2024, 3, 5)
    >>> parse_date("2024-02-30")
    Traceback (most recent call last):
    ...
    guilin_union.core.errors.ValidationError: 日期“2024-02-30”不存在
    """
    if isinstance(value, datetime.datetime):
        return _check_range(value.date(), value.date().isoformat(), field)
    if isinstance(value, datetime.date):
        return _check_range(value, value.isoformat(), field)
    if isinstance(value, bool):  # bool is an int subclass; True is not day 1
        raise ValidationError(f"无法识别的日期格式：{value}；{_FORMAT_HINT}", field)
    if isinstance(value, (int, float, Decimal)):
        if isinstance(value, float) and value != value:  # NaN
            raise ValidationError(f"无法识别的日期格式：{value}；{_FORMAT_HINT}", field)
        return excel_serial_to_date(value, date1904=date1904, field=field)
    if value is None:
        raise ValidationError("日期不能为空", field)
    shown = remove_zero_width(str(value)).strip()
    if not shown:
        raise ValidationError("日期不能为空", field)
    text = to_halfwidth(shown).strip()
    text = _TIME_SUFFIX_RE.sub("", text)
    text = _SPACES_RE.sub("", text)
    for pattern in (_SEP_RE, _CN_RE, _COMPACT_RE):
        match = pattern.match(text)
        if match:
            groups = match.groups()
            if pattern is _SEP_RE:
                year, _, month, day = groups
            else:
                year, month, day = groups
            return _make_date(year, month, day, shown, field)
    raise ValidationError(f"无法识别的日期格式：{shown}；{_FORMAT_HINT}", field)


def parse_month(value: object, field: str = "month") -> str:
    """Parse a year-month to ``YYYY-MM``.

    >>> parse_month("202403"), parse_month("2024-3"), parse_month(datetime.date(2024, 3, 5))
    ('2024-03', '2024-03', '2024-03')
    """
    if isinstance(value, (datetime.date, datetime.datetime)):
        return f"{value.year:04d}-{value.month:02d}"
    if value is None or isinstance(value, bool):
        raise ValidationError("月份不能为空", field)
    shown = remove_zero_width(str(value)).strip()
    if not shown:
        raise ValidationError("月份不能为空", field)
    text = _SPACES_RE.sub("", to_halfwidth(shown))
    for pattern in (_MONTH_SEP_RE, _MONTH_CN_RE, _MONTH_COMPACT_RE):
        match = pattern.match(text)
        if match:
            year, month = int(match[1]), int(match[2])
            if not 1 <= month <= 12:
                raise ValidationError(f"月份“{shown}”不存在", field)
            if not MIN_DATE.year <= year <= MAX_DATE.year:
                raise ValidationError(f"月份“{shown}”超出允许范围（1900年至2100年）", field)
            return f"{year:04d}-{month:02d}"
    # A full date is also a month ("2024-03-05" -> "2024-03").
    try:
        d = parse_date(shown, field=field)
    except ValidationError:
        raise ValidationError(f"无法识别的月份格式：{shown}；请写成 2024-03", field) from None
    return f"{d.year:04d}-{d.month:02d}"


def format_cn_date(d: datetime.date | str | None) -> str:
    """``2024-03-05`` → ``2024年3月5日`` for printouts; ``None`` and ``""`` give ``""``."""
    if d is None or d == "":
        return ""
    if not isinstance(d, datetime.date):
        d = parse_date(d)
    return f"{d.year}年{d.month}月{d.day}日"


def to_iso(d: datetime.date) -> str:
    """``date(2024, 3, 5)`` → ``'2024-03-05'`` (a datetime loses its time)."""
    if isinstance(d, datetime.datetime):
        d = d.date()
    return d.isoformat()


def age_on(birth: datetime.date, on: datetime.date) -> int:
    """Age in completed years on a given day (a 29 February birthday turns over on 1 March).

    >>> age_on(datetime.date(1990, 3, 7), datetime.date(2024, 3, 6))
    33
    """
    years = on.year - birth.year
    if (on.month, on.day) < (birth.month, birth.day):
        years -= 1
    return years


def format_cn_date_lenient(value: datetime.date | str | None) -> str:
    """:func:`format_cn_date` for printouts that must never lose what was typed: a value that
    is not a date (``2024年春``) is printed as it is; ``None`` and ``""`` give ``""``.

    >>> format_cn_date_lenient("2024-03-05"), format_cn_date_lenient("2024年春")
    ('2024年3月5日', '2024年春')
    >>> format_cn_date_lenient(None)
    ''
    """
    if value is None or value == "":
        return ""
    try:
        return format_cn_date(value)
    except ValidationError:
        return str(value)
