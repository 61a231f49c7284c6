"""困难帮扶档案: the yearly file of members in difficulty, the support they received, and
the 送温暖 / 金秋助学 batches it feeds."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from guilin_union.core.errors import ConflictError, ValidationError
from guilin_union.services.changes import Changes
from guilin_union.services.welfare import config, hardship
from guilin_union.ui import ops
from guilin_union.ui.context import AppContext
from guilin_union.ui.forms.ui_welfare_hardship_dialog import Ui_WelfareHardshipDialog
from guilin_union.ui.table_model import columns
from guilin_union.ui.welfare.common import (
    ERROR_STYLE,
    fill_table,
    place_beside,
    selected_key,
    year_bar,
)
from guilin_union.ui.widgets.date_fields import optional_date, optional_date_edit, set_optional_date
from guilin_union.ui.widgets.dialog_buttons import save_cancel
from guilin_union.ui.widgets.form_dialog import Submit, submit_op
from guilin_union.ui.widgets.list_helpers import make_label, make_year_spin, push_buttons
from guilin_union.ui.widgets.modal import show_modal
from guilin_union.ui.widgets.selection_state import enable_with_selection

COLUMNS = columns(
    "branch 分工会 | name 姓名 | staff_no 工号 | member_status 会籍状态 | category 困难类别"
    " | household 家庭情况 | support_notes 帮扶措施 | support_text 本年已获帮扶"
)
HEADERS = [c.header for c in COLUMNS]


class HardshipDialog(QDialog):
    """One entry of the file. Never writes: hands a dict to ``submit``."""

    def __init__(
        self,
        year: int,
        categories: Sequence[str],
        submit: Submit,
        pick_member: Callable[[], tuple[int, str] | None],
        *,
        data: dict[str, Any] | None = None,
        member_label: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_WelfareHardshipDialog()
        self.ui.setupUi(self)
        self._submit = submit
        self._pick = pick_member
        self.year = year
        self.member_id: int | None = None
        ui = self.ui
        ui.year_value.setText(f"{year}年")
        ui.category_combo.addItems(list(categories))
        if data:
            self.member_id = data["member_id"]
            ui.member_value.setText(member_label)
            ui.pick_member_button.setEnabled(False)  # a new person is a new entry
            ui.category_combo.setCurrentText(data.get("category") or "")
            ui.household_edit.setPlainText(data.get("household") or "")
            ui.support_notes_edit.setPlainText(data.get("support_notes") or "")
        self._build_income_group(data or {})
        self.setWindowTitle(f"{year}年困难帮扶档案")
        ui.pick_member_button.clicked.connect(self.choose_member)
        save_cancel(ui.button_box, self, self.save)

    def _build_income_group(self, data: dict[str, Any]) -> None:
        """困难补助申请表的收入部分 (issue 22), beside the Designer form."""
        from PySide6.QtWidgets import (
            QDateEdit,
            QFormLayout,
            QGroupBox,
            QLineEdit,
            QSpinBox,
        )

        from guilin_union.core.money import format_fen

        def yuan(key: str) -> str:
            value = data.get(key)
            return "" if value is None else format_fen(value).replace(",", "")

        ui = self.ui
        group = QGroupBox("收入与家庭（困难补助申请表）")
        form = QFormLayout(group)
        ui.wage_edit = QLineEdit(yuan("wage_fen"))
        ui.other_income_edit = QLineEdit(yuan("other_income_fen"))
        ui.household_income_edit = QLineEdit(yuan("household_income_fen"))
        ui.household_size_spin = QSpinBox()
        ui.household_size_spin.setRange(0, 30)
        ui.household_size_spin.setSpecialValueText("未填")
        ui.household_size_spin.setValue(int(data.get("household_size") or 0))
        ui.address_edit = QLineEdit(data.get("address") or "")
        ui.family_members_edit = QLineEdit(data.get("family_members") or "")
        ui.family_members_edit.setPlaceholderText("如 配偶 无业；儿子 在读")
        ui.decision_edit = QLineEdit(data.get("decision") or "")
        ui.decision_edit.setPlaceholderText("工会委员会意见")
        ui.decision_date_edit = QDateEdit()
        optional_date_edit(ui.decision_date_edit)  # picked, 未设定 until decided (issue 15)
        set_optional_date(ui.decision_date_edit, data.get("decision_date"))
        for label, widget in (
            ("月工资（元）", ui.wage_edit),
            ("其他收入（元）", ui.other_income_edit),
            ("家庭月总收入（元）", ui.household_income_edit),
            ("家庭人口", ui.household_size_spin),
            ("住址", ui.address_edit),
            ("家庭成员及经济情况", ui.family_members_edit),
            ("审批意见", ui.decision_edit),
            ("审批日期", ui.decision_date_edit),
        ):
            form.addRow(label, widget)
        place_beside(ui.main_layout, ui.hardship_form, group)

    def choose_member(self) -> None:
        chosen = self._pick()
        if chosen is not None:
            self.member_id, label = chosen
            self.ui.member_value.setText(label)

    def data(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "member_id": self.member_id,
            "category": self.ui.category_combo.currentText(),
            "household": self.ui.household_edit.toPlainText().strip(),
            "support_notes": self.ui.support_notes_edit.toPlainText().strip(),
            "wage_fen": self.ui.wage_edit.text().strip() or None,
            "other_income_fen": self.ui.other_income_edit.text().strip() or None,
            "household_income_fen": self.ui.household_income_edit.text().strip() or None,
            "household_size": self.ui.household_size_spin.value() or None,
            "address": self.ui.address_edit.text().strip(),
            "family_members": self.ui.family_members_edit.text().strip(),
            "decision": self.ui.decision_edit.text().strip(),
            "decision_date": optional_date(self.ui.decision_date_edit) or None,
        }

    def save(self) -> None:
        errors = self._submit(self.data())
        self.ui.pick_member_button.setStyleSheet(
            ERROR_STYLE if errors and "member_id" in errors else ""
        )
        if errors:
            self.ui.summary_label.setText("\n".join(errors.values()))
            return
        self.accept()


class HardshipView(QWidget):
    def __init__(
        self,
        ctx: AppContext,
        open_batch: Callable[..., Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.open_batch = open_batch
        layout = QVBoxLayout(self)
        self.year_spin = make_year_spin("welfare_hardship_year_spin")
        self.add_button, self.edit_button, self.delete_button, self.application_button = (
            push_buttons("加入档案…", "修改…", "移出档案", "打印申请表…")
        )
        self.carry_button, self.warmth_button, self.school_button = push_buttons(
            "从上一年结转", "发放送温暖…", "发放金秋助学…"
        )
        self.application_button.setToolTip("所选会员的困难补助申请表")
        self.application_button.clicked.connect(self.print_application)
        year_bar(
            layout,
            self.year_spin,
            [self.add_button, self.edit_button, self.delete_button, self.application_button],
            [self.carry_button, self.warmth_button, self.school_button],
        )
        self.summary_label = make_label("welfare_hardship_summary")
        layout.addWidget(self.summary_label)
        self.table = QTableView()
        self.table.setObjectName("welfare_hardship_table")
        layout.addWidget(self.table)
        self.year_spin.valueChanged.connect(lambda _v: self.reload())
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.add_button.clicked.connect(lambda: self.add_entry())
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        enable_with_selection(self.table, self.edit_button, self.delete_button)
        self.carry_button.clicked.connect(self.carry_over)
        occasions = config.hardship_occasions(ctx.db)
        self.warmth_button.clicked.connect(
            lambda: self._batch(occasions[0] if occasions else "送温暖")
        )
        self.school_button.clicked.connect(
            lambda: self._batch(occasions[1] if len(occasions) > 1 else "金秋助学")
        )
        self.reload()

    def reload(self) -> None:
        rows = hardship.list_hardship(self.ctx.db, self.year_spin.value())
        fill_table(self.table, COLUMNS, rows, stretch=5, id_key="id")
        supported = sum(1 for r in rows if r["support_count"])
        total = sum(r["support_fen"] for r in rows)
        from guilin_union.core.money import format_fen

        self.summary_label.setText(
            f"{self.year_spin.value()}年档案共 {len(rows)} 人，已帮扶 {supported} 人，"
            f"帮扶金额合计 {format_fen(total)} 元。"
        )

    def on_changes(self, changes: Changes) -> None:
        if changes.touches("welfare", "members", "branches"):
            self.reload()

    def _pick(self) -> tuple[int, str] | None:
        from guilin_union.ui.welfare.payments_view import member_label

        ids = self.ctx.prompts.pick_members(
            self.ctx, self, title="选择困难会员", multi=False, statuses=("在会", "保留会籍")
        )
        return (ids[0], member_label(self.ctx.db, ids[0])) if ids else None

    def _submit(self, entry_id: int | None) -> Submit:
        title = "加入困难帮扶档案" if entry_id is None else "修改困难帮扶档案"

        def submit(data: dict[str, Any]) -> dict[str, str] | None:
            return submit_op(
                self.ctx,
                self,
                title,
                lambda db: hardship.save_hardship(db, data, entry_id),
                error_field="summary",
            )

        return submit

    def add_entry(self) -> HardshipDialog:
        dialog = HardshipDialog(
            self.year_spin.value(),
            config.hardship_categories(self.ctx.db),
            self._submit(None),
            self._pick,
            parent=self,
        )
        return show_modal(dialog)

    def print_application(self) -> None:
        """困难补助申请表 of the selected entry (issue 22)."""
        from guilin_union.services.welfare import outputs as welfare_outputs

        entry_id = self.selected_entry()
        if entry_id is None:
            return
        entry = hardship.get_hardship(self.ctx.db, entry_id)
        member_id, year = entry["member_id"], entry["year"]
        ops.save_output(
            self.ctx,
            self,
            "打印困难补助申请表",
            lambda db, path: welfare_outputs.hardship_pdf(db, path, member_id, year),
            default_name=f"{year}年困难补助申请表.pdf",
            filters="PDF 文件 (*.pdf)",
        )

    def selected_entry(self) -> int | None:
        return selected_key(
            self.ctx, self, self.table, None, "困难帮扶档案", "请先在表格中选择一名会员。"
        )

    def edit_selected(self) -> HardshipDialog | None:
        from guilin_union.ui.welfare.payments_view import member_label

        entry_id = self.selected_entry()
        if entry_id is None:
            return None
        row = hardship.get_hardship(self.ctx.db, entry_id)
        dialog = HardshipDialog(
            row["year"],
            config.hardship_categories(self.ctx.db),
            self._submit(entry_id),
            self._pick,
            data=row,
            member_label=member_label(self.ctx.db, row["member_id"]),
            parent=self,
        )
        return show_modal(dialog)

    def delete_selected(self) -> None:
        entry_id = self.selected_entry()
        if entry_id is None:
            return
        ops.CollectionOp(  # undo: the service's inverse restores the entry and its links
            self.ctx,
            self,
            "移出档案",
            lambda db: hardship.delete_hardship(db, entry_id),
            undo_text="移出困难帮扶档案",
        ).run_if_confirmed(
            "把该会员移出本年度困难帮扶档案吗？已发放的帮扶记录保留。", ok_text="移出"
        )

    def carry_over(self) -> None:
        year = self.year_spin.value()
        try:
            result = hardship.copy_hardship_year(self.ctx.db, year - 1, year)
        except (ValidationError, ConflictError) as exc:
            self.ctx.prompts.warning(self, "从上一年结转", str(exc))
            return
        self.ctx.notify(result.changes)
        self.ctx.prompts.info(
            self,
            "从上一年结转",
            f"已从{year - 1}年档案结转 {result.row_id} 人，请逐一核实今年的情况。",
        )

    def _batch(self, occasion: str) -> None:
        if self.open_batch is not None:
            from guilin_union.services.welfare.batches import RULE_HARDSHIP

            self.open_batch(
                occasion=occasion, eligibility=RULE_HARDSHIP, year=self.year_spin.value()
            )
