"""One table model for every list (Anki's browser pattern).

The model holds only the ids of the current query. Rows are fetched from the source in
pages when the view first asks for them and cached; a change marks the cache stale. Sorting
and filtering happen in SQL in the source, never in a proxy model over thousands of rows.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from guilin_union.core.column_spec import spec_parts

_ALIGN = {
    "left": Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
    "center": Qt.AlignmentFlag.AlignCenter,
    "right": Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
}
# data() runs for every role of every visible cell on every repaint (about 1,700 calls for one
# screen of the register), so roles are compared as plain ints and constant answers are
# computed once (issue 11: Qt's enum operators are slow in Python).
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole.value)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
_FONT = int(Qt.ItemDataRole.FontRole.value)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole.value)
_ALIGN_VALUES = {key: int(flag.value) for key, flag in _ALIGN.items()}
_ITEM_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


#: Turns a cell's value (and its whole row) into the text shown.
Formatter = Callable[[Any, dict[str, Any]], str]


@dataclass(frozen=True)
class ColumnSpec:
    """A column declared as data: key in the row dict, header, optional sort key and format."""

    key: str
    header: str
    sort_key: str | None = None
    align: str = "left"
    formatter: Formatter | None = None
    foreground: Callable[[dict[str, Any]], str | None] | None = None


def nonzero(show: Callable[[Any], str] = str, *, zero: str = "") -> Formatter:
    """A formatter showing ``show(value)``, or ``zero`` when the value is 0 or missing (a
    count, an amount owed, a limit).

    >>> [nonzero(zero="不限")(v, {}) for v in (3, 0, None)]
    ['3', '不限', '不限']
    """
    return lambda value, _row: show(value) if value else zero


def columns(
    spec: str,
    *,
    formatters: Mapping[str, Formatter] | None = None,
    colors: Mapping[str, Callable[[dict[str, Any]], str | None]] | None = None,
) -> list[ColumnSpec]:
    """Columns written as one line, the way the list reads left to right.

    Each column is ``key header [左/中/右]`` and columns are separated by ``|``; a column
    sorts by its own key, by another with ``key:sort_key``, or not at all with ``key:-``.
    ``formatters`` and ``colors`` give, by key, the columns' formatter and foreground.
    A mistake in a spec is a programming error and fails at import time.

    >>> [(c.key, c.header, c.sort_key, c.align) for c in columns("name 姓名 | gender:- 性别 中")]
    [('name', '姓名', 'name', 'left'), ('gender', '性别', None, 'center')]
    >>> columns("phone_display:phone 手机")[0].sort_key
    'phone'
    >>> columns("name 姓名 上")
    Traceback (most recent call last):
    ValueError: column spec 'name 姓名 上': expected key header [左/中/右]
    """
    result: list[ColumnSpec] = []
    for part in spec_parts(spec, "key header [左/中/右]"):
        key, _, sort_key = part.words[0].partition(":")
        sort = None if sort_key == "-" else sort_key or key
        formatter = (formatters or {}).get(key)
        foreground = (colors or {}).get(key)
        result.append(ColumnSpec(key, part.words[1], sort, part.align(2), formatter, foreground))
    return result


def state_column(
    key: str,
    header: str,
    colors: Mapping[Any, str],
    *,
    sortable: bool = True,
    formatter: Formatter | None = None,
) -> ColumnSpec:
    """A centred column of states (会籍状态, 审批状态 …), each shown in its colour from
    ``colors`` (states not in it in the table's colour); sorted by ``key`` if ``sortable``.

    >>> column = state_column("status", "状态", {"退会": "#777777"})
    >>> column.sort_key, column.align, column.foreground({"status": "退会"})
    ('status', 'center', '#777777')
    """
    return ColumnSpec(
        key,
        header,
        sort_key=key if sortable else None,
        align="center",
        formatter=formatter,
        foreground=lambda row: colors.get(row.get(key)),
    )


def _text(column: ColumnSpec, row: dict[str, Any]) -> str:
    value = row.get(column.key)
    return (
        column.formatter(value, row) if column.formatter else ("" if value is None else str(value))
    )


_COLOURS: dict[str, Any] = {}


def _colour(name: str | None) -> Any:
    """A QColor per colour name, made once."""
    if not name:
        return None
    colour = _COLOURS.get(name)
    if colour is None:
        from PySide6.QtGui import QColor

        colour = _COLOURS[name] = QColor(name)
    return colour


class RowSource(Protocol):
    def ids(self, sort_key: str | None, descending: bool) -> list[int]: ...

    def rows(self, ids: list[int]) -> dict[int, dict[str, Any]]: ...


class IdTableModel(QAbstractTableModel):
    PAGE_SIZE = 200

    def __init__(self, columns: list[ColumnSpec], source: RowSource, parent=None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.source = source
        self._ids: list[int] = []
        self._pages: dict[int, dict[int, dict[str, Any]]] = {}
        # row number -> (texts, colours) as shown: a repaint asks each cell several times.
        self._cells: dict[int, tuple[tuple[str, ...], tuple[Any, ...] | None]] = {}
        self._sort_key: str | None = None
        self._descending = False
        self._alignments = [_ALIGN_VALUES.get(c.align, _ALIGN_VALUES["left"]) for c in columns]
        self._coloured = any(c.foreground is not None for c in columns)

    def set_columns(self, columns: list[ColumnSpec]) -> None:
        """Show other columns (a preview whose columns follow the file read); ids are kept."""
        self.beginResetModel()
        self.columns = columns
        self._alignments = [_ALIGN_VALUES.get(c.align, _ALIGN_VALUES["left"]) for c in columns]
        self._coloured = any(c.foreground is not None for c in columns)
        self._cells.clear()
        self.endResetModel()

    # ---- loading
    def reload(self) -> None:
        """Re-run the query (after a filter, sort or data change)."""
        self.beginResetModel()
        self._ids = self.source.ids(self._sort_key, self._descending)
        self._pages.clear()
        self._cells.clear()
        self.endResetModel()

    def mark_stale(self) -> None:
        """Forget cached rows but keep the id list (a value changed, not membership)."""
        self._pages.clear()
        self._cells.clear()
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(self.columns) - 1)
            )

    def _row(self, row: int) -> dict[str, Any] | None:
        page = row // self.PAGE_SIZE
        cached = self._pages.get(page)
        if cached is None:
            ids = self._ids[page * self.PAGE_SIZE : (page + 1) * self.PAGE_SIZE]
            cached = self.source.rows(ids)
            self._pages[page] = cached
        return cached.get(self._ids[row])

    def _cells_of(self, number: int) -> tuple[tuple[str, ...], tuple[Any, ...] | None]:
        """The texts (and colours) of one row as shown, formatted once."""
        cells = self._cells.get(number)
        if cells is None:
            row = self._row(number)
            if row is None:
                cells = (("",) * len(self.columns), None)
            else:
                texts = tuple(_text(c, row) for c in self.columns)
                colours = (
                    tuple(
                        _colour(c.foreground(row)) if c.foreground else None for c in self.columns
                    )
                    if self._coloured
                    else None
                )
                cells = (texts, colours)
            self._cells[number] = cells
        return cells

    def row_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_data(self, row: int) -> dict[str, Any] | None:
        return self._row(row) if 0 <= row < len(self._ids) else None

    def row_of_id(self, row_id: int) -> int | None:
        try:
            return self._ids.index(row_id)
        except ValueError:
            return None

    def ids(self) -> list[int]:
        return list(self._ids)

    # ---- Qt overrides
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != _DISPLAY and role != _TOOLTIP and role != _ALIGNMENT and role != _FOREGROUND:
            return None
        number, column = index.row(), index.column()
        if (
            not (0 <= number < len(self._ids) and 0 <= column < len(self.columns))
            or not index.isValid()
        ):
            return None
        if role == _ALIGNMENT:
            return self._alignments[column]
        texts, colours = self._cells_of(number)
        if role == _FOREGROUND:
            return colours[column] if colours is not None else None
        return texts[column]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header if 0 <= section < len(self.columns) else None
        return str(section + 1)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _ITEM_FLAGS

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not (0 <= column < len(self.columns)):
            return
        key = self.columns[column].sort_key
        if key is None:
            return
        self._sort_key = key
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.layoutAboutToBeChanged.emit()
        self._ids = self.source.ids(self._sort_key, self._descending)
        self._pages.clear()
        self._cells.clear()
        self.layoutChanged.emit()


class ListSource:
    """A :class:`RowSource` over a short list already in memory (a member's status history,
    a month's summary, a dialog's list): ids are the rows' positions, sorting is in Python.

    With ``id_key`` the ids are the rows' own ids (``row[id_key]``, unique), so the list
    helpers :func:`~guilin_union.ui.widgets.list_helpers.selected_ids` and ``select_id``
    work with record ids, as over a SQL source.

    >>> source = ListSource([{"seq": 2}, {"seq": 1}])
    >>> source.ids("seq", False)
    [1, 0]
    >>> ListSource([{"id": 7, "seq": 2}, {"id": 9, "seq": 1}], id_key="id").ids("seq", False)
    [9, 7]
    """

    def __init__(
        self, rows: list[dict[str, Any]] | None = None, *, id_key: str | None = None
    ) -> None:
        self.items: list[dict[str, Any]] = rows or []
        self.id_key = id_key

    def ids(self, sort_key: str | None, descending: bool) -> list[int]:
        order = list(range(len(self.items)))
        if sort_key is not None:
            order.sort(
                key=lambda i: (
                    self.items[i].get(sort_key) is None,
                    self.items[i].get(sort_key) or 0,
                ),
                reverse=descending,
            )
        if self.id_key is not None:
            return [self.items[i][self.id_key] for i in order]
        return order

    def rows(self, ids: list[int]) -> dict[int, dict[str, Any]]:
        if self.id_key is not None:
            by_id = {row[self.id_key]: row for row in self.items}
            return {i: by_id[i] for i in ids if i in by_id}
        return {i: self.items[i] for i in ids if 0 <= i < len(self.items)}


class BoldRowsModel(IdTableModel):
    """An :class:`IdTableModel` that shows in bold the rows for which ``bold(row)`` holds
    (a 合计 line under a summary)."""

    def __init__(
        self,
        columns: list[ColumnSpec],
        source: RowSource,
        bold: Callable[[dict[str, Any]], bool],
        parent=None,
    ) -> None:
        super().__init__(columns, source, parent)
        self._bold = bold
        self._font: Any = None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != _FONT:
            return super().data(index, role)
        row = self.row_data(index.row()) if index.isValid() else None
        if row is None or not self._bold(row):
            return None
        if self._font is None:
            from PySide6.QtGui import QFont

            self._font = QFont()
            self._font.setBold(True)
        return self._font


class CellNotesModel(IdTableModel):
    """An :class:`IdTableModel` whose rows may carry notes on single cells (``row[notes_key]``
    maps a column's key to a message, such as an import error): a cell with a note is tinted
    ``background`` and shows the note as its tooltip."""

    def __init__(
        self,
        columns: list[ColumnSpec],
        source: RowSource,
        *,
        notes_key: str = "notes",
        background: str = "#ffd6d6",
        parent=None,
    ) -> None:
        super().__init__(columns, source, parent)
        self._notes_key = notes_key
        self._background = background

    def note(self, row: int, column: int) -> str | None:
        """The note on a cell, or None."""
        data = self.row_data(row)
        if data is None or not (0 <= column < len(self.columns)):
            return None
        return (data.get(self._notes_key) or {}).get(self.columns[column].key)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != _TOOLTIP and role != _BACKGROUND:
            return super().data(index, role)
        note = self.note(index.row(), index.column()) if index.isValid() else None
        if role == _BACKGROUND:
            return _colour(self._background) if note else None
        return note or super().data(index, role)


def list_model(
    columns: list[ColumnSpec],
    rows: list[dict[str, Any]] | None = None,
    *,
    bold: Callable[[dict[str, Any]], bool] | None = None,
    id_key: str | None = None,
) -> IdTableModel:
    """An :class:`IdTableModel` over an in-memory :class:`ListSource` (rows for which
    ``bold(row)`` holds in bold; ids taken from ``row[id_key]`` when given, else the rows'
    positions); refill it with :func:`set_rows`."""
    source = ListSource(rows, id_key=id_key)
    model = IdTableModel(columns, source) if bold is None else BoldRowsModel(columns, source, bold)
    model.reload()
    return model


def set_rows(model: IdTableModel, rows: list[dict[str, Any]]) -> None:
    """Show ``rows`` in a :func:`list_model` (the ids are the rows' positions, or their
    ``id_key`` values)."""
    source = model.source
    assert isinstance(source, ListSource)
    source.items = list(rows)
    model.reload()
