"""Pieces shared by the printouts of 会员 and 慰问 (and of 会费/经费): the keywords that name
who issues them and when, and the report they open.

>>> head: Letterhead = {"institution": "桂林学院", "union_name": ""}
>>> issuer(head), issuer({**head, "union_name": "桂林学院工会委员会"})
('桂林学院', '桂林学院工会委员会')
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Required

from guilin_union.reports.options import ReportOptions

if TYPE_CHECKING:  # reportlab loads only when a PDF is built (the welfare screens import
    from guilin_union.reports.document import Report  # the report modules at start-up)


class Letterhead(ReportOptions):
    """The keywords of these printouts: :class:`ReportOptions` — the institution (学校), here
    required, and the day printed as 打印日期 (today when left out) — and the union's name (工会)."""

    institution: Required[str]
    union_name: str


def issuer(head: Letterhead) -> str:
    """Who issues the printout: the union, or the institution where no union name is set."""
    return head["union_name"] or head["institution"]


def union_report(
    path: str | os.PathLike[str], title: str, head: Letterhead, **options: Any
) -> Report:
    """A :class:`Report` titled ``title`` after :func:`issuer` (``桂林学院工会委员会会员花名册``),
    with the institution's issuer line and ``head``'s print date; ``options`` go to Report."""
    from guilin_union.reports.document import Report

    return Report(
        path,
        f"{issuer(head)}{title}",
        institution=head["institution"],
        generated_on=head.get("generated_on"),
        **options,
    )
