"""会费: a month's dues by 分工会, the members behind a 分工会's total, the rule settings."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from guilin_union.core.errors import ValidationError
from guilin_union.core.money import format_fen, parse_yuan
from guilin_union.services import settings as settings_service
from guilin_union.services.changes import Changes
from guilin_union.services.intake import dues as dues_service
from guilin_union.ui import ops
from guilin_union.ui.context import AppContext
from guilin_union.ui.table_model import ColumnSpec, IdTableModel, list_model, set_rows
from guilin_union.ui.widgets.date_fields import make_date_edit
from guilin_union.ui.widgets.list_helpers import make_id_table

SUMMARY_COLUMNS = [
    ColumnSpec("branch", "分工会"),
    ColumnSpec("liable", "应缴人数", align="right"),
    ColumnSpec("with_base", "已录基数", align="right"),
    ColumnSpec("missing_base", "未录基数", align="right"),
    ColumnSpec("waived", "免缴/不计", align="right"),
    ColumnSpec(
        "base_total_fen", "基数合计（元）", align="right", formatter=lambda v, _b: format_fen(v)
    ),
    ColumnSpec(
        "dues_total_fen", "月会费合计（元）", align="right", formatter=lambda v, _b: format_fen(v)
    ),
]
DETAIL_COLUMNS = [
    ColumnSpec("member_no", "会员编号"),
    ColumnSpec("name", "姓名"),
    ColumnSpec("status", "会籍状态", align="center"),
    ColumnSpec(
        "salary_base_fen",
        "工资基数（元）",
        align="right",
        formatter=lambda v, _r: "" if v is None else format_fen(v),
    ),
    ColumnSpec(
        "dues_fen",
        "月会费（元）",
        align="right",
        formatter=lambda v, r: (
            format_fen(v) if r.get("liable") and r.get("salary_base_fen") is not None else ""
        ),
    ),
    ColumnSpec(
        "note",
        "说明",
        foreground=lambda r: "#b00020" if r.get("note") == "未录入工资基数" else None,
    ),
]
SETTING_KEYS = (
    "dues_rate_percent",
    "dues_base_unit_fen",
    "dues_start_rule",
    "member_no_rule",
    "member_no_sequence_digits",
)


class _DetailSource:
    """The dues lines of one 分工会 for the month (computed once per reload)."""

    def __init__(self) -> None:
        self.lines: dict[int, dict[str, Any]] = {}
        self.order: list[int] = []

    def set_lines(self, lines: list[dues_service.DuesLine]) -> None:
        self.lines = {line.member_id: line.__dict__ for line in lines}
        self.order = [line.member_id for line in lines]

    def ids(self, sort_key: str | None, descending: bool) -> list[int]:
        return list(self.order)

    def rows(self, ids: list[int]) -> dict[int, dict[str, Any]]:
        return {i: self.lines[i] for i in ids if i in self.lines}


class DuesView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.summary: dues_service.DuesSummary | None = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("月份"))
        self.month_edit = make_date_edit("dues_month_edit", display="yyyy年M月")
        bar.addWidget(self.month_edit)
        self.rule_label = QLabel()
        self.rule_label.setObjectName("dues_rule_label")
        self.rule_label.setStyleSheet("color: #555;")
        bar.addWidget(self.rule_label, 1)
        self.settings_button = QPushButton("会费与编号设置…")
        self.export_button = QPushButton("导出 Excel…")
        self.pdf_button = QPushButton("打印汇总表…")
        for b in (self.settings_button, self.export_button, self.pdf_button):
            bar.addWidget(b)
        layout.addLayout(bar)

        splitter = QSplitter(Qt.Orientation.Vertical)
        # The 合计 line (branch_id 0) in bold.
        self.summary_model = list_model(SUMMARY_COLUMNS, bold=lambda b: b["branch_id"] == 0)
        self.summary_table = make_id_table(
            self.summary_model, object_name="dues_summary_table", multi=False, sortable=False
        )
        splitter.addWidget(self.summary_table)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        self.detail_label = QLabel("选择上方的分工会查看会员明细；双击会员可修改工资基数。")
        head.addWidget(self.detail_label, 1)
        self.base_button = QPushButton("修改工资基数…")
        head.addWidget(self.base_button)
        lower_layout.addLayout(head)
        self.detail_source = _DetailSource()
        self.detail_model = IdTableModel(DETAIL_COLUMNS, self.detail_source, self)
        self.detail_table = QTableView()
        self.detail_table.setObjectName("dues_detail_table")
        self.detail_table.setModel(self.detail_model)
        self.detail_table.verticalHeader().setVisible(False)
        self.detail_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.detail_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.detail_table.horizontalHeader().setStretchLastSection(True)
        self.detail_table.verticalHeader().setDefaultSectionSize(26)
        lower_layout.addWidget(self.detail_table)
        splitter.addWidget(lower)
        splitter.setSizes([380, 300])
        layout.addWidget(splitter)

        self.month_edit.dateChanged.connect(lambda _d: self.reload())
        self.summary_table.selectionModel().selectionChanged.connect(lambda *_a: self.show_detail())
        self.detail_table.doubleClicked.connect(lambda _i: self.edit_base())
        self.base_button.clicked.connect(self.edit_base)
        self.settings_button.clicked.connect(self.edit_settings)
        self.export_button.clicked.connect(self.export_excel)
        self.pdf_button.clicked.connect(self.print_pdf)
        self.reload()

    def month(self) -> str:
        d = self.month_edit.date()
        return f"{d.year():04d}-{d.month():02d}"

    def reload(self) -> None:
        selected = self._selected_branch()
        self.summary = dues_service.dues_summary(self.ctx.db, self.month())
        self.rule_label.setText("　" + self.summary.rule.describe() + "；退休人员自退休次月起免缴")
        rows = [*self.summary.branches, self.summary.total]
        set_rows(self.summary_model, [asdict(b) for b in rows])
        header = self.summary_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        if selected is not None:
            for r, b in enumerate(self.summary.branches):
                if b.branch_id == selected:
                    self.summary_table.selectRow(r)
        self.show_detail()

    def _selected_branch(self) -> int | None:
        if self.summary is None:
            return None
        rows = {i.row() for i in self.summary_table.selectionModel().selectedRows()}
        if not rows:
            return None
        row = min(rows)
        return self.summary.branches[row].branch_id if row < len(self.summary.branches) else None

    def show_detail(self) -> None:
        branch_id = self._selected_branch()
        if branch_id is None:
            self.detail_source.set_lines([])
        else:
            lines = dues_service.dues_lines(self.ctx.db, self.month(), branch_id=branch_id)
            self.detail_source.set_lines(lines)
            name = next(b.branch for b in self.summary.branches if b.branch_id == branch_id)  # type: ignore[union-attr]
            self.detail_label.setText(f"{name}：{len(lines)} 人（双击可修改工资基数）")
        self.detail_model.reload()
        self.detail_table.resizeColumnsToContents()
        header = self.detail_table.horizontalHeader()
        for col in range(len(DETAIL_COLUMNS) - 1):
            header.resizeSection(col, max(header.sectionSize(col) + 24, 110))

    def edit_base(self) -> None:
        rows = sorted({i.row() for i in self.detail_table.selectionModel().selectedRows()})
        if not rows:
            self.ctx.prompts.info(self, "修改工资基数", "请先在明细中选择一名会员。")
            return
        member_id = self.detail_model.row_id(rows[0])
        line = self.detail_model.row_data(rows[0]) or {}
        current = (
            ""
            if line.get("salary_base_fen") is None
            else format_fen(line["salary_base_fen"]).replace(",", "")
        )
        text = self.ctx.prompts.ask_text(
            self,
            "修改工资基数",
            f"{line.get('name', '')} 的月工资基数（元，留空表示未录入）：",
            current,
        )
        if text is None:
            return
        try:
            fen = parse_yuan(text)
        except ValidationError as exc:
            self.ctx.prompts.warning(self, "修改工资基数", exc.message)
            return
        ops.CollectionOp(
            self.ctx,
            self,
            "修改工资基数",
            lambda db: dues_service.set_dues_record(db, member_id, salary_base_fen=fen),
        ).run()

    def edit_settings(self) -> None:
        from guilin_union.ui.intake.dialogs import DuesSettingsDialog

        dialog = DuesSettingsDialog(
            settings_service.get_many(self.ctx.db, list(SETTING_KEYS)), self
        )
        if dialog.exec() and dialog.result_values:
            values = dialog.result_values
            ops.CollectionOp(
                self.ctx,
                self,
                "会费与编号设置",
                lambda db: settings_service.set_many(db, values),
                changes=Changes.of("settings", "dues"),
            ).run()

    def on_changes(self, changes: Changes) -> None:
        if changes.touches("members", "dues", "member_status", "settings", "branches"):
            self.reload()

    def _save_month(self, title: str, build: Any, name: str, filters: str):
        """The month's summary written by ``build(db, month, path)``, named ``name`` + month."""
        suffix = ".xlsx" if "xlsx" in filters else ".pdf"
        return ops.save_output(
            self.ctx,
            self,
            title,
            lambda db, p: build(db, self.month(), p),
            default_name=f"{name}{self.month()}{suffix}",
            filters=filters,
            background=False,
        )

    def export_excel(self):
        build = dues_service.export_dues_summary
        return self._save_month("导出会费汇总", build, "会费汇总", "Excel 工作簿 (*.xlsx)")

    def print_pdf(self):
        build = dues_service.dues_summary_pdf
        return self._save_month("打印会费汇总表", build, "会费汇总表", "PDF 文件 (*.pdf)")
