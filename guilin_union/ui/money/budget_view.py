"""经费预算: the year's planned and actual amounts by category (actuals drawn from the
records), the manual income/spending entries with voucher numbers, and the printouts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from guilin_union.core.errors import ValidationError
from guilin_union.core.money import format_fen, parse_yuan
from guilin_union.services.changes import Changes
from guilin_union.services.money import AREA, budget
from guilin_union.ui import ops
from guilin_union.ui.context import AppContext
from guilin_union.ui.widgets.list_helpers import make_label, make_year_spin, push_buttons

HEADERS = (
    "科目",
    "预算数（元）",
    "实际数（元）",
    "差额（元）",
    "执行率",
    "其中：自动取数",
    "手工登记",
)
ENTRY_HEADERS = ("日期", "收支", "科目", "金额（元）", "凭证号", "摘要", "登记人")
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _item(text: str, *, right: bool = False, bold: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if right:
        item.setTextAlignment(_RIGHT)
    if bold:
        font = QFont()
        font.setBold(True)
        item.setFont(font)
    return item


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
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setObjectName("budget_table")
        self.table.setHorizontalHeaderLabels(list(HEADERS))
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
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
        self.entries_table = QTableWidget(0, len(ENTRY_HEADERS))
        self.entries_table.setObjectName("budget_entries_table")
        self.entries_table.setHorizontalHeaderLabels(list(ENTRY_HEADERS))
        self.entries_table.verticalHeader().setVisible(False)
        self.entries_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.entries_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        entries_header = self.entries_table.horizontalHeader()
        entries_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        entries_header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
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
        rows: list[tuple[Any, ...]] = []
        for kind in ("收入", "支出"):
            rows.append((f"【{kind}】", None, None, True))
            for line in ex.lines:
                if line.kind == kind:
                    rows.append((line, line.code in leaves, None, False))
            rows.append((ex.total(kind), False, f"{kind}合计", True))
        self.table.setRowCount(len(rows))
        self._codes: list[str | None] = []
        for r, (line, editable, label, bold) in enumerate(rows):
            if isinstance(line, str):
                self.table.setItem(r, 0, _item(line, bold=True))
                for c in range(1, len(HEADERS)):
                    self.table.setItem(r, c, _item(""))
                self._codes.append(None)
                continue
            name = label or (("\u3000\u3000" + line.name) if line.level == 2 else line.name)
            manual = line.sources.get(budget.SOURCE_MANUAL, 0)
            auto = line.actual_fen - manual
            cells = [
                name,
                format_fen(line.planned_fen),
                format_fen(line.actual_fen),
                format_fen(line.difference_fen),
                f"{line.percent}%" if line.percent is not None else "—",
                format_fen(auto) if auto else "",
                format_fen(manual) if manual else "",
            ]
            for c, text in enumerate(cells):
                item = _item(text, right=c > 0, bold=bold or line.level == 1)
                if c == 3 and line.difference_fen > 0 and line.kind == "支出":
                    item.setForeground(QColor("#b00020"))  # spending over plan
                self.table.setItem(r, c, item)
            self._codes.append(line.code if editable else None)
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
        self.entries_table.setRowCount(len(self.entries))
        for r, e in enumerate(self.entries):
            cells = [
                e["entry_date"],
                e["kind"],
                e["category_name"],
                e["amount"],
                e["voucher_no"] or "",
                e["description"],
                e["recorded_by"],
            ]
            for c, text in enumerate(cells):
                self.entries_table.setItem(r, c, _item(text, right=c == 3))

    def on_changes(self, changes: Changes) -> None:
        if changes.touches(AREA, "activities", "welfare"):
            self.reload()

    # ------------------------------------------------------------ actions
    def edit_plan(self) -> None:
        row = self.table.currentRow()
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
        row = self.entries_table.currentRow()
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
