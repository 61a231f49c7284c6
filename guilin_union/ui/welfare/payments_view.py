"""慰问记录: the list of payments with filters (year, type, 分工会, state, 有超标准/需复核),
entry with live rule checks and override reasons, approval, import, export and the
sign-for roster of whatever the list shows."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from guilin_union.core.errors import UserError, ValidationError
from guilin_union.core.money import format_fen
from guilin_union.services import welfare
from guilin_union.services.changes import Changes
from guilin_union.services.members import branches as branches_service
from guilin_union.services.members import member_summary
from guilin_union.services.welfare import PaymentQuery, config
from guilin_union.services.welfare.rules import PaymentWarnings
from guilin_union.services.welfare.standards import get_standard
from guilin_union.ui import ops
from guilin_union.ui.context import AppContext
from guilin_union.ui.table_model import ColumnSpec, IdTableModel, state_column
from guilin_union.ui.welfare.common import (
    FLAG_COLOR,
    STATE_COLORS,
    ask_override,
    fill_year_combo,
    warnings_text,
    write_roster,
)
from guilin_union.ui.welfare.payment_dialog import PaymentDialog
from guilin_union.ui.widgets.list_helpers import (
    FIT_SAMPLE_ROWS,
    add_record_buttons,
    add_search_bar,
    confirm_delete_each,
    make_id_table,
    make_label,
    make_search_edit,
    names_preview,
    push_buttons,
    refilter_on,
)
from guilin_union.ui.widgets.modal import show_modal
from guilin_union.ui.widgets.query_source import QuerySource
from guilin_union.ui.widgets.record_list import RecordListMixin
from guilin_union.ui.widgets.selection_state import enable_with_selection

COLUMNS = [
    ColumnSpec("pay_date", "慰问日期", sort_key="date", align="center"),
    ColumnSpec("name", "姓名", sort_key="name"),
    ColumnSpec("staff_no", "工号", sort_key="staff_no", align="center"),
    ColumnSpec("branch", "分工会", sort_key="branch"),
    ColumnSpec("type_text", "慰问类型", sort_key="type"),
    ColumnSpec("amount_text", "金额/物品", sort_key="amount", align="right"),
    ColumnSpec("reason", "事由"),
    ColumnSpec("handler", "经手人"),
    state_column("state", "审批状态", STATE_COLORS),
    ColumnSpec(
        "warning_count",
        "复核",
        align="center",
        formatter=lambda v, r: ("需复核" if r.get("open_warning_count") else "已复核") if v else "",
        foreground=lambda r: FLAG_COLOR if r.get("open_warning_count") else "#2e7d32",
    ),
    ColumnSpec(
        "attachment_count", "材料", align="center", formatter=lambda v, _r: f"{v} 份" if v else ""
    ),
]
APPROVAL_STEPS = (
    ("分工会审核", "分工会审核通过"),
    ("校工会批准", "校工会批准"),
    ("已发放", "已发放（签领完毕）"),
    ("申请", "退回为“申请”"),
)


def member_label(db: Any, member_id: int) -> str:
    row = member_summary(db, member_id)
    if row is None:
        return f"会员 #{member_id}"
    staff = f"，工号 {row['staff_no']}" if row["staff_no"] else ""
    return f"{row['name']}（{row['branch']}{staff}，{row['status']}）"


def standard_text(db: Any, year: int, type_name: str) -> str:
    s = get_standard(db, year, type_name)
    if s is None:
        return (
            f"{year}年尚未设置“{type_name}”的慰问标准（可在“慰问标准”页载入示例或从上一年复制）。"
        )
    cap = "不设上限" if s.cap_fen is None else f"单次不超过 {format_fen(s.cap_fen)} 元"
    parts = [f"{year}年“{type_name}”标准：{cap}", s.rule_text(), f"{s.payer}发放", s.form]
    parts.append("含保留会籍会员" if s.retired_eligible else "仅限在会会员")
    if s.evidence:
        parts.append(f"需材料：{s.evidence}")
    text = "；".join(parts) + "。"
    return text + ("（示例标准，请按本校规定核实）" if s.is_example else "")


class PaymentsView(RecordListMixin, QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.source = QuerySource.over(lambda: ctx.db, PaymentQuery(), welfare)
        self.model = IdTableModel(COLUMNS, self.source, self)
        self._build()
        combos = (self.year_combo, self.type_combo, self.branch_combo, self.state_combo)
        self._timer = refilter_on(self, self.search_edit, *combos)
        self.flagged_check.toggled.connect(lambda _c: self.apply_filters())
        self.reload_choices()
        fill_year_combo(self.year_combo, ctx.db, with_all=True, current=_dt.date.today().year)
        self.apply_filters()
        self.fit_columns()

    # ---- building
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.search_edit = make_search_edit(
            "welfare_search_edit", "搜索：姓名、拼音首字母、工号、事由、物品"
        )
        self.year_combo = QComboBox()
        self.year_combo.setObjectName("welfare_year_combo")
        self.type_combo = QComboBox()
        self.type_combo.setObjectName("welfare_type_combo")
        self.branch_combo = QComboBox()
        self.branch_combo.setObjectName("welfare_branch_combo")
        self.branch_combo.setMinimumContentsLength(10)
        self.state_combo = QComboBox()
        self.state_combo.addItem("全部状态", None)
        for state in welfare.STATES:
            self.state_combo.addItem(state, state)
        self.flagged_check = QCheckBox("有超标准/需复核")
        self.flagged_check.setObjectName("welfare_flagged_check")
        bar = add_search_bar(
            layout,
            self.search_edit,
            (
                ("年度", self.year_combo, 0),
                ("类型", self.type_combo, 1),
                ("分工会", self.branch_combo, 2),
                ("状态", self.state_combo, 1),
            ),
        )
        bar.addWidget(self.flagged_check)

        buttons, (self.add_button, self.edit_button, self.delete_button, self.approve_button) = (
            add_record_buttons(layout, "登记慰问…", "审批")
        )
        menu = QMenu(self.approve_button)
        for state, text in APPROVAL_STEPS:
            menu.addAction(text, lambda s=state: self.set_state_selected(s))
        self.approve_button.setMenu(menu)
        buttons.addStretch(1)
        self.summary_label = make_label("welfare_summary_label")
        buttons.addWidget(self.summary_label)
        buttons.addSpacing(12)
        self.import_button, self.export_button, self.roster_button, self.approval_form_button = (
            push_buttons("导入 Excel…", "导出 Excel…", "打印签领表…", "打印审批表…", layout=buttons)
        )
        self.approval_form_button.setToolTip("所选慰问记录的慰问审批表（每笔一页）")
        self.approval_form_button.clicked.connect(self.print_approval_forms)

        self.table = make_id_table(
            self.model,
            object_name="welfare_payments_table",
            sort_indicator=(0, Qt.SortOrder.DescendingOrder),
        )
        # Fit columns to the first rows only: sizing by 1,000 rows fetched five pages, and
        # measuring 200 rows still took 0.1 s on twenty years of records (issue 11).
        self.table.horizontalHeader().setResizeContentsPrecision(FIT_SAMPLE_ROWS)
        layout.addWidget(self.table)

        self.table.doubleClicked.connect(self._open_index)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, activated=self.edit_selected)
        QShortcut(
            QKeySequence(QKeySequence.StandardKey.Delete),
            self.table,
            activated=self.delete_selected,
        )
        self.add_button.clicked.connect(lambda: self.add_payment())
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        enable_with_selection(self.table, self.edit_button, self.delete_button, self.approve_button)
        self.import_button.clicked.connect(self.import_excel)
        self.export_button.clicked.connect(self.export_excel)
        self.roster_button.clicked.connect(self.print_roster)

    def fit_columns(self) -> None:
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for col in range(len(COLUMNS)):
            header.resizeSection(col, min(header.sectionSize(col) + 14, 260))
        header.resizeSection(0, max(header.sectionSize(0), 96))
        reason = next(i for i, c in enumerate(COLUMNS) if c.key == "reason")
        header.setSectionResizeMode(reason, QHeaderView.ResizeMode.Stretch)

    def reload_choices(self) -> None:
        db = self.ctx.db
        for combo, first, items in (
            (self.type_combo, "全部类型", [(t, t) for t in config.types(db)]),
            (
                self.branch_combo,
                "全部分工会",
                [
                    (b.name if b.active else f"{b.name}（已停用）", b.id)
                    for b in branches_service.list_branches(db)
                ],
            ),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(first, None)
            for text, value in items:
                combo.addItem(text, value)
            index = combo.findData(current) if current is not None else 0
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

    # ---- filtering
    def current_query(self) -> PaymentQuery:
        return self.source.sorted_query(
            PaymentQuery,
            year=self.year_combo.currentData(),
            type=self.type_combo.currentData(),
            branch_id=self.branch_combo.currentData(),
            state=self.state_combo.currentData(),
            flagged_only=self.flagged_check.isChecked(),
            search=self.search_edit.text().strip(),
        )

    def apply_filters(self) -> None:
        self.source.query = self.current_query()
        self.model.reload()
        self._update_summary()

    def _update_summary(self) -> None:
        n, total = welfare.totals(self.ctx.db, self.source.query)
        flagged = welfare.count(
            self.ctx.db, PaymentQuery(**{**self.source.query.__dict__, "open_warnings_only": True})
        )
        text = f"共 {n} 笔，合计 {format_fen(total)} 元"
        if flagged:
            text += f"（其中 {flagged} 笔需复核）"
        self.summary_label.setText(text)

    def on_changes(self, changes: Changes) -> None:
        if changes.touches("branches", "settings"):
            self.reload_choices()
        if changes.touches("welfare"):
            fill_year_combo(self.year_combo, self.ctx.db, with_all=True)
        if changes.touches("welfare", "members", "branches"):
            self.source.query = self.current_query()
            self.model.reload()
            self._update_summary()

    # ---- records
    def open_record(self, record_id: int) -> PaymentDialog:
        return self.edit_payment(record_id)

    def _pick_member(self) -> tuple[int, str] | None:
        ids = self.ctx.prompts.pick_members(
            self.ctx, self, title="选择慰问对象", multi=False, statuses=()
        )
        return (ids[0], member_label(self.ctx.db, ids[0])) if ids else None

    def _check(self, data: dict[str, Any]) -> tuple[str, str]:
        db = self.ctx.db
        standard = standard_text(
            db, int(data.get("year") or _dt.date.today().year), data.get("type") or ""
        )
        if data.get("member_id") is None:
            return standard, ""
        try:
            warnings = welfare.check(
                db,
                {k: v for k, v in data.items() if k not in ("attachments", "remove_attachments")},
                payment_id=data.get("_payment_id"),
            )
        except ValidationError:
            return standard, ""
        return standard, warnings_text(warnings)

    def _handlers(self) -> list[str]:
        return config.recent_handlers(self.ctx.db)

    def _choose_file(self) -> Path | None:
        path = self.ctx.prompts.open_file(
            self,
            "添加佐证材料",
            self.ctx.last_folder("evidence"),
            "图片或文档 (*.jpg *.jpeg *.png *.pdf *.doc *.docx);;所有文件 (*)",
        )
        if path is not None:
            self.ctx.remember_folder(path, "evidence")
        return path

    def _open_attachment(self, attachment_id: int) -> None:
        from guilin_union.services.attachments import resolve_attachment, stored_path
        from guilin_union.ui.open_file import open_document

        stored = stored_path(self.ctx.db, "welfare_attachments", attachment_id)
        if stored:
            try:
                open_document(resolve_attachment(self.ctx.db, stored))
            except ValidationError as exc:
                self.ctx.prompts.warning(self, "打开材料", str(exc))

    def _submit(self, payment_id: int | None, dialog_ref: list[PaymentDialog]):
        title = "登记慰问" if payment_id is None else "修改慰问记录"

        def submit(data: dict[str, Any]) -> dict[str, str] | None:
            files = data.pop("attachments", [])
            removed = data.pop("remove_attachments", [])
            reason: str | None = None

            def save(db: Any, reason: str | None) -> Any:
                if payment_id is None:
                    return welfare.record_payment(
                        db, data, override_reason=reason, attachments=files
                    )
                result = welfare.update_payment(db, payment_id, data, override_reason=reason)
                for path in files:
                    welfare.add_attachment(db, payment_id, path)
                for attachment_id in removed:
                    welfare.remove_attachment(db, attachment_id)
                return result

            while True:
                caught: list[BaseException] = []
                # The runner notifies the screens and pushes undo from the service's inverse.
                result = (
                    ops.CollectionOp(self.ctx, self, title, lambda db, r=reason: save(db, r))
                    .failure(caught.append)
                    .run()
                )
                if result is not None:
                    break
                exc = caught[0] if caught else None
                if isinstance(exc, PaymentWarnings):
                    reason = ask_override(
                        self.ctx, dialog_ref[0] if dialog_ref else self, exc.warnings
                    )
                    if not reason:
                        return {
                            "warnings": "未保存：不符合慰问标准，需要填写理由才能保存。\n"
                            + warnings_text(exc.warnings)
                        }
                elif isinstance(exc, ValidationError):
                    return {exc.field or "summary": exc.message}
                else:
                    return {"summary": str(exc) if exc else ops.READ_ONLY_MESSAGE}
            self._last_saved_id = result.row_id
            return None

        return submit

    def _dialog(
        self,
        payment_id: int | None,
        data: dict[str, Any] | None = None,
        label: str = "",
        attachments: list[tuple[int, str]] | None = None,
    ) -> PaymentDialog:
        ref: list[PaymentDialog] = []
        check = self._check
        if payment_id is not None:

            def check(values: dict[str, Any]) -> tuple[str, str]:
                return self._check({**values, "_payment_id": payment_id})

        dialog = PaymentDialog(
            self._submit(payment_id, ref),
            types=config.types(self.ctx.db),
            occasions=lambda t: config.occasions_for(self.ctx.db, t),
            pick_member=self._pick_member,
            check=check,
            handlers=self._handlers(),
            data=data,
            member_label=label,
            attachments=attachments or [],
            open_attachment=self._open_attachment,
            choose_file=self._choose_file,
            evidence_items=self._evidence_items,
            parent=self,
        )
        ref.append(dialog)
        dialog.setModal(True)
        dialog.finished.connect(lambda _r: self._select_saved())
        dialog.open()
        return dialog

    def add_payment(self, member_id: int | None = None) -> PaymentDialog:
        data: dict[str, Any] | None = None
        if member_id is not None:
            data = {"member_id": member_id}
        if self.type_combo.currentData():
            data = {**(data or {}), "type": self.type_combo.currentData()}
        dialog = self._dialog(None)
        if data:
            dialog.set_data(
                {**dialog.data(), **data}, member_label(self.ctx.db, member_id) if member_id else ""
            )
        dialog.setWindowTitle("登记慰问")
        return dialog

    def _evidence_items(self, type_name: str, year: int) -> list[str]:
        from guilin_union.services.welfare.cases import evidence_items

        return evidence_items(self.ctx.db, year, type_name)

    def print_approval_forms(self) -> None:
        """慰问审批表 of the selected payments (issue 22)."""
        from guilin_union.services.welfare import outputs as welfare_outputs
        from guilin_union.ui import ops

        ids = self.selected_ids()
        if not ids:
            self.ctx.prompts.info(self, "慰问审批表", "请先在表格中选择慰问记录。")
            return
        ops.save_output(
            self.ctx,
            self,
            "打印慰问审批表",
            lambda db, path: welfare_outputs.approval_pdf(db, path, ids),
            default_name="慰问审批表.pdf",
            filters="PDF 文件 (*.pdf)",
        )

    def edit_payment(self, payment_id: int) -> PaymentDialog:
        row = welfare.get_payment(self.ctx.db, payment_id)
        files = [
            (a["id"], a["original_name"]) for a in welfare.list_attachments(self.ctx.db, payment_id)
        ]
        return self._dialog(payment_id, row, member_label(self.ctx.db, row["member_id"]), files)

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        rows = welfare.fetch_rows(self.ctx.db, ids)
        names = names_preview(ids, lambda i: f"{rows[i]['name']}（{rows[i]['type_text']}）", 4)
        confirm_delete_each(
            self.ctx,
            self,
            ids,
            title="删除慰问记录",
            question=f"确定删除 {len(ids)} 笔慰问记录（{names}）吗？",
            delete=welfare.delete_payment,
            label=lambda _pid: "删除慰问记录",
        )

    def set_state_selected(self, state: str, on: str | None = None) -> None:
        ids = self.selected_ids()
        if not ids:
            self.ctx.prompts.info(self, "审批", "请先在列表中选择要审批的慰问记录（可多选）。")
            return
        if on is None:
            on = self.ctx.prompts.ask_text(
                self,
                f"审批：{state}",
                f"{len(ids)} 笔慰问记录改为“{state}”，日期：",
                _dt.date.today().isoformat(),
            )
            if on is None:
                return
        day = on
        ops.CollectionOp(  # undo: the service's inverse puts the previous states back
            self.ctx,
            self,
            "审批",
            lambda db: welfare.set_state(db, ids, state, day),
            undo_text=f"审批：{state}",
        ).run()

    # ---- files
    def import_excel(self) -> None:
        from guilin_union.services.welfare.importer import WelfareImporter, write_template
        from guilin_union.ui.widgets.import_wizard import ImportWizard

        importer = WelfareImporter()
        options = QWidget()
        row = QHBoxLayout(options)
        row.setContentsMargins(0, 0, 0, 0)
        accept = QCheckBox("接受违反慰问标准的行，理由：")
        accept.setObjectName("welfare_accept_warnings_check")
        reason = QLineEdit()
        reason.setObjectName("welfare_accept_reason_edit")
        reason.setPlaceholderText("如 分工会补报，已经校工会审核")
        row.addWidget(accept)
        row.addWidget(reason, 1)

        def before_validate() -> None:
            text = reason.text().strip()
            importer.accept_warnings = text if accept.isChecked() and text else None

        wizard = ImportWizard(
            self.ctx,
            importer,
            "导入慰问记录",
            self,
            template_writer=write_template,
            options_widget=options,
            before_validate=before_validate,
        )
        show_modal(wizard)
        self._wizard = wizard

    def export_excel(self) -> Path | None:
        from guilin_union.services.welfare.outputs import export_payments

        path = self.ctx.prompts.save_file(
            self, "导出慰问记录", self.ctx.last_folder() / "慰问记录.xlsx", "Excel 工作簿 (*.xlsx)"
        )
        if path is None:
            return None
        try:
            out, n = export_payments(self.ctx.db, path, self.current_query())
        except (UserError, OSError) as exc:  # locked file, no permission: say so, keep data
            self.ctx.prompts.error(self, "导出失败", str(exc))
            return None
        self.ctx.remember_folder(out)
        self.ctx.prompts.info(self, "导出完成", f"已导出 {n} 笔慰问记录：\n{out}")
        return out

    def print_roster(self) -> Path | None:
        """The 发放签领表 of exactly what the list shows (PDF, or Excel when so named); written
        in the background."""
        q = self.current_query()
        if welfare.count(self.ctx.db, q) == 0:
            self.ctx.prompts.info(self, "打印签领表", "当前列表没有慰问记录。")
            return None
        path = self.ctx.prompts.save_file(
            self,
            "保存发放签领表",
            self.ctx.last_folder() / "慰问发放签领表.pdf",
            "PDF 文件 (*.pdf);;Excel 工作簿 (*.xlsx)",
        )
        if path is None:
            return None
        excel = path.suffix.lower() == ".xlsx"
        return write_roster(
            self.ctx, self, path if excel else path.with_suffix(".pdf"), excel, query=q
        )
