"""The register's columns and the start-up preview of its first page (issue 15).

Nothing here imports storage, services or ``ui.context``: the preview is shown while the
worker thread still imports them (``ui.application``), from rows read with plain sqlite3
(``storage.first_page``); the real register (``register_view``) then takes its place.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from guilin_union.core.members import MemberStatus
from guilin_union.ui.table_model import ColumnSpec, IdTableModel, ListSource, columns, state_column
from guilin_union.ui.widgets.list_helpers import (
    add_record_buttons,
    add_search_bar,
    make_combo,
    make_id_table,
    make_label,
    make_search_edit,
    push_buttons,
)

STATUS_COLORS = {
    "保留会籍": "#1565c0",
    "转出": "#777777",
    "退会": "#777777",
    "开除": "#b00020",
    "去世": "#555555",
}

COLUMNS = [
    *columns(
        "member_no 会员编号 | name 姓名 | gender 性别 中 | branch 分工会 | department 部门"
        " | title 职称 | phone_display:phone 手机"
    ),
    ColumnSpec("join_date", "入会日期", sort_key="join_date", formatter=lambda v, _r: v or ""),
    state_column("status", "会籍状态", STATUS_COLORS),
]

SEARCH_HINT = "搜索：姓名、拼音首字母（如 zs）、工号、会员编号、证件号尾号"
PAGE_TITLES = ("会员名册", "申请审批", "会费", "会员统计")  # ui.tabs.members_tab's pages


def build_register_bars(owner: Any, layout: QVBoxLayout) -> None:
    """The search bar and the button row above the register, set on ``owner`` as
    ``search_edit``, ``branch_combo``, ``status_combo``, ``add_button`` … ``count_label``
    (the register and its start-up preview look the same: the rows do not move)."""
    owner.search_edit = make_search_edit("member_search_edit", SEARCH_HINT)
    owner.search_edit.setMinimumWidth(320)
    owner.branch_combo = make_combo("branch_filter_combo", min_chars=10)
    statuses = [("全部状态", None), *((s.value, s.value) for s in MemberStatus)]
    owner.status_combo = make_combo("status_filter_combo", statuses)
    filters = (("分工会", owner.branch_combo, 2), ("状态", owner.status_combo, 1))
    add_search_bar(layout, owner.search_edit, filters)

    buttons, (owner.add_button, owner.edit_button, owner.delete_button) = add_record_buttons(
        layout, "新增会员…"
    )
    buttons.addStretch(1)
    owner.count_label = make_label("member_count_label")
    buttons.addWidget(owner.count_label)
    buttons.addSpacing(12)
    owner.export_button, owner.roster_button = push_buttons(
        "导出 Excel…", "打印花名册…", layout=buttons
    )


def fit_register_columns(table: QTableView, spread: Any, sample_rows: int) -> Any:
    """Columns fit their content (the first ``sample_rows``); the spare width is shared by
    all of them in proportion, not given to 部门 alone (issue 15). Returns the
    ``SpreadColumns`` (pass it again on the next fit)."""
    from guilin_union.ui.widgets.column_fit import SpreadColumns

    header = table.horizontalHeader()
    # Qt measures 1,000 rows by default: on a large register that alone took a second.
    header.setResizeContentsPrecision(sample_rows)
    table.resizeColumnsToContents()
    natural = [header.sectionSize(col) + 12 for col in range(len(COLUMNS))]
    spread = spread or SpreadColumns(table)
    spread.set_natural(natural)
    return spread


class RegisterPreview(QTabWidget):
    """The 会员入会 tab as it looks, its register showing ``rows`` (nothing can be typed or
    clicked yet) until the database is open and the real tab replaces it."""

    def __init__(self, rows: list[dict[str, Any]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("register_preview")
        self.setDocumentMode(True)  # as ui.widgets.paged_tab's pages
        page = QWidget()
        layout = QVBoxLayout(page)
        build_register_bars(self, layout)
        for widget in (self.search_edit, self.branch_combo, self.status_combo, self.count_label):
            widget.setObjectName(widget.objectName() + "_preview")  # not the register's
            widget.setEnabled(False)  # typing and choosing wait for the real register
        self.branch_combo.addItem("全部分工会")
        for button in (self.add_button, self.edit_button, self.delete_button):
            button.setEnabled(False)
        self.export_button.setEnabled(False)
        self.roster_button.setEnabled(False)
        self.model = IdTableModel(COLUMNS, ListSource(rows), self)
        self.model.reload()
        self.table = make_id_table(
            self.model, object_name="members_preview_table", sortable=False, stretch_last=False
        )
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setSelectionMode(self.table.SelectionMode.NoSelection)
        self._spread = fit_register_columns(self.table, None, 25)
        layout.addWidget(self.table)
        self.addTab(page, PAGE_TITLES[0])
        for title in PAGE_TITLES[1:]:
            self.addTab(QWidget(), title)
