"""表决 page: motions with their counts and the result computed by the rule in the settings."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QVBoxLayout

from guilin_union.services import congress
from guilin_union.services.changes import Changes
from guilin_union.services.congress import votes as votes_service
from guilin_union.services.congress.attendance import attendance_summary
from guilin_union.ui import ops
from guilin_union.ui.congress.common import (
    MUTED_COLOR,
    WARNING_COLOR,
    open_modal,
    ordered_list,
)
from guilin_union.ui.congress.session_list import SessionListPage
from guilin_union.ui.context import AppContext
from guilin_union.ui.table_model import ColumnSpec, IdTableModel, state_column
from guilin_union.ui.widgets.form_dialog import submit_message_op
from guilin_union.ui.widgets.list_helpers import delete_confirmed, make_label

if TYPE_CHECKING:
    from guilin_union.ui.congress.page import CongressTab

RESULT_COLORS = {"通过": "#1b5e20", "未通过": "#b00020", "待表决": MUTED_COLOR}


def _count(value: Any, _row: dict[str, Any]) -> str:
    return "" if value is None else str(value)


COLUMNS = [
    ColumnSpec("number", "序号", align="center"),
    ColumnSpec("title", "表决事项"),
    ColumnSpec("kind", "类型", align="center"),
    ColumnSpec("votes_yes", "同意", align="right", formatter=_count),
    ColumnSpec("votes_no", "反对", align="right", formatter=_count),
    ColumnSpec("votes_abstain", "弃权", align="right", formatter=_count),
    ColumnSpec("not_voted", "未投", align="right", formatter=_count),
    ColumnSpec("needed", "通过所需", align="right"),
    state_column("result", "结果", RESULT_COLORS, sortable=False),
    ColumnSpec("warning", "提示", foreground=lambda _r: WARNING_COLOR),
]


class VotesView(SessionListPage):
    def __init__(self, ctx: AppContext, page: CongressTab) -> None:
        super().__init__(ctx, page)
        self.model = IdTableModel(COLUMNS, self.source, self)
        layout = QVBoxLayout(self)
        self.votes_table = ordered_list(
            self,
            layout,
            self.model,
            "votes_table",
            add=("add_button", "添加…", self.add_motion),
            row_actions=(
                ("edit_button", "录入票数/编辑…", self.edit_selected),
                ("clear_button", "清除票数", self.clear_selected),
                ("delete_button", "删除", self.delete_selected),
            ),
            move=self.move,
            extra=(
                ("standard_button", "添加常用表决事项", self.add_standard),
                ("ballot_button", "打印表决票…", lambda: self.page.session_view.print_ballots()),
                (
                    "results_button",
                    "打印表决结果…",
                    lambda: self.page.session_view.print_results(),
                ),
            ),
        )
        self.summary_label = make_label("votes_summary_label", wrap=True)
        layout.addWidget(self.summary_label)

    def _fetch(self) -> list[dict[str, Any]]:
        if self.session_id is None:
            return []
        rows = []
        for n, r in enumerate(votes_service.motion_results(self.ctx.db, self.session_id), start=1):
            rows.append(
                {
                    **r.motion.__dict__,
                    "number": n,
                    "not_voted": r.not_voted,
                    "needed": r.needed,
                    "result": r.result_text,
                    "warning": "；".join(r.warnings),
                }
            )
        return rows

    def on_changes(self, changes: Changes) -> None:
        if changes.touches("congress", "settings"):
            self.reload()

    def reload(self, select: int | None = None) -> None:
        buttons = (self.add_button, self.standard_button, self.ballot_button, self.results_button)
        self.show_rows(self.votes_table, stretch=1, session_buttons=buttons, select=select)
        self.refresh_summary()

    def refresh_summary(self) -> None:
        if self.session_id is None:
            self.summary_label.setText("")
            return
        summary = votes_service.vote_summary(self.ctx.db, self.session_id)
        att = summary.attendance
        text = (
            f"表决规则：{summary.rule_text}（全体正式代表 {att.expected} 人，实到 {att.present} 人）。"
            f"共 {len(summary.results)} 项：通过 {summary.passed} 项，未通过 {summary.failed} 项，"
            f"待表决 {summary.pending} 项。"
        )
        if summary.notes:
            text += "\n" + "\n".join(summary.notes)
        self.summary_label.setText(text)

    def _selected(self) -> dict[str, Any] | None:
        return self.selected_row(self.votes_table)

    def _evaluator(self):
        rule = congress.rules(self.ctx.db)
        att = attendance_summary(self.ctx.db, self.session_id) if self.session_id else None

        def evaluate(yes: int, no: int, abstain: int) -> str:
            if att is None:
                return ""
            motion = votes_service.Motion(0, 0, 0, "", "决议", yes, no, abstain, None, None)
            result = votes_service.evaluate(motion, att, rule)
            text = (
                f"{result.result_text}（至少需同意 {result.needed} 票，未投 {result.not_voted} 票）"
            )
            if yes + no + abstain > att.expected:
                text = f"票数合计超过正式代表人数 {att.expected} 人"
            return text

        return evaluate

    def _open(self, data: dict[str, Any] | None) -> None:
        from guilin_union.ui.congress.dialogs import MotionDialog

        session = self.page.session()
        if session is None:
            return
        sid = session.id

        motion_id = None if data is None else data["id"]
        title = "添加表决事项" if data is None else "修改表决事项"

        def submit(values: dict[str, Any]) -> str | None:
            return submit_message_op(
                self.ctx,
                self,
                title,
                lambda db: votes_service.save_motion(db, sid, motion_id, values),
                on_saved=lambda result: self.reload(select=result.row_id),
            )

        dialog = MotionDialog(
            submit,
            evaluate=self._evaluator(),
            default_date=session.start_date,
            data=data,
            parent=self,
        )
        return open_modal(self, dialog)

    def add_motion(self) -> None:
        return self._open(None)

    def edit_selected(self) -> None:
        row = self._selected()
        if row is not None:
            return self._open(row)

    def clear_selected(self) -> None:
        row = self._selected()
        if row is None or row.get("votes_yes") is None:
            return
        ops.CollectionOp(  # undo: the service's inverse writes the counts back
            self.ctx, self, "清除票数", lambda db: votes_service.clear_votes(db, row["id"])
        ).run()

    def delete_selected(self) -> None:
        row = self._selected()
        if row is None:
            return
        delete_confirmed(  # undo: the service's inverse puts the row back
            self.ctx,
            self,
            row["id"],
            title="删除表决事项",
            question=f"确定删除“{row['title']}”吗？",
            delete=votes_service.delete_motion,
            undo_text=f"删除表决事项 {row['title']}",
        )

    def move(self, delta: int) -> None:
        row = self._selected()
        if (
            row is not None
            and ops.CollectionOp(
                self.ctx,
                self,
                "调整顺序",
                lambda db: votes_service.move_motion(db, row["id"], delta),
            ).run()
        ):
            self.reload(select=row["id"])

    def add_standard(self) -> None:
        if self.session_id is not None:
            sid = self.session_id
            ops.CollectionOp(
                self.ctx,
                self,
                "添加常用表决事项",
                lambda db: votes_service.add_standard_motions(db, sid),
            ).run()
