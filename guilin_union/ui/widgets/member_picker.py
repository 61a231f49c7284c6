"""Choosing members from the register: search, 分工会 filter, multi-select.

Every area that adds people (delegates, participants, payments) uses this one dialog,
through ``ctx.prompts.pick_members`` so tests can answer it without a modal loop.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from guilin_union.services import members as members_service
from guilin_union.services.members import MemberQuery
from guilin_union.services.members import branches as branches_service
from guilin_union.ui.table_model import IdTableModel, columns
from guilin_union.ui.widgets.dialog_buttons import accept_cancel_buttons
from guilin_union.ui.widgets.list_helpers import (
    add_search_bar,
    make_search_edit,
    refilter_on,
    selected_ids,
)
from guilin_union.ui.widgets.query_source import QuerySource

PICKER_COLUMNS = columns(
    "name 姓名 | gender 性别 中 | branch 分工会 | department 部门 | staff_no 工号"
    " | member_no 会员编号 | status 会籍状态 中"
)


class MemberPickerDialog(QDialog):
    def __init__(
        self,
        db: Any,
        *,
        title: str = "选择会员",
        multi: bool = True,
        statuses: tuple[str, ...] = ("在会",),
        exclude_ids: set[int] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(820, 560)
        self.db = db
        self.exclude_ids = exclude_ids or set()
        query = MemberQuery(statuses=statuses, sort_key="branch")
        self.source = QuerySource.over(lambda: db, query, members_service)
        self.model = IdTableModel(PICKER_COLUMNS, self.source, self)
        layout = QVBoxLayout(self)
        self.search_edit = make_search_edit(
            "picker_search_edit", "姓名、拼音首字母、工号或会员编号"
        )
        self.branch_combo = QComboBox()
        self.branch_combo.addItem("全部分工会", None)
        for b in branches_service.list_branches(db, include_inactive=False):
            self.branch_combo.addItem(b.name, b.id)
        add_search_bar(layout, self.search_edit, (("分工会", self.branch_combo, 2),))
        self.table = QTableView()
        self.table.setObjectName("picker_table")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(
            QAbstractItemView.SelectionMode.ExtendedSelection
            if multi
            else QAbstractItemView.SelectionMode.SingleSelection
        )
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        self.hint_label = QLabel(
            "可按住 Ctrl 或 Shift 多选；选中一个分工会后按 Ctrl+A 全选该分工会。"
            if multi
            else "双击选择一人。"
        )
        self.hint_label.setStyleSheet("color: #666;")
        layout.addWidget(self.hint_label)
        buttons = accept_cancel_buttons(
            self, text="选择", button=QDialogButtonBox.StandardButton.Ok
        )
        layout.addWidget(buttons)
        self._timer = refilter_on(self, self.search_edit, self.branch_combo)
        self.table.doubleClicked.connect(lambda _i: self.accept())
        self.apply_filters()

    def apply_filters(self) -> None:
        self.source.query = MemberQuery(
            **{
                **self.source.query.__dict__,
                "search": self.search_edit.text().strip(),
                "branch_id": self.branch_combo.currentData(),
            }
        )
        self.model.reload()

    def selected_ids(self) -> list[int]:
        return [i for i in selected_ids(self.table, self.model) if i not in self.exclude_ids]


def pick_members(
    ctx: Any,
    parent: QWidget | None,
    *,
    title: str = "选择会员",
    multi: bool = True,
    statuses: tuple[str, ...] = ("在会",),
    exclude_ids: set[int] | None = None,
) -> list[int]:
    """Ask the user for members; returns their ids (empty when cancelled)."""
    return ctx.prompts.pick_members(
        ctx, parent, title=title, multi=multi, statuses=statuses, exclude_ids=exclude_ids
    )
