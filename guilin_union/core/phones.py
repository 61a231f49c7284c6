"""Phone numbers: mainland mobiles and landlines with area code (and extension).

>>> normalize_mobile("+86 138-1234-5678")
'13812345678'
>>> normalize_phone("（0773）5851234 转 801")
'0773-5851234-801'
"""

from __future__ import annotations

import re

from guilin_union.core.errors import ValidationError
from guilin_union.core.text import remove_zero_width, to_halfwidth

_MOBILE_RE = re.compile(r"^1[3-9]\d{9}$")
# Separators people put inside numbers: spaces of every kind, dashes, dots, brackets.
_SEPARATORS_RE = re.compile(r"[\s\u00a0\u3000\-\u2010-\u2015\u2212.()]")
_INTL_PREFIX_RE = re.compile(r"^(?:\+86|0086)")
# Landline: area code 0 + 2 digits (010, 020-029) or 0 + 3 digits, local number 7-8 digits,
# optional extension of 1-6 digits.
_LANDLINE_RE = re.compile(
    r"^(?P<area>0(?:[12]\d|[3-9]\d{2}))[-]?(?P<local>[2-9]\d{6,7})(?:[-](?P<ext>\d{1,6}))?$"
)
_EXT_WORDS_RE = re.compile(r"(?:转|分机|ext\.?|x|#)", re.IGNORECASE)


def _prepare(raw: object, what: str, field: str) -> str:
    """``raw`` as half-width text without zero-width characters; empty (or None) is a
    ValidationError that names ``what`` (手机号码, 电话号码)."""
    text = to_halfwidth(remove_zero_width(str(raw))).strip() if raw is not None else ""
    if not text:
        raise ValidationError(f"{what}不能为空", field)
    return text


def normalize_mobile(raw: str, field: str = "phone") -> str:
    """Return an 11-digit mainland mobile number or raise :class:`ValidationError`.

    Accepts spaces, dashes, full-width digits and a ``+86``/``0086`` prefix.

    >>> normalize_mobile("１３８ １２３４ ５６７８")
    '13812345678'
    """
    text = _prepare(raw, "手机号码", field)
    digits = _SEPARATORS_RE.sub("", text)
    digits = _INTL_PREFIX_RE.sub("", digits)
    if len(digits) == 13 and digits.startswith("86"):
        digits = digits[2:]
    if not digits.isdigit() or not digits.isascii():
        raise ValidationError(f"手机号码“{text}”只能包含数字", field)
    if len(digits) != 11:
        raise ValidationError(f"手机号码应为11位数字，现为{len(digits)}位", field)
    if not _MOBILE_RE.match(digits):
        raise ValidationError(f"手机号码“{text}”格式不正确：应以13至19开头", field)
    return digits


def normalize_phone(raw: str, field: str = "phone") -> str:
    """Return a mobile (``13812345678``) or a landline in dash form (``0773-5851234[-801]``).

    >>> normalize_phone("07735851234")
    '0773-5851234'
    >>> normalize_phone("010 8888 6666")
    '010-88886666'
    """
    text = _prepare(raw, "电话号码", field)
    # Extension words (转 801, 分机801, ext 801) mark the extension explicitly.
    marked = _EXT_WORDS_RE.sub("~", text)
    head, _, ext = marked.partition("~")
    ext = _SEPARATORS_RE.sub("", ext)
    head_no_prefix = _INTL_PREFIX_RE.sub("", re.sub(r"[\s\u00a0\u3000]", "", head))
    international = head_no_prefix != re.sub(r"[\s\u00a0\u3000]", "", head)
    compact = _SEPARATORS_RE.sub("", head_no_prefix)
    if compact.startswith("1") and len(compact) == 11 and not ext:
        return normalize_mobile(compact, field)
    if international and not compact.startswith("0"):
        compact = "0" + compact  # +86 773 5851234: the trunk 0 is dropped in international form
    if not ext:
        # Only dashes (not spaces) can set off an extension: 0773-5851234-801. Spaces are
        # mere grouping (0773 585 1234), so they never split off digits.
        groups = [g for g in re.split(r"[-\u2010-\u2015\u2212]", head_no_prefix) if g]
        if len(groups) >= 3:
            rest = compact[: len(compact) - len(_SEPARATORS_RE.sub("", groups[-1]))]
            if _LANDLINE_RE.match(rest):
                ext, compact = _SEPARATORS_RE.sub("", groups[-1]), rest
    if not compact.isdigit() or (ext and not ext.isdigit()):
        raise ValidationError(f"电话号码“{text}”只能包含数字和连接符“-”", field)
    if not compact.startswith("0"):
        if len(compact) in (7, 8):
            raise ValidationError(f"电话号码“{text}”缺少区号，请写成 0773-5851234 的形式", field)
        raise ValidationError(
            f"电话号码“{text}”格式不正确：应为11位手机号码或带区号的座机号码", field
        )
    match = _LANDLINE_RE.match(compact + (f"-{ext}" if ext else ""))
    if not match:
        raise ValidationError(
            f"电话号码“{text}”格式不正确：座机应写成 0773-5851234（可加分机 0773-5851234-801）",
            field,
        )
    result = f"{match['area']}-{match['local']}"
    if match["ext"]:
        result += f"-{match['ext']}"
    return result
