"""Money input shared by the services: an amount in integer 分, or text in 元.

One rule set for every money field a service accepts (``fen_amount`` when it is required,
``fen_or_none`` when it may be left empty):

- ``None`` or blank text is "no amount" (refused by ``fen_amount`` with its ``blank`` message);
- a bool is refused (``invalid``);
- an int is 分 as is and must not be negative;
- a float is refused (money is never a float; spreadsheet cells are read to 分 by the
  reader before they reach a service) with ``float_message``;
- anything else (text, ``Decimal``) is 元 and read exactly by ``core.money.parse_yuan``
  (``"1,234.50"``, ``"￥12元"``; more than two decimals or a negative amount is refused);
- ``positive=True`` also refuses 0 (``"金额必须大于 0"``).
"""

from __future__ import annotations

from typing import Any

from guilin_union.core.errors import ValidationError
from guilin_union.core.money import parse_yuan

FLOAT_MESSAGE = "金额必须以“分”为单位的整数保存"
INVALID_MESSAGE = "金额无效"
NEGATIVE_MESSAGE = "金额不能为负数"
POSITIVE_MESSAGE = "金额必须大于 0"


def fen_or_none(
    value: Any,
    field: str = "amount",
    *,
    invalid: str = INVALID_MESSAGE,
    float_message: str = FLOAT_MESSAGE,
    positive: bool = False,
) -> int | None:
    """An optional amount in 分: ``None``/blank text → ``None``, otherwise as ``fen_amount``."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValidationError(invalid, field)
    if isinstance(value, float):
        raise ValidationError(float_message, field)
    if isinstance(value, int):
        if value < 0 and not positive:
            raise ValidationError(NEGATIVE_MESSAGE, field)
        fen = value
    else:
        fen = parse_yuan(value, field=field)
    if positive and fen <= 0:
        raise ValidationError(POSITIVE_MESSAGE, field)
    return fen


def fen_amount(
    value: Any,
    field: str = "amount",
    *,
    blank: str = "请填写金额",
    invalid: str | None = None,
    float_message: str = FLOAT_MESSAGE,
    positive: bool = False,
) -> int:
    """A required amount: an int is 分 as is, text is 元 (``"1,234.50"``), never negative.

    ``blank`` is the message for ``None``/blank text, ``invalid`` for a bool (default:
    ``blank``); a float is refused with ``float_message``; ``positive`` also refuses 0."""
    fen = fen_or_none(
        value,
        field,
        invalid=blank if invalid is None else invalid,
        float_message=float_message,
        positive=positive,
    )
    if fen is None:
        raise ValidationError(blank, field)
    return fen
