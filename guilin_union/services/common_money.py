"""Money input shared by the services: an amount in integer 分, or text in 元."""

from __future__ import annotations

from typing import Any

from guilin_union.core.errors import ValidationError
from guilin_union.core.money import parse_yuan

FLOAT_MESSAGE = "金额必须以“分”为单位的整数保存"


def fen_amount(
    value: Any,
    field: str = "amount",
    *,
    blank: str = "请填写金额",
    float_message: str = FLOAT_MESSAGE,
) -> int:
    """A required, not negative amount: an int is 分 as is, text is 元 (``"1,234.50"``).

    A float is refused (money is never a float); ``blank`` is the message for None/bool."""
    if isinstance(value, bool) or value is None:
        raise ValidationError(blank, field)
    if isinstance(value, int):
        if value < 0:
            raise ValidationError("金额不能为负数", field)
        return value
    if isinstance(value, float):
        raise ValidationError(float_message, field)
    return parse_yuan(value, field=field)
