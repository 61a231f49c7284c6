"""场次与选举 page (issue 20): the session's sittings, each with its own sign-in, 应到/实到 and
quorum; group-discussion minutes; elections with their count. Services only (no SQL here);
writes go through ui/ops."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from guilin_union.core.congress import ELECTION_METHODS, HALF_DAYS, SIGNIN_STATES, SITTING_KINDS
from guilin_union.services.changes import Changes
from guilin_union.services.congress import delegates as delegates_service
from guilin_union.services.congress import elections as elections_service
from guilin_union.services.congress import printouts
from guilin_union.services.congress import sittings as sittings_service
from guilin_union.ui import ops
from guilin_union.ui.congress.common import (
    OK_COLOR,
    WARNING_COLOR,
    fit_columns,
    from_qdate,
    make_table,
    open_modal,
    save_for,
    to_qdate,
)
from guilin_union.ui.context import AppContext
from guilin_union.ui.table_model import ColumnSpec, IdTableModel, ListSource, set_rows
from guilin_union.ui.widgets.dialog_buttons import accept_cancel_buttons
from guilin_union.ui.widgets.list_helpers import (
    action_buttons,
    delete_confirmed,
    make_label,
    make_line_edit,
    selected_id,
    selected_ids,
)

if TYPE_CHECKING:
    from guilin_union.ui.congress.page import CongressTab


def _quorum_color(row: dict[str, Any]) -> str | None:
    if not row.get("应到"):
        return None
    return OK_COLOR if row.get("quorum_met") else WARNING_COLOR


SITTING_COLUMNS = [
    ColumnSpec("date", "日期", align="center"),
    ColumnSpec("half_day", "时段", align="center"),
    ColumnSpec("kind", "类型", align="center"),
    ColumnSpec("title", "名称"),
    ColumnSpec("应到", "应到", align="right"),
    ColumnSpec("实到", "实到", align="right"),
    ColumnSpec("quorum_needed", "法定人数", align="right"),
    ColumnSpec("quorum_text", "是否达到", align="center", foreground=_quorum_color),
]
SIGNIN_COLUMNS = [
    ColumnSpec("delegation", "代表团"),
    ColumnSpec("name", "姓名"),
    ColumnSpec("type_text", "类型"),
    ColumnSpec("signin_text", "签到", align="center"),
]
ELECTION_COLUMNS = [
    ColumnSpec("title", "选举事项"),
    ColumnSpec("method", "方式", align="center"),
    ColumnSpec("seats", "应选", align="right"),
    ColumnSpec("valid_text", "选举", align="center"),
    ColumnSpec("elected_text", "当选"),
]


class SittingsView(QWidget):
    def __init__(self, ctx: AppContext, page: CongressTab) -> None:
        super().__init__(page)
        self.ctx = ctx
        self.page = page
        self.session_id: int | None = None
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(splitter, 1)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        (
            self.add_sitting_button,
            self.edit_sitting_button,
            self.standard_button,
            self.delete_sitting_button,
        ) = action_buttons(
            ("新增场次…", lambda: self.open_sitting(None)),
            ("编辑/讨论记录…", self.edit_selected_sitting),
            ("生成标准场次", self.make_standard),
            ("删除场次", self.delete_sitting),
            layout=row,
        )
        row.addStretch(1)
        self.presidium_button, self.clear_presidium_button = action_buttons(
            ("主席团…", self.add_presidium), ("清空主席团", self.clear_presidium), layout=row
        )
        left_layout.addLayout(row)
        self.presidium_label = make_label("presidium_label", wrap=True)
        left_layout.addWidget(self.presidium_label)
        self.sitting_source = ListSource(id_key="id")
        self.sitting_model = IdTableModel(SITTING_COLUMNS, self.sitting_source, self)
        self.sittings_table = make_table(self.sitting_model, object_name="sittings_table")
        self.sittings_table.selectionModel().selectionChanged.connect(
            lambda *_: self.reload_signin()
        )
        self.sittings_table.doubleClicked.connect(lambda _i: self.edit_selected_sitting())
        left_layout.addWidget(self.sittings_table, 2)
        prints = QHBoxLayout()
        self.print_signin_button, self.print_minutes_button, self.print_results_button = (
            action_buttons(
                ("打印本场签到表…", self.print_signin),
                ("打印分组讨论记录…", self.print_minutes),
                ("打印选举计票结果…", self.print_results),
                layout=prints,
            )
        )
        prints.addStretch(1)
        left_layout.addLayout(prints)

        elections_box = QGroupBox("选举")
        box = QVBoxLayout(elections_box)
        erow = QHBoxLayout()
        self.add_election_button, self.count_button, self.delete_election_button = action_buttons(
            ("新建选举…", self.add_election),
            ("录入计票…", self.count_selected),
            ("删除选举", self.delete_election),
            layout=erow,
        )
        erow.addStretch(1)
        box.addLayout(erow)
        self.election_source = ListSource(id_key="id")
        self.election_model = IdTableModel(ELECTION_COLUMNS, self.election_source, self)
        self.elections_table = make_table(self.election_model, object_name="elections_table")
        self.elections_table.doubleClicked.connect(lambda _i: self.count_selected())
        box.addWidget(self.elections_table)
        left_layout.addWidget(elections_box, 1)
        splitter.addWidget(left)

        right = QGroupBox("本场签到")
        right_layout = QVBoxLayout(right)
        srow = QHBoxLayout()
        self.state_buttons: dict[str, QPushButton] = {}
        for state in (*SIGNIN_STATES, "清除"):
            button = QPushButton(state)
            button.clicked.connect(lambda _c=False, s=state: self.mark_selected(s))
            self.state_buttons[state] = button
            srow.addWidget(button)
        (self.all_present_button,) = action_buttons(
            ("未签到的记为已签到", self.mark_unmarked_present), layout=srow
        )
        srow.addStretch(1)
        right_layout.addLayout(srow)
        self.signin_source = ListSource(id_key="id")
        self.signin_model = IdTableModel(SIGNIN_COLUMNS, self.signin_source, self)
        self.signin_table = make_table(
            self.signin_model, object_name="sitting_signin_table", multi=True
        )
        right_layout.addWidget(self.signin_table, 1)
        self.signin_label = make_label("sitting_signin_label", wrap=True)
        right_layout.addWidget(self.signin_label)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        self._sized = False

    # ------------------------------------------------------------------ data
    def _fetch_sittings(self) -> list[dict[str, Any]]:
        if self.session_id is None:
            return []
        rows = []
        for s in sittings_service.list_sittings(self.ctx.db, self.session_id):
            data = sittings_service.sitting_json(self.ctx.db, s)
            data["half_day"] = data["half_day"] or ""
            data["quorum_text"] = (
                "—" if not data["应到"] else ("达到" if data["quorum_met"] else "未达到")
            )
            rows.append(data)
        return rows

    def _fetch_signin(self) -> list[dict[str, Any]]:
        sitting = self.current_sitting()
        if sitting is None:
            return []
        rows = []
        for r in sittings_service.sitting_rows(self.ctx.db, sitting):
            kind = r["delegate_type"]
            if r.get("continues_id"):
                kind += "（原正式代表）"
            rows.append(
                {
                    "id": r["id"],
                    "delegation": r["delegation"] or "（未分团）",
                    "name": r["name"],
                    "type_text": kind,
                    "signin_text": r["signin"] or "未签到",
                }
            )
        return rows

    def _fetch_elections(self) -> list[dict[str, Any]]:
        if self.session_id is None:
            return []
        rows = []
        for eid in elections_service.list_elections(self.ctx.db, self.session_id):
            r = elections_service.election_result(self.ctx.db, eid)
            rows.append(
                {
                    "id": eid,
                    "title": r.title,
                    "method": r.method,
                    "seats": r.seats,
                    "valid_text": "未计票" if r.valid is None else ("有效" if r.valid else "无效"),
                    "elected_text": "、".join(r.elected) or "—",
                }
            )
        return rows

    def current_sitting(self) -> int | None:
        return selected_id(self.sittings_table)

    def current_election(self) -> int | None:
        return selected_id(self.elections_table)

    # ------------------------------------------------------------------ refresh
    def set_session(self, session_id: int | None) -> None:
        self.session_id = session_id
        self.reload()

    def on_changes(self, changes: Changes) -> None:
        if changes.touches("congress", "members", "settings"):
            self.reload(select=self.current_sitting())

    def reload(self, select: int | None = None) -> None:
        set_rows(self.sitting_model, self._fetch_sittings())
        set_rows(self.election_model, self._fetch_elections())
        if not self._sized and self.sitting_model.rowCount():
            fit_columns(self.sittings_table, stretch=3)
            self._sized = True
        row = self.sitting_model.row_of_id(select) if select is not None else None
        if row is None and self.sitting_model.rowCount():
            row = 0
        if row is not None:
            self.sittings_table.selectRow(row)
        has_session = self.session_id is not None
        for b in (
            self.add_sitting_button,
            self.standard_button,
            self.add_election_button,
            self.print_minutes_button,
            self.print_results_button,
            self.presidium_button,
            self.clear_presidium_button,
        ):
            b.setEnabled(has_session)
        text = sittings_service.presidium_text(self.ctx.db, self.session_id) if has_session else ""
        self.presidium_label.setText(f"主席团：{text or '尚未设定（印在会议议程上）'}")
        self.reload_signin()

    def reload_signin(self) -> None:
        set_rows(self.signin_model, self._fetch_signin())
        sitting = self.current_sitting()
        for b in (
            *self.state_buttons.values(),
            self.all_present_button,
            self.edit_sitting_button,
            self.delete_sitting_button,
            self.print_signin_button,
        ):
            b.setEnabled(sitting is not None)
        if sitting is None:
            self.signin_label.setText("选择一个场次，在此记录签到。")
            return
        summary = sittings_service.sitting_summary(self.ctx.db, sitting)
        self.signin_label.setText(
            f"应到 {summary.expected} 人，实到 {summary.present} 人，请假 {summary.on_leave} 人，"
            f"缺席 {summary.absent} 人，未签到 {summary.unmarked} 人；{summary.status_text}。"
        )
        self.signin_label.setStyleSheet(
            f"color: {OK_COLOR if summary.quorum_met else WARNING_COLOR};"
        )

    # ------------------------------------------------------------------ sign-in
    def mark_selected(self, state: str) -> None:
        sitting = self.current_sitting()
        ids = selected_ids(self.signin_table)
        if sitting is None or not ids:
            return
        value = None if state == "清除" else state
        if ops.CollectionOp(
            self.ctx,
            self,
            f"签到：{state}",
            lambda db: sittings_service.sign_in_many(db, sitting, dict.fromkeys(ids, value)),
        ).run():
            self.reload(select=sitting)

    def mark_unmarked_present(self) -> None:
        sitting = self.current_sitting()
        if sitting is None:
            return
        ids = [r["id"] for r in self._fetch_signin() if r["signin_text"] == "未签到"]
        if (
            ids
            and ops.CollectionOp(
                self.ctx,
                self,
                "未签到的记为已签到",
                lambda db: sittings_service.sign_in_many(db, sitting, dict.fromkeys(ids, "已签到")),
            ).run()
        ):
            self.reload(select=sitting)

    # ------------------------------------------------------------------ sittings
    def open_sitting(self, sitting_id: int | None) -> Any:
        if self.session_id is None:
            return None
        session = self.page.session()
        delegations = [
            (d.id, d.name) for d in delegates_service.list_delegations(self.ctx.db, session.term_id)
        ]
        current = sittings_service.get_sitting(self.ctx.db, sitting_id) if sitting_id else None
        sid = self.session_id

        def save(values: dict[str, Any]) -> Any:
            if current is None:
                return lambda db: sittings_service.add_sitting(db, sid, values)
            return lambda db: sittings_service.update_sitting(db, current.id, values)

        dialog = SittingDialog(
            self,
            save,
            delegations=delegations,
            current=current,
            default_date=session.start_date,
        )
        return open_modal(self, dialog)

    def edit_selected_sitting(self) -> Any:
        sitting = self.current_sitting()
        return self.open_sitting(sitting) if sitting is not None else None

    def make_standard(self) -> None:
        sid = self.session_id
        if (
            sid is not None
            and ops.CollectionOp(
                self.ctx,
                self,
                "生成标准场次",
                lambda db: sittings_service.standard_sittings(db, sid),
            ).run()
        ):
            self.reload()

    def delete_sitting(self) -> None:
        if delete_confirmed(
            self.ctx,
            self,
            self.current_sitting(),
            title="删除场次",
            question="确定删除所选场次及其签到记录吗？",
            delete=sittings_service.delete_sitting,
        ):
            self.reload()

    # ------------------------------------------------------------------ 主席团
    def add_presidium(self) -> None:
        sid = self.session_id
        if sid is None:
            return
        picked = self.ctx.prompts.pick_members(self.ctx, self, title="选择主席团成员")
        if not picked:
            return
        chairs = self.ctx.prompts.ask_text(
            self, "主席团", "其中的常务主席（姓名，用顿号分隔；可不填）："
        )
        if chairs is None:
            return
        names = [x for x in chairs.replace("，", "、").replace(",", "、").split("、") if x.strip()]
        if ops.CollectionOp(
            self.ctx,
            self,
            "主席团",
            lambda db: sittings_service.add_to_presidium(db, sid, picked, chairs=names),
        ).run():
            self.reload(select=self.current_sitting())

    def clear_presidium(self) -> None:
        sid = self.session_id
        if sid is None or not self.ctx.prompts.confirm(
            self, "清空主席团", "确定清空本次会议的主席团名单吗？", ok_text="清空"
        ):
            return
        if ops.CollectionOp(
            self.ctx, self, "清空主席团", lambda db: sittings_service.set_presidium(db, sid, [])
        ).run():
            self.reload(select=self.current_sitting())

    # ------------------------------------------------------------------ elections
    def add_election(self) -> Any:
        if self.session_id is None:
            return None
        sid = self.session_id
        sittings = [
            (r["id"], f"{r['date']} {r['half_day']} {r['title']}") for r in self._fetch_sittings()
        ]
        dialog = ElectionDialog(
            self,
            lambda values: lambda db: elections_service.add_election(db, sid, values),
            sittings=sittings,
            default_sitting=self.current_sitting(),
        )
        return open_modal(self, dialog)

    def count_selected(self) -> Any:
        eid = self.current_election()
        if eid is None:
            return None
        result = elections_service.election_result(self.ctx.db, eid)
        dialog = CountDialog(self, eid, result)
        return open_modal(self, dialog)

    def delete_election(self) -> None:
        if delete_confirmed(
            self.ctx,
            self,
            self.current_election(),
            title="删除选举",
            question="确定删除所选选举及其计票吗？",
            delete=elections_service.delete_election,
        ):
            self.reload(select=self.current_sitting())

    # ------------------------------------------------------------------ printouts
    def print_signin(self) -> None:
        save_for(
            self.ctx,
            self,
            self.current_sitting(),
            "打印场次签到表",
            printouts.sitting_signin_pdf,
            "场次签到表.pdf",
        )

    def print_minutes(self) -> None:
        save_for(
            self.ctx,
            self,
            self.session_id,
            "打印分组讨论记录",
            printouts.discussion_minutes_pdf,
            "分组讨论记录.pdf",
        )

    def print_results(self) -> None:
        save_for(
            self.ctx,
            self,
            self.session_id,
            "打印选举计票结果",
            printouts.election_results_pdf,
            "选举计票结果.pdf",
        )


class _FormDialog(QDialog):
    """A small form whose 保存 runs one service call through ops (errors shown in the form)."""

    def __init__(self, view: SittingsView, title: str) -> None:
        super().__init__(view)
        self.view = view
        self.setWindowTitle(title)
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.message_label = QLabel()
        self.message_label.setStyleSheet(f"color: {WARNING_COLOR};")
        self.message_label.setWordWrap(True)

    def finish_layout(self) -> None:
        self.layout_.addWidget(self.message_label)
        buttons = accept_cancel_buttons(self, self.save)
        self.layout_.addWidget(buttons)

    def run(self, title: str, op: Any) -> bool:
        result = (
            ops.CollectionOp(self.view.ctx, self, title, op)
            .failure(lambda exc: self.message_label.setText(ops.user_message(exc)))
            .run()
        )
        if result is None:
            return False
        self.accept()
        self.view.reload(select=self.view.current_sitting())
        return True

    def save(self) -> bool:  # pragma: no cover - overridden
        raise NotImplementedError


class SittingDialog(_FormDialog):
    def __init__(
        self,
        view: SittingsView,
        make_op: Any,
        *,
        delegations: list[tuple[int, str]],
        current: sittings_service.Sitting | None,
        default_date: str,
    ) -> None:
        super().__init__(view, "编辑场次" if current else "新增场次")
        self.make_op = make_op
        self.kind_combo = QComboBox()
        self.kind_combo.addItems(list(SITTING_KINDS))
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.half_combo = QComboBox()
        self.half_combo.addItems(["", *HALF_DAYS])
        self.title_edit = make_line_edit(placeholder="默认同类型，如“第一次全体会议”")
        self.time_edit = make_line_edit(placeholder="如 08:30")
        self.place_edit = QLineEdit()
        self.delegation_combo = QComboBox()
        self.delegation_combo.addItem("（全体）", None)
        for did, name in delegations:
            self.delegation_combo.addItem(name, did)
        self.convenor_edit = QLineEdit()
        self.recorder_edit = QLineEdit()
        self.minutes_edit = QPlainTextEdit()
        self.minutes_edit.setPlaceholderText("分组讨论：代表发言要点，一行一条")
        for label, widget in (
            ("类型", self.kind_combo),
            ("日期", self.date_edit),
            ("时段", self.half_combo),
            ("名称", self.title_edit),
            ("开始时间", self.time_edit),
            ("地点", self.place_edit),
            ("代表团（分组讨论）", self.delegation_combo),
            ("召集人", self.convenor_edit),
            ("记录人", self.recorder_edit),
            ("讨论记录", self.minutes_edit),
        ):
            self.form.addRow(label, widget)
        self.date_edit.setDate(to_qdate(current.sitting_date if current else default_date))
        if current:
            self.kind_combo.setCurrentText(current.kind)
            self.half_combo.setCurrentText(current.half_day or "")
            self.title_edit.setText(current.title)
            self.time_edit.setText(current.start_time or "")
            self.place_edit.setText(current.place or "")
            index = self.delegation_combo.findData(current.delegation_id)
            self.delegation_combo.setCurrentIndex(max(index, 0))
            self.convenor_edit.setText(current.convenor or "")
            self.recorder_edit.setText(current.recorder or "")
            self.minutes_edit.setPlainText(current.minutes or "")
        self.finish_layout()

    def values(self) -> dict[str, Any]:
        return {
            "kind": self.kind_combo.currentText(),
            "sitting_date": from_qdate(self.date_edit.date()),
            "half_day": self.half_combo.currentText() or None,
            "title": self.title_edit.text(),
            "start_time": self.time_edit.text(),
            "place": self.place_edit.text(),
            "delegation_id": self.delegation_combo.currentData(),
            "convenor": self.convenor_edit.text(),
            "recorder": self.recorder_edit.text(),
            "minutes": self.minutes_edit.toPlainText(),
        }

    def save(self) -> bool:
        return self.run("保存场次", self.make_op(self.values()))


class ElectionDialog(_FormDialog):
    def __init__(
        self,
        view: SittingsView,
        make_op: Any,
        *,
        sittings: list[tuple[int, str]],
        default_sitting: int | None,
    ) -> None:
        super().__init__(view, "新建选举")
        self.make_op = make_op
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("如：增补工会委员会委员")
        self.method_combo = QComboBox()
        self.method_combo.addItems(list(ELECTION_METHODS))
        self.seats_spin = QSpinBox()
        self.seats_spin.setRange(1, 99)
        self.candidates_edit = QPlainTextEdit()
        self.candidates_edit.setPlaceholderText("候选人姓名，一行一人")
        self.sitting_combo = QComboBox()
        self.sitting_combo.addItem("（不指定场次）", None)
        for sid, label in sittings:
            self.sitting_combo.addItem(label, sid)
        if default_sitting is not None:
            self.sitting_combo.setCurrentIndex(max(self.sitting_combo.findData(default_sitting), 0))
        self.scrutineers_edit = QLineEdit()
        self.scrutineers_edit.setPlaceholderText("姓名，用顿号分隔")
        self.tellers_edit = QLineEdit()
        for label, widget in (
            ("选举事项", self.title_edit),
            ("方式", self.method_combo),
            ("应选人数", self.seats_spin),
            ("候选人", self.candidates_edit),
            ("场次", self.sitting_combo),
            ("监票人", self.scrutineers_edit),
            ("计票人", self.tellers_edit),
        ):
            self.form.addRow(label, widget)
        self.finish_layout()

    def values(self) -> dict[str, Any]:
        names = [x.strip() for x in self.candidates_edit.toPlainText().splitlines() if x.strip()]
        return {
            "title": self.title_edit.text(),
            "method": self.method_combo.currentText(),
            "seats": self.seats_spin.value(),
            "candidates": names,
            "sitting_id": self.sitting_combo.currentData(),
            "scrutineers": self.scrutineers_edit.text(),
            "tellers": self.tellers_edit.text(),
        }

    def save(self) -> bool:
        return self.run("新建选举", self.make_op(self.values()))


class CountDialog(_FormDialog):
    """发出/收回/有效/无效 ballots and each candidate's 赞成/反对/弃权/另选他人."""

    def __init__(self, view: SittingsView, election_id: int, result: Any) -> None:
        super().__init__(view, f"计票：{result.title}")
        self.election_id = election_id
        self.ballot_spins: dict[str, QSpinBox] = {}
        for key, label, value in (
            ("issued", "发出选票", result.issued),
            ("returned", "收回选票", result.returned),
            ("valid", "有效票", result.valid_ballots),
            ("invalid", "无效票", result.invalid_ballots),
        ):
            spin = QSpinBox()
            spin.setRange(0, 99999)
            spin.setValue(value or 0)
            self.ballot_spins[key] = spin
            self.form.addRow(label, spin)
        self.table = QTableWidget(len(result.candidates), 5)
        self.table.setObjectName("count_table")
        self.table.setHorizontalHeaderLabels(["候选人", "赞成", "反对", "弃权", "另选他人"])
        self.names = [c.name for c in result.candidates]
        self.vote_spins: list[list[QSpinBox]] = []
        for row, c in enumerate(result.candidates):
            self.table.setCellWidget(row, 0, QLabel(c.name))
            spins = []
            for col, value in enumerate((c.yes, c.no, c.abstain, c.other), start=1):
                spin = QSpinBox()
                spin.setRange(0, 99999)
                spin.setValue(value or 0)
                self.table.setCellWidget(row, col, spin)
                spins.append(spin)
            self.vote_spins.append(spins)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(min(60 + 34 * len(result.candidates), 320))
        self.setMinimumWidth(600)
        self.layout_.addWidget(self.table)
        self.result_label = QLabel(result.rule_text)
        self.result_label.setWordWrap(True)
        self.layout_.addWidget(self.result_label)
        self.finish_layout()

    def save(self) -> bool:
        ballots = {k: s.value() for k, s in self.ballot_spins.items()}
        votes = {
            name: tuple(s.value() for s in spins)
            for name, spins in zip(self.names, self.vote_spins, strict=True)
        }
        eid = self.election_id
        return self.run(
            "录入计票",
            lambda db: elections_service.record_count(db, eid, votes=votes, **ballots),
        )
