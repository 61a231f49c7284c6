"""One option of a command table (cli/table.py): :func:`opt`, :func:`flag`, and the kinds of
value an option takes. Each kind is shown (metavar) and parsed (type) the same way in every
area, given here once: ``date_opt("--on", "缴纳日期")`` is ``--on YYYY-MM-DD`` wherever it
stands, ``year_opt("--year", "年度")`` a whole number shown as ``YYYY``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

ArgAdder = Callable[[Any], Any]


def opt(*flags: str, **kwargs: Any) -> ArgAdder:
    """One ``add_argument(*flags, **kwargs)`` for a command row."""
    return lambda parser: parser.add_argument(*flags, **kwargs)


def flag(name: str, help_text: str) -> ArgAdder:
    """An on/off option (``store_true``)."""
    return opt(name, action="store_true", help=help_text)


def date_opt(name: str, help_text: str | None = None, **kwargs: Any) -> ArgAdder:
    """A date: ``YYYY-MM-DD`` (checked by the service that takes it)."""
    return opt(name, metavar="YYYY-MM-DD", help=help_text, **kwargs)


def month_opt(name: str, help_text: str | None = None, **kwargs: Any) -> ArgAdder:
    """A month: ``YYYY-MM`` (checked by the service that takes it)."""
    return opt(name, metavar="YYYY-MM", help=help_text, **kwargs)


def year_opt(name: str, help_text: str | None = None, **kwargs: Any) -> ArgAdder:
    """A year: ``YYYY``, a whole number."""
    return opt(name, type=int, metavar="YYYY", help=help_text, **kwargs)


def member_opt(name: str, help_text: str | None = None, **kwargs: Any) -> ArgAdder:
    """A member by its internal id: ``MEMBER_ID``, a whole number."""
    return opt(name, type=int, metavar="MEMBER_ID", help=help_text, **kwargs)


def count_opt(name: str, help_text: str | None = None, **kwargs: Any) -> ArgAdder:
    """A number of things (months, votes, copies …): ``N``, a whole number."""
    return opt(name, type=int, metavar="N", help=help_text, **kwargs)


def yuan_opt(name: str, help_text: str | None = None, **kwargs: Any) -> ArgAdder:
    """An amount of money in yuan: ``元``, kept as text (read to fen exactly, never a float)."""
    return opt(name, metavar="元", help=help_text, **kwargs)


def session_opt(name: str, help_text: str | None = None, **kwargs: Any) -> ArgAdder:
    """A congress session: its number or ``current`` (read by ``cli.congress.resolve_session``),
    shown as ``ID``."""
    return opt(name, metavar="ID", help=help_text, **kwargs)


def text_opt(name: str, help_text: str | None = None, **kwargs: Any) -> ArgAdder:
    """Free text: ``TEXT``."""
    return opt(name, metavar="TEXT", help=help_text, **kwargs)
