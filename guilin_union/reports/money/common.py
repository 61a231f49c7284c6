"""Pieces shared by the printouts of 会费 and 经费: their letterhead, amounts in whole 分 and
percentages.

>>> pct(2835, 4835), pct(0, 0)
('58.6%', '—')
>>> require_fen(100, 2.5)
Traceback (most recent call last):
TypeError: 金额必须是整数（分）
"""

from __future__ import annotations

import datetime
import os
from typing import NotRequired, TypedDict, Unpack

from guilin_union.core.funds import percent_text
from guilin_union.reports.document import Report


class Letterhead(TypedDict):
    """The keyword arguments every money printout takes for its title and issuer line."""

    institution: str
    union_name: str
    generated_on: NotRequired[datetime.date | None]


def money_report(
    path: str | os.PathLike[str],
    title: str,
    *,
    subtitle: str | None,
    **letterhead: Unpack[Letterhead],
) -> Report:
    """A report titled ``title`` after the union's name (the institution's when it has none)."""
    institution = letterhead["institution"]
    return Report(
        path,
        f"{letterhead['union_name'] or institution}{title}",
        institution=institution,
        subtitle=subtitle,
        generated_on=letterhead.get("generated_on"),
    )


def require_fen(*amounts: int) -> None:
    """Refuse amounts that are not whole 分 (a float of 元 passed by mistake, or a bool)."""
    for v in amounts:
        if isinstance(v, bool) or not isinstance(v, int):
            raise TypeError("金额必须是整数（分）")


def pct(part: int, whole: int) -> str:
    """``part`` as a percentage of ``whole``, or ``—`` when there is no whole."""
    text = percent_text(part, whole)
    return "—" if text is None else f"{text}%"
