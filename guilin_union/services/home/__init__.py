"""The 首页 area: what needs doing now (reminders), retirements, birthdays and the year's figures.

Nothing here writes: every function reads the other areas' records and answers a question the
secretary asks at the start of a week.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

import sqlite_utils


@dataclass
class HomeData:
    """Everything the 首页 shows, read in one go (in the background)."""

    year: int
    reminders: list  # list[reminders.Reminder]
    summary: object  # reports.home.year_summary.YearSummary
    newest_backup: str | None  # "2026-12-07 19:52", or None when there is none


def home_data(db: sqlite_utils.Database, year: int | None = None) -> HomeData:
    from guilin_union.services import safety
    from guilin_union.services.home.figures import year_summary
    from guilin_union.services.home.reminders import reminders

    year = year or _dt.date.today().year
    try:
        newest = safety.newest_backup_time(db)
    except OSError:
        newest = None
    return HomeData(
        year=year,
        reminders=reminders(db),
        summary=year_summary(db, year),
        newest_backup=newest.strftime("%Y-%m-%d %H:%M") if newest else None,
    )


def proposal_session(db: sqlite_utils.Database, proposal_id: int) -> int | None:
    row = db.execute("SELECT session_id FROM proposals WHERE id = ?", [proposal_id]).fetchone()
    return row[0] if row else None


def workpoint_item_plan(db: sqlite_utils.Database, item_id: int) -> int | None:
    row = db.execute("SELECT plan_id FROM workpoint_items WHERE id = ?", [item_id]).fetchone()
    return row[0] if row else None


def delegate_term(db: sqlite_utils.Database, delegate_id: int) -> int | None:
    row = db.execute(
        "SELECT term_id FROM congress_delegates WHERE id = ?", [delegate_id]
    ).fetchone()
    return row[0] if row else None
