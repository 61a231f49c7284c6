"""The base of the congress pages that list one session's rows (议程, 表决, 签到, 代表):
the session shown, the in-memory row source (the house
:class:`~guilin_union.ui.table_model.ListSource`, refilled from ``_fetch`` with
:func:`~guilin_union.ui.table_model.set_rows`), fitting the columns once, the buttons that
need a session, and the selected row."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QAbstractButton, QTableView, QWidget

from guilin_union.ui.congress.common import fit_columns
from guilin_union.ui.context import AppContext
from guilin_union.ui.table_model import IdTableModel, ListSource, set_rows
from guilin_union.ui.widgets.list_helpers import select_id, selected_rows

if TYPE_CHECKING:
    from guilin_union.ui.congress.page import CongressTab


class SessionListPage(QWidget):
    """Subclasses give ``_fetch`` (the rows of ``session_id``) and set ``self.model``."""

    model: IdTableModel

    def __init__(self, ctx: AppContext, page: CongressTab) -> None:
        super().__init__(page)
        self.ctx = ctx
        self.page = page
        self.session_id: int | None = None
        self.source = ListSource(id_key="id")  # the records' ids: selection follows them
        self._sized = False

    def _fetch(self) -> list[dict[str, Any]]:
        raise NotImplementedError

    def reload(self) -> None:
        raise NotImplementedError

    def set_session(self, session_id: int | None) -> None:
        self.session_id = session_id
        self.reload()

    def show_rows(
        self,
        table: QTableView,
        *,
        stretch: int,
        session_buttons: Iterable[QAbstractButton] = (),
        enabled: bool | None = None,
        select: int | None = None,
    ) -> None:
        """Refill the model from ``_fetch``, fit the columns the first time there are rows
        (``stretch`` takes the spare width), enable ``session_buttons`` when ``enabled``
        (default: a session is shown) and select the row of database id ``select``."""
        set_rows(self.model, self._fetch())
        if not self._sized and self.model.rowCount():
            fit_columns(table, stretch=stretch)
            self._sized = True
        on = self.session_id is not None if enabled is None else enabled
        for button in session_buttons:
            button.setEnabled(on)
        select_id(table, self.model, select)

    def selected_row(self, table: QTableView) -> dict[str, Any] | None:
        """The first selected row's data, or None."""
        rows = selected_rows(table)
        return rows[0] if rows else None
