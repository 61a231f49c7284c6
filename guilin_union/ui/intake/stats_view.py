"""会员统计: the statistics tables on screen, with Excel export and PDF, plus 会员证."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from guilin_union.services.changes import Changes
from guilin_union.services.members import branches as branches_service
from guilin_union.services.members import stats as member_stats
from guilin_union.ui import ops
from guilin_union.ui.context import AppContext
from guilin_union.ui.table_model import ColumnSpec, list_model
from guilin_union.ui.widgets.date_fields import make_date_edit
from guilin_union.ui.widgets.list_helpers import make_combo, make_id_table, push_buttons


class StatsView(QWidget):
    """The member statistics as of a date, one tab per table, and the 会员证 of a 分工会."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("统计日期"))
        self.date_edit = make_date_edit("stats_date_edit")
        bar.addWidget(self.date_edit)
        self.note_label = QLabel("统计在会及保留会籍的会员；“会籍状态”表统计全部会员。")
        self.note_label.setStyleSheet("color: #555;")
        bar.addWidget(self.note_label, 1)
        self.export_button, self.pdf_button = push_buttons("导出 Excel…", "打印统计表…", layout=bar)
        bar.addSpacing(16)
        bar.addWidget(QLabel("会员证"))
        self.card_branch_combo = make_combo("card_branch_combo", min_chars=10)
        bar.addWidget(self.card_branch_combo)
        self.cards_button = QPushButton("打印会员证…")
        bar.addWidget(self.cards_button)
        layout.addLayout(bar)
        self.tables = QTabWidget()
        self.tables.setObjectName("stats_tables")
        layout.addWidget(self.tables)
        self.date_edit.dateChanged.connect(lambda _d: self.reload())
        self.export_button.clicked.connect(self.export_excel)
        self.pdf_button.clicked.connect(self.print_pdf)
        self.cards_button.clicked.connect(self.print_cards)
        self.reload_branches()
        self.reload()

    def as_of(self) -> _dt.date:
        d = self.date_edit.date()
        return _dt.date(d.year(), d.month(), d.day())

    def reload_branches(self) -> None:
        self.card_branch_combo.clear()
        self.card_branch_combo.addItem("全部分工会", None)
        for name in branches_service.branch_names(self.ctx.db):
            self.card_branch_combo.addItem(name, name)

    def reload(self) -> None:
        stats = member_stats.member_statistics(self.ctx.db, as_of=self.as_of())
        current = self.tables.currentIndex()
        self._drop_tables()
        for table in stats.tables:
            # Columns as data: the row label, then one right-aligned column per count.
            columns = [
                ColumnSpec("label", table.first_header),
                *(ColumnSpec(str(c), name, align="right") for c, name in enumerate(table.columns)),
            ]
            rows = [
                {"label": label, **{str(c): value for c, value in enumerate(values)}}
                for label, values in [*table.rows, ("合计", table.total)]
            ]
            widget = make_id_table(
                list_model(columns, rows), object_name="stats_table", sortable=False
            )
            header = widget.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
            short = table.title.split("（")[0].replace("按", "").replace("统计", "")
            self.tables.addTab(widget, short)
        self.tables.setCurrentIndex(max(current, 0))

    def _drop_tables(self) -> None:
        """Remove the shown tables and delete them: ``QTabWidget.clear`` only takes the pages
        out of the tabs, so each reload would otherwise keep another set alive."""
        old = [self.tables.widget(i) for i in range(self.tables.count())]
        self.tables.clear()
        for widget in old:
            widget.setParent(None)  # out of the view's children now, not at the next event
            widget.deleteLater()

    def on_changes(self, changes: Changes) -> None:
        if changes.touches("branches"):
            self.reload_branches()
        if changes.touches("members", "branches", "member_status", "settings"):
            self.reload()

    def export_excel(self):
        return ops.save_output(
            self.ctx,
            self,
            "导出会员统计",
            lambda db, p: member_stats.export_statistics(db, p, as_of=self.as_of()),
            default_name="会员统计.xlsx",
            filters="Excel 工作簿 (*.xlsx)",
            background=False,
        )

    def print_pdf(self):
        return ops.save_output(
            self.ctx,
            self,
            "打印会员统计表",
            lambda db, p: member_stats.statistics_pdf(db, p, as_of=self.as_of()),
            default_name="会员统计表.pdf",
            filters="PDF 文件 (*.pdf)",
            background=False,
        )

    def print_cards(self):
        from guilin_union.services.intake.outputs import member_cards_pdf

        branch = self.card_branch_combo.currentData()
        name = f"会员证-{branch}.pdf" if branch else "会员证.pdf"
        return ops.save_output(
            self.ctx,
            self,
            "打印会员证",
            lambda db, p: member_cards_pdf(db, p, branch_name=branch),
            default_name=name,
            filters="PDF 文件 (*.pdf)",
            background=False,
        )
