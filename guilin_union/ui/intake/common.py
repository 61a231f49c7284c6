"""Small helpers shared by the intake widgets."""

from __future__ import annotations

import datetime as _dt


def this_month() -> str:
    today = _dt.date.today()
    return f"{today.year:04d}-{today.month:02d}"
