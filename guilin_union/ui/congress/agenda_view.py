"""议程 page: 预备会议 and 正式会议 items in order; reorder with buttons; start from the
standard agenda or copy an earlier session's."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from guilin_union.services import congress
from guilin_union.services.changes import Changes
from guilin_union.services.congress import agenda as agenda_service
from guilin_union.services.congress import outputs
from guilin_union.ui import ops
from guilin_union.ui.congress.common import (
    MUTED_COLOR,
    ListSource,
    fit_columns,
    make_table,
    selected_ids,
)
from guilin_union.ui.context import AppContext
from guilin_union.ui.table_model import ColumnSpec, IdTableModel
from guilin_union.ui.widgets.list_helpers import add_button_row
from guilin_union.ui.widgets.selection_state import enable_with_selection

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


class AgendaView(QWidget):
    def __init__(self, ctx: AppContext, page: CongressTab) -> None:
        super().__init__(page)
        self.ctx = ctx
        self.page = page
        self.session_id: int | None = None
        self.source = ListSource(self._fetch)
        self.model = IdTableModel(COLUMNS, self.source, self)
        layout = QVBoxLayout(self)
        self.add_button = QPushButton("添加…")
        self.edit_button = QPushButton("修改…")
        self.delete_button = QPushButton("删除")
        self.up_button = QPushButton("▲ 上移")
        self.down_button = QPushButton("▼ 下移")
        self.standard_button = QPushButton("从标准议程开始")
        self.copy_button = QPushButton("从以前的会议复制…")
        self.print_button = QPushButton("打印议程…")
        add_button_row(
            layout,
            (
                self.add_button,
                self.edit_button,
                self.delete_button,
                self.up_button,
                self.down_button,
            ),
            (self.standard_button, self.copy_button, self.print_button),
        )
        self.agenda_table = make_table(self.model, "agenda_table")
        self.agenda_table.doubleClicked.connect(lambda _i: self.edit_selected())
        layout.addWidget(self.agenda_table, 1)
        enable_with_selection(
            self.agenda_table,
            self.edit_button,
            self.delete_button,
            self.up_button,
            self.down_button,
        )
        self.hint_label = QLabel(
            "上移、下移在同一部分（预备会议或正式会议）内调整顺序；要改到另一部分，请编辑该项。"
        )
        self.hint_label.setStyleSheet(f"color: {MUTED_COLOR};")
        layout.addWidget(self.hint_label)
        self.add_button.clicked.connect(self.add_item)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        self.standard_button.clicked.connect(self.use_standard)
        self.copy_button.clicked.connect(self.copy_from)
        self.print_button.clicked.connect(self.print_agenda)
        self._sized = False

    def _fetch(self) -> list[dict[str, Any]]:
        if self.session_id is None:
            return []
        return [
            {**item.__dict__, "number": n, "time_range": item.time_range}
            for n, item in enumerate(
                agenda_service.list_items(self.ctx.db, self.session_id), start=1
            )
        ]

    def set_session(self, session_id: int | None) -> None:
        self.session_id = session_id
        self.reload()

    def on_changes(self, changes: Changes) -> None:
        if changes.touches("congress"):
            self.reload()

    def reload(self, select: int | None = None) -> None:
        self.model.reload()
        if not self._sized and self.model.rowCount():
            fit_columns(self.agenda_table, stretch=3)
            self._sized = True
        for b in (self.add_button, self.standard_button, self.copy_button, self.print_button):
            b.setEnabled(self.session_id is not None)
        if select is not None:
            row = self.model.row_of_id(select)
            if row is not None:
                self.agenda_table.selectRow(row)

    def _selected(self) -> dict[str, Any] | None:
        ids = selected_ids(self.agenda_table)
        if not ids:
            return None
        row = self.model.row_of_id(ids[0])
        return self.model.row_data(row) if row is not None else None

    def _dialog(self, data: dict[str, Any] | None, action: Any) -> None:
        from guilin_union.ui.congress.dialogs import AgendaItemDialog

        title = "添加议程项" if data is None else "修改议程项"

        def submit(values: dict[str, Any]) -> str | None:
            errors: list[str] = []
            result = (
                ops.CollectionOp(self.ctx, self, title, lambda db: action(db, values))
                .failure(lambda exc: errors.append(str(exc)))
                .run()
            )
            if result is None:
                return errors[0] if errors else ops.READ_ONLY_MESSAGE
            self.reload(select=result.row_id)
            return None

        dialog = AgendaItemDialog(submit, data=data, parent=self)
        dialog.setModal(True)
        dialog.open()
        self._last_dialog = dialog

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

    def use_standard(self) -> None:
        if self.session_id is None:
            return
        replace = self._replace_ok()
        if replace is None:
            return
        sid = self.session_id
        ops.CollectionOp(
            self.ctx,
            self,
            "采用标准议程",
            lambda db: agenda_service.apply_standard_agenda(db, sid, replace=replace),
        ).run()

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
        replace = self._replace_ok()
        if replace is None:
            return
        sid = self.session_id
        ops.CollectionOp(
            self.ctx,
            self,
            "复制议程",
            lambda db: agenda_service.copy_agenda(db, source.id, sid, replace=replace),
        ).run()

    def print_agenda(self) -> None:
        sid = self.session_id
        session = self.page.session()
        if sid is not None and session is not None:
            ops.save_output(
                self.ctx,
                self,
                "打印会议议程",
                lambda db, p: outputs.agenda_pdf(db, sid, p),
                default_name=f"{session.title}议程.pdf",
                message="已生成：",
            )
