"""The member register (会员名册): search, filters, SQL sorting, form, export, roster PDF."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QTableView,
    QVBoxLayout,
    QWidget,
)

from guilin_union.core.errors import UserError
from guilin_union.services import members as members_service
from guilin_union.services import settings as settings_service
from guilin_union.services.changes import Changes
from guilin_union.services.members import MemberQuery
from guilin_union.services.members import branches as branches_service
from guilin_union.ui.context import AppContext
from guilin_union.ui.members.register_columns import (  # noqa: F401 (STATUS_COLORS: re-export)
    COLUMNS,
    STATUS_COLORS,
    build_register_bars,
    fit_register_columns,
)
from guilin_union.ui.table_model import IdTableModel
from guilin_union.ui.widgets.form_dialog import record_submit
from guilin_union.ui.widgets.list_helpers import (
    confirm_delete_each,
    make_id_table,
    make_label,
    names_preview,
    refill_combo,
    refilter_on,
)
from guilin_union.ui.widgets.modal import show_modal
from guilin_union.ui.widgets.query_source import QuerySource
from guilin_union.ui.widgets.record_list import RecordListMixin

if TYPE_CHECKING:  # the record form and its history pages load on first use (start-up)
    from guilin_union.ui.members.member_dialog import MemberDialog

FIT_SAMPLE_ROWS = 25  # rows measured to fit the column widths (the top of the first screen)


class MemberSource(QuerySource):
    """Row source for the table model: the current MemberQuery against the database, the
    personal numbers masked unless ``masked`` is turned off."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(lambda: ctx.db, MemberQuery(), members_service.query_ids, self._fetch)
        self.masked = True

    def _fetch(self, db: Any, ids: list[int]) -> dict[int, dict[str, Any]]:
        return members_service.fetch_rows(db, ids, masked=self.masked)


