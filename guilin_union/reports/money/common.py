"""Pieces shared by the printouts of 会费 and 经费: amounts in whole 分 and percentages.

>>> pct(2835, 4835), pct(0, 0)
('58.6%', '—')
>>> require_fen(100, 2.5)
Traceback (most recent call last):
TypeError: 金额必须是整数（分）
"""

from __future__ import annotations

from guilin_union.core.funds import percent_text


def require_fen(*amounts: int) -> None:
    """Refuse amounts that are not whole 分 (a float of 元 passed by mistake, or a bool)."""
    for v in amounts:
        if isinstance(v, bool) or not isinstance(v, int):
            raise TypeError("金额必须是整数（分）")


def pct(part: int, whole: int) -> str:
    """``part`` as a percentage of ``whole``, or ``—`` when there is no whole."""
    text = percent_text(part, whole)
    return "—" if text is None else f"{text}%"
