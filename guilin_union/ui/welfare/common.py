"""Small helpers shared by the welfare screens."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from guilin_union.services import welfare
from guilin_union.services.welfare.rules import RuleWarning
from guilin_union.ui import palette
from guilin_union.ui.context import AppContext
from guilin_union.ui.table_model import ColumnSpec, IdTableModel, list_model, set_rows
from guilin_union.ui.widgets import list_helpers

ERROR_STYLE = palette.ERROR_BORDER_STYLE
FLAG_COLOR = palette.WARNING
MAX_COLUMN_WIDTH = 320
STATE_COLORS = {
    "申请": "#8a6d00",
    "分工会审核": "#1565c0",
    "校工会批准": "#2e7d32",
    "已发放": "#555555",
}


def warnings_text(warnings: Sequence[RuleWarning]) -> str:
    """One numbered line per warning, for labels and questions.

    >>> warnings_text([RuleWarning("cap", "金额超过上限")])
    '1. 【超过单次上限】金额超过上限'
    """
    return "\n".join(f"{i}. 【{w.label}】{w.message}" for i, w in enumerate(warnings, start=1))


def ask_override(
    ctx: AppContext, parent: QWidget | None, warnings: Sequence[RuleWarning], what: str = "这笔慰问"
) -> str | None:
    """Show the failed checks and ask for the reason to save anyway (None = do not save)."""
    text = (
        f"{what}不符合慰问标准：\n\n{warnings_text(warnings)}\n\n"
        "如确需发放，请填写理由（将与记录一起保存，并列入“有超标准/需复核”清单）："
    )
    return ctx.prompts.ask_text(parent, "超出慰问标准", text)


def fill_year_combo(combo: QComboBox, db, *, with_all: bool, current: int | None = None) -> None:
    """Years with data plus this year and the next, newest first."""
    today = _dt.date.today().year
    years = sorted(set(welfare.payment_years(db)) | {today, today + 1}, reverse=True)
    keep = combo.currentData() if current is None else current
    combo.blockSignals(True)
    combo.clear()
    if with_all:
        combo.addItem("全部年度", None)
    for year in years:
        combo.addItem(f"{year}年", year)
    index = combo.findData(keep) if keep is not None else -1
    if index < 0:
        index = 0 if with_all and keep is None else combo.findData(today)
    combo.setCurrentIndex(index)
    combo.blockSignals(False)


def fill_table(
    table: QTableView,
    cols: Sequence[ColumnSpec],
    rows: Sequence[Mapping[str, Any]],
    *,
    stretch: int | None = None,
    fit: bool = True,
    id_key: str | None = None,
) -> IdTableModel:
    """Show ``rows`` (dicts keyed by the columns' keys) in a read-only table view through
    the house :func:`~guilin_union.ui.table_model.list_model` (made on first use, refilled
    with :func:`~guilin_union.ui.table_model.set_rows` after); rows keep their order, and
    the model's ids are ``row[id_key]`` (the records' ids) or else the rows' positions.

    ``fit=False`` leaves the column widths to :func:`fit_columns`, for a table that is not
    on screen yet (a page of the member form: measuring text costs time at every opening)."""
    model = table.model()
    data = [dict(r) for r in rows]
    if not isinstance(model, IdTableModel) or model.columns != list(cols):
        model = list_model(list(cols), data, id_key=id_key)
        model.setParent(table)
        table.setModel(model)
        list_helpers.style_table(table)  # the house list look, and a sentence when empty
    else:
        set_rows(model, data)
    if fit:
        fit_columns(table, stretch)
    return model


def year_bar(
    layout: QVBoxLayout,
    year: QWidget,
    left: Sequence[QWidget],
    right: Sequence[QWidget] = (),
) -> QHBoxLayout:
    """The top bar of a welfare list: 年度 [year] ``left`` … ``right``."""
    return list_helpers.add_button_row(layout, [QLabel("年度"), year, *left], right)


def place_beside(layout: QBoxLayout, form: QLayout, group: QWidget) -> None:
    """Put ``group`` to the right of ``form``, a Designer form's layout inside ``layout``,
    the two sharing the width equally (the case rules, the family details)."""
    index = layout.indexOf(form)
    layout.removeItem(form)
    columns = QHBoxLayout()
    columns.addLayout(form, 1)
    columns.addWidget(group, 1)
    layout.insertLayout(max(index, 0), columns)


def selected_key(
    ctx: AppContext,
    parent: QWidget,
    table: QTableView,
    keys: Sequence[Any] | None,
    title: str,
    hint: str,
) -> Any:
    """The key of the first selected row of ``table``: its record id (``keys`` None: a table
    filled with ``id_key``), or ``keys[row]`` (rows in the order of ``keys``, e.g. type
    names); None after saying ``hint`` when nothing is selected."""
    model = table.selectionModel()
    rows = sorted({i.row() for i in model.selectedRows()}) if model else []
    if not rows:
        ctx.prompts.info(parent, title, hint)
        return None
    return table.model().row_id(rows[0]) if keys is None else keys[rows[0]]


def fit_columns(table: QTableView, stretch: int | None = None) -> None:
    """Columns as wide as their content (capped), ``stretch`` taking the spare width."""
    list_helpers.fit_columns(table, stretch, extra=12, maximum=MAX_COLUMN_WIDTH)


def cell_text(table: QTableView, row: int, column: int) -> str:
    """The text shown in one cell of a :func:`fill_table` table."""
    model = table.model()
    return (model.index(row, column).data() or "") if model is not None else ""


def write_roster(ctx: AppContext, parent: QWidget, path: Path, excel: bool, **scope: Any) -> Path:
    """Write the 发放签领表 of ``scope`` (``batch_id=`` or ``query=``) to ``path`` in the
    background, as Excel or PDF; returns ``path``."""
    from guilin_union.services.welfare.outputs import roster_excel, roster_pdf
    from guilin_union.ui import ops

    writer = roster_excel if excel else roster_pdf
    ops.save_output(
        ctx,
        parent,
        "生成签领表",
        lambda db, p: writer(db, p, **scope)[0],
        path=path,
        message=None,
    )
    return path
