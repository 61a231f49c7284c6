"""议程 page: 预备会议 and 正式会议 items in order; reorder with buttons; start from the
standard agenda or copy an earlier session's."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QLabel, QVBoxLayout

from guilin_union.services import congress
from guilin_union.services.changes import Changes
from guilin_union.services.congress import agenda as agenda_service
from guilin_union.ui import ops
from guilin_union.ui.congress.common import (
    MUTED_COLOR,
    open_modal,
    ordered_list,
)
from guilin_union.ui.congress.session_list import SessionListPage
from guilin_union.ui.context import AppContext
from guilin_union.ui.table_model import ColumnSpec, IdTableModel
from guilin_union.ui.widgets.form_dialog import submit_message_op

if TYPE_CHECKING:
    from guilin_union.ui.congress.page import CongressTab

COLUMNS = [
    ColumnSpec("number", "序号", align="center"),
    ColumnSpec(
        "part",
        "部分",
        align="center",
        foreground=lambda r: "#1565c0" if r.get("part") == "预备会议" else None,
    ),
    ColumnSpec("time_range", "时间", align="center"),
    ColumnSpec("content", "议程内容"),
    ColumnSpec("presider", "主持人"),
    ColumnSpec("reporter", "报告人"),
    ColumnSpec("place", "地点"),
]


class AgendaView(SessionListPage):
    def __init__(self, ctx: AppContext, page: CongressTab) -> None:
        super().__init__(ctx, page)
        self.model = IdTableModel(COLUMNS, self.source, self)
        layout = QVBoxLayout(self)
        self.agenda_table = ordered_list(
            self,
            layout,
            self.model,
            "agenda_table",
            add=("add_button", "添加…", self.add_item),
            row_actions=(
                ("edit_button", "修改…", self.edit_selected),
                ("delete_button", "删除", self.delete_selected),
            ),
            move=self.move,
            extra=(
                ("standard_button", "从标准议程开始", self.use_standard),
                ("copy_button", "从以前的会议复制…", self.copy_from),
                ("print_button", "打印议程…", self.print_agenda),
            ),
        )
        self.hint_label = QLabel(
            "上移、下移在同一部分（预备会议或正式会议）内调整顺序；要改到另一部分，请编辑该项。"
        )
        self.hint_label.setStyleSheet(f"color: {MUTED_COLOR};")
        layout.addWidget(self.hint_label)

    def _fetch(self) -> list[dict[str, Any]]:
        if self.session_id is None:
            return []
        return [
            {**item.__dict__, "number": n, "time_range": item.time_range}
            for n, item in enumerate(
                agenda_service.list_items(self.ctx.db, self.session_id), start=1
            )
        ]

    def on_changes(self, changes: Changes) -> None:
        if changes.touches("congress"):
            self.reload()

    def reload(self, select: int | None = None) -> None:
        buttons = (self.add_button, self.standard_button, self.copy_button, self.print_button)
        self.show_rows(self.agenda_table, stretch=3, session_buttons=buttons, select=select)

    def _selected(self) -> dict[str, Any] | None:
        return self.selected_row(self.agenda_table)

    def _dialog(self, data: dict[str, Any] | None, action: Any) -> None:
        from guilin_union.ui.congress.dialogs import AgendaItemDialog

        title = "添加议程项" if data is None else "修改议程项"

        def submit(values: dict[str, Any]) -> str | None:
            return submit_message_op(
                self.ctx,
                self,
                title,
                lambda db: action(db, values),
                on_saved=lambda result: self.reload(select=result.row_id),
            )

        dialog = AgendaItemDialog(submit, data=data, parent=self)
        open_modal(self, dialog)

    def add_item(self) -> None:
        if self.session_id is not None:
            sid = self.session_id
            self._dialog(None, lambda db, v: agenda_service.add_item(db, sid, v))

    def edit_selected(self) -> None:
        row = self._selected()
        if row is not None:
            self._dialog(row, lambda db, v: agenda_service.update_item(db, row["id"], v))

    def delete_selected(self) -> None:
        row = self._selected()
        if row is None:
            return
        ops.CollectionOp(  # undo comes from the service's inverse (the row put back)
            self.ctx,
            self,
            "删除议程项",
            lambda db: agenda_service.delete_item(db, row["id"]),
            undo_text=f"删除议程项 {row['content'][:12]}",
        ).run()

    def move(self, delta: int) -> None:
        row = self._selected()
        if row is not None:
            if ops.CollectionOp(
                self.ctx,
                self,
                "调整议程顺序",
                lambda db: agenda_service.move_item(db, row["id"], delta),
            ).run():
                self.reload(select=row["id"])

    def _replace_ok(self) -> bool | None:
        """None: cancelled; True: replace the items already there; False: there are none."""
        if not self.model.rowCount():
            return False
        if self.ctx.prompts.confirm(
            self,
            "替换议程",
            f"本次会议已有 {self.model.rowCount()} 项议程，替换为新的议程吗？",
            ok_text="替换",
        ):
            return True
        return None

    def _fill_agenda(self, title: str, fill: Any) -> None:
        """Fill this session's agenda by ``fill(db, session_id, replace)``, once the user has
        agreed to replace the items already there (if any)."""
        replace = self._replace_ok()
        if replace is None or self.session_id is None:
            return
        sid = self.session_id
        ops.CollectionOp(self.ctx, self, title, lambda db: fill(db, sid, replace)).run()

    def use_standard(self) -> None:
        if self.session_id is None:
            return
        self._fill_agenda(
            "采用标准议程",
            lambda db, sid, replace: agenda_service.apply_standard_agenda(db, sid, replace=replace),
        )

    def copy_from(self) -> None:
        if self.session_id is None:
            return
        others = [
            s
            for s in congress.list_sessions(self.ctx.db)
            if s.id != self.session_id and agenda_service.list_items(self.ctx.db, s.id)
        ]
        if not others:
            self.ctx.prompts.info(self, "复制议程", "没有其他已编排议程的会议。")
            return
        labels = [f"{s.title}（{s.start_date}）" for s in reversed(others)]
        choice = self.ctx.prompts.ask_item(self, "复制议程", "从哪次会议复制：", labels)
        if choice is None:
            return
        source = list(reversed(others))[labels.index(choice)]
        self._fill_agenda(
            "复制议程",
            lambda db, sid, replace: agenda_service.copy_agenda(
                db, source.id, sid, replace=replace
            ),
        )

    def print_agenda(self) -> None:
        if self.session_id is not None:  # the same printout as on the session page
            self.page.session_view.print_agenda()