class MemberRegisterView(RecordListMixin, QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.source = MemberSource(ctx)
        self.source.masked = bool(settings_service.get(ctx.db, "mask_personal_numbers"))
        self.model = IdTableModel(COLUMNS, self.source, self)
        self._build()
        self._search_timer = refilter_on(
            self, self.search_edit, self.branch_combo, self.status_combo
        )
        self.reload_branches()
        self.apply_filters()
        self.fit_columns()

    # ---- building
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        build_register_bars(self, layout)

        self.members_table = make_id_table(
            self.model,
            object_name="members_table",
            sort_indicator=(0, Qt.SortOrder.AscendingOrder),
            stretch_last=False,
        )
        # First run: an empty register says how to begin instead of showing a blank grid.
        self.first_run_label = make_label("first_run_label", wrap=True)
        self.first_run_label.setStyleSheet(
            "background: #fff8e1; border: 1px solid #f0c36d; padding: 10px; color: #5d4200;"
        )
        self.first_run_label.hide()
        layout.addWidget(self.first_run_label)
        layout.addWidget(self.members_table)

        self.members_table.doubleClicked.connect(self._open_index)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.members_table, activated=self.edit_selected)
        QShortcut(QKeySequence(Qt.Key.Key_Enter), self.members_table, activated=self.edit_selected)
        QShortcut(
            QKeySequence(QKeySequence.StandardKey.Delete),
            self.members_table,
            activated=self.delete_selected,
        )
        # 修改/删除 act on the selection: enabled only while a row is selected (docs/STYLE.md).
        self.members_table.selectionModel().selectionChanged.connect(
            lambda *_: self._update_actions()
        )
        self.model.modelReset.connect(self._update_actions)
        self._update_actions()
        self.add_button.clicked.connect(self.add_member)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.export_button.clicked.connect(self.export_excel)
        self.roster_button.clicked.connect(self.print_roster)

    def _update_actions(self) -> None:
        selected = self.members_table.selectionModel().hasSelection()
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)

    def fit_columns(self) -> None:
        """Columns fit their content (first page), the spare width shared by all of them."""
        self._spread = fit_register_columns(
            self.members_table, getattr(self, "_spread", None), FIT_SAMPLE_ROWS
        )

    def reload_branches(self) -> None:
        refill_combo(
            self.branch_combo,
            ("全部分工会", None),
            (
                (b.name if b.active else f"{b.name}（已停用）", b.id)
                for b in branches_service.list_branches(self.ctx.db)
            ),
        )

    # ---- filtering
    def current_query(self) -> MemberQuery:
        return self.source.sorted_query(
            MemberQuery,
            search=self.search_edit.text().strip(),
            branch_id=self.branch_combo.currentData(),
            status=self.status_combo.currentData(),
        )

    def apply_filters(self) -> None:
        self.source.query = self.current_query()
        self.model.reload()
        self._update_count()

    def _update_count(self) -> None:
        total = members_service.count(self.ctx.db)
        shown = self.model.rowCount()
        self.count_label.setText(
            f"显示 {shown} 人 / 共 {total} 人" if shown != total else f"共 {total} 人"
        )
        self.first_run_label.setText(first_run_hint(self.ctx.db, total))
        self.first_run_label.setVisible(total == 0)

    def on_changes(self, changes: Changes) -> None:
        if changes.touches("branches"):
            self.reload_branches()
        if changes.touches("members", "branches"):
            self.source.masked = bool(settings_service.get(self.ctx.db, "mask_personal_numbers"))
            self.model.reload()
            self._update_count()

    # ---- records
    def list_table(self) -> QTableView:
        return self.members_table

    def open_record(self, record_id: int) -> MemberDialog:
        return self.edit_member(record_id)

    def _branch_names(self) -> list[str]:
        return branches_service.branch_names(self.ctx.db)

    def _submit(self, member_id: int | None):
        # The runner notifies the screens and pushes undo from the service's inverse.
        return record_submit(
            self.ctx,
            self,
            "会员",
            member_id,
            members_service.add_member,
            members_service.update_member,
            on_saved=lambda result: setattr(self, "_last_saved_id", result.row_id),
        )

    def add_member(self) -> MemberDialog:
        from guilin_union.ui.members.member_dialog import MemberDialog

        dialog = MemberDialog(self._branch_names(), self._submit(None), parent=self)
        current_branch = self.branch_combo.currentData()
        if current_branch is not None:
            dialog.ui.branch_combo.setCurrentText(self.branch_combo.currentText())
        dialog.setModal(True)
        dialog.finished.connect(lambda _r: self._select_saved())
        dialog.open()
        return dialog

    def edit_member(self, member_id: int) -> MemberDialog:
        from guilin_union.ui.members import history
        from guilin_union.ui.members.member_dialog import MemberDialog

        record = members_service.get_member(self.ctx.db, member_id)
        pages = history.pages_for(self.ctx, member_id)
        dialog = MemberDialog(
            self._branch_names(),
            self._submit(member_id),
            data=record.to_dict(),
            history_pages=pages,
            parent=self,
        )
        return show_modal(dialog)

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        rows = members_service.fetch_rows(self.ctx.db, ids)
        names = names_preview(ids, lambda i: rows[i]["name"], 5)
        # Any refusal (ConflictError / NotFoundError …): say why, stop.
        confirm_delete_each(
            self.ctx,
            self,
            ids,
            title="删除会员",
            question=f"确定删除 {len(ids)} 名会员（{names}）吗？",
            delete=members_service.delete_member,
            label=lambda mid: f"删除会员 {rows[mid]['name'] if mid in rows else ''}",
        )

    # ---- outputs
    def _ask_unmasked(self, what: str) -> bool | None:
        """Full numbers only by an explicit choice (which is logged by the service)."""
        choice = self.ctx.prompts.ask_item(
            self, what, "证件号码和手机号：", ["部分隐藏（推荐）", "显示完整号码（将记入操作日志）"]
        )
        if choice is None:
            return None
        return choice.startswith("显示完整")

    def export_excel(self) -> Path | None:
        unmasked = self._ask_unmasked("导出会员名册")
        if unmasked is None:
            return None
        name = f"{settings_service.get(self.ctx.db, 'union_name')}会员名册.xlsx"
        path = self.ctx.prompts.save_file(
            self, "导出会员名册", self.ctx.last_folder() / name, "Excel 工作簿 (*.xlsx)"
        )
        if path is None:
            return None
        from guilin_union.services.members.outputs import export_members

        try:
            out, n = export_members(self.ctx.db, path, self.current_query(), unmasked=unmasked)
        except (UserError, OSError) as exc:
            self.ctx.prompts.error(self, "导出失败", str(exc))
            return None
        self.ctx.remember_folder(out)
        self.ctx.prompts.info(self, "导出完成", f"已导出 {n} 名会员：\n{out}")
        return out

    def print_roster(self) -> Path | None:
        unmasked = self._ask_unmasked("打印会员花名册")
        if unmasked is None:
            return None
        path = self.ctx.prompts.save_file(
            self,
            "保存会员花名册 PDF",
            self.ctx.last_folder() / "会员花名册.pdf",
            "PDF 文件 (*.pdf)",
        )
        if path is None:
            return None
        from guilin_union.services.members.outputs import member_roster_pdf
        from guilin_union.ui.open_file import open_document

        try:
            out, _n = member_roster_pdf(self.ctx.db, path, self.current_query(), unmasked=unmasked)
        except (UserError, OSError) as exc:
            self.ctx.prompts.error(self, "生成失败", str(exc))
            return None
        self.ctx.remember_folder(out)
        open_document(out)
        return out


def first_run_hint(db: Any, total: int) -> str:
    """What an empty register tells a newcomer to do first."""
    if total:
        return ""
    if not branches_service.branch_names(db, include_inactive=True):
        return (
            "会员名册还是空的。第一步：在“设置 ▸ 分工会管理…”中添加本校的分工会（每名会员属于一个分工会）；"
            "第二步：在“申请审批”页从人事处的 Excel 名单批量导入，或点“新增会员”逐个录入。"
            "想先熟悉程序，可以用“文件 ▸ 打开演示数据库”看一看（演示数据与正式数据分开保存）。"
        )
    return (
        "会员名册还是空的：可以在“申请审批”页从人事处的 Excel 名单批量导入（程序会先逐行检查），"
        "或点“新增会员”逐个录入。"
    )
