"""The register's columns and the start-up preview of its first page (issue 15).

Nothing here imports storage, services or ``ui.context``: the preview is shown while the
worker thread still imports them (``ui.application``), from rows read with plain sqlite3
(``storage.first_page``); the real register (``register_view``) then takes its place.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QTabWidget, QVBoxLayout, QWidget

from guilin_union.ui.table_model import ColumnSpec, IdTableModel, ListSource
from guilin_union.ui.widgets.list_helpers import make_id_table, make_search_edit

STATUS_COLORS = {
    "保留会籍": "#1565c0",
    "转出": "#777777",
    "退会": "#777777",
    "开除": "#b00020",
    "去世": "#555555",
}

COLUMNS = [
    ColumnSpec("member_no", "会员编号", sort_key="member_no"),
    ColumnSpec("name", "姓名", sort_key="name"),
    ColumnSpec("gender", "性别", sort_key="gender", align="center"),
    ColumnSpec("branch", "分工会", sort_key="branch"),
    ColumnSpec("department", "部门", sort_key="department"),
    ColumnSpec("title", "职称", sort_key="title"),
    ColumnSpec("phone_display", "手机", sort_key="phone"),
    ColumnSpec("join_date", "入会日期", sort_key="join_date", formatter=lambda v, _r: v or ""),
    ColumnSpec(
        "status",
        "会籍状态",
        sort_key="status",
        align="center",
        foreground=lambda r: STATUS_COLORS.get(r.get("status")),
    ),
]

SEARCH_HINT = "搜索：姓名、拼音首字母（如 zs）、工号、会员编号、证件号尾号"
PAGE_TITLES = ("会员名册", "申请审批", "会费", "会员统计")  # ui.tabs.members_tab's pages


class RegisterPreview(QTabWidget):
    """The 会员入会 tab as it looks, its register showing ``rows`` (read-only, nothing can be
    clicked into) until the database is open and the real tab replaces it."""

    def __init__(self, rows: list[dict[str, Any]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("register_preview")
        page = QWidget()
        layout = QVBoxLayout(page)
        self.search_edit: QLineEdit = make_search_edit("member_search_preview", SEARCH_HINT)
        self.search_edit.setEnabled(False)  # typing waits for the real register
        layout.addWidget(self.search_edit)
        self.model = IdTableModel(COLUMNS, ListSource(rows), self)
        self.model.reload()
        self.table = make_id_table(
            self.model, object_name="members_preview_table", sortable=False, stretch_last=False
        )
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setSelectionMode(self.table.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(25)
        self.table.resizeColumnsToContents()
        layout.addWidget(self.table)
        self.addTab(page, PAGE_TITLES[0])
        for title in PAGE_TITLES[1:]:
            self.addTab(QWidget(), title)
        for index in range(1, len(PAGE_TITLES)):
            self.setTabEnabled(index, False)

    def shown_rows(self) -> list[dict[str, Any]]:
        """The rows the preview shows, in order (for tests)."""
        return [self.model._row(r) or {} for r in range(self.model.rowCount())]
