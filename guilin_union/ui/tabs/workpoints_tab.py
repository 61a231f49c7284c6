"""年度工作要点 tab: import the year's work points, track every item, compare with the upper
union's points, carry unfinished items over, print the ledger and the year-end summary.

Layout: the year and plan at the top with the actions; the overview of the plan (progress
per section, overdue items, items without an owner) right under it; then two pages:
落实跟踪 (items and the selected item's tracking) and 上级要点对照.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from guilin_union.core.errors import NotFoundError
from guilin_union.services import workpoints as wp
from guilin_union.services.changes import Changes
from guilin_union.services.workpoints import importer as wi
from guilin_union.ui import ops, palette
from guilin_union.ui.context import AppContext
from guilin_union.ui.screen_fit import scrollable
from guilin_union.ui.widgets.dialog_buttons import close_buttons
from guilin_union.ui.widgets.menus import menu_button
from guilin_union.ui.workpoints.common import safe_file_name
from guilin_union.ui.workpoints.coverage_view import CoverageView
from guilin_union.ui.workpoints.overview_panel import OverviewPanel
from guilin_union.ui.workpoints.tracking_view import TrackingView

KEEP_BOTH = "保留两份（另存为一份新的计划）"


class WorkpointsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.last_output: Path | None = None
        self._build()
        self.reload_plans()

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.year_combo = QComboBox()
        self.year_combo.setObjectName("workpoints_year_combo")
        self.plan_combo = QComboBox()
        self.plan_combo.setObjectName("workpoints_plan_combo")
        self.plan_combo.setMinimumContentsLength(28)
        self.import_button = QPushButton("导入工作要点…")
        self.import_button.setObjectName("workpoints_import_button")
        self.ledger_button = QPushButton("打印落实台账…")
        self.excel_button = QPushButton("导出台账 Excel…")
        self.summary_button = QPushButton("年终总结…")
        self.more_button, menu = menu_button("更多")
        self.carry_action = menu.addAction("把未完成条目结转到下一年度…", self.carry_over)
        self.edit_plan_action = menu.addAction("修改计划标题…", self.rename_plan)
        self.source_action = menu.addAction("查看导入时的原文", self.show_source)
        menu.addSeparator()
        self.delete_plan_action = menu.addAction("删除该计划…", self.delete_plan)
        self.year_label, self.plan_label = QLabel("年度"), QLabel("计划")
        bar.addWidget(self.year_label)
        bar.addWidget(self.year_combo)
        bar.addWidget(self.plan_label)
        bar.addWidget(self.plan_combo, 1)
        self.bar_spacer = QWidget()  # keeps the buttons at the right while the combos are hidden
        bar.addWidget(self.bar_spacer, 1)
        for widget in (
            self.import_button,
            self.ledger_button,
            self.excel_button,
            self.summary_button,
            self.more_button,
        ):
            bar.addWidget(widget)
        layout.addLayout(bar)

        self.stack = QStackedWidget()
        self.empty_page = self._empty_page()
        self.stack.addWidget(self.empty_page)
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        self.overview = OverviewPanel(self.ctx)
        # Shrinks (and scrolls) on a small screen so the item pages keep their room.
        content_layout.addWidget(scrollable(self.overview))
        self.pages = QTabWidget()
        self.pages.setObjectName("workpoints_pages")
        self.pages.setDocumentMode(True)
        self.tracking = TrackingView(self.ctx)
        self.coverage = CoverageView(self.ctx)
        self.pages.addTab(self.tracking, "落实跟踪")
        self.pages.addTab(self.coverage, "上级要点对照")
        content_layout.addWidget(self.pages, 1)
        self.stack.addWidget(content)
        layout.addWidget(self.stack, 1)

        self.year_combo.currentIndexChanged.connect(lambda _i: self._year_changed())
        self.plan_combo.currentIndexChanged.connect(lambda _i: self._plan_changed())
        self.import_button.clicked.connect(lambda: self.open_import())
        self.ledger_button.clicked.connect(lambda: self.print_ledger())
        self.excel_button.clicked.connect(lambda: self.export_excel())
        self.summary_button.clicked.connect(lambda: self.print_summary())
        self.overview.filter_requested.connect(self._filter_requested)
        self.overview.item_requested.connect(self._item_requested)

    def _empty_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        title = QLabel("还没有导入工作要点")
        title.setStyleSheet("font-size: 18px; font-weight: bold;")
        text = QLabel(
            "把本年度的工作要点文件（Word、PDF 或文本，也可以直接粘贴文字）导入进来：程序会拆分出每一条要点，"
            "在保存前让您对照原文核对、修正。\n\n"
            "之后每个条目都可以填写责任人、牵头和责任单位、完成时限和状态，按月记录进展，上传佐证材料，"
            "与上级工会的工作要点对照，并打印《工作要点落实台账》和年终总结。"
        )
        text.setWordWrap(True)
        text.setStyleSheet(f"color: {palette.MUTED}; font-size: 13px;")
        button = QPushButton("导入工作要点…")
        button.setObjectName("empty_import_button")
        button.setMinimumHeight(36)
        button.clicked.connect(lambda: self.open_import())
        button.setEnabled(not self.ctx.read_only)
        for widget in (title, text):
            layout.addWidget(widget)
        row = QHBoxLayout()
        row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        page.setContentsMargins(80, 20, 80, 20)
        return page

    # ------------------------------------------------------------------ plans
    def current_plan_id(self) -> int | None:
        return self.plan_combo.currentData()

    def current_plan(self) -> dict[str, Any] | None:
        plan_id = self.current_plan_id()
        if plan_id is None:
            return None
        try:
            return wp.get_plan(self.ctx.db, plan_id)
        except NotFoundError:
            return None

    def reload_plans(self, select_plan: int | None = None) -> None:
        """Years and plans from the database, keeping (or moving to) the chosen plan."""
        wanted = select_plan if select_plan is not None else self.current_plan_id()
        plans = wp.list_plans(self.ctx.db)
        if wanted is None and plans:
            # The newest imported school plan first: it is the one the secretary tracks (a
            # plan holding only items carried over waits for its year's document).
            school = [p for p in plans if p["kind"] == "school"]
            imported = [p for p in school if p["source_name"]]
            wanted = (imported or school or plans)[0]["id"]
        year = next((p["year"] for p in plans if p["id"] == wanted), None)
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for value in wp.plan_years(self.ctx.db):
            self.year_combo.addItem(f"{value}年", value)
        self.year_combo.setCurrentIndex(max(0, self.year_combo.findData(year)))
        self.year_combo.blockSignals(False)
        self._fill_plan_combo(wanted)
        self.stack.setCurrentIndex(1 if plans else 0)
        for widget in (
            self.ledger_button,
            self.excel_button,
            self.summary_button,
            self.more_button,
        ):
            widget.setEnabled(bool(plans))
        for widget in (self.year_label, self.year_combo, self.plan_label, self.plan_combo):
            widget.setVisible(bool(plans))  # nothing to choose from yet
        self.bar_spacer.setVisible(not plans)
        self.import_button.setEnabled(not self.ctx.read_only)

    def _fill_plan_combo(self, wanted: int | None) -> None:
        year = self.year_combo.currentData()
        self.plan_combo.blockSignals(True)
        self.plan_combo.clear()
        if year is not None:
            for plan in wp.list_plans(self.ctx.db, year=year):
                self.plan_combo.addItem(
                    f"{wp.kind_label(plan['kind'])}：{plan['title']}（{plan['tracked_count']}项）",
                    plan["id"],
                )
        self.plan_combo.setCurrentIndex(max(0, self.plan_combo.findData(wanted)))
        self.plan_combo.blockSignals(False)
        self._plan_changed()

    def _year_changed(self) -> None:
        self._fill_plan_combo(None)

    def _plan_changed(self) -> None:
        plan = self.current_plan()
        self.overview.show_plan(plan["id"] if plan else None)
        self.tracking.set_plan(plan["id"] if plan else None)
        self.coverage.set_context(plan["year"] if plan else None, plan)
        self.carry_action.setEnabled(bool(plan) and not self.ctx.read_only)
        self.delete_plan_action.setEnabled(bool(plan) and not self.ctx.read_only)
        self.edit_plan_action.setEnabled(bool(plan) and not self.ctx.read_only)
        self.source_action.setEnabled(bool(plan and plan.get("source_text")))

    def select_plan(self, plan_id: int) -> None:
        self.reload_plans(select_plan=plan_id)

    def _filter_requested(self, what: str) -> None:
        self.pages.setCurrentWidget(self.tracking)
        self.tracking.show_only(what)

    def _item_requested(self, item_id: int) -> None:
        self.pages.setCurrentWidget(self.tracking)
        if not self.tracking.select_item(item_id):
            self.tracking.show_only("all")
            self.tracking.select_item(item_id)

    def on_changes(self, changes: Changes) -> None:
        if changes.touches("workpoints"):
            self.reload_plans()
            self.tracking.reload()
        elif changes.touches("activities", "congress", "members", "branches"):
            self.tracking.panel.reload_pages()
            self.tracking.panel.refresh_suggestions()

    # ------------------------------------------------------------------ import
    def open_import(self, path: Path | None = None):
        """The import dialog (with ``path`` already loaded when given); saving happens when
        it is accepted."""
        from guilin_union.ui.workpoints.import_dialog import ImportDialog

        dialog = ImportDialog(self.ctx, self)
        if path is not None:
            dialog.load_file(path)
        dialog.setModal(True)
        dialog.accepted.connect(lambda: self.save_import(dialog.request))
        dialog.open()
        return dialog

    def save_import(self, request) -> int | None:
        """Save an accepted import; asks what to do when the year already has such a plan."""
        if request is None:
            return None
        existing = wi.existing_plans(self.ctx.db, request.year, request.kind)
        on_conflict, replace_id = "keep", None
        if existing:
            options: dict[str, int | None] = {}
            for plan in existing:
                label = f"{plan['title']}（{plan['imported_at'][:10]}导入）"
                if not plan["has_tracking"]:
                    options[f"替换“{label}”"] = plan["id"]
            options[KEEP_BOTH] = None
            tracked = [p for p in existing if p["has_tracking"]]
            note = (
                (
                    "\n已有跟踪记录的计划不能替换，以免丢失记录："
                    + "、".join(p["title"] for p in tracked)
                )
                if tracked
                else ""
            )
            choice = self.ctx.prompts.ask_item(
                self,
                "该年度已有工作要点",
                f"{request.year}年已有{wp.kind_label(request.kind)}工作要点{len(existing)}份。要替换，还是两份都保留？{note}",
                list(options),
            )
            if choice is None:
                return None
            replace_id = options.get(choice)
            on_conflict = "replace" if replace_id is not None else "keep"
        result = ops.CollectionOp(
            self.ctx,
            self,
            "保存工作要点",
            lambda d: wi.import_document(
                d,
                request.parsed,
                year=request.year,
                kind=request.kind,
                source_name=request.source_name,
                source_text=request.source_text,
                on_conflict=on_conflict,
                replace_plan_id=replace_id,
            ),
        ).run()
        if result is None:
            return None
        self.select_plan(result.row_id)
        leaves = sum(1 for node in request.parsed.iter_nodes() if not node.children)
        self.ctx.prompts.info(
            self,
            "导入完成",
            f"已保存“{wp.get_plan(self.ctx.db, result.row_id)['title']}”，"
            f"共 {leaves} 项需跟踪的条目。\n接下来可以逐条填写责任人和完成时限。",
        )
        return result.row_id

    # ------------------------------------------------------------------ plan actions
    def carry_over(self):
        from guilin_union.services.workpoints import rollover as ro
        from guilin_union.ui.workpoints.pickers import CarryOverDialog

        plan = self.current_plan()
        if plan is None:
            return None
        candidates = ro.carry_over_candidates(self.ctx.db, plan["id"])
        if not candidates:
            self.ctx.prompts.info(
                self,
                "结转",
                "该计划没有需要结转的条目：未完成的条目都已结转，或全部已完成、已取消。",
            )
            return None
        dialog = CarryOverDialog(candidates, from_year=plan["year"], parent=self)
        dialog.setModal(True)

        def chosen() -> None:
            ids = dialog.chosen_ids()
            if not ids:
                return
            year = dialog.year_spin.value()

            def done(result: Any) -> None:
                self.select_plan(result.row_id)
                self.ctx.prompts.info(
                    self,
                    "结转完成",
                    f"已结转 {len(ids)} 项到{year}年，原有进展记录在新条目中一并显示。",
                )

            ops.CollectionOp(
                self.ctx,
                self,
                "结转",
                lambda d: ro.carry_over(d, plan["id"], to_year=year, item_ids=ids),
                undo_text=f"结转{len(ids)}项到{year}年",
            ).success(done).run()

        dialog.accepted.connect(chosen)
        dialog.open()
        return dialog

    def rename_plan(self) -> None:
        plan = self.current_plan()
        if plan is None:
            return
        title = self.ctx.prompts.ask_text(self, "修改计划标题", "标题：", plan["title"])
        if not title:
            return
        ops.CollectionOp(
            self.ctx,
            self,
            "修改计划标题",
            lambda d: wp.update_plan(d, plan["id"], {"title": title}),
        ).run()

    def show_source(self) -> None:
        plan = self.current_plan()
        if plan is None or not plan.get("source_text"):
            return
        from PySide6.QtWidgets import QDialog, QPlainTextEdit

        dialog = QDialog(self)
        dialog.setWindowTitle(f"导入原文：{plan['source_name'] or ''}")
        layout = QVBoxLayout(dialog)
        text = QPlainTextEdit(plan["source_text"])
        text.setReadOnly(True)
        layout.addWidget(text)
        box = close_buttons(dialog)
        layout.addWidget(box)
        dialog.resize(760, 640)
        dialog.open()
        self._source_dialog = dialog

    def delete_plan(self) -> bool:
        plan = self.current_plan()
        if plan is None:
            return False
        counts = wp.tracking_counts(self.ctx.db, plan["id"])
        detail = (
            f"其中有进展记录 {counts['notes']} 条、佐证材料 {counts['evidence']} 个。"
            if any(counts.values())
            else ""
        )
        if not self.ctx.prompts.confirm(
            self,
            "删除计划",
            f"确定删除“{wp.plan_label(plan)}”及其全部条目吗？{detail}\n"
            "可用“编辑 ▸ 撤销”恢复，删除的内容也会放入回收站。",
            ok_text="删除",
        ):
            return False
        plan_id = plan["id"]
        self.plan_combo.blockSignals(True)
        self.plan_combo.clear()  # the deleted plan must not be kept as the current one
        self.plan_combo.blockSignals(False)
        result = ops.CollectionOp(
            self.ctx,
            self,
            "删除计划",
            lambda d: wp.delete_plan(d, plan_id),
            undo_text=f"删除计划 {wp.plan_label(plan)}",
        ).run()
        if result is None:
            self.reload_plans(select_plan=plan_id)
            return False
        return True

    # ------------------------------------------------------------------ outputs
    def _output(
        self, title: str, suffix: str, filters: str, writer, done_text: str, open_after: bool
    ) -> Path | None:
        plan = self.current_plan()
        if plan is None:
            return None
        both = len(wp.list_plans(self.ctx.db, year=plan["year"])) > 1
        scope_plan = plan["id"]
        if both:
            choice = self.ctx.prompts.ask_item(
                self,
                title,
                "包括哪些计划：",
                [f"只含当前计划（{wp.kind_label(plan['kind'])}）", f"{plan['year']}年全部计划"],
            )
            if choice is None:
                return None
            scope_plan = plan["id"] if choice.startswith("只含") else None
        name = safe_file_name(f"{plan['year']}年{title}") + suffix
        year = plan["year"]

        def done(out: Path, result: tuple[Path, int]) -> None:
            self.last_output = out
            if not open_after:
                text = done_text.format(count=result[1], path=out)
                self.ctx.prompts.info(self, f"{title}完成", text)

        return ops.save_output(
            self.ctx,
            self,
            title,
            lambda db, path: writer(db, path, year=year, plan_id=scope_plan),
            default_name=name,
            filters=filters,
            open_after=open_after,
            message=None,
            done=done,
        )

    def print_ledger(self) -> Path | None:
        from guilin_union.services.workpoints.outputs import ledger_pdf

        return self._output("工作要点落实台账", ".pdf", "PDF 文件 (*.pdf)", ledger_pdf, "", True)

    def export_excel(self) -> Path | None:
        from guilin_union.services.workpoints.outputs import ledger_excel

        return self._output(
            "工作要点落实台账",
            ".xlsx",
            "Excel 工作簿 (*.xlsx)",
            ledger_excel,
            "已导出 {count} 行：\n{path}",
            False,
        )

    def export_current(self) -> Path | None:
        """文件 ▸ 导出… on this tab: the ledger as Excel."""
        return self.export_excel()

    def print_summary(self) -> Path | None:
        from guilin_union.services.workpoints.outputs import summary_pdf

        return self._output("工作要点年终总结", ".pdf", "PDF 文件 (*.pdf)", summary_pdf, "", True)


def create_tab(ctx: AppContext) -> QWidget:
    return WorkpointsTab(ctx)
