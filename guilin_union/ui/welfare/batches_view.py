"""节日批量发放: the list of batches with their sign-for rosters, payment and reversal."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Unpack

from PySide6.QtWidgets import (
    QComboBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from guilin_union.core.errors import ConflictError, NotFoundError, ValidationError
from guilin_union.core.money import format_fen
from guilin_union.services.changes import Changes
from guilin_union.services.members import branches as branches_service
from guilin_union.services.welfare import batches as wb
from guilin_union.services.welfare import config
from guilin_union.services.welfare.rules import PaymentWarnings
from guilin_union.ui.context import AppContext
from guilin_union.ui.table_model import columns
from guilin_union.ui.welfare.batch_dialog import BatchDialog, BatchPreset
from guilin_union.ui.welfare.common import (
    ask_override,
    fill_table,
    fill_year_combo,
    selected_key,
    write_roster,
    year_bar,
)
from guilin_union.ui.widgets.list_helpers import make_hint, select_id
from guilin_union.ui.widgets.modal import show_modal

COLUMNS = columns(
    "id 批次 | year 年度 | occasion 节日/项目 | pay_date 发放日期 | branches 分工会"
    " | eligibility 发放范围 | amount_text 每人 右 | payment_count 人数 右 | total 合计（元） 右"
    " | paid 已发放 | state 状态 | reason 事由",
    formatters={
        "paid": lambda _v, r: f"{r['paid_count']}/{r['payment_count']}",
        "reason": lambda v, r: (
            v + (f"（撤销原因：{r['reverse_reason']}）" if r["reverse_reason"] else "")
        ),
    },
)
HEADERS = [c.header for c in COLUMNS]


class BatchesView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.year_combo = QComboBox()
        self.year_combo.setObjectName("welfare_batch_year_combo")
        self.new_button = QPushButton("新建批量发放…")
        self.new_button.setObjectName("welfare_new_batch_button")
        self.roster_button = QPushButton("打印签领表…")
        self.excel_button = QPushButton("导出 Excel 签领表…")
        self.paid_button = QPushButton("标记为已发放…")
        self.reverse_button = QPushButton("整批撤销…")
        year_bar(
            layout,
            self.year_combo,
            [self.new_button],
            [self.roster_button, self.excel_button, self.paid_button, self.reverse_button],
        )
        hint = make_hint(
            "节日慰问、送温暖等同一标准发给一批会员时，在这里按分工会生成名单，一次创建全部记录并打印签领表。"
            "尚未发放的批次可以整批撤销。"
        )
        layout.addWidget(hint)
        self.table = QTableView()
        self.table.setObjectName("welfare_batches_table")
        layout.addWidget(self.table)
        self.new_button.clicked.connect(lambda: self.new_batch())
        self.roster_button.clicked.connect(lambda: self.print_roster())
        self.excel_button.clicked.connect(lambda: self.print_roster(excel=True))
        self.paid_button.clicked.connect(self.mark_paid)
        self.reverse_button.clicked.connect(self.reverse)
        self.year_combo.currentIndexChanged.connect(lambda _i: self.reload())
        fill_year_combo(self.year_combo, ctx.db, with_all=True, current=None)
        self.reload()

    def reload(self) -> None:
        rows = wb.list_batches(self.ctx.db, self.year_combo.currentData())
        fill_table(self.table, COLUMNS, rows, stretch=11, id_key="id")

    def on_changes(self, changes: Changes) -> None:
        if changes.touches("welfare", "members", "branches"):
            fill_year_combo(self.year_combo, self.ctx.db, with_all=True)
            self.reload()

    def selected_batch(self) -> int | None:
        return selected_key(
            self.ctx, self, self.table, None, "批量发放", "请先在列表中选择一个批次。"
        )

    # ---- actions
    def new_batch(self, **preset: Unpack[BatchPreset]) -> BatchDialog:
        db = self.ctx.db
        occasions = config.festivals(db) + config.hardship_occasions(db)
        branches = [
            (b.id, b.name) for b in branches_service.list_branches(db, include_inactive=False)
        ]
        dialog = BatchDialog(
            lambda req: wb.preview_batch(db, req),
            lambda req: self._create(dialog, req),
            occasions=occasions,
            branches=branches,
            parent=self,
            **preset,
        )
        show_modal(dialog)
        self._dialog = dialog
        return dialog

    def _create(self, dialog: BatchDialog, req: wb.BatchRequest) -> str | None:
        try:
            result, preview = wb.create_batch(self.ctx.db, req)
        except PaymentWarnings as exc:
            reason = ask_override(self.ctx, dialog, exc.warnings, "本批次")
            if not reason:
                return "未创建：本批次不符合慰问标准，需要填写理由。"
            req.override_reason = reason
            try:
                result, preview = wb.create_batch(self.ctx.db, req)
            except (ValidationError, ConflictError) as inner:
                return str(inner)
        except (ValidationError, ConflictError) as exc:
            return str(exc)
        self.ctx.notify(result.changes)
        self.select_batch(result.row_id)
        if self.ctx.prompts.confirm(
            dialog,
            "批次已创建",
            f"已创建批次 {result.row_id}：{len(preview.eligible)} 人，合计 {format_fen(preview.total_fen)} 元。\n"
            "现在打印发放签领表吗？",
            ok_text="打印签领表",
        ):
            self.print_roster(result.row_id)
        return None

    def select_batch(self, batch_id: int) -> None:
        select_id(self.table, self.table.model(), batch_id)

    def print_roster(self, batch_id: int | None = None, *, excel: bool = False) -> Path | None:
        """The batch's 发放签领表 (PDF or Excel), written in the background."""
        batch_id = batch_id if batch_id is not None else self.selected_batch()
        if batch_id is None:
            return None
        batch = wb.get_batch(self.ctx.db, batch_id)
        suffix, filters = (
            (".xlsx", "Excel 工作簿 (*.xlsx)") if excel else (".pdf", "PDF 文件 (*.pdf)")
        )
        name = f"{batch['year']}年{batch['occasion']}慰问发放签领表{suffix}"
        path = self.ctx.prompts.save_file(
            self, "保存发放签领表", self.ctx.last_folder() / name, filters
        )
        if path is None:
            return None
        return write_roster(self.ctx, self, path, excel, batch_id=batch_id)

    def mark_paid(self) -> None:
        batch_id = self.selected_batch()
        if batch_id is None:
            return
        on = self.ctx.prompts.ask_text(
            self,
            "标记为已发放",
            f"批次 {batch_id} 的全部记录改为“已发放”，发放日期：",
            _dt.date.today().isoformat(),
        )
        if on is None:
            return
        try:
            result = wb.set_batch_state(self.ctx.db, batch_id, "已发放", on)
        except (ValidationError, ConflictError, NotFoundError) as exc:
            self.ctx.prompts.warning(self, "标记为已发放", str(exc))
            return
        self.ctx.notify(result.changes)

    def reverse(self) -> None:
        batch_id = self.selected_batch()
        if batch_id is None:
            return
        reason = self.ctx.prompts.ask_text(
            self, "整批撤销", f"撤销批次 {batch_id} 并删除其全部未发放记录。撤销原因："
        )
        if reason is None:
            return
        try:
            result = wb.reverse_batch(self.ctx.db, batch_id, reason)
        except (ValidationError, ConflictError, NotFoundError) as exc:
            self.ctx.prompts.warning(self, "无法撤销", str(exc))
            return
        self.ctx.notify(result.changes)
        self.ctx.prompts.info(
            self, "整批撤销", f"已撤销批次 {batch_id}，删除 {result.undo['removed']} 笔记录。"
        )
