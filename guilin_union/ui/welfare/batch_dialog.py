"""节日慰问批量发放: choose the festival, year, 分工会 and amount → preview who is eligible
and who is not (with the reason) → create every payment in one transaction.

The dialog never writes: ``preview`` and ``create`` are supplied by the caller (the batches
page), which calls the service and asks for an override reason when the batch as a whole
breaks the standard.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Sequence
from typing import Any, TypedDict, Unpack

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from guilin_union.core.errors import ValidationError
from guilin_union.core.money import format_fen, parse_yuan
from guilin_union.core.welfare import FORMS
from guilin_union.services.welfare import batches as wb
from guilin_union.ui.forms.ui_welfare_batch_dialog import Ui_WelfareBatchDialog
from guilin_union.ui.table_model import columns
from guilin_union.ui.welfare.common import fill_table, warnings_text
from guilin_union.ui.widgets.list_helpers import add_check_item, call_on

AUTO_RULE = "按标准（标准含保留会籍时一并发放）"
Preview = Callable[[wb.BatchRequest], wb.BatchPreview]
Create = Callable[[wb.BatchRequest], str | None]  # error text, or None when created
ELIGIBLE_COLUMNS = columns(
    "seq 序号 | branch 分工会 | name 姓名 | staff_no 工号 | amount 金额（元） 右"
)
EXCLUDED_COLUMNS = columns("branch 分工会 | name 姓名 | staff_no 工号 | reason 原因")


class BatchPreset(TypedDict, total=False):
    """What a new batch starts from (from the 首页 reminders or the 送温暖 button)."""

    year: int | None
    occasion: str | None
    eligibility: str | None


class BatchDialog(QDialog):
    def __init__(
        self,
        preview: Preview,
        create: Create,
        *,
        occasions: Sequence[str],
        branches: Sequence[tuple[int, str]],
        parent: QWidget | None = None,
        **preset: Unpack[BatchPreset],
    ) -> None:
        super().__init__(parent)
        year, occasion = preset.get("year"), preset.get("occasion")
        self.ui = Ui_WelfareBatchDialog()
        self.ui.setupUi(self)
        self._preview = preview
        self._create = create
        self.last_preview: wb.BatchPreview | None = None
        self.request: wb.BatchRequest | None = None
        ui = self.ui
        ui.occasion_combo.addItems(list(occasions))
        if occasion:
            ui.occasion_combo.setCurrentText(occasion)
        today = _dt.date.today()
        ui.year_spin.setValue(year or today.year)
        day = _dt.date.fromisoformat(wb.default_pay_date(ui.year_spin.value(), today))
        ui.pay_date_edit.setDate(QDate(day.year, day.month, day.day))
        ui.eligibility_combo.addItem(AUTO_RULE, None)
        for rule in wb.ELIGIBILITY_RULES:
            ui.eligibility_combo.addItem(rule, rule)
        if eligibility := preset.get("eligibility"):
            ui.eligibility_combo.setCurrentIndex(ui.eligibility_combo.findData(eligibility))
        ui.form_combo.addItems(list(FORMS))
        for branch_id, name in branches:
            add_check_item(ui.branches_list, name, branch_id, checked=True)
        ui.branches_list.setEnabled(False)
        ui.all_branches_check.toggled.connect(lambda on: ui.branches_list.setEnabled(not on))
        ui.form_combo.currentTextChanged.connect(lambda _t: self._update_goods())
        ui.year_spin.valueChanged.connect(self._year_changed)
        ui.preview_button.clicked.connect(self.run_preview)
        call_on(
            self._invalidate,
            ui.occasion_combo.currentTextChanged,
            ui.amount_edit.textChanged,
            ui.goods_edit.textChanged,
            ui.form_combo.currentTextChanged,
            ui.eligibility_combo.currentIndexChanged,
            ui.year_spin.valueChanged,
            ui.pay_date_edit.dateChanged,
            ui.all_branches_check.toggled,
            ui.branches_list.itemChanged,
        )
        self.ok_button = ui.button_box.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("创建批次")
        self.ok_button.setEnabled(False)
        ui.button_box.button(QDialogButtonBox.StandardButton.Cancel).setText("关闭")
        ui.button_box.accepted.connect(self.create)
        ui.button_box.rejected.connect(self.reject)
        ui.result_tabs.setTabText(0, "符合条件")
        ui.result_tabs.setTabText(1, "未纳入及原因")
        self._update_goods()

    def _update_goods(self) -> None:
        goods = self.ui.form_combo.currentText() == "实物"
        self.ui.goods_edit.setEnabled(goods)
        self.ui.amount_label.setText("每份折合金额（元）" if goods else "每人金额（元）")

    def _year_changed(self, year: int) -> None:
        day = _dt.date.fromisoformat(wb.default_pay_date(year))
        self.ui.pay_date_edit.setDate(QDate(day.year, day.month, day.day))

    def _invalidate(self) -> None:
        """Any change makes the shown preview stale: creating needs a fresh one."""
        self.ok_button.setEnabled(False)
        if self.last_preview is not None:
            self.ui.preview_summary_label.setText("条件已修改，请重新预览。")

    def build_request(self) -> wb.BatchRequest:
        ui = self.ui
        goods = ui.form_combo.currentText() == "实物"
        amount = parse_yuan(ui.amount_edit.text(), field="amount_fen")
        branch_ids = None
        if not ui.all_branches_check.isChecked():
            branch_ids = [
                ui.branches_list.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(ui.branches_list.count())
                if ui.branches_list.item(i).checkState() == Qt.CheckState.Checked
            ]
        day = ui.pay_date_edit.date()
        return wb.BatchRequest(
            year=ui.year_spin.value(),
            occasion=ui.occasion_combo.currentText().strip(),
            amount_fen=amount,
            form="实物" if goods else "现金",
            goods=ui.goods_edit.text().strip() if goods else "",
            branch_ids=branch_ids,
            eligibility=ui.eligibility_combo.currentData(),
            pay_date=f"{day.year():04d}-{day.month():02d}-{day.day():02d}",
            reason=ui.reason_edit.text().strip(),
            handler=ui.handler_edit.text().strip(),
        )

    def run_preview(self) -> wb.BatchPreview | None:
        self.ui.summary_label.setText("")
        try:
            request = self.build_request()
            preview = self._preview(request)
        except ValidationError as exc:
            self.ui.summary_label.setText(exc.message)
            self.ok_button.setEnabled(False)
            return None
        self.request, self.last_preview = request, preview
        fill_table(
            self.ui.eligible_table,
            ELIGIBLE_COLUMNS,
            [
                {
                    "seq": i,
                    "branch": x.branch,
                    "name": x.name,
                    "staff_no": x.staff_no,
                    "amount": format_fen(x.amount_fen),
                }
                for i, x in enumerate(preview.eligible, start=1)
            ],
            stretch=1,
        )
        fill_table(
            self.ui.excluded_table,
            EXCLUDED_COLUMNS,
            [
                {"branch": x.branch, "name": x.name, "staff_no": x.staff_no, "reason": x.reason}
                for x in preview.excluded
            ],
            stretch=3,
        )
        self.ui.result_tabs.setTabText(0, f"符合条件（{len(preview.eligible)} 人）")
        self.ui.result_tabs.setTabText(1, f"未纳入及原因（{len(preview.excluded)} 人）")
        self.ui.preview_summary_label.setText(
            f"{preview.eligibility}；{preview.branches_text}；符合条件 {len(preview.eligible)} 人，"
            f"合计 {format_fen(preview.total_fen)} 元；未纳入 {len(preview.excluded)} 人。"
        )
        self.ui.warnings_label.setText(
            ("注意：\n" + warnings_text(preview.warnings)) if preview.warnings else ""
        )
        self.ok_button.setEnabled(bool(preview.eligible))
        return preview

    def create(self) -> None:
        if self.request is None or self.last_preview is None:
            return
        error = self._create(self.request)
        if error:
            self.ui.summary_label.setText(error)
            return
        self.accept()

    def values(self) -> dict[str, Any]:
        return {} if self.request is None else dict(self.request.__dict__)
