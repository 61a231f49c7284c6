"""Small helpers shared by the work-points screens: status colours, table set-up, date
fields. Other colours are the palette's (``ui.palette``)."""

from __future__ import annotations

import datetime as _dt
from functools import partial

from PySide6.QtCore import QDate

from guilin_union.ui import palette
from guilin_union.ui.widgets.list_helpers import make_id_table

STATUS_COLORS = {
    "已完成": palette.OK,
    "进行中": palette.INFO,
    "未开始": palette.MUTED,
    "已取消": palette.CANCELLED,
}


#: ``make_table(model, object_name=…)``: a list over ``model`` (a
#: :func:`~guilin_union.ui.table_model.list_model`) in the work-point screens' look, the
#: shared :func:`~guilin_union.ui.widgets.list_helpers.make_id_table` with centred headers,
#: one row selected at a time, rows in the order given (not sortable); a model without a
#: parent is given the table as parent, so it lives as long as the table.
make_table = partial(
    make_id_table, multi=False, sortable=False, center_headers=True, own_model=True
)


def qdate(day: _dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def shorten(text: str | None, limit: int = 40) -> str:
    """One line of at most ``limit`` characters (for table cells and combo boxes).

    >>> shorten("一二三四五六", 4)
    '一二三…'
    """
    text = " ".join(str(text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def safe_file_name(text: str) -> str:
    """A file name from a title (Windows forbids \\ / : * ? " < > |)."""
    from guilin_union.core.filenames import safe_file_name as windows_safe

    return windows_safe(text, fallback="工作要点")
