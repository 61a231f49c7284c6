"""The member form's 会费 page: the member's dues history from the ledger (month, due,
paid, how, when), newest first, with the total still owed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from guilin_union.core.money import format_fen
from guilin_union.services.money import dues_ledger as ledger

HEADERS = ("月份", "应缴（元）", "实缴（元）", "欠缴（元）", "方式", "缴纳日期", "来源")


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
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setObjectName("dues_history_table")
        self.table.setHorizontalHeaderLabels(list(HEADERS))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.reload()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.reload()  # a payment may have been recorded since the form opened
        super().showEvent(event)

    def reload(self) -> None:
        rows = ledger.member_history(self.ctx.db, self.member_id)  # type: ignore[attr-defined]
        self.table.setRowCount(len(rows))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for r, row in enumerate(rows):
            cells = [
                row["month"],
                format_fen(row["due_fen"]),
                format_fen(row["paid_fen"]) if row["paid_fen"] else "",
                format_fen(row["arrears_fen"]) if row["arrears_fen"] else "",
                row["method"] or "",
                row["paid_on"] or "",
                row["source"] or "",
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c in (1, 2, 3):
                    item.setTextAlignment(right)
                if c == 3 and text:
                    item.setForeground(Qt.GlobalColor.red)
                self.table.setItem(r, c, item)
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
