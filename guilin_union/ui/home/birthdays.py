"""某月过生日的会员: the list behind a 首页 birthday line, printable as a 生日慰问 list."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from guilin_union.ui import ops
from guilin_union.ui.context import AppContext
from guilin_union.ui.table_model import ColumnSpec, list_model
from guilin_union.ui.widgets.list_helpers import fit_columns, make_id_table

COLUMNS = [
    ColumnSpec("birth_date", "生日", formatter=lambda v, _p: (v or "")[5:]),
    ColumnSpec("name", "姓名"),
    ColumnSpec("branch", "分工会"),
]


class BirthdaysDialog(QDialog):
    def __init__(self, ctx: AppContext, month: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from guilin_union.services.home.reminders import birthdays

        self.ctx = ctx
        self.month = month
        self.setWindowTitle(f"{month}月过生日的会员")
        people = birthdays(ctx.db, month)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                f"{month}月共有 {len(people)} 名在会会员过生日。“生日慰问批量发放…”按当年慰问标准核对，"
                "不符合条件的会员列出原因，不会发放。"
            )
        )
        self.model = list_model(COLUMNS, people)
        self.table = make_id_table(
            self.model, object_name="birthdays_table", sortable=False, stretch_last=True
        )
        fit_columns(self.table)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.batch_button = QPushButton("生日慰问批量发放(&B)…")
        self.batch_button.setEnabled(bool(people) and not ctx.read_only)
        self.batch_button.clicked.connect(self.birthday_batch)
        buttons.addButton(self.batch_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(480, 420)

    def birthday_batch(self) -> None:
        """Ask the amount, show who is in and who is out (with reasons), then create the batch."""
        from guilin_union.core.errors import UserError
        from guilin_union.core.money import format_fen, parse_yuan
        from guilin_union.services.welfare import batches as wb

        text = self.ctx.prompts.ask_text(self, "生日慰问", "每人金额（元）：", "200")
        if not text:
            return
        try:
            amount = parse_yuan(text, field="amount")
        except UserError as exc:
            self.ctx.prompts.warning(self, "生日慰问", str(exc))
            return
        request = wb.BatchRequest(
            year=_dt.date.today().year,
            occasion="生日",
            amount_fen=amount,
            type="生日",
            birth_month=self.month,
        )
        preview = ops.QueryOp(
            self.ctx, self, "生日慰问", lambda db: wb.preview_batch(db, request)
        ).run()
        if preview is None:
            return
        lines = [
            f"可发放 {len(preview.eligible)} 人，合计 {format_fen(amount * len(preview.eligible))} 元。"
        ]
        if preview.excluded:
            lines.append(f"不发放 {len(preview.excluded)} 人：")
            lines += [f"　{x.name}（{x.branch}）：{x.reason}" for x in preview.excluded[:12]]
            if len(preview.excluded) > 12:
                lines.append(f"　……另有 {len(preview.excluded) - 12} 人")
        lines += [w.message for w in preview.warnings]
        if not preview.eligible:
            self.ctx.prompts.info(self, "生日慰问", "\n".join(lines))
            return
        if not self.ctx.prompts.confirm(self, "生日慰问", "\n".join(lines), ok_text="发放"):
            return
        ops.CollectionOp(
            self.ctx, self, "生日慰问批量发放", lambda db: wb.create_batch(db, request)[0]
        ).run()
