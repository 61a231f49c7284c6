"""经费预算: the year's planned and actual amounts by category (actuals drawn from the
records), the manual income/spending entries with voucher numbers, and the printouts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from guilin_union.core.errors import ValidationError
from guilin_union.core.money import format_fen, parse_yuan
from guilin_union.services.changes import Changes
from guilin_union.services.money import AREA, budget
from guilin_union.ui import ops, palette
from guilin_union.ui.context import AppContext
from guilin_union.ui.table_model import columns, list_model, set_rows
from guilin_union.ui.widgets.list_helpers import (
    make_id_table,
    make_label,
    make_year_spin,
    push_buttons,
)


def _overspend(row: dict[str, Any]) -> str | None:
    """Spending over plan in the palette's warning red."""
    return palette.WARNING if row.get("over") else None


#: The year's categories; a 【收入】/【支出】 heading, level-1 categories and totals in bold.
COLUMNS = columns(
    "name 科目 | planned 预算数（元） 右 | actual 实际数（元） 右 | difference 差额（元） 右"
    " | percent 执行率 右 | auto 其中：自动取数 右 | manual 手工登记 右",
    colors={"difference": _overspend},
)
ENTRY_COLUMNS = columns(
    "entry_date 日期 | kind 收支 | category_name 科目 | amount 金额（元） 右 | voucher_no 凭证号"
    " | description 摘要 | recorded_by 登记人"
)
HEADERS = tuple(c.header for c in COLUMNS)
ENTRY_HEADERS = tuple(c.header for c in ENTRY_COLUMNS)


