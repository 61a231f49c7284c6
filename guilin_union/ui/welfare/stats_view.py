"""统计与复核: one year's payments by type, by 分工会 and by member, and the payments saved
despite a rule warning, which the secretary (or the union chair) marks as reviewed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from guilin_union.core.money import fen_to_upper, format_fen
from guilin_union.services import welfare
from guilin_union.services.changes import Changes
from guilin_union.services.welfare import outputs
from guilin_union.services.welfare.rules import WARNING_LABELS
from guilin_union.ui import ops
from guilin_union.ui.context import AppContext
from guilin_union.ui.table_model import columns
from guilin_union.ui.welfare.common import fill_table, fill_year_combo, year_bar
from guilin_union.ui.widgets.list_helpers import (
    add_button_row,
    make_label,
    push_buttons,
    selected_ids,
)

SUMMARY_COLUMNS = {
    label: columns(f"label {label} | count 笔数 右 | people 人数 右 | total 金额（元） 右")
    for label in ("慰问类型", "分工会")
}
MEMBER_COLUMNS = columns(
    "name 姓名 | branch 分工会 | count 笔数 右 | total 金额（元） 右 | types 类型"
)
WARNING_COLUMNS = columns(
    "pay_date 慰问日期 | name 姓名 | branch 分工会 | type 类型 | amount_fen 金额（元） 右"
    " | message 问题 | override_reason 保存理由 | reviewed_at 复核",
    formatters={
        "amount_fen": lambda v, _r: format_fen(v),
        "message": lambda v, r: f"【{WARNING_LABELS.get(r['code'], r['code'])}】{v}",
        "reviewed_at": lambda v, r: f"已复核（{r['reviewed_by']}）" if v else "待复核",
    },
)


class StatsView(QWidget):
    """A year's payments by type, 分工会 and member, and the payments to review."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.year_combo = QComboBox()
        self.year_combo.setObjectName("welfare_stats_year_combo")
        self.print_button = QPushButton("打印年度统计…")
        self.total_label = make_label("welfare_stats_total")
        year_bar(layout, self.year_combo, [self.total_label], [self.print_button])
        grid = QGridLayout()
        self.type_table = QTableView()
        self.branch_table = QTableView()
        self.member_table = QTableView()
        for col, (title, table) in enumerate(
            (
                ("按慰问类型", self.type_table),
                ("按分工会", self.branch_table),
                ("按会员", self.member_table),
            )
        ):
            box = QGroupBox(title)
            inner = QVBoxLayout(box)
            inner.addWidget(table)
            grid.addWidget(box, 0, col)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 3)
        layout.addLayout(grid, 3)
        review = QGroupBox("超标准或需复核的记录")
        inner = QVBoxLayout(review)
        self.include_reviewed_check = QCheckBox("同时显示已复核的")
        self.review_button, self.reopen_button = push_buttons("标记为已复核", "改回待复核")
        add_button_row(
            inner, [self.include_reviewed_check], [self.review_button, self.reopen_button]
        )
        self.warnings_table = QTableView()
        self.warnings_table.setObjectName("welfare_warnings_table")
        inner.addWidget(self.warnings_table)
        layout.addWidget(review, 2)
        self.year_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.include_reviewed_check.toggled.connect(lambda _c: self.reload())
        self.review_button.clicked.connect(lambda: self.mark(True))
        self.reopen_button.clicked.connect(lambda: self.mark(False))
        self.print_button.clicked.connect(self.print_stats)
        fill_year_combo(self.year_combo, ctx.db, with_all=False)
        self.reload()

    @property
    def year(self) -> int:
        return int(self.year_combo.currentData())

    def reload(self) -> None:
        stats = outputs.year_stats(self.ctx.db, self.year)
        self.total_label.setText(
            f"　{self.year}年共 {stats.total_count} 笔，{len(stats.by_member)} 人，合计 {format_fen(stats.total_fen)} 元"
            f"（{fen_to_upper(stats.total_fen)}）"
        )
        for table, label, rows in (
            (self.type_table, "慰问类型", stats.by_type),
            (self.branch_table, "分工会", stats.by_branch),
        ):
            fill_table(
                table,
                SUMMARY_COLUMNS[label],
                [
                    {
                        "label": r.label,
                        "count": r.count,
                        "people": r.people,
                        "total": format_fen(r.total_fen),
                    }
                    for r in rows
                ],
                stretch=0,
            )
        fill_table(
            self.member_table,
            MEMBER_COLUMNS,
            [
                {
                    "name": m.name,
                    "branch": m.branch,
                    "count": m.count,
                    "total": format_fen(m.total_fen),
                    "types": m.types,
                }
                for m in stats.by_member
            ],
            stretch=4,
        )
        warnings = welfare.list_open_warnings(
            self.ctx.db, year=self.year, include_reviewed=self.include_reviewed_check.isChecked()
        )
        fill_table(self.warnings_table, WARNING_COLUMNS, warnings, stretch=5, id_key="id")

    def on_changes(self, changes: Changes) -> None:
        if changes.touches("welfare", "members", "branches", "settings"):
            fill_year_combo(self.year_combo, self.ctx.db, with_all=False)
            self.reload()

    def mark(self, reviewed: bool) -> None:
        ids = selected_ids(self.warnings_table)
        if not ids:
            self.ctx.prompts.info(self, "复核", "请先选择要复核的记录（可多选）。")
            return
        result = welfare.mark_reviewed(self.ctx.db, ids, reviewed)
        self.ctx.notify(result.changes)

    def print_stats(self) -> Path | None:
        year = self.year
        path = self.ctx.prompts.save_file(
            self,
            "保存年度慰问统计",
            self.ctx.last_folder() / f"{year}年度慰问统计.pdf",
            "PDF 文件 (*.pdf)",
        )
        if path is None:
            return None
        ops.save_output(
            self.ctx,
            self,
            "生成年度统计",
            lambda db, p: outputs.stats_pdf(db, p, year),
            path=path,
            message=None,
        )
        return path
