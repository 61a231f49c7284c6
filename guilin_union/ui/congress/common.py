"""Small helpers shared by the congress pages: tables, dates, colours.

The congress lists are short (a session's agenda, motions, about 150 delegates) and their
queries return the rows already in order: each page shows them through the house
:func:`~guilin_union.ui.table_model.set_rows` over a :class:`~guilin_union.ui.table_model.ListSource`,
whose ids are the rows' positions; the database id of a row is its ``id`` (:func:`selected_ids`,
:func:`row_of`).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QPushButton, QTableView, QVBoxLayout, QWidget

from guilin_union.ui import palette
from guilin_union.ui.widgets import list_helpers
from guilin_union.ui.widgets.list_helpers import make_id_table
from guilin_union.ui.widgets.modal import show_modal

WARNING_COLOR = palette.WARNING
OK_COLOR = palette.OK
MUTED_COLOR = palette.MUTED


#: ``make_table(model, object_name=…)``: the shared
#: :func:`~guilin_union.ui.widgets.list_helpers.make_id_table`, unsorted (the congress
#: queries already return their rows in order), the last column taking the spare width.
make_table = partial(make_id_table, multi=False, sortable=False, stretch_last=True)


Action = tuple[str, str, Callable[[], Any]]  # (attribute, button text, slot)


def ordered_list(
    view: QWidget,
    layout: QVBoxLayout,
    model: Any,
    name: str,
    *,
    add: Action,
    row_actions: Sequence[Action],
    move: Callable[[int], Any],
    extra: Sequence[Action],
) -> QTableView:
    """The buttons and table of a meeting's ordered list (agenda, motions): 添加…, the
    buttons acting on the selected row (enabled only while one is selected, the first one
    also on double click), ▲ 上移/▼ 下移, then ``extra``. Each button is set on ``view``
    under its attribute name; returns the table (also set as ``view.<name>``)."""
    from guilin_union.ui.widgets.list_helpers import add_button_row
    from guilin_union.ui.widgets.selection_state import enable_with_selection

    def button(action: Action) -> QPushButton:
        attribute, text, slot = action
        made = QPushButton(text)
        made.clicked.connect(lambda _checked=False: slot())
        setattr(view, attribute, made)
        return made

    up = button(("up_button", "▲ 上移", lambda: move(-1)))
    down = button(("down_button", "▼ 下移", lambda: move(1)))
    on_row = [button(a) for a in row_actions]
    add_button_row(layout, (button(add), *on_row, up, down), tuple(button(a) for a in extra))
    table = make_table(model, object_name=name)
    table.doubleClicked.connect(lambda _i: row_actions[0][2]())
    enable_with_selection(table, *on_row, up, down)
    layout.addWidget(table, 1)
    setattr(view, name, table)
    return table


def save_for(
    ctx: Any,
    parent: Any,
    key: int | None,
    title: str,
    build: Callable[[Any, int, Any], Any],
    default_name: str,
    **options: Any,
) -> None:
    """A printout of one session or sitting (``key``; nothing when there is none):
    ``build(db, key, path)`` through ``ops.save_output``."""
    from guilin_union.ui import ops

    if key is not None:
        ops.save_output(
            ctx,
            parent,
            title,
            lambda db, path: build(db, key, path),
            default_name=default_name,
            **options,
        )


def fit_columns(table: QTableView, stretch: int | None = None, minimum: int = 60) -> None:
    """Columns sized to their content (at least ``minimum``); ``stretch`` takes the spare width."""
    list_helpers.fit_columns(table, stretch, minimum=minimum, maximum=100_000)


def to_qdate(value: str | _dt.date | None) -> QDate:
    if not value:
        return QDate.currentDate()
    day = value if isinstance(value, _dt.date) else _dt.date.fromisoformat(value)
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> str:
    return _dt.date(value.year(), value.month(), value.day()).isoformat()


def open_modal(owner: Any, dialog: QDialog) -> QDialog:
    """Show ``dialog`` modal without blocking the event loop (tests drive it); it is kept on
    ``owner._last_dialog`` so it lives while shown and tests can find it."""
    show_modal(dialog)
    owner._last_dialog = dialog
    return dialog
