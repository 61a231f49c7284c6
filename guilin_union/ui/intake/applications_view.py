"""申请审批: the 入会申请 list with the workflow's batch actions, import and printouts."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from guilin_union.core.errors import NotFoundError
from guilin_union.services import intake
from guilin_union.services.changes import Changes
from guilin_union.services.intake import ApplicationQuery
from guilin_union.services.members import branches as branches_service
from guilin_union.ui import ops
from guilin_union.ui.context import AppContext
from guilin_union.ui.intake.dialogs import ApplicationDialog
from guilin_union.ui.table_model import IdTableModel, columns, state_column
from guilin_union.ui.widgets.form_dialog import record_submit
from guilin_union.ui.widgets.list_helpers import (
    add_record_buttons,
    add_search_bar,
    confirm_delete,
    make_combo,
    make_id_table,
    make_label,
    make_search_edit,
    push_buttons,
    refill_combo,
    refilter_on,
    selected_rows,
)
from guilin_union.ui.widgets.menus import menu_button
from guilin_union.ui.widgets.modal import show_modal
from guilin_union.ui.widgets.query_source import QuerySource
from guilin_union.ui.widgets.record_list import RecordListMixin

STATE_COLORS = {
    "待分工会审核": "#b26a00",
    "待校工会批准": "#1565c0",
    "已批准": "#2e7d32",
    "未通过": "#b00020",
}
PENDING = "pending"
STATE_FILTERS = (
    ("待审批（全部）", PENDING),
    ("待分工会审核", "待分工会审核"),
    ("待校工会批准", "待校工会批准"),
    ("已批准", "已批准"),
    ("未通过", "未通过"),
    ("全部状态", None),
)

COLUMNS = [
    *columns(
        "applied_on 申请日期 中 | name 姓名 | gender:- 性别 中 | branch 分工会 | department 部门"
        " | title:- 职称 | employment_type:- 用工形式 中"
    ),
    state_column("state", "状态", STATE_COLORS),
    *columns(
        "branch_reviewed_at:- 分工会审核 中 | decided_at 审批日期 中 | member_no 会员编号"
        " | reject_reason:- 未通过原因"
    ),
]


class ApplicationsView(RecordListMixin, QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.source = QuerySource.over(lambda: ctx.db, ApplicationQuery(pending_only=True), intake)
        self.model = IdTableModel(COLUMNS, self.source, self)
        self._build()
        self._timer = refilter_on(self, self.search_edit, self.state_combo, self.branch_combo)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.reload_branches()
        self.apply_filters()
        self._fit_columns()

    # ---- building
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.search_edit = make_search_edit(
            "application_search_edit", "搜索：姓名、工号、部门、证件号尾号"
        )
        self.state_combo = make_combo("application_state_combo", STATE_FILTERS)
        self.branch_combo = make_combo("application_branch_combo", min_chars=10)
        filters = (("状态", self.state_combo, 1), ("分工会", self.branch_combo, 2))
        add_search_bar(layout, self.search_edit, filters)

        actions, (self.add_button, self.edit_button, self.delete_button) = add_record_buttons(
            layout, "新增申请…"
        )
        actions.addSpacing(16)
        self.review_button, self.approve_button, self.reject_button, self.reopen_button = (
            push_buttons("分工会审核通过", "批准入会", "不予通过…", "重新审核", layout=actions)
        )
        self.approve_button.setToolTip("校工会批准：建立会员档案并按规则发放会员编号")
        actions.addStretch(1)
        self.count_label = make_label("application_count_label")
        actions.addWidget(self.count_label)
        actions.addSpacing(12)
        self.import_button = QPushButton("从 Excel 导入…")
        self.import_button.setObjectName("intake_import_button")
        actions.addWidget(self.import_button)
        self.print_button, menu = menu_button("打印")
        self.print_forms_action = QAction("入会申请书及会员登记表（所选）…", self)
        self.print_list_action = QAction("待批准入会人员名单…", self)
        self.template_action = QAction("下载导入模板…", self)
        menu.addAction(self.print_forms_action)
        menu.addAction(self.print_list_action)
        menu.addSeparator()
        menu.addAction(self.template_action)
        actions.addWidget(self.print_button)

        self.table = make_id_table(self.model, object_name="applications_table")
        layout.addWidget(self.table)
        self.hint_label = QLabel(
            "流程：导入或新增申请 → 分工会审核通过 → 校工会批准（发放会员编号）。"
            "可按住 Ctrl 或 Shift 多选后批量操作。"
        )
        self.hint_label.setStyleSheet("color: #555;")
        layout.addWidget(self.hint_label)

        self.table.doubleClicked.connect(
            lambda index: self.open_application(self.model.row_id(index.row()))
        )
        self.add_button.clicked.connect(self.add_application)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.review_button.clicked.connect(self.review_selected)
        self.approve_button.clicked.connect(self.approve_selected)
        self.reject_button.clicked.connect(self.reject_selected)
        self.reopen_button.clicked.connect(self.reopen_selected)
        self.import_button.clicked.connect(self.import_excel)
        self.print_forms_action.triggered.connect(self.print_forms)
        self.print_list_action.triggered.connect(self.print_list)
        self.template_action.triggered.connect(self.save_template)

    def _fit_columns(self) -> None:
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for col, spec in enumerate(COLUMNS):
            minimum = {"name": 70, "branch": 150, "department": 120, "reject_reason": 160}.get(
                spec.key, 0
            )
            header.resizeSection(col, max(header.sectionSize(col) + 12, minimum))
        header.setStretchLastSection(True)

    def reload_branches(self) -> None:
        refill_combo(
            self.branch_combo,
            ("全部分工会", None),
            ((b.name, b.id) for b in branches_service.list_branches(self.ctx.db)),
        )

    # ---- filters
    def apply_filters(self) -> None:
        state = self.state_combo.currentData()
        self.source.query = self.source.sorted_query(
            ApplicationQuery,
            state=None if state in (None, PENDING) else state,
            pending_only=state == PENDING,
            branch_id=self.branch_combo.currentData(),
            search=self.search_edit.text().strip(),
        )
        self.model.reload()
        self._update_count()
        self._update_buttons()

    def _update_count(self) -> None:
        counts = intake.counts_by_state(self.ctx.db)
        self.count_label.setText(
            f"显示 {self.model.rowCount()} 条　待分工会审核 {counts['待分工会审核']}　待校工会批准 {counts['待校工会批准']}"
        )

    def on_changes(self, changes: Changes) -> None:
        if changes.touches("branches"):
            self.reload_branches()
        if changes.touches("intake", "branches", "members"):
            self.model.reload()
            self._update_count()
            self._update_buttons()

    def select_ids(self, ids: list[int]) -> None:
        """Select these applications (tests and after an import)."""
        self.table.clearSelection()
        mode = self.table.selectionMode()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for app_id in ids:
            row = self.model.row_of_id(app_id)
            if row is not None:
                self.table.selectRow(row)
        self.table.setSelectionMode(mode)

    def _selected_rows(self) -> list[dict[str, Any]]:
        """The selected applications as the list holds them (no second query)."""
        return selected_rows(self.table, self.model)

    def _update_buttons(self) -> None:
        rows = self._selected_rows()
        states = {r["state"] for r in rows}
        pending = bool(states) and states <= set(intake.PENDING_STATES)
        self.edit_button.setEnabled(len(rows) == 1)
        self.delete_button.setEnabled(bool(states) and "已批准" not in states)
        self.review_button.setEnabled(states == {"待分工会审核"})
        self.approve_button.setEnabled(pending)
        self.reject_button.setEnabled(pending)
        self.reopen_button.setEnabled(states == {"未通过"})
        self.print_forms_action.setEnabled(bool(states))

    # ---- records
    def _branch_names(self) -> list[str]:
        return branches_service.branch_names(self.ctx.db)

    def _submit(self, app_id: int | None):
        # The runner notifies the screens and pushes undo from the service's inverse.
        return record_submit(
            self.ctx, self, "入会申请", app_id, intake.add_application, intake.update_application
        )

    def add_application(self) -> ApplicationDialog:
        dialog = ApplicationDialog(self._branch_names(), self._submit(None), parent=self)
        if self.branch_combo.currentData() is not None:
            dialog.ui.branch_combo.setCurrentText(self.branch_combo.currentText())
        return show_modal(dialog)

    def open_application(self, app_id: int | None) -> ApplicationDialog | None:
        if app_id is None:
            return None
        row = intake.get_application(self.ctx.db, app_id)
        editable = row["state"] in intake.PENDING_STATES
        dialog = ApplicationDialog(
            self._branch_names(),
            self._submit(app_id),
            data=row,
            read_only=not editable,
            parent=self,
        )
        return show_modal(dialog)

    def open_record(self, record_id: int) -> ApplicationDialog | None:
        return self.open_application(record_id)

    def _names(self) -> str:
        """The names of the selected applications, as the list shows them (at most five)."""
        rows = self._selected_rows()
        return "、".join(r["name"] for r in rows[:5]) + ("等" if len(rows) > 5 else "")

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids or not confirm_delete(
            self.ctx,
            self,
            "删除入会申请",
            f"确定删除 {len(ids)} 条入会申请（{self._names()}）吗？",
        ):
            return
        for app_id in ids:
            try:
                name = intake.get_application(self.ctx.db, app_id)["name"]
            except NotFoundError:  # deleted meanwhile (another window)
                continue
            result = ops.CollectionOp(  # undo comes from the service's inverse (a restore)
                self.ctx,
                self,
                "无法删除",
                lambda d, a=app_id: intake.delete_application(d, a),
                undo_text=f"删除入会申请 {name}",
            ).run()
            if result is None:
                break

    def _batch(self, title: str, action, confirm_text: str | None = None):
        """A batch decision on the selected applications; undo comes from the service."""
        ids = self.selected_ids()
        if not ids:
            return None
        if confirm_text is not None and not self.ctx.prompts.confirm(
            self, title, confirm_text.format(n=len(ids), names=self._names())
        ):
            return None
        return ops.CollectionOp(
            self.ctx, self, title, lambda db: action(db, ids), undo_text=f"{title}（{len(ids)} 人）"
        ).run()

    def review_selected(self):
        return self._batch("分工会审核通过", intake.branch_approve)

    def approve_selected(self):
        result = self._batch(
            "批准入会",
            intake.approve,
            "确定批准以下 {n} 人入会吗？\n{names}\n\n批准后将建立会员档案并按规则发放会员编号，入会日期为今天。",
        )
        if result is not None:
            numbers = [
                r["member_no"] for r in intake.fetch_rows(self.ctx.db, result.undo["rows"]).values()
            ]
            self.ctx.prompts.info(
                self,
                "批准入会",
                f"已批准 {len(numbers)} 人入会，会员编号："
                + "、".join(sorted(n for n in numbers if n)),
            )
        return result

    def reject_selected(self):
        ids = self.selected_ids()
        if not ids:
            return None
        reason = self.ctx.prompts.ask_text(
            self, "不予通过", f"不予通过的原因（{len(ids)} 人，同一原因）："
        )
        if reason is None:
            return None
        return self._batch("不予通过", lambda db, i: intake.reject(db, i, reason))

    def reopen_selected(self):
        return self._batch("重新审核", intake.reopen)

    # ---- files
    def import_excel(self):
        from guilin_union.ui.intake.import_dialog import MemberImportWizard

        wizard = MemberImportWizard(self.ctx, self)
        return show_modal(wizard)

    def save_template(self):
        from guilin_union.services.intake.template import TEMPLATE_NAME, write_template

        return ops.save_output(
            self.ctx,
            self,
            "下载导入模板",
            lambda db, p: write_template(db, p),
            default_name=TEMPLATE_NAME,
            filters="Excel 工作簿 (*.xlsx)",
            background=False,
        )

    def print_forms(self):
        from guilin_union.services.intake.outputs import member_forms_pdf

        ids = self.selected_ids()
        if not ids:
            self.ctx.prompts.info(self, "打印", "请先选择要打印的入会申请。")
            return None
        rows = intake.fetch_rows(self.ctx.db, ids)
        member_ids = [rows[i]["member_id"] for i in ids if rows[i]["member_id"]]
        app_ids = [i for i in ids if not rows[i]["member_id"]]
        return ops.save_output(
            self.ctx,
            self,
            "打印入会申请书及登记表",
            lambda db, p: member_forms_pdf(db, p, member_ids=member_ids, application_ids=app_ids),
            default_name="入会申请书及会员登记表.pdf",
            filters="PDF 文件 (*.pdf)",
            background=False,
        )

    def print_list(self):
        from guilin_union.services.intake.outputs import intake_list_pdf

        return ops.save_output(
            self.ctx,
            self,
            "打印待批准入会人员名单",
            lambda db, p: intake_list_pdf(db, p),
            default_name="待批准入会人员名单.pdf",
            filters="PDF 文件 (*.pdf)",
            background=False,
        )
