"""The 慰问记录 page under a member's form: every payment to the member, newest first."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTableView, QVBoxLayout, QWidget

from guilin_union.core.money import format_fen
from guilin_union.services import welfare
from guilin_union.ui.table_model import columns
from guilin_union.ui.welfare.common import fill_table, fit_columns

COLUMNS = columns(
    "pay_date 慰问日期 | type_text 类型 | amount_text 金额/物品 右 | reason 事由"
    " | state 审批状态 | notes 备注",
    formatters={
        "state": lambda v, r: v + (f"（{r['paid_on']}）" if r["paid_on"] else ""),
        "notes": lambda v, r: ("超标准：" + r["override_reason"]) if r["flagged"] else (v or ""),
    },
)


class MemberWelfarePage(QWidget):
    def __init__(self, ctx: object, member_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        rows = welfare.member_payments(ctx.db, member_id)  # type: ignore[attr-defined]
        layout = QVBoxLayout(self)
        total = sum(r["amount_fen"] for r in rows)
        flagged = sum(1 for r in rows if r["flagged"])
        text = (
            f"共 {len(rows)} 笔，合计 {format_fen(total)} 元" if rows else "该会员还没有慰问记录。"
        )
        if flagged:
            text += f"；其中 {flagged} 笔超出标准（已填写理由）"
        self.summary_label = QLabel(text)
        self.summary_label.setObjectName("member_welfare_summary")
        layout.addWidget(self.summary_label)
        self.table = QTableView()
        self.table.setObjectName("member_welfare_table")
        fill_table(self.table, COLUMNS, rows, stretch=3, fit=False)
        layout.addWidget(self.table)
        self._fitted = False

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        # Column widths are measured when the page is first shown, not at every opening of
        # the member form (issue 11).
        if not self._fitted:
            self._fitted = True
            fit_columns(self.table, stretch=3)
        super().showEvent(event)


def member_page(ctx: object, member_id: int) -> QWidget | None:
    """Factory registered with ``ui.members.history``."""
    return MemberWelfarePage(ctx, member_id)
