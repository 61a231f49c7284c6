"""The 慰问记录 page under a member's form: every payment to the member, newest first."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTableView, QVBoxLayout, QWidget

from guilin_union.core.money import format_fen
from guilin_union.services import welfare
from guilin_union.ui.welfare.common import fill_table, fit_columns


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
        fill_table(
            self.table,
            ["慰问日期", "类型", "金额/物品", "事由", "审批状态", "备注"],
            [
                [
                    r["pay_date"],
                    r["type_text"],
                    r["amount_text"],
                    r["reason"] or "",
                    r["state"] + (f"（{r['paid_on']}）" if r["paid_on"] else ""),
                    ("超标准：" + r["override_reason"]) if r["flagged"] else (r["notes"] or ""),
                ]
                for r in rows
            ],
            right=(2,),
            stretch=3,
            fit=False,
        )
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
