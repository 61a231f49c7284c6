"""落实跟踪: the items of one plan (filters and sorting in SQL) beside the selected item's panel."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHeaderView,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from guilin_union.core.workpoints import ITEM_STATUSES
from guilin_union.services.workpoints.queries import ItemQuery, fetch_item_rows, query_item_ids
from guilin_union.ui import palette
from guilin_union.ui.screen_fit import scrollable
from guilin_union.ui.table_model import IdTableModel, columns, nonzero
from guilin_union.ui.widgets.list_helpers import (
    add_search_bar,
    debounced,
    make_combo,
    make_id_table,
    make_label,
    make_search_edit,
)
from guilin_union.ui.widgets.query_source import QuerySource
from guilin_union.ui.workpoints.common import STATUS_COLORS, shorten
from guilin_union.ui.workpoints.item_panel import ItemPanel

INDENT = "\u3000"  # one ideographic space per level below the top


def _open_leaf(row: dict[str, Any]) -> bool:
    """A work item still to be done (not a heading above items, not cancelled)."""
    return row["is_leaf"] and row["status"] != "已取消"


def _label(value: Any, row: dict[str, Any]) -> str:
    return INDENT * (row["level"] - 1) + (value or "")


def _heading(value: Any, _row: dict[str, Any]) -> str:
    return shorten(value, 80)


def _heading_color(row: dict[str, Any]) -> str | None:
    return None if row["is_leaf"] else palette.SECTION


def _owner(value: Any, row: dict[str, Any]) -> str:
    if value:
        return value
    return "（未定）" if _open_leaf(row) else ""


def _owner_color(row: dict[str, Any]) -> str | None:
    return palette.WARNING if _open_leaf(row) and not row["owner"] else None


def _deadline_color(row: dict[str, Any]) -> str | None:
    return palette.WARNING if row["overdue"] else None


def _status(value: Any, row: dict[str, Any]) -> str:
    if not row["is_leaf"]:
        return row["status_text"]
    text = value + ("·逾期" if row["overdue"] else "")
    return text + ("·已结转" if row.get("carried_to_year") else "")


def _status_color(row: dict[str, Any]) -> str | None:
    if not row["is_leaf"]:
        return palette.MUTED
    return palette.WARNING if row["overdue"] else STATUS_COLORS.get(row["status"])


def _latest(value: Any, row: dict[str, Any]) -> str:
    if not value:
        return "（尚无进展记录）" if _open_leaf(row) else ""
    return f"{row['latest_note_date']}　{shorten(value, 60)}"


def _latest_color(row: dict[str, Any]) -> str | None:
    return palette.MUTED if not row["latest_note"] else None


COLUMNS = columns(
    "label:position 序号 | heading 要点 | owner 责任人 中 | deadline 完成时限 中 | status 状态 中"
    " | latest_note 最新进展 | evidence_count:evidence 佐证 中",
    formatters={
        "label": _label,
        "heading": _heading,
        "owner": _owner,
        "status": _status,
        "latest_note": _latest,
        "evidence_count": nonzero(),
    },
    colors={
        "heading": _heading_color,
        "owner": _owner_color,
        "deadline": _deadline_color,
        "status": _status_color,
        "latest_note": _latest_color,
    },
)
HEADING_COLUMN = 1
# Widest a column gets when fitted to its content; 要点 takes the width that is left.
COLUMN_LIMITS = {0: 110, 2: 90, 3: 100, 4: 120, 5: 170, 6: 50}


class TrackingView(QWidget):
    """Items of the current plan with filters, and the item panel."""

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.plan_id: int | None = None
        self.source = QuerySource(lambda: ctx.db, ItemQuery(), query_item_ids, fetch_item_rows)
        self.model = IdTableModel(COLUMNS, self.source, self)
        self._current_id: int | None = None
        self._reloading = False
        self._build()
        self._search_timer = debounced(self.search_edit, self.apply_filters, parent=self)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        self.search_edit = make_search_edit(
            "workpoints_search_edit", "搜索：要点、责任人、单位、进展中的字词，或编号（如 十一）"
        )
        statuses = [("全部状态", None), *((status, status) for status in ITEM_STATUSES)]
        self.status_combo = make_combo("workpoints_status_combo", statuses)
        self.overdue_check = QCheckBox("只看逾期")
        self.overdue_check.setObjectName("overdue_check")
        self.no_owner_check = QCheckBox("只看未定责任人")
        self.no_owner_check.setObjectName("no_owner_check")
        self.count_label = make_label("workpoints_count_label")
        bar = add_search_bar(layout, self.search_edit, [("状态", self.status_combo, 0)])
        bar.addWidget(self.overdue_check)
        bar.addWidget(self.no_owner_check)
        bar.addStretch(1)
        bar.addWidget(self.count_label)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.items_table = make_id_table(
            self.model,
            object_name="workpoints_items_table",
            multi=False,
            sort_indicator=(0, Qt.SortOrder.AscendingOrder),
            stretch_last=False,
            center_headers=True,  # the work-point look
        )
        self.splitter.addWidget(self.items_table)
        self.panel = ItemPanel(self.ctx)
        # In a scroll area: the page fits a 1366×768 screen (issue 15).
        self.splitter.addWidget(scrollable(self.panel))
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([820, 440])
        layout.addWidget(self.splitter, 1)

        self.status_combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.overdue_check.toggled.connect(lambda _c: self.apply_filters())
        self.no_owner_check.toggled.connect(lambda _c: self.apply_filters())
        self.items_table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._row_changed(current.row())
        )

    # ------------------------------------------------------------------ plan and filters
    def set_plan(self, plan_id: int | None) -> None:
        if not self.panel.save_if_dirty():
            pass  # the warning was shown; the other plan is shown anyway
        changed = plan_id != self.plan_id
        self.plan_id = plan_id
        self.apply_filters(keep=not changed)
        if changed:
            self.select_first()

    def current_query(self) -> ItemQuery:
        return self.source.sorted_query(
            ItemQuery,
            plan_id=self.plan_id,
            status=self.status_combo.currentData(),
            overdue_only=self.overdue_check.isChecked(),
            no_owner_only=self.no_owner_check.isChecked(),
            search=self.search_edit.text().strip(),
        )

    def apply_filters(self, keep: bool = True) -> None:
        current = self._current_id if keep else None
        self.source.query = self.current_query()
        self._reloading = True  # the reset clears the selection: not a user's choice
        try:
            self.model.reload()
        finally:
            self._reloading = False
        self.fit_columns()
        self._update_count()
        if current is not None and self.model.row_of_id(current) is not None:
            self.select_item(current)
        elif self.model.rowCount():
            self.select_first()
        else:
            self._current_id = None
            self.panel.set_item(None)

    def show_only(self, what: str) -> None:
        """A shortcut from the overview: "overdue", "no_owner" or "all"."""
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        for check, key in ((self.overdue_check, "overdue"), (self.no_owner_check, "no_owner")):
            check.blockSignals(True)
            check.setChecked(what == key)
            check.blockSignals(False)
        self.status_combo.blockSignals(True)
        self.status_combo.setCurrentIndex(0)
        self.status_combo.blockSignals(False)
        self.apply_filters()

    def _update_count(self) -> None:
        shown = [self.model.row_data(r) for r in range(self.model.rowCount())]
        tracked = sum(1 for r in shown if r and r["is_leaf"])
        filtered = self.source.query.filtered
        self.count_label.setText(
            f"{'筛选出' if filtered else '共'} {tracked} 项需跟踪的条目" if self.plan_id else ""
        )

    def _span_sections(self) -> None:
        """A section's heading runs over the owner and deadline cells (it has neither)."""
        self.items_table.clearSpans()
        for row in range(self.model.rowCount()):
            data = self.model.row_data(row)
            if data and not data["is_leaf"]:
                self.items_table.setSpan(row, HEADING_COLUMN, 1, 3)

    def fit_columns(self) -> None:
        self.items_table.resizeColumnsToContents()
        header = self.items_table.horizontalHeader()
        for col, limit in COLUMN_LIMITS.items():
            header.resizeSection(col, min(header.sectionSize(col) + 12, limit))
        header.setSectionResizeMode(HEADING_COLUMN, QHeaderView.ResizeMode.Stretch)

    # ------------------------------------------------------------------ selection
    def _row_changed(self, row: int) -> None:
        item_id = self.model.row_id(row)
        if self._reloading or item_id == self._current_id:
            return
        self.panel.save_if_dirty()
        self._current_id = item_id
        self.panel.set_item(item_id)

    def select_item(self, item_id: int) -> bool:
        row = self.model.row_of_id(item_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.items_table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.items_table.scrollTo(index)
        if self._current_id != item_id:
            self._current_id = item_id
            self.panel.set_item(item_id)
        return True

    def select_first(self) -> None:
        """The first tracked item (a section row says little on its own)."""
        for row in range(self.model.rowCount()):
            data = self.model.row_data(row)
            if data and data["is_leaf"]:
                self.select_item(data["id"])
                return
        if self.model.rowCount():
            self.select_item(self.model.row_id(0))

    def current_item_id(self) -> int | None:
        return self._current_id

    def reload(self) -> None:
        """After a change elsewhere: same filters, same item."""
        self.apply_filters(keep=True)
        if self._current_id is not None and not self.panel.dirty:
            self.panel.set_item(self._current_id)
        self.panel.refresh_suggestions()
