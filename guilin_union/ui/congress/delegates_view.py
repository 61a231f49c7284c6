"""代表 page: the delegates of the session's term, election from the member register,
更换/补选 with dates, 代表团 and 团长, import/export, and the composition with its warnings."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from guilin_union.core.congress import DELEGATE_TYPES
from guilin_union.services import congress
from guilin_union.services.changes import Changes
from guilin_union.services.congress import delegates as delegates_service
from guilin_union.services.members import member_names, member_summary
from guilin_union.ui import ops
from guilin_union.ui.congress.common import (
    MUTED_COLOR,
    WARNING_COLOR,
    make_table,
    open_modal,
)
from guilin_union.ui.congress.session_list import SessionListPage
from guilin_union.ui.context import AppContext
from guilin_union.ui.table_model import ColumnSpec, IdTableModel
from guilin_union.ui.widgets.form_dialog import submit_message_op
from guilin_union.ui.widgets.list_helpers import (
    debounced,
    make_label,
    make_search_edit,
    push_buttons,
    refill_combo,
    selected_rows,
)
from guilin_union.ui.widgets.selection_state import enable_with_selection

if TYPE_CHECKING:
    from guilin_union.ui.congress.page import CongressTab


def _period(_value: Any, row: dict[str, Any]) -> str:
    end = row.get("end_date")
    return f"{row['start_date']} 至 {end}" if end else f"{row['start_date']} 起"


def _remark(_value: Any, row: dict[str, Any]) -> str:
    if row.get("end_date"):
        return f"已终止：{row.get('end_reason') or ''}"
    return row.get("notes") or ""


COLUMNS = [
    ColumnSpec("name", "姓名"),
    ColumnSpec("gender", "性别", align="center"),
    ColumnSpec("delegation", "代表团"),
    ColumnSpec("department", "部门"),
    ColumnSpec("title", "职称"),
    ColumnSpec("delegate_type", "代表类型", align="center"),
    ColumnSpec("category", "类别", align="center"),
    ColumnSpec("is_head", "团长", align="center", formatter=lambda v, _r: "团长" if v else ""),
    ColumnSpec("start_reason", "产生方式", align="center"),
    ColumnSpec("start_date", "任职期间", formatter=_period),
    ColumnSpec(
        "notes",
        "备注",
        formatter=_remark,
        foreground=lambda r: MUTED_COLOR if r.get("end_date") else None,
    ),
]


class DelegatesView(SessionListPage):
    def __init__(self, ctx: AppContext, page: CongressTab) -> None:
        super().__init__(ctx, page)
        self.term_id: int | None = None
        self.model = IdTableModel(COLUMNS, self.source, self)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_filters())
        layout.addLayout(self._build_buttons())
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.delegates_table = make_table(self.model, object_name="delegates_table", multi=True)
        self.delegates_table.doubleClicked.connect(lambda _i: self.edit_selected())
        enable_with_selection(self.delegates_table, *self.row_buttons)
        splitter.addWidget(self.delegates_table)
        splitter.addWidget(self._build_composition())
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([460, 170])
        layout.addWidget(splitter, 1)
        self._timer = debounced(self.search_edit, self.reload, parent=self)

    def _build_filters(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.search_edit = make_search_edit(
            "delegate_search_edit", "搜索：姓名、拼音首字母、工号、代表团"
        )
        self.type_combo = QComboBox()
        self.type_combo.addItem("全部类型", None)
        for t in DELEGATE_TYPES:
            self.type_combo.addItem(t, t)
        self.delegation_combo = QComboBox()
        self.delegation_combo.setMinimumContentsLength(12)
        self.ended_check = QCheckBox("含已终止资格的记录")
        self.count_label = QLabel()
        bar.addWidget(self.search_edit, 3)
        bar.addWidget(self.type_combo)
        bar.addWidget(self.delegation_combo, 1)
        bar.addWidget(self.ended_check)
        bar.addWidget(self.count_label)
        self.type_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.delegation_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.ended_check.toggled.connect(lambda _c: self.reload())
        return bar

    def _build_buttons(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.add_button, *row_buttons = push_buttons(
            "从会员中添加代表…",
            "修改…",
            "更换/补选…",
            "终止资格…",
            "邀请列席…",  # issue 20: a retiree goes on as 列席
            "设为团长",
            "删除记录",
            layout=bar,
        )
        # These act on the selected delegate: enabled only while one is selected.
        self.row_buttons = tuple(row_buttons)
        (
            self.edit_button,
            self.replace_button,
            self.end_button,
            self.continue_button,
            self.head_button,
            self.delete_button,
        ) = self.row_buttons
        self.continue_button.setToolTip("资格已终止的正式代表（如退休）经邀请继续作为列席代表")
        bar.addStretch(1)
        self.delegations_button, self.import_button = push_buttons(
            "代表团…", "导入 Excel…", layout=bar
        )
        self.add_button.clicked.connect(self.add_delegates)
        self.edit_button.clicked.connect(self.edit_selected)
        self.replace_button.clicked.connect(self.replace_selected)
        self.end_button.clicked.connect(self.end_selected)
        self.continue_button.clicked.connect(self.continue_selected)
        self.head_button.clicked.connect(self.make_head)
        self.delete_button.clicked.connect(self.delete_selected)
        self.delegations_button.clicked.connect(self.manage_delegations)
        self.import_button.clicked.connect(self.import_excel)
        return bar

    def _build_composition(self) -> QGroupBox:
        box = QGroupBox("代表构成（以会议日期为准）")
        row = QVBoxLayout(box)
        self.composition_label = make_label("composition_label", wrap=True)
        self.warning_label = make_label("composition_warning_label", wrap=True)
        self.warning_label.setStyleSheet(f"color: {WARNING_COLOR}; font-weight: bold;")
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.setContentsMargins(0, 0, 0, 0)
        inner_layout.addWidget(self.composition_label)
        inner_layout.addWidget(self.warning_label)
        inner_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        row.addWidget(scroll)
        box.setMinimumHeight(120)
        return box

    # ------------------------------------------------------------------ data
    def _fetch(self) -> list[dict[str, Any]]:
        if self.term_id is None:
            return []
        return delegates_service.list_term_delegates(
            self.ctx.db,
            self.term_id,
            include_ended=self.ended_check.isChecked(),
            search=self.search_edit.text().strip(),
            delegate_type=self.type_combo.currentData(),
            delegation_id=self.delegation_combo.currentData(),
        )

    def set_session(self, session_id: int | None) -> None:
        self.session_id = session_id
        session = self.page.session()
        self.term_id = session.term_id if session else None
        self.reload_delegations()
        self.reload()

    def on_changes(self, changes: Changes) -> None:
        if changes.touches("congress", "members", "branches", "settings"):
            self.reload_delegations()
            self.reload()

    def reload_delegations(self) -> None:
        groups = (
            []
            if self.term_id is None
            else delegates_service.list_delegations(self.ctx.db, self.term_id)
        )
        refill_combo(self.delegation_combo, ("全部代表团", None), ((g.name, g.id) for g in groups))

    def reload(self) -> None:
        buttons = (self.add_button, self.import_button, self.delegations_button)
        self.show_rows(
            self.delegates_table,
            stretch=3,
            session_buttons=buttons,
            enabled=self.term_id is not None,
        )
        self.count_label.setText(f"共 {self.model.rowCount()} 人")
        self.refresh_composition()

    def refresh_composition(self) -> None:
        session = self.page.session()
        if session is None:
            self.composition_label.setText("")
            self.warning_label.setText("")
            return
        comp = delegates_service.composition(self.ctx.db, session.term_id, session.date)
        lines = comp.summary_lines()
        groups = "；".join(f"{c.name} {c.formal}" for c in comp.by_delegation if c.formal)
        lines.append(f"各代表团正式代表：{groups}。" if groups else "")
        self.composition_label.setText("\n".join(x for x in lines if x))
        self.warning_label.setText("\n".join(f"⚠ {w}" for w in comp.warnings))

    def selected_rows(self) -> list[dict[str, Any]]:
        return selected_rows(self.delegates_table)

    def _delegation_options(self) -> list[tuple[int, str]]:
        if self.term_id is None:
            return []
        return [
            (g.id, g.name) for g in delegates_service.list_delegations(self.ctx.db, self.term_id)
        ]

    # ------------------------------------------------------------------ actions
    def add_delegates(self) -> None:
        from guilin_union.ui.congress.dialogs import DelegateDialog
        from guilin_union.ui.widgets.member_picker import pick_members

        if self.term_id is None:
            return
        current = delegates_service.current_member_ids(self.ctx.db, self.term_id)
        ids = pick_members(
            self.ctx,
            self,
            title="选择要添加为代表的会员",
            statuses=("在会", "保留会籍"),
            exclude_ids=current,
        )
        if not ids:
            return
        names = "、".join(member_names(self.ctx.db, ids)[:6])
        text = f"{names}{'等' if len(ids) > 6 else ''}（共 {len(ids)} 人）"
        session = self.page.session()
        term_id = self.term_id

        def submit(data: dict[str, Any]) -> str | None:
            return submit_message_op(
                self.ctx,
                self,
                f"添加代表 {text}",
                lambda db: delegates_service.add_delegates(db, term_id, ids, **data),
            )

        start = delegates_service.default_start_date(self.ctx.db, term_id) if session else None
        dialog = DelegateDialog(
            submit,
            member_text=text,
            categories=congress.rules(self.ctx.db).categories,
            delegations=self._delegation_options(),
            data={"start_date": start},
            parent=self,
        )
        return open_modal(self, dialog)

    def edit_selected(self) -> None:
        from guilin_union.ui.congress.dialogs import DelegateDialog

        rows = self.selected_rows()
        if not rows:
            return
        row = rows[0]

        def submit(data: dict[str, Any]) -> str | None:
            return submit_message_op(
                self.ctx,
                self,
                f"修改代表 {row['name']}",
                lambda db: delegates_service.update_delegate(db, row["id"], data),
            )

        dialog = DelegateDialog(
            submit,
            member_text=f"{row['name']}（{row['branch']}）",
            categories=congress.rules(self.ctx.db).categories,
            delegations=self._delegation_options(),
            data=row,
            allow_auto=False,
            parent=self,
        )
        open_modal(self, dialog)

    def replace_selected(self) -> None:
        from guilin_union.ui.congress.dialogs import ReplaceDialog
        from guilin_union.ui.widgets.member_picker import pick_members

        rows = self.selected_rows()
        if not rows:
            return
        row = rows[0]
        if row["end_date"]:
            self.ctx.prompts.info(self, "更换代表", f"{row['name']}的代表资格已终止。")
            return

        def pick() -> tuple[int, str] | None:
            ids = pick_members(self.ctx, self, title=f"选择接替{row['name']}的会员", multi=False)
            if not ids:
                return None
            found = member_summary(self.ctx.db, ids[0])
            if found is None:
                return None
            return ids[0], f"{found['name']}（{found['branch']}）"

        def submit(data: dict[str, Any]) -> str | None:
            if data["new_member_id"] is None:
                return "请先选择接替的会员"
            return submit_message_op(
                self.ctx,
                self,
                f"更换代表 {row['name']}",
                lambda db: delegates_service.replace_delegate(
                    db,
                    row["id"],
                    data["new_member_id"],
                    on_date=data["on_date"],
                    reason=data["reason"],
                    start_reason=data["start_reason"],
                ),
            )

        dialog = ReplaceDialog(
            submit,
            old_text=f"{row['name']}（{row['delegation'] or ''}，{row['delegate_type']}）",
            pick=pick,
            parent=self,
        )
        return open_modal(self, dialog)

    def end_selected(self) -> None:
        rows = [r for r in self.selected_rows() if not r["end_date"]]
        if not rows:
            return
        row = rows[0]
        reason = self.ctx.prompts.ask_item(
            self,
            "终止代表资格",
            f"{row['name']}的代表资格终止原因：",
            list(delegates_service.END_REASONS),
        )
        if reason is None:
            return
        day = self.ctx.prompts.ask_text(
            self, "终止代表资格", "从哪一天起不再是代表（如 2024-09-01）："
        )
        if not day:
            return
        ops.CollectionOp(
            self.ctx,
            self,
            "终止代表资格",
            lambda db: delegates_service.end_delegate(db, row["id"], day, reason),
        ).run()

    def continue_selected(self) -> None:
        """An ended 正式代表 (e.g. retired) is invited to go on as 列席代表 from the end date."""
        rows = [
            r for r in self.selected_rows() if r["end_date"] and r["delegate_type"] == "正式代表"
        ]
        if not rows:
            self.ctx.prompts.info(
                self, "邀请列席", "请先选择一位资格已终止的正式代表（如已退休的代表）。"
            )
            return
        row = rows[0]
        ops.CollectionOp(
            self.ctx,
            self,
            "邀请列席",
            lambda db: delegates_service.continue_as_attending(db, row["id"]),
        ).run_if_confirmed(
            f"{row['name']}自 {row['end_date']} 起改为列席代表（不计入应到，不能提出提案）？"
        )

    def make_head(self) -> None:
        rows = self.selected_rows()
        if not rows or rows[0]["delegation_id"] is None:
            return
        row = rows[0]
        ops.CollectionOp(
            self.ctx,
            self,
            "设为团长",
            lambda db: delegates_service.set_head(db, row["delegation_id"], row["member_id"]),
        ).run()

    def delete_selected(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        row = rows[0]
        ops.CollectionOp(  # undo: the service's inverse restores the row and its links
            self.ctx,
            self,
            "删除代表记录",
            lambda db: delegates_service.delete_delegate(db, row["id"]),
            undo_text=f"删除代表 {row['name']}",
        ).run_if_confirmed(
            f"确定删除{row['name']}的这条代表记录吗？\n（只用于删除录错的记录；"
            "代表不再任职请用“终止资格”或“更换”。）",
            ok_text="删除",
        )

    def manage_delegations(self) -> None:
        from guilin_union.ui.congress.delegations_dialog import DelegationsDialog

        if self.term_id is not None:
            dialog = DelegationsDialog(self.ctx, self.term_id, self)
            open_modal(self, dialog)

    def import_excel(self) -> None:
        from guilin_union.services.congress.importer import (
            DelegateImporter,
            write_delegate_template,
        )
        from guilin_union.ui.widgets.import_wizard import ImportWizard

        if self.term_id is None:
            return
        term = congress.get_term(self.ctx.db, self.term_id)
        wizard = ImportWizard(
            self.ctx,
            DelegateImporter(self.term_id),
            f"导入{term.label}代表名单",
            self,
            template_writer=write_delegate_template,
        )
        open_modal(self, wizard)