def _fit(table: Any, stretch: int) -> None:
    """Columns as wide as their content, column ``stretch`` taking the spare width."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def _line_row(line: Any, name: str, *, bold: bool) -> dict[str, Any]:
    """One category (or a total, named ``name``) as the table shows it; a level-2
    category is indented."""
    manual = line.sources.get(budget.SOURCE_MANUAL, 0)
    auto = line.actual_fen - manual
    return {
        "name": ("\u3000\u3000" + name) if line.level == 2 else name,
        "planned": format_fen(line.planned_fen),
        "actual": format_fen(line.actual_fen),
        "difference": format_fen(line.difference_fen),
        "percent": f"{line.percent}%" if line.percent is not None else "—",
        "auto": format_fen(auto) if auto else "",
        "manual": format_fen(manual) if manual else "",
        "over": line.difference_fen > 0 and line.kind == "支出",
        "bold": bold,
    }


class BudgetView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.execution: budget.Execution | None = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("年度"))
        self.year_spin = make_year_spin("budget_year_spin", suffix="")
        bar.addWidget(self.year_spin)
        (
            self.plan_button,
            self.copy_button,
            self.print_button,
            self.excel_button,
            self.final_button,
            self.final_excel_button,
            self.chart_button,
        ) = push_buttons(
            "修改预算数…",
            "复制上一年预算",
            "预算执行情况表…",
            "执行情况 Excel…",
            "年度收支决算表…",
            "决算 Excel…",
            "收支科目…",
            layout=bar,
        )
        self.plan_button.setObjectName("budget_plan_button")
        self.chart_button.setObjectName("budget_chart_button")
        bar.addStretch(1)
        layout.addLayout(bar)
        self.summary_label = make_label("budget_summary_label", wrap=True)
        layout.addWidget(self.summary_label)

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.model = list_model(COLUMNS, bold=lambda row: bool(row.get("bold")))
        self.table = make_id_table(
            self.model, object_name="budget_table", multi=False, sortable=False
        )
        _fit(self.table, 0)
        self.table.doubleClicked.connect(lambda _i: self.edit_plan())
        splitter.addWidget(self.table)

        entries = QWidget()
        box = QVBoxLayout(entries)
        box.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(
            QLabel("手工登记的收支（程序中没有记录的拨缴经费、补助、培训、会议等，附凭证号）")
        )
        row.addStretch(1)
        self.add_entry_button, self.delete_entry_button = push_buttons(
            "登记收支…", "删除", layout=row
        )
        self.add_entry_button.setObjectName("budget_add_entry_button")
        self.delete_entry_button.setObjectName("budget_delete_entry_button")
        box.addLayout(row)
        self.entries_model = list_model(ENTRY_COLUMNS)
        self.entries_table = make_id_table(
            self.entries_model, object_name="budget_entries_table", multi=False, sortable=False
        )
        _fit(self.entries_table, 5)
        box.addWidget(self.entries_table)
        splitter.addWidget(entries)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)

        self.year_spin.valueChanged.connect(lambda _v: self.reload())
        self.plan_button.clicked.connect(self.edit_plan)
        self.copy_button.clicked.connect(self.copy_previous)
        self.add_entry_button.clicked.connect(self.add_entry)
        self.delete_entry_button.clicked.connect(self.delete_entry)
        self.print_button.clicked.connect(lambda: self.print_report("execution", ".pdf"))
        self.excel_button.clicked.connect(lambda: self.print_report("execution", ".xlsx"))
        self.final_button.clicked.connect(lambda: self.print_report("final", ".pdf"))
        self.final_excel_button.clicked.connect(lambda: self.print_report("final", ".xlsx"))
        self.chart_button.clicked.connect(self.edit_chart)
        self.reload()

    def year(self) -> int:
        return int(self.year_spin.value())

    def reload(self) -> None:
        db = self.ctx.db
        ex = self.execution = budget.execution(db, self.year())
        leaves = {c.code for c in budget.leaves(budget.categories(db))}
        rows: list[dict[str, Any]] = []
        self._codes: list[str | None] = []
        for kind in ("收入", "支出"):
            rows.append({"name": f"【{kind}】", "bold": True})
            self._codes.append(None)
            for line in ex.lines:
                if line.kind == kind:
                    rows.append(_line_row(line, line.name, bold=line.level == 1))
                    self._codes.append(line.code if line.code in leaves else None)
            rows.append(_line_row(ex.total(kind), f"{kind}合计", bold=True))
            self._codes.append(None)
        set_rows(self.model, rows)
        self.summary_label.setText(
            f"{ex.year}年：收入实际 {format_fen(ex.total('收入').actual_fen)} 元，"
            f"支出实际 {format_fen(ex.total('支出').actual_fen)} 元，"
            f"结余 {format_fen(ex.balance_actual_fen)} 元。"
            "实际数自动取自会费台账（按缴纳日期）、活动经费支出和校工会经费支付的已发放慰问"
            + (
                f"；由分工会经费支付的慰问 {format_fen(ex.branch_welfare_fen)} 元不计入"
                if ex.branch_welfare_fen
                else ""
            )
            + "。双击科目修改预算数。"
        )
        self.fill_entries()

    def fill_entries(self) -> None:
        self.entries = budget.list_entries(self.ctx.db, self.year())
        set_rows(self.entries_model, self.entries)

    def on_changes(self, changes: Changes) -> None:
        if changes.touches(AREA, "activities", "welfare"):
            self.reload()

    # ------------------------------------------------------------ actions
    def edit_plan(self) -> None:
        row = self.table.currentIndex().row()
        code = self._codes[row] if 0 <= row < len(self._codes) else None
        if code is None:
            self.ctx.prompts.info(self, "修改预算数", "请选择一个末级科目（没有下级科目的科目）。")
            return
        assert self.execution is not None
        line = next(x for x in self.execution.lines if x.code == code)
        text = self.ctx.prompts.ask_text(
            self,
            "修改预算数",
            f"{self.year()}年“{line.name}”预算数（元）：",
            format_fen(line.planned_fen).replace(",", ""),
        )
        if text is None:
            return
        try:
            fen = parse_yuan(text, field="planned")
        except ValidationError as exc:
            self.ctx.prompts.warning(self, "修改预算数", str(exc))
            return
        year = self.year()
        ops.CollectionOp(
            self.ctx, self, "修改预算数", lambda d: budget.set_plan(d, year, code, fen)
        ).run()

    def copy_previous(self) -> None:
        year = self.year()
        ops.CollectionOp(
            self.ctx, self, "复制上一年预算", lambda d: budget.copy_plans(d, year - 1, year)
        ).run()

    def add_entry(self) -> None:
        from guilin_union.core.funds import SOURCE_DUES
        from guilin_union.ui.money.dialogs import EntryDialog

        chart = budget.categories(self.ctx.db)
        choices = [
            (c.code, f"{c.kind}：{budget.category_label(chart, c.code)}")
            for c in budget.leaves(chart)
            if c.source != SOURCE_DUES
        ]
        dialog = EntryDialog(choices, self.year(), self)
        if not dialog.exec() or dialog.result_value is None:
            return
        data = dialog.result_value
        year = self.year()
        ops.CollectionOp(
            self.ctx,
            self,
            "登记收支",
            lambda d: budget.add_entry(
                d,
                category=data.category,
                amount=data.amount_fen,
                entry_date=data.entry_date,
                description=data.description,
                voucher_no=data.voucher_no,
                year=year,
            ),
        ).run()

    def delete_entry(self) -> None:
        row = self.entries_table.currentIndex().row()
        if not 0 <= row < len(self.entries):
            self.ctx.prompts.info(self, "删除", "请先选择一笔登记的收支。")
            return
        entry = self.entries[row]
        if not self.ctx.prompts.confirm(
            self, "删除", f"删除“{entry['description']}”（{entry['amount']} 元）？"
        ):
            return
        entry_id = entry["id"]
        ops.CollectionOp(
            self.ctx, self, "删除收支登记", lambda d: budget.delete_entry(d, entry_id)
        ).run()

    def edit_chart(self) -> None:
        from guilin_union.services import activities
        from guilin_union.services.welfare import config as welfare_config
        from guilin_union.ui.money.dialogs import ChartDialog, ChartInput

        db = self.ctx.db
        chart = [
            {"code": c.code, "kind": c.kind, "name": c.name, "parent": c.parent, "source": c.source}
            for c in budget.categories(db)
        ]
        maps = budget.category_maps(db)
        types = {
            "activity": activities.activity_types(db),
            "welfare": welfare_config.types(db),
        }

        def check(data: ChartInput) -> None:
            budget.validate_chart(data.chart)

        dialog = ChartDialog(chart, maps, types, check, self)
        if not dialog.exec() or dialog.result_value is None:
            return
        data = dialog.result_value
        ops.CollectionOp(
            self.ctx, self, "修改收支科目", lambda d: budget.save_chart(d, data.chart, data.maps)
        ).run()

    def print_report(self, which: str, suffix: str) -> None:
        from guilin_union.services.money import outputs

        year = self.year()
        if which == "execution":
            title, build = "预算执行情况表", outputs.execution_report
        else:
            title, build = "年度收支决算表", outputs.final_accounts_report
        excel = suffix == ".xlsx"
        ops.save_output(
            self.ctx,
            self,
            title,
            lambda db, path: build(db, path, year),
            default_name=f"{year}年度经费{title}{suffix}",
            filters="Excel 工作簿 (*.xlsx)" if excel else "PDF 文件 (*.pdf)",
        )
