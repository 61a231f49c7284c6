"""The record actions every list page shares (会员名册, 慰问记录, 入会申请): which rows are
selected, opening the record double-clicked or selected, and selecting the one just saved."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QTableView

from guilin_union.ui.widgets.list_helpers import select_id, selected_ids


class RecordListMixin:
    """Mixed into a list page with ``model`` (an IdTableModel) and the table named by
    :meth:`list_table`; the page gives :meth:`open_record` (its edit dialog). A dialog that
    saves sets ``_last_saved_id`` for :meth:`_select_saved`."""

    model: Any

    def list_table(self) -> QTableView:
        return self.table  # type: ignore[attr-defined]

    def open_record(self, record_id: int) -> Any:
        raise NotImplementedError

    def selected_ids(self) -> list[int]:
        return selected_ids(self.list_table(), self.model)

    def edit_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.open_record(ids[0])

    def _open_index(self, index: QModelIndex) -> None:
        record_id = self.model.row_id(index.row())
        if record_id is not None:
            self.open_record(record_id)

    def _select_saved(self) -> None:
        select_id(self.list_table(), self.model, getattr(self, "_last_saved_id", None))
