"""Money as integer fen (分). Never float: parse with Decimal, store int, print with separators.

>>> parse_yuan("1,234.5")
123450
>>> format_fen(123450)
'1,234.50'
>>> fen_to_upper(123450)
'壹仟贰佰叁拾肆元伍角'
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from guilin_union.core.errors import ValidationError

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，－＋", "0123456789.,-+")
_CLEAN = re.compile(r"[\s\u3000,￥¥元]|RMB|CNY", re.IGNORECASE)
_NUMBER = re.compile(r"^[+-]?(\d+)(\.\d{0,2})?$")


def parse_yuan(value: object, *, allow_negative: bool = False, field: str | None = None) -> int:
    """Parse an amount in yuan (text, int or Decimal) into integer fen.

    Accepts ``1234``, ``1,234.50``, ``￥1234.5``, ``1234.50元`` and full-width digits.
    More than two decimal places is an error rather than a silent rounding.
    """
    if isinstance(value, bool) or value is None:
        raise ValidationError("金额不能为空", field)
    if isinstance(value, int):
        text = str(value)
    elif isinstance(value, Decimal):
        text = format(value, "f")
    elif isinstance(value, float):
        # Excel hands numbers over as float; repr() gives the shortest exact decimal form,
        # so 300.1 stays "300.1" and is then parsed exactly with Decimal.
        text = repr(value)
    else:
        text = str(value)
    text = _CLEAN.sub("", text.translate(_FULLWIDTH))
    if not text:
        raise ValidationError("金额不能为空", field)
    match = _NUMBER.match(text)
    if not match:
        try:
            amount = Decimal(text)
        except InvalidOperation:
            raise ValidationError(f"金额“{value}”不是有效的数字", field) from None
        if amount != amount.quantize(Decimal("0.01")):
            raise ValidationError(f"金额“{value}”最多只能有两位小数（角、分）", field)
    else:
        amount = Decimal(text)
    fen = int((amount * 100).to_integral_value())
    if fen < 0 and not allow_negative:
        raise ValidationError(f"金额“{value}”不能为负数", field)
    if abs(fen) > 10**13:
        raise ValidationError(f"金额“{value}”过大", field)
    return fen


def format_fen(fen: int) -> str:
    """``123450`` → ``'1,234.50'`` (negative amounts keep their sign)."""
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(int(fen)), 100)
    return f"{sign}{yuan:,}.{cents:02d}"


def format_fen_yuan(fen: int) -> str:
    """``123450`` → ``'1,234.50 元'`` as printed on documents."""
    return f"{format_fen(fen)} 元"


def fen_to_upper(fen: int) -> str:
    """Amount in 大写 for totals on printed rosters, e.g. ``壹仟贰佰元整``.

    Uses ``cn2an``'s RMB mode (a maintained library) rather than a hand-written converter.
    """
    import cn2an  # imported lazily: only printouts need it

    if fen == 0:
        return "零元整"
    sign = "负" if fen < 0 else ""
    yuan, cents = divmod(abs(int(fen)), 100)
    return sign + cn2an.an2cn(f"{yuan}.{cents:02d}", "rmb")
