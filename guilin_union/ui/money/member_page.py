"""The member form's 会费 page: the member's dues history from the ledger (month, due,
paid, how, when), newest first, with the total still owed."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from guilin_union.core.money import format_fen
from guilin_union.services.money import dues_ledger as ledger
from guilin_union.ui import palette
from guilin_union.ui.table_model import columns, list_model, nonzero, set_rows
from guilin_union.ui.widgets.list_helpers import make_id_table

ARREARS_COLOR = palette.WARNING  # a month still owed: red as in the dues ledger


def _owed(row: dict[str, Any]) -> str | None:
    return ARREARS_COLOR if row.get("arrears_fen") else None


COLUMNS = columns(
    "month 月份 | due_fen 应缴（元） 右 | paid_fen 实缴（元） 右 | arrears_fen 欠缴（元） 右"
    " | method 方式 | paid_on 缴纳日期 | source 来源",
    formatters={
        "due_fen": lambda value, _row: format_fen(value),
        "paid_fen": nonzero(format_fen),
        "arrears_fen": nonzero(format_fen),
    },
    colors={"arrears_fen": _owed},
)
HEADERS = tuple(c.header for c in COLUMNS)


class DuesHistory(QWidget):
    def __init__(self, ctx: object, member_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.member_id = member_id
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("dues_history_label")
        layout.addWidget(self.summary_label)
        self.model = list_model(COLUMNS)
        self.table = make_id_table(
            self.model, object_name="dues_history_table", sortable=False, stretch_last=True
        )
        layout.addWidget(self.table, 1)
        self.reload()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.reload()  # a payment may have been recorded since the form opened
        super().showEvent(event)

    def reload(self) -> None:
        rows = ledger.member_history(self.ctx.db, self.member_id)  # type: ignore[attr-defined]
        set_rows(self.model, rows)
        owed = [r for r in rows if r["arrears_fen"]]
        if not rows:
            self.summary_label.setText("会费台账中还没有该会员的记录。")
        elif owed:
            self.summary_label.setText(
                f"缴费记录 {len(rows)} 个月；欠缴 {len(owed)} 个月，"
                f"共 {format_fen(sum(r['arrears_fen'] for r in owed))} 元。"
            )
        else:
            self.summary_label.setText(f"缴费记录 {len(rows)} 个月，无欠缴。")
