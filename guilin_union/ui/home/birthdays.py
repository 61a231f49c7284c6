"""某月过生日的会员: the list behind a 首页 birthday line, printable as a 生日慰问 list."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from guilin_union.ui.context import AppContext


class BirthdaysDialog(QDialog):
    def __init__(self, ctx: AppContext, month: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from guilin_union.services.home.reminders import birthdays

        self.setWindowTitle(f"{month}月过生日的会员")
        people = birthdays(ctx.db, month)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                f"{month}月共有 {len(people)} 名在会会员过生日。生日慰问可在“慰问 ▸ 批量发放”中按月份发放，"
                "不符合条件的会员会列出原因。"
            )
        )
        self.table = QTableWidget(len(people), 3)
        self.table.setHorizontalHeaderLabels(["生日", "姓名", "分工会"])
        self.table.verticalHeader().setVisible(False)
        for row, p in enumerate(people):
            for col, text in enumerate((p["birth_date"][5:], p["name"], p["branch"] or "")):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(480, 420)
