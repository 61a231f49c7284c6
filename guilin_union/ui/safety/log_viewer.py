"""帮助 ▸ 操作日志…: who changed what and when, with before/after values, exportable.

The viewer only reads: there is no way to delete or edit an entry (the database refuses it
anyway). ID numbers and phones are masked unless "显示完整号码" is ticked, which is logged.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from guilin_union.services.safety import log as safety_log
from guilin_union.services.safety.log import (
    LogQuery,
    table_label,  # every table has a Chinese name
)
from guilin_union.ui.context import AppContext
from guilin_union.ui.safety.widgets import make_table, selected_rows, set_widths
from guilin_union.ui.table_model import ColumnSpec, IdTableModel, list_model, set_rows
from guilin_union.ui.widgets.list_helpers import (
    add_filter_bar,
    make_combo,
    make_label,
    make_search_edit,
    refilter_on,
)

DETAIL_COLUMNS = [
    ColumnSpec("label", "项目"),
    ColumnSpec("before", "修改前"),
    ColumnSpec("after", "修改后"),
]
COLUMNS = [
    ColumnSpec("ts", "时间", sort_key="ts"),
    ColumnSpec("user", "用户", sort_key="user"),
    ColumnSpec("table", "数据表", sort_key="table"),
    ColumnSpec("row_id", "记录编号", sort_key="row_id", align="right"),
    ColumnSpec("action", "操作", sort_key="action"),
    ColumnSpec("summary", "内容"),
    ColumnSpec("note", "说明"),
]


class LogSource:
    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.query = LogQuery()
        self.masked = True

    def ids(self, sort_key: str | None, descending: bool) -> list[int]:
        return safety_log.query_ids(
            self.ctx.db, self.query, sort_key, descending if sort_key else True
        )

    def rows(self, ids: list[int]) -> dict[int, dict[str, Any]]:
        return safety_log.fetch_rows(self.ctx.db, ids, masked=self.masked)


class ChangeLogDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        table: str | None = None,
        row_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("操作日志")
        self.resize(1180, 720)
        self.source = LogSource(ctx)
        self.model = IdTableModel(COLUMNS, self.source, self)
        self._row_id = row_id
        self._build()
        self._fill_filters(table)
        combos = (self.table_combo, self.action_combo, self.user_combo)
        self._timer = refilter_on(self, self.search_edit, *combos)
        for check in (self.since_check, self.until_check):
            check.toggled.connect(lambda _on: self.apply_filters())
        for edit in (self.since_edit, self.until_edit):
            edit.dateChanged.connect(lambda _d: self.apply_filters())
        self.apply_filters()

    # ---- building
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.table_combo = make_combo("log_table_combo", min_chars=8)
        self.action_combo = make_combo("log_action_combo")
        self.user_combo = make_combo("log_user_combo")
        today = QDate.currentDate()
        self.since_check = QCheckBox("从")
        self.since_edit = QDateEdit(today.addMonths(-1))
        self.until_check = QCheckBox("到")
        self.until_edit = QDateEdit(today)
        for edit in (self.since_edit, self.until_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.search_edit = make_search_edit("log_search_edit", "搜索内容或说明")
        add_filter_bar(
            bar,
            (
                ("数据表", self.table_combo, 2),
                ("操作", self.action_combo, 1),
                ("用户", self.user_combo, 1),
            ),
        )
        bar.addWidget(self.since_check)
        bar.addWidget(self.since_edit)
        bar.addWidget(self.until_check)
        bar.addWidget(self.until_edit)
        bar.addWidget(self.search_edit, 2)
        layout.addLayout(bar)

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.log_table = make_table(self.model, object_name="log_table", stretch_column=5)
        self.log_table.setSortingEnabled(True)
        self.log_table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        splitter.addWidget(self.log_table)
        self.detail_model = list_model(DETAIL_COLUMNS)
        self.detail_table = make_table(self.detail_model, object_name="log_detail_table")
        self.detail_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.detail_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        splitter.addWidget(self.detail_table)
        splitter.setSizes([460, 200])
        layout.addWidget(splitter, 1)

        buttons = QHBoxLayout()
        self.count_label = make_label("log_count_label")
        self.unmask_check = QCheckBox("显示完整号码（会记入日志）")
        self.unmask_check.setObjectName("log_unmask_check")
        self.export_button = QPushButton("导出 Excel…")
        self.export_button.setObjectName("log_export_button")
        close = QPushButton("关闭")
        buttons.addWidget(self.count_label)
        buttons.addStretch(1)
        buttons.addWidget(QLabel("日志只能查看和导出，不能删除或修改。"))
        buttons.addSpacing(16)
        buttons.addWidget(self.unmask_check)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)
        layout.addLayout(buttons)

        self.log_table.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self.show_detail(cur.row())
        )
        self.unmask_check.toggled.connect(self.set_unmasked)
        self.export_button.clicked.connect(self.export_excel)
        close.clicked.connect(self.accept)
        set_widths(self.log_table, [150, 90, 110, 70, 110, 0, 220])

    def _fill_filters(self, table: str | None) -> None:
        db = self.ctx.db
        self.table_combo.addItem("全部", None)
        for name in safety_log.distinct(db, "table_name"):
            self.table_combo.addItem(table_label(name), name)
        if table is not None:
            index = self.table_combo.findData(table)
            if index < 0:
                self.table_combo.addItem(table_label(table), table)
                index = self.table_combo.count() - 1
            self.table_combo.setCurrentIndex(index)
        self.action_combo.addItem("全部", None)
        for action in safety_log.distinct(db, "action"):
            self.action_combo.addItem(safety_log.action_label(action), action)
        self.user_combo.addItem("全部", None)
        for user in safety_log.distinct(db, "os_user"):
            self.user_combo.addItem(user, user)

    # ---- behaviour
    def current_query(self) -> LogQuery:
        since = (
            self.since_edit.date().toString("yyyy-MM-dd") if self.since_check.isChecked() else None
        )
        until = (
            self.until_edit.date().toString("yyyy-MM-dd") if self.until_check.isChecked() else None
        )
        return LogQuery(
            table=self.table_combo.currentData(),
            action=self.action_combo.currentData(),
            user=self.user_combo.currentData(),
            since=since,
            until=until,
            search=self.search_edit.text().strip(),
            row_id=self._row_id,
        )

    def apply_filters(self) -> None:
        self.source.query = self.current_query()
        self.model.reload()
        total = self.model.rowCount()
        self.count_label.setText(f"共 {total} 条")
        set_rows(self.detail_model, [])
        if total:
            self.log_table.selectRow(0)

    def show_detail(self, row: int) -> None:
        entry_id = self.model.row_id(row)
        set_rows(self.detail_model, [])
        if entry_id is None:
            return
        entry = safety_log.get_entries(self.ctx.db, [entry_id], masked=self.source.masked).get(
            entry_id
        )
        if entry is None:
            return
        changes = entry.changes(safety_log.Describer(self.ctx.db))
        if entry.note:
            changes.append(("说明", "", safety_log.note_text(entry.note)))
        set_rows(
            self.detail_model,
            [{"label": label, "before": b, "after": a} for label, b, a in changes],
        )

    def set_unmasked(self, on: bool) -> None:
        if on:
            refused = self.ctx.read_only
            if refused:
                self.ctx.prompts.warning(
                    self, "显示完整号码", "以只读方式打开时无法记录日志，因此不能显示完整号码。"
                )
            elif not self.ctx.prompts.confirm(
                self,
                "显示完整号码",
                "显示完整的证件号码和手机号会记入操作日志。确定显示吗？",
                ok_text="显示",
            ):
                refused = True
            if refused:
                self.unmask_check.blockSignals(True)
                self.unmask_check.setChecked(False)
                self.unmask_check.blockSignals(False)
                return
            safety_log.log_reveal(self.ctx.db, "在操作日志中显示完整证件号码和手机号")
        self.source.masked = not on
        self.model.mark_stale()
        rows = selected_rows(self.log_table)
        if rows:
            self.show_detail(rows[0])

    def export_excel(self):  # noqa: ANN201
        from guilin_union.spreadsheets.errors import FileLockedError
        from guilin_union.ui.open_file import open_document

        name = f"操作日志-{_dt.date.today():%Y%m%d}.xlsx"
        path = self.ctx.prompts.save_file(
            self, "导出操作日志", self.ctx.last_folder() / name, "Excel 文件 (*.xlsx)"
        )
        if path is None:
            return None
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        try:
            out, n = safety_log.export_log(
                self.ctx.db, path, self.current_query(), masked=self.source.masked
            )
        except FileLockedError as exc:
            self.ctx.prompts.warning(self, "导出操作日志", str(exc))
            return None
        self.ctx.remember_folder(out)
        self.ctx.prompts.info(self, "导出操作日志", f"已导出 {n} 条日志：\n{out}")
        open_document(out)
        return out
