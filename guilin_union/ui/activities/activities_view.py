"""活动 tab: the list of activities on the left, the selected one on the right in four pages
(概况, 报名, 成绩, 经费), and the printouts and exports in two menus."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from guilin_union.core.activities import ACTIVITY_STATUSES
from guilin_union.services import activities as activities_service
from guilin_union.services.activities import ActivityQuery, outputs
from guilin_union.services.changes import Changes
from guilin_union.services.members import branches as branches_service
from guilin_union.ui import ops
from guilin_union.ui.activities.budget_page import BudgetPage
from guilin_union.ui.activities.common import (
    ACTIVITY_STATUS_COLORS,
    compact_combo,
    list_table,
    submit_op,
)
from guilin_union.ui.activities.detail_page import DetailPage
from guilin_union.ui.activities.participants_page import ParticipantsPage
from guilin_union.ui.activities.results_page import ResultsPage
from guilin_union.ui.table_model import ColumnSpec, IdTableModel, nonzero, state_column
from guilin_union.ui.widgets.list_helpers import (
    add_record_buttons,
    add_search_bar,
    confirm_delete,
    make_combo,
    make_label,
    make_search_edit,
    refilter_on,
    select_id,
)
from guilin_union.ui.widgets.menus import menu_button
from guilin_union.ui.widgets.modal import show_modal
from guilin_union.ui.widgets.query_source import QuerySource


def _registered(_value: Any, row: dict[str, Any]) -> str:
    text = str(row["registered"])
    if row.get("waiting"):
        text += f"（候补{row['waiting']}）"
    return text


COLUMNS = [
    ColumnSpec("start_date", "日期", sort_key="start_date"),
    ColumnSpec("name", "活动名称", sort_key="name"),
    ColumnSpec("type", "类型", sort_key="type"),
    ColumnSpec("registered", "报名", sort_key="registered", align="right", formatter=_registered),
    ColumnSpec("places", "名额", sort_key="places", align="right", formatter=nonzero(zero="不限")),
    state_column("status", "状态", ACTIVITY_STATUS_COLORS),
]


class ActivitiesView(QWidget):
    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.source = QuerySource.over(lambda: ctx.db, ActivityQuery(), activities_service)
        self.model = IdTableModel(COLUMNS, self.source, self)
        self.current_id: int | None = None
        self._reloading = False
        self._build()
        combos = (self.year_combo, self.type_combo, self.status_combo)
        self._timer = refilter_on(self, self.search_edit, *combos)
        self.reload_filters()
        self.apply_filters()
        self._fit_list()

    # ---- building
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.search_edit = make_search_edit("activity_search_edit", "搜索活动名称、地点")
        self.year_combo = make_combo("activity_year_combo")
        self.type_combo = make_combo("activity_type_combo")
        self.status_combo = make_combo("activity_status_combo")
        for combo in (self.year_combo, self.type_combo, self.status_combo):
            compact_combo(combo, 7)
        add_search_bar(
            layout,
            self.search_edit,
            (
                ("年度", self.year_combo, 1),
                ("类型", self.type_combo, 1),
                ("状态", self.status_combo, 1),
            ),
        )

        buttons, (self.new_button, self.edit_button, self.delete_button) = add_record_buttons(
            layout, "新建活动…"
        )
        self.new_button.setObjectName("new_activity_button")
        self.edit_button.setObjectName("edit_activity_button")
        buttons.addSpacing(12)
        self.settings_button = QPushButton("活动设置…")
        self.settings_button.setObjectName("activity_settings_button")
        self.settings_button.setToolTip("活动类型、角色、支出科目、奖项、团体总分计分办法")
        buttons.addWidget(self.settings_button)
        buttons.addStretch(1)
        self.count_label = make_label("activity_count_label")
        buttons.addWidget(self.count_label)
        buttons.addSpacing(12)
        printing = [
            ("活动报名表（各分工会）…", self.print_signup_forms),
            ("空白报名表…", lambda: self.print_signup_forms(blank=True)),
            ("报名表 Excel 模板（发给分工会）…", self.save_signup_template),
            None,
            ("参加人员名单…", self.print_participants),
            ("签到表…", lambda: self.print_participants(sign_in=True)),
            ("获奖名单…", self.print_results),
            ("团体总分表…", self.print_team_points),
            ("活动总结表…", self.print_summary),
        ]
        self.print_button, self.print_menu = menu_button(
            "打印", printing, object_name="activity_print_button"
        )
        exports = [
            ("参加人员（Excel）…", self.export_participants),
            ("成绩和团体总分（Excel）…", self.export_results),
        ]
        self.export_button, _menu = menu_button("导出", exports)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.export_button)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.activities_table = list_table(
            self.model,
            object_name="activities_table",
            multi=False,
            sortable=True,
            sort_indicator=(0, Qt.SortOrder.DescendingOrder),
        )
        self.activities_table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.activities_table.doubleClicked.connect(lambda _i: self.edit_current())
        splitter.addWidget(self.activities_table)

        self.pages = QTabWidget()
        self.pages.setObjectName("activity_pages")
        self.detail_page = DetailPage(self.ctx)
        self.participants_page = ParticipantsPage(self.ctx)
        self.results_page = ResultsPage(self.ctx)
        self.budget_page = BudgetPage(self.ctx)
        self.pages.addTab(self.detail_page, "概况")
        self.pages.addTab(self.participants_page, "报名")
        self.pages.addTab(self.results_page, "成绩")
        self.pages.addTab(self.budget_page, "经费")
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([730, 550])
        layout.addWidget(splitter, 1)

        self.new_button.clicked.connect(self.new_activity)
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.settings_button.clicked.connect(self.edit_settings)
        self._set_current(None)

    def _fit_list(self) -> None:
        table = self.activities_table
        header = table.horizontalHeader()
        header.setMinimumSectionSize(36)
        header.setStretchLastSection(False)
        table.resizeColumnsToContents()
        for col in range(len(COLUMNS)):
            header.resizeSection(col, min(header.sectionSize(col) + 12, 300))
        # The name takes what is left, so 状态 stays visible on a narrow screen (long names elide).
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

    # ---- filters
    def reload_filters(self) -> None:
        year, kind, status = (
            self.year_combo.currentData(),
            self.type_combo.currentData(),
            self.status_combo.currentData(),
        )
        for combo in (self.year_combo, self.type_combo, self.status_combo):
            combo.blockSignals(True)
            combo.clear()
        self.year_combo.addItem("全部年度", None)
        for y in activities_service.years(self.ctx.db):
            self.year_combo.addItem(f"{y}年", y)
        self.type_combo.addItem("全部类型", None)
        types = activities_service.activity_types(self.ctx.db)
        used = activities_service.used_types(self.ctx.db)
        for t in types + [u for u in used if u not in types]:
            self.type_combo.addItem(t, t)
        self.status_combo.addItem("全部状态", None)
        for s in ACTIVITY_STATUSES:
            self.status_combo.addItem(s, s)
        for combo, value in (
            (self.year_combo, year),
            (self.type_combo, kind),
            (self.status_combo, status),
        ):
            combo.setCurrentIndex(max(combo.findData(value), 0))
            combo.blockSignals(False)

    def current_query(self) -> ActivityQuery:
        return self.source.sorted_query(
            ActivityQuery,
            year=self.year_combo.currentData(),
            type=self.type_combo.currentData(),
            status=self.status_combo.currentData(),
            search=self.search_edit.text().strip(),
        )

    def apply_filters(self) -> None:
        keep = self.current_id
        self.source.query = self.current_query()
        self._reloading = True
        try:
            self.model.reload()
        finally:
            self._reloading = False
        self._update_count()
        if keep is None or self.model.row_of_id(keep) is None:
            keep = self.model.row_id(0)
        self.select_activity(keep)

    def _update_count(self) -> None:
        total = activities_service.count(self.ctx.db)
        shown = self.model.rowCount()
        self.count_label.setText(
            f"显示 {shown} 项 / 共 {total} 项" if shown != total else f"共 {total} 项活动"
        )

    def select_activity(self, activity_id: int | None) -> None:
        """Select a row and show that activity in the pages (refreshed once)."""
        self._reloading = True
        try:
            found = select_id(self.activities_table, self.model, activity_id)
            if not found:
                self.activities_table.clearSelection()
        finally:
            self._reloading = False
        self._set_current(activity_id if found else None)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        if self._reloading:
            return
        rows = self.activities_table.selectionModel().selectedRows()
        activity_id = self.model.row_id(rows[0].row()) if rows else None
        if activity_id != self.current_id:
            self._set_current(activity_id)

    def _set_current(self, activity_id: int | None) -> None:
        self.current_id = activity_id
        for page in (self.detail_page, self.participants_page, self.results_page, self.budget_page):
            page.set_activity(activity_id)
        enabled = activity_id is not None
        for widget in (self.edit_button, self.delete_button, self.print_button, self.export_button):
            widget.setEnabled(enabled)

    def on_changes(self, changes: Changes) -> None:
        if not changes.touches("activities", "members", "branches", "settings"):
            return
        if changes.touches("activities", "settings"):
            self.reload_filters()
        keep = self.current_id
        self._reloading = True
        try:
            self.model.reload()
            row = self.model.row_of_id(keep) if keep is not None else None
            if row is not None:
                self.activities_table.selectRow(row)
        finally:
            self._reloading = False
        self._update_count()
        self._set_current(keep if row is not None else None)

    # ---- records
    def _dialog(self, activity_id: int | None):
        from guilin_union.ui.activities.activity_dialog import ActivityDialog

        db = self.ctx.db
        data = activities_service.get_activity(db, activity_id) if activity_id is not None else None

        title = "新建活动" if activity_id is None else "修改活动"

        def submit(values: dict[str, Any]) -> dict[str, str] | None:
            return submit_op(
                self.ctx,
                self,
                title,
                lambda d: activities_service.save_activity(d, values, activity_id),
                undo_text=f"{title} {values.get('name') or ''}",
                on_saved=lambda result: self.select_activity(result.row_id),
            )

        dialog = ActivityDialog(
            submit,
            types=activities_service.activity_types(db),
            branches=[
                (b.id, b.name) for b in branches_service.list_branches(db, include_inactive=False)
            ],
            # Offered only once the work-points area's table exists.
            workpoints=(lambda year: activities_service.workpoint_choices(db, year))
            if activities_service.workpoint_table(db)
            else None,
            data=data,
            parent=self,
        )
        return show_modal(dialog)

    def new_activity(self):
        return self._dialog(None)

    def edit_current(self):
        if self.current_id is None:
            return None
        return self._dialog(self.current_id)

    def delete_current(self) -> None:
        if self.current_id is None:
            return
        db = self.ctx.db
        activity = activities_service.get_activity(db, self.current_id)
        people = activity["registered"] + activity["waiting"] + activity["cancelled"]
        detail = f"（含 {people} 条报名记录及其成绩、经费）" if people else ""
        if not confirm_delete(
            self.ctx, self, "删除活动", f"确定删除活动“{activity['name']}”{detail}吗？"
        ):
            return
        activity_id = self.current_id
        ops.CollectionOp(
            self.ctx,
            self,
            "删除活动",
            lambda d: activities_service.delete_activity(d, activity_id),
            undo_text=f"删除活动 {activity['name']}",
        ).success(lambda _result: self.select_activity(self.model.row_id(0))).run()

    def edit_settings(self):
        from guilin_union.ui.activities.settings_dialog import ActivitySettingsDialog

        dialog = ActivitySettingsDialog(self.ctx, self)
        return show_modal(dialog)

    # ---- outputs
    def _activity_name(self) -> str:
        assert self.current_id is not None
        return activities_service.get_activity_row(self.ctx.db, self.current_id)["name"]

    def _save(
        self,
        title: str,
        suffix: str,
        work: Callable[[Any, int, Path], Any],
        *,
        excel: bool = False,
        message: str | Callable[[Any], str] | None = None,
    ) -> Path | None:
        """Write a file for the selected activity (``work(db, activity_id, path)``): a PDF
        opens in the viewer, an Excel workbook is announced with ``message``."""
        if self.current_id is None:
            return None
        activity_id = self.current_id
        return ops.save_output(
            self.ctx,
            self,
            title,
            lambda db, path: work(db, activity_id, path),
            default_name=f"{self._activity_name()}{suffix}" + (".xlsx" if excel else ".pdf"),
            filters="Excel 工作簿 (*.xlsx)" if excel else "PDF 文件 (*.pdf)",
            open_after=not excel,
            message=message,
        )

    def print_signup_forms(self, blank: bool = False) -> Path | None:
        return self._save(
            "活动报名表", "报名表", lambda db, a, p: outputs.signup_form_pdf(db, a, p, blank=blank)
        )

    def print_participants(self, sign_in: bool = False) -> Path | None:
        return self._save(
            "签到表" if sign_in else "参加人员名单",
            "签到表" if sign_in else "参加人员名单",
            lambda db, a, p: outputs.participants_pdf(db, a, p, sign_in=sign_in),
        )

    def print_results(self) -> Path | None:
        return self._save("获奖名单", "获奖名单", outputs.results_pdf)

    def print_team_points(self) -> Path | None:
        return self._save("团体总分表", "团体总分表", outputs.team_points_pdf)

    def print_summary(self) -> Path | None:
        return self._save("活动总结表", "总结表", outputs.summary_pdf)

    def save_signup_template(self) -> Path | None:
        from guilin_union.services.activities.importer import write_signup_template

        return self._save(
            "保存报名表模板",
            "报名表",
            write_signup_template,
            excel=True,
            message="模板已保存。请发给各分工会填写，收回后用“报名 ▸ 导入报名表”导入：",
        )

    def _ask_unmasked(self) -> bool | None:
        choice = self.ctx.prompts.ask_item(
            self,
            "导出参加人员",
            "证件号码和手机号：",
            ["部分隐藏（推荐）", "显示完整号码（如保险登记用，将记入操作日志）"],
        )
        if choice is None:
            return None
        return choice.startswith("显示完整")

    def export_participants(self) -> Path | None:
        if self.current_id is None:
            return None
        unmasked = self._ask_unmasked()
        if unmasked is None:
            return None
        return self._save(
            "导出参加人员",
            "参加人员",
            lambda db, a, p: outputs.export_participants(db, a, p, unmasked=unmasked),
            excel=True,
            message=lambda result: f"已导出 {result[1]} 条报名记录：",
        )

    def export_results(self) -> Path | None:
        return self._save(
            "导出成绩", "成绩", outputs.export_results, excel=True, message="已导出成绩："
        )

    def export_current(self) -> Path | None:
        """文件 ▸ 导出… on this tab: the participants of the selected activity."""
        return self.export_participants()
