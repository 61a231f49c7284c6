"""签到 page: a checkbox list of the session's delegates with search; ticking a box signs
the delegate in and the strip above (应到/实到/请假, quorum) follows at once."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
)

from guilin_union.services import congress
from guilin_union.services.changes import Changes
from guilin_union.services.congress import attendance as attendance_service
from guilin_union.services.congress import delegates as delegates_service
from guilin_union.ui import ops
from guilin_union.ui.congress.common import (
    MUTED_COLOR,
    make_table,
    open_modal,
)
from guilin_union.ui.congress.session_list import SessionListPage
from guilin_union.ui.context import AppContext
from guilin_union.ui.table_model import ColumnSpec, IdTableModel, state_column
from guilin_union.ui.widgets.list_helpers import (
    debounced,
    make_search_edit,
    push_buttons,
    refill_combo,
    selected_ids,
)

if TYPE_CHECKING:
    from guilin_union.ui.congress.page import CongressTab

STATUS_COLORS = {"出席": "#1b5e20", "请假": "#e65100", "缺席": "#b00020", None: MUTED_COLOR}

COLUMNS = [
    ColumnSpec("checked", "签到", align="center", formatter=lambda _v, _r: ""),
    ColumnSpec("name", "姓名"),
    ColumnSpec("delegation", "代表团"),
    ColumnSpec("delegate_type", "代表类型", align="center"),
    state_column(
        "attendance",
        "签到情况",
        STATUS_COLORS,
        sortable=False,
        formatter=lambda v, _r: v or "未签到",
    ),
    ColumnSpec("attendance_note", "备注"),
]


# 列席/特邀 rows: a tint that cannot be mistaken for the alternate-row grey (#f7f7f7).
NON_VOTING_COLOR = "#dde8f6"


class AttendanceModel(IdTableModel):
    """The generic id model plus a check box in the first column that signs in."""

    def __init__(self, view: AttendanceView) -> None:
        super().__init__(COLUMNS, view.source, view)
        self.view = view

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if index.isValid() and index.column() == 0 and role == Qt.ItemDataRole.CheckStateRole:
            row = self.row_data(index.row())
            present = bool(row and row.get("attendance") == "出席")
            return Qt.CheckState.Checked if present else Qt.CheckState.Unchecked
        if index.isValid() and role == Qt.ItemDataRole.BackgroundRole:
            row = self.row_data(index.row())
            if row and row.get("delegate_type") != congress.FORMAL:
                return QColor(NON_VOTING_COLOR)
        return super().data(index, role)

    def setData(
        self,
        index: QModelIndex | QPersistentModelIndex,
        value: Any,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:  # noqa: N802
        if not index.isValid() or index.column() != 0 or role != Qt.ItemDataRole.CheckStateRole:
            return False
        checked = (
            Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        )
        row = self.row_data(index.row())
        return row is not None and self.view.mark([row["id"]], "出席" if checked else None)


class AttendanceView(SessionListPage):
    def __init__(self, ctx: AppContext, page: CongressTab) -> None:
        super().__init__(ctx, page)
        self.model = AttendanceModel(self)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search_edit = make_search_edit(
            "attendance_search_edit", "搜索：姓名、拼音首字母（如 zs）、工号、代表团"
        )
        self.delegation_combo = QComboBox()
        self.delegation_combo.setMinimumContentsLength(12)
        self.unmarked_check = QCheckBox("只看未签到")
        self.count_label = QLabel()
        bar.addWidget(self.search_edit, 3)
        bar.addWidget(self.delegation_combo, 1)
        bar.addWidget(self.unmarked_check)
        bar.addWidget(self.count_label)
        layout.addLayout(bar)
        buttons = QHBoxLayout()
        self.present_button, self.leave_button, self.absent_button, self.clear_button = (
            push_buttons("标为出席", "标为请假…", "标为缺席", "清除签到", layout=buttons)
        )
        buttons.addStretch(1)
        self.all_button, self.import_button = push_buttons(
            "未签到的全部标为出席", "导入签到…", layout=buttons
        )
        layout.addLayout(buttons)
        self.attendance_table = make_table(self.model, object_name="attendance_table", multi=True)
        layout.addWidget(self.attendance_table, 1)
        hint = QLabel(
            "勾选即为“出席”；浅蓝底为列席、特邀代表（不计入应到、实到）。可按住 Ctrl 或 Shift 多选后批量标记。"
        )
        hint.setStyleSheet(f"color: {MUTED_COLOR};")
        layout.addWidget(hint)
        self._timer = debounced(self.search_edit, self.reload, parent=self)
        self.delegation_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.unmarked_check.toggled.connect(lambda _c: self.reload())
        self.present_button.clicked.connect(
            lambda: self.mark(selected_ids(self.attendance_table), "出席")
        )
        self.leave_button.clicked.connect(self.mark_leave)
        self.absent_button.clicked.connect(
            lambda: self.mark(selected_ids(self.attendance_table), "缺席")
        )
        self.clear_button.clicked.connect(
            lambda: self.mark(selected_ids(self.attendance_table), None)
        )
        self.all_button.clicked.connect(self.mark_all)
        self.import_button.clicked.connect(self.import_excel)

    def _fetch(self) -> list[dict[str, Any]]:
        if self.session_id is None:
            return []
        rows = attendance_service.attendance_rows(
            self.ctx.db, self.session_id, search=self.search_edit.text().strip()
        )
        delegation = self.delegation_combo.currentData()
        if delegation is not None:
            rows = [r for r in rows if r["delegation_id"] == delegation]
        if self.unmarked_check.isChecked():
            rows = [r for r in rows if r["attendance"] is None]
        return rows

    def set_session(self, session_id: int | None) -> None:
        self.session_id = session_id
        self.reload_delegations()
        self.reload()

    def reload_delegations(self) -> None:
        session = self.page.session()
        groups = (
            []
            if session is None
            else delegates_service.list_delegations(self.ctx.db, session.term_id)
        )
        refill_combo(self.delegation_combo, ("全部代表团", None), ((g.name, g.id) for g in groups))

    def on_changes(self, changes: Changes) -> None:
        if changes.touches("congress", "members"):
            self.reload()

    def reload(self) -> None:
        buttons = (self.all_button, self.import_button)
        self.show_rows(self.attendance_table, stretch=5, session_buttons=buttons)
        self.count_label.setText(f"共 {self.model.rowCount()} 人")

    def row_for_name(self, name: str) -> int | None:
        """The table row of a delegate by name (tests and keyboard helpers)."""
        for row in range(self.model.rowCount()):
            data = self.model.row_data(row)
            if data and data["name"] == name:
                return row
        return None

    def mark(
        self, delegate_ids: list[int | None], status: str | None, note: str | None = None
    ) -> bool:
        ids = [i for i in delegate_ids if i is not None]
        if self.session_id is None or not ids:
            return False
        sid = self.session_id

        def action(db: Any) -> Any:
            if note is not None and len(ids) == 1:
                return attendance_service.set_attendance(db, sid, ids[0], status, note=note)
            return attendance_service.set_attendance_many(db, sid, ids, status)

        # The strip and the list refresh through the change fan-out (ctx.notify).
        return ops.CollectionOp(self.ctx, self, "签到", action).run() is not None

    def mark_leave(self) -> None:
        ids = selected_ids(self.attendance_table)
        if not ids:
            return
        note = (
            self.ctx.prompts.ask_text(self, "请假", "请假原因（可不填）：")
            if len(ids) == 1
            else None
        )
        self.mark(ids, "请假", note or None)

    def mark_all(self) -> None:
        if self.session_id is None:
            return
        sid = self.session_id
        ops.CollectionOp(
            self.ctx, self, "签到", lambda db: attendance_service.mark_unmarked_present(db, sid)
        ).run()

    def import_excel(self) -> None:
        from guilin_union.services.congress.importer import (
            AttendanceImporter,
            write_attendance_template,
        )
        from guilin_union.ui.widgets.import_wizard import ImportWizard

        if self.session_id is None:
            return
        sid = self.session_id
        ctx = self.ctx

        def template(path):  # the delegates pre-filled, so the delegations only tick their column
            return write_attendance_template(ctx.db, sid, path)

        wizard = ImportWizard(
            self.ctx, AttendanceImporter(sid), "导入签到情况", self, template_writer=template
        )
        open_modal(self, wizard)
