"""The keywords every report builder passes on to :class:`~guilin_union.reports.document.Report`
(who prints and when), kept apart from the PDF code so that declaring them loads no reportlab.
``guilin_union.reports.document`` re-exports :class:`ReportOptions`.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, TypedDict

if TYPE_CHECKING:  # typing.ReadOnly is Python 3.13's; type checkers know this one
    from typing_extensions import ReadOnly

__all__ = ["ReportOptions"]


class ReportOptions(TypedDict, total=False):
    """Keyword options a report builder takes only to hand them on to :class:`Report` as they
    are: ``build_x(path, rows, **options: Unpack[ReportOptions])`` then
    ``Report(path, title, **options)`` (the defaults are :class:`Report`'s).

    The keys are read-only, so that a group extending these options may make one of them
    required (the members printouts' ``Letterhead`` needs the institution)."""

    institution: ReadOnly[str]
    generated_on: ReadOnly[datetime.date | None]
