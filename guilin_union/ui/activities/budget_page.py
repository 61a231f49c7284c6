"""经费 page: planned and actual lines, totals by category and an over-budget warning."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from guilin_union.core.errors import UserError
from guilin_union.core.money import format_fen, format_fen_yuan
from guilin_union.services import activities as activities_service
from guilin_union.services.activities import budget as budget_service
from guilin_union.ui.activities.common import (
    WARNING_COLOR,
    ActivityPage,
    list_table,
    record_for_edit,
    submit_op,
    text_or_blank,
)
from guilin_union.ui.table_model import columns, list_model, set_rows
from guilin_union.ui.widgets.list_helpers import (
    delete_confirmed,
    make_label,
    push_buttons,
    selected_id,
)
from guilin_union.ui.widgets.modal import show_modal

#: Spending lines (支出) in blue beside the planned ones (预算).
ACTUAL_COLOR = "#1565c0"


def _money(fen: int, _row: dict[str, Any]) -> str:
    return format_fen(fen)


def _overspent(row: dict[str, Any]) -> str | None:
    """Red for the actual and balance cells of a row that spent more than planned."""
    return WARNING_COLOR if row["actual"] > row["planned"] else None


LINE_COLUMNS = columns(
    "kind 类别 | category 科目 | amount 金额（元） 右 | spent_on 日期 | description 摘要"
    " | voucher_no 凭证号",
    formatters={
        "amount": _money,
        "spent_on": text_or_blank,  # ISO in tables (docs/STYLE.md)
        "description": text_or_blank,
        "voucher_no": text_or_blank,
    },
    colors={"kind": lambda row: ACTUAL_COLOR if row["kind"] == "支出" else None},
)
LINE_HEADERS = [c.header for c in LINE_COLUMNS]
CATEGORY_COLUMNS = columns(
    "category 科目 | planned 预算（元） 右 | actual 实际（元） 右 | balance 结余（元） 右",
    formatters=dict.fromkeys(("planned", "actual", "balance"), _money),
    colors=dict.fromkeys(("actual", "balance"), _overspent),
)
CATEGORY_HEADERS = [c.header for c in CATEGORY_COLUMNS]
YEAR_COLUMNS = columns(
    "type 活动类型 | activities 活动数 右 | participants 参加人次 右 | planned 预算（元） 右"
    " | actual 实际（元） 右 | balance 结余（元） 右",
    formatters=dict.fromkeys(("planned", "actual", "balance"), _money),
    colors=dict.fromkeys(("actual", "balance"), _overspent),
)


def _totals_row(category: str, planned: int, actual: int, *, total: bool = False) -> dict[str, Any]:
    return {
        "category": category,
        "planned": planned,
        "actual": actual,
        "balance": planned - actual,
        "total": total,
    }


class BudgetPage(ActivityPage):
    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.activity_id: int | None = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.add_plan_button, self.add_actual_button, self.edit_button, self.delete_button = (
            push_buttons("添加预算…", "添加支出…", "修改…", "删除", layout=bar)
        )
        self.add_plan_button.setObjectName("add_plan_button")
        self.add_actual_button.setObjectName("add_actual_button")
        bar.addStretch(1)
        self.year_button = QPushButton("年度经费汇总…")
        self.year_button.setObjectName("year_budget_button")
        bar.addWidget(self.year_button)
        layout.addLayout(bar)

        self.totals_label = QLabel()
        self.totals_label.setObjectName("budget_totals_label")
        layout.addWidget(self.totals_label)
        self.warning_label = make_label("budget_warning_label", wrap=True)
        self.warning_label.setStyleSheet(f"color: {WARNING_COLOR};")
        layout.addWidget(self.warning_label)

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.lines_model = list_model(LINE_COLUMNS, id_key="id")
        self.lines_table = list_table(self.lines_model, object_name="budget_lines_table")
        # 摘要 takes the spare width, not the (often empty) 凭证号 at the end (issue 15).
        lines_header = self.lines_table.horizontalHeader()
        lines_header.setStretchLastSection(False)
        lines_header.setSectionResizeMode(
            LINE_HEADERS.index("摘要"), QHeaderView.ResizeMode.Stretch
        )
        self.lines_table.doubleClicked.connect(lambda _i: self.edit_selected())
        splitter.addWidget(self.lines_table)
        self.category_model = list_model(CATEGORY_COLUMNS, bold=lambda row: row["total"])
        self.category_table = list_table(
            self.category_model, object_name="budget_category_table", multi=False
        )
        splitter.addWidget(self.category_table)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)

        self.add_plan_button.clicked.connect(lambda: self.add_line("预算"))
        self.add_actual_button.clicked.connect(lambda: self.add_line("支出"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.year_button.clicked.connect(self.show_year_summary)

    def refresh(self) -> None:
        buttons = (self.add_plan_button, self.add_actual_button, self.edit_button)
        enabled = self.enable_controls(*buttons, self.delete_button)
        set_rows(self.lines_model, [])
        set_rows(self.category_model, [])
        if not enabled:
            self.totals_label.setText("")
            self.warning_label.setText("")
            return
        db = self.ctx.db
        try:
            lines = budget_service.list_lines(db, self.activity_id)  # type: ignore[arg-type]
        except UserError:
            return
        set_rows(self.lines_model, lines)
        self.lines_table.resizeColumnsToContents()
        summary = budget_service.summarise(lines, activities_service.expense_categories(db))
        set_rows(
            self.category_model,
            [
                *(_totals_row(c.category, c.planned, c.actual) for c in summary.categories),
                _totals_row("合计", summary.planned, summary.actual, total=True),
            ],
        )
        self.category_table.resizeColumnsToContents()
        self.category_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch
        )
        self.totals_label.setText(
            f"预算合计 {format_fen_yuan(summary.planned)}　实际支出 {format_fen_yuan(summary.actual)}　"
            f"结余 {format_fen_yuan(summary.balance)}"
        )
        warnings = summary.warnings()
        self.warning_label.setText("⚠ " + "；".join(warnings) if warnings else "")

    def _open(self, kind: str, data: dict[str, Any] | None, line_id: int | None):
        from guilin_union.ui.activities.budget_dialog import BudgetDialog

        db = self.ctx.db
        assert self.activity_id is not None
        activity_id = self.activity_id

        def submit(values: dict[str, Any]) -> dict[str, str] | None:
            def warn_over_budget(_result: Any) -> None:
                summary = budget_service.budget_summary(db, activity_id)
                if values["kind"] == "支出" and summary.over_budget:
                    self.ctx.prompts.warning(self, "超出预算", "；".join(summary.warnings()) + "。")

            return submit_op(
                self.ctx,
                self,
                f"添加{values['kind']}" if line_id is None else "修改经费",
                lambda d: (
                    budget_service.add_line(d, activity_id, **values)
                    if line_id is None
                    else budget_service.update_line(d, line_id, values)
                ),
                on_saved=warn_over_budget,
            )

        dialog = BudgetDialog(
            submit,
            categories=activities_service.expense_categories(db),
            kind=kind,
            data=data,
            parent=self,
        )
        return show_modal(dialog)

    def add_line(self, kind: str):
        if self.activity_id is None:
            return None
        return self._open(kind, None, None)

    def edit_selected(self):
        line_id = selected_id(self.lines_table)
        data = record_for_edit(self, self.ctx, line_id, budget_service.get_line, "修改经费")
        return None if data is None else self._open(data["kind"], data, line_id)

    def delete_selected(self) -> None:
        delete_confirmed(
            self.ctx,
            self,
            selected_id(self.lines_table),
            title="删除经费记录",
            question="删除所选经费记录吗？可用“编辑 ▸ 撤销”恢复。",
            delete=budget_service.delete_line,
        )

    def show_year_summary(self) -> YearSummaryDialog:
        years = activities_service.years(self.ctx.db)
        year = years[0] if years else None
        if self.activity_id is not None:
            try:
                year = int(
                    activities_service.get_activity_row(self.ctx.db, self.activity_id)[
                        "start_date"
                    ][:4]
                )
            except (UserError, ValueError, TypeError):
                pass
        dialog = YearSummaryDialog(self.ctx, year, self)
        return show_modal(dialog)


class YearSummaryDialog(QDialog):
    """A year's spending by activity type, with a button to print it."""

    def __init__(self, ctx: Any, year: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        import datetime as _dt

        self.ctx = ctx
        self.setWindowTitle("年度活动经费汇总")
        self.resize(720, 420)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("年度"))
        self.year_spin = QSpinBox()
        self.year_spin.setRange(1990, 2100)
        self.year_spin.setValue(year or _dt.date.today().year)
        bar.addWidget(self.year_spin)
        bar.addStretch(1)
        self.print_button = QPushButton("打印汇总表…")
        bar.addWidget(self.print_button)
        layout.addLayout(bar)
        self.model = list_model(YEAR_COLUMNS)
        self.table = list_table(self.model, object_name="year_summary_table", multi=False)
        layout.addWidget(self.table)
        self.total_label = QLabel()
        layout.addWidget(self.total_label)
        self.year_spin.valueChanged.connect(lambda _v: self.reload())
        self.print_button.clicked.connect(self.print_summary)
        self.reload()

    def reload(self) -> None:
        rows = budget_service.year_summary(self.ctx.db, self.year_spin.value())
        set_rows(
            self.model,
            [
                {
                    "type": row.type,
                    "activities": row.activities,
                    "participants": row.participants,
                    "planned": row.planned,
                    "actual": row.actual,
                    "balance": row.balance,
                }
                for row in rows
            ],
        )
        self.table.resizeColumnsToContents()
        planned = sum(r.planned for r in rows)
        actual = sum(r.actual for r in rows)
        self.total_label.setText(
            f"{self.year_spin.value()}年共 {sum(r.activities for r in rows)} 项活动，"
            f"预算 {format_fen_yuan(planned)}，实际支出 {format_fen_yuan(actual)}。"
        )

    def print_summary(self) -> None:
        from guilin_union.services.activities.outputs import year_budget_pdf
        from guilin_union.ui.open_file import open_document

        year = self.year_spin.value()
        path = self.ctx.prompts.save_file(
            self,
            "保存年度经费汇总表",
            self.ctx.last_folder() / f"{year}年活动经费汇总表.pdf",
            "PDF 文件 (*.pdf)",
        )
        if path is None:
            return
        try:
            out = year_budget_pdf(self.ctx.db, year, path)
        except (UserError, OSError) as exc:
            self.ctx.prompts.error(self, "生成失败", str(exc))
            return
        self.ctx.remember_folder(out)
        open_document(out)
