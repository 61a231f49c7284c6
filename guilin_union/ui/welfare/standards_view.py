"""慰问标准: one year's standards per type; load the labelled examples, copy a year to the
next, edit one type's rule."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from guilin_union.core.errors import NotFoundError, ValidationError
from guilin_union.core.money import format_fen
from guilin_union.services.changes import Changes
from guilin_union.services.welfare import config
from guilin_union.services.welfare import standards as ws
from guilin_union.ui import ops
from guilin_union.ui.context import AppContext
from guilin_union.ui.table_model import columns
from guilin_union.ui.welfare.common import fill_table, selected_key, year_bar
from guilin_union.ui.welfare.standard_dialog import StandardDialog
from guilin_union.ui.widgets.form_dialog import submit_op
from guilin_union.ui.widgets.list_helpers import make_hint, make_label, make_year_spin
from guilin_union.ui.widgets.modal import show_modal
from guilin_union.ui.widgets.selection_state import enable_with_selection

COLUMNS = columns(
    "type 慰问类型 | cap 单次上限（元） 右 | form 发放形式 | rule 次数规则"
    " | yearly_cap 每年总额上限（元） 右 | payer 发放单位 | retired 保留会籍 | evidence 所需材料"
    " | source 依据"
)
HEADERS = [c.header for c in COLUMNS]


class StandardsView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.types: list[str] = []
        layout = QVBoxLayout(self)
        self.year_spin = make_year_spin("welfare_standards_year_spin")
        self.edit_button = QPushButton("修改…")
        self.examples_button = QPushButton("载入示例标准")
        self.copy_prev_button = QPushButton("从上一年复制")
        self.copy_next_button = QPushButton("复制到下一年")
        self.delete_button = QPushButton("删除该类型标准")
        self.branch_button = QPushButton("分工会标准…")
        self.print_button = QPushButton("打印标准一览表…")
        year_bar(
            layout,
            self.year_spin,
            [self.edit_button],
            [
                self.examples_button,
                self.copy_prev_button,
                self.copy_next_button,
                self.delete_button,
                self.branch_button,
                self.print_button,
            ],
        )
        self.notice_label = make_label("welfare_standards_notice", wrap=True)
        layout.addWidget(self.notice_label)
        self.table = QTableView()
        self.table.setObjectName("welfare_standards_table")
        layout.addWidget(self.table)
        help_label = make_hint(
            "登记慰问时按慰问所属年度的标准检查：金额超过单次上限、超过次数或年度总额、"
            "会籍状态不符、可能重复登记时都会提示，确需发放的须填写理由。"
        )
        layout.addWidget(help_label)
        self.year_spin.valueChanged.connect(lambda _v: self.reload())
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.edit_button.clicked.connect(self.edit_selected)
        self.examples_button.clicked.connect(self.load_examples)
        self.copy_prev_button.clicked.connect(
            lambda: self.copy(self.year_spin.value() - 1, self.year_spin.value())
        )
        self.copy_next_button.clicked.connect(
            lambda: self.copy(self.year_spin.value(), self.year_spin.value() + 1)
        )
        self.delete_button.clicked.connect(self.delete_selected)
        enable_with_selection(self.table, self.edit_button, self.delete_button)
        self.branch_button.clicked.connect(self.edit_branch_standards)
        self.print_button.clicked.connect(self.print_table)
        self.reload()

    def edit_branch_standards(self):
        from guilin_union.ui.welfare.branch_standards_dialog import BranchStandardsDialog

        dialog = BranchStandardsDialog(self.ctx, self.year, self)
        dialog.open()
        return dialog

    def print_table(self) -> None:
        from guilin_union.services.welfare import outputs as welfare_outputs

        year = self.year
        ops.save_output(
            self.ctx,
            self,
            "打印慰问标准",
            lambda db, path: welfare_outputs.standards_pdf(db, path, year),
            default_name=f"{year}年度会员慰问标准.pdf",
            filters="PDF 文件 (*.pdf)",
        )

    @property
    def year(self) -> int:
        return self.year_spin.value()

    def reload(self) -> None:
        db = self.ctx.db
        saved = ws.standards_by_type(db, self.year)
        self.types = config.types(db) + [t for t in saved if t not in config.types(db)]
        rows: list[dict[str, Any]] = []
        for type_name in self.types:
            s = saved.get(type_name)
            if s is None:
                rows.append({"type": type_name, "cap": "（未设置）"})
                continue
            rows.append(
                {
                    "type": type_name,
                    "cap": "不限" if s.cap_fen is None else format_fen(s.cap_fen),
                    "form": s.form,
                    "rule": (
                        f"每年最多 {s.max_per_year} 次"
                        if s.rule_kind == "每年限次"
                        else s.rule_kind
                    ),
                    "yearly_cap": (
                        "" if s.yearly_cap_fen is None else format_fen(s.yearly_cap_fen)
                    ),
                    "payer": s.payer,
                    "retired": "可享受" if s.retired_eligible else "不含",
                    "evidence": s.evidence,
                    "source": s.source,
                }
            )
        fill_table(self.table, COLUMNS, rows, stretch=8)
        examples = [s for s in saved.values() if s.is_example]
        if not saved:
            self.notice_label.setStyleSheet("color: #b00020;")
            self.notice_label.setText(
                f"{self.year}年尚未设置慰问标准：登记慰问时无法核对金额和次数。"
                "请“从上一年复制”，或“载入示例标准”后按本校规定修改。"
            )
        elif examples:
            self.notice_label.setStyleSheet("color: #8a6d00;")
            self.notice_label.setText(
                f"{self.year}年有 {len(examples)} 项仍是示例标准（示例数字，不是本校规定），"
                "请按本校文件逐项修改并填写“依据”。"
            )
        else:
            self.notice_label.setStyleSheet("color: #2e7d32;")
            self.notice_label.setText(f"{self.year}年已设置 {len(saved)} 项慰问标准。")

    def on_changes(self, changes: Changes) -> None:
        if changes.touches("welfare", "settings"):
            self.reload()

    def selected_type(self) -> str | None:
        return selected_key(
            self.ctx, self, self.table, self.types, "慰问标准", "请先在表格中选择一个慰问类型。"
        )

    def edit_selected(self) -> StandardDialog | None:
        type_name = self.selected_type()
        return None if type_name is None else self.edit(type_name)

    def edit(self, type_name: str) -> StandardDialog:
        db = self.ctx.db
        current = ws.get_standard(db, self.year, type_name) or ws.Standard(self.year, type_name)

        def submit(data: dict[str, Any]) -> dict[str, str] | None:
            return submit_op(
                self.ctx,
                self,
                f"修改慰问标准 {type_name}",
                lambda d: ws.save_standard(d, data),
                error_field="summary",
            )

        dialog = StandardDialog(current, submit, self)
        return show_modal(dialog)

    def load_examples(self) -> None:
        db = self.ctx.db
        existing = ws.list_standards(db, self.year)
        overwrite = False
        if existing:
            if not self.ctx.prompts.confirm(
                self,
                "载入示例标准",
                f"{self.year}年已有 {len(existing)} 项标准，载入示例将覆盖它们。确定吗？",
                ok_text="覆盖",
            ):
                return
            overwrite = True
        result = ws.load_examples(db, self.year, overwrite=overwrite)
        self.ctx.notify(result.changes)
        self.ctx.prompts.info(
            self, "载入示例标准", f"已载入 {result.row_id} 项示例标准。\n{ws.EXAMPLE_SOURCE}。"
        )

    def copy(self, from_year: int, to_year: int) -> None:
        db = self.ctx.db
        overwrite = False
        if ws.list_standards(db, to_year):
            if not self.ctx.prompts.confirm(
                self,
                "复制慰问标准",
                f"{to_year}年已有标准，用{from_year}年的标准覆盖吗？",
                ok_text="覆盖",
            ):
                return
            overwrite = True
        try:
            result = ws.copy_year(db, from_year, to_year, overwrite=overwrite)
        except (ValidationError, NotFoundError) as exc:
            self.ctx.prompts.warning(self, "复制慰问标准", str(exc))
            return
        self.year_spin.setValue(to_year)
        self.ctx.notify(result.changes)
        self.ctx.prompts.info(
            self, "复制慰问标准", f"已把{from_year}年的 {result.row_id} 项标准复制到{to_year}年。"
        )

    def delete_selected(self) -> None:
        type_name = self.selected_type()
        if type_name is None:
            return
        year = self.year
        ops.CollectionOp(  # undo: the service's inverse puts the standard back
            self.ctx,
            self,
            "删除标准",
            lambda db: ws.delete_standard(db, year, type_name),
            undo_text=f"删除慰问标准 {type_name}",
        ).run()
