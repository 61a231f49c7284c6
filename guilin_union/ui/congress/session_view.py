"""会议 page: the session's particulars, its status (with the quorum rule) and its printouts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from guilin_union.core.errors import UserError
from guilin_union.services import congress
from guilin_union.services.changes import Changes
from guilin_union.services.congress import outputs
from guilin_union.services.proposals import session_counts
from guilin_union.ui import ops
from guilin_union.ui.congress.common import (
    MUTED_COLOR,
    WARNING_COLOR,
    open_modal,
)
from guilin_union.ui.context import AppContext
from guilin_union.ui.widgets.list_helpers import make_label, push_buttons

if TYPE_CHECKING:
    from guilin_union.ui.congress.page import CongressTab

FIELDS = (
    ("title", "会议名称"),
    ("term", "届次"),
    ("dates", "会期"),
    ("venue", "地点"),
    ("status", "状态"),
    ("proposal_deadline", "提案截止日期"),
    ("reply_deadline", "提案答复期限"),
    ("proposal_prefix", "提案编号"),
    ("override", "未达法定人数开会的原因"),
    ("notes", "备注"),
)


class SessionView(QWidget):
    def __init__(self, ctx: AppContext, page: CongressTab) -> None:
        super().__init__(page)
        self.ctx = ctx
        self.page = page
        self.session_id: int | None = None
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        details = QGroupBox("会议信息")
        form = QFormLayout(details)
        self.value_labels: dict[str, QLabel] = {}
        for key, label in FIELDS:
            value = QLabel()
            value.setObjectName(f"session_{key}_label")
            value.setWordWrap(True)
            self.value_labels[key] = value
            form.addRow(label, value)
        left.addWidget(details)
        buttons = QHBoxLayout()
        self.edit_button, self.open_button, self.close_button, self.reset_button = push_buttons(
            "修改会议…", "宣布开会（召开中）", "宣布闭幕", "恢复为筹备中", layout=buttons
        )
        buttons.addStretch(1)
        self.delete_button = QPushButton("删除会议…")
        buttons.addWidget(self.delete_button)
        left.addLayout(buttons)
        self.hint_label = QLabel(
            "宣布开会时程序按“签到”页的记录核对法定人数；未达到时须填写原因方可继续，原因将记入会议记录和操作日志。"
        )
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet(f"color: {MUTED_COLOR};")
        left.addWidget(self.hint_label)
        overview = QGroupBox("会议概况")
        overview_layout = QVBoxLayout(overview)
        self.overview_label = make_label("session_overview_label", wrap=True)
        overview_layout.addWidget(self.overview_label)
        left.addWidget(overview)
        left.addStretch(1)
        layout.addLayout(left, 3)

        prints = QGroupBox("打印与导出")
        grid = QGridLayout(prints)
        self.agenda_button = QPushButton("会议议程…")
        self.roster_button = QPushButton("代表名册…")
        self.signin_button = QPushButton("签到表…")
        self.ballot_button = QPushButton("表决票…")
        self.results_button = QPushButton("表决结果…")
        self.export_button = QPushButton("代表名单（Excel）…")
        self.print_buttons = (
            self.agenda_button,
            self.roster_button,
            self.signin_button,
            self.ballot_button,
            self.results_button,
            self.export_button,
        )
        for i, button in enumerate(self.print_buttons):
            button.setMinimumWidth(150)
            grid.addWidget(button, i, 0)
        grid.setRowStretch(6, 1)
        layout.addWidget(prints, 1)

        self.edit_button.clicked.connect(self.edit_session)
        self.open_button.clicked.connect(self.open_session)
        self.close_button.clicked.connect(lambda: self.set_status("已闭幕"))
        self.reset_button.clicked.connect(lambda: self.set_status("筹备中"))
        self.delete_button.clicked.connect(self.delete_session)
        self.agenda_button.clicked.connect(self.print_agenda)
        self.roster_button.clicked.connect(self.print_roster)
        self.signin_button.clicked.connect(self.print_signin)
        self.ballot_button.clicked.connect(self.print_ballots)
        self.results_button.clicked.connect(self.print_results)
        self.export_button.clicked.connect(self.export_delegates)
        self.set_session(None)

    # ------------------------------------------------------------------ display
    def set_session(self, session_id: int | None) -> None:
        self.session_id = session_id
        self.refresh()

    def on_changes(self, changes: Changes) -> None:
        if changes.touches("congress", "settings", "proposals"):
            self.refresh()

    def refresh(self) -> None:
        session = self.page.session() if self.session_id is not None else None
        enabled = session is not None
        status_buttons = (
            self.edit_button,
            self.open_button,
            self.close_button,
            self.reset_button,
            self.delete_button,
        )
        for button in (*status_buttons, *self.print_buttons):
            button.setEnabled(enabled)
        if session is None:
            for label in self.value_labels.values():
                label.setText("")
            self.value_labels["title"].setText("尚无会议")
            return
        term = congress.get_term(self.ctx.db, session.term_id)
        values = {
            "title": session.title,
            "term": term.label,
            "dates": outputs.session_date_text(session),
            "venue": session.venue or "（未填）",
            "status": session.status,
            "proposal_deadline": session.proposal_deadline or "（未设）",  # ISO on screen
            "reply_deadline": session.reply_deadline or "（未设）",
            "proposal_prefix": f"{session.proposal_prefix}-001 起",
            "override": session.quorum_override_reason or "—",
            "notes": session.notes or "",
        }
        for key, text in values.items():
            self.value_labels[key].setText(text)
        self.value_labels["override"].setStyleSheet(
            f"color: {WARNING_COLOR};" if session.quorum_override_reason else ""
        )
        self.overview_label.setText(self._overview(session))
        self.open_button.setEnabled(session.status != "召开中")
        self.close_button.setEnabled(session.status == "召开中")
        self.reset_button.setEnabled(session.status != "筹备中")

    def _overview(self, session: congress.Session) -> str:
        """One line per page of the tab, so the state of the preparation shows at a glance."""
        from guilin_union.services.congress import agenda as congress_agenda
        from guilin_union.services.congress import delegates as congress_delegates
        from guilin_union.services.congress.attendance import attendance_summary
        from guilin_union.services.congress.votes import vote_summary

        db = self.ctx.db
        counts = congress_delegates.counts_by_type(db, session.term_id, session.date)
        items = congress_agenda.list_items(db, session.id)
        att = attendance_summary(db, session.id)
        votes = vote_summary(db, session.id)
        lines = [
            f"代表：正式代表 {counts['正式代表']} 人，列席代表 {counts['列席代表']} 人，特邀代表 {counts['特邀代表']} 人。",
            f"议程：{len(items)} 项"
            + ("（尚未编排，可在“议程”页从标准议程开始）。" if not items else "。"),
            f"签到：实到 {att.present} 人，请假 {att.on_leave} 人，缺席 {att.absent} 人，未签到 {att.unmarked} 人；{att.status_text}。",
            f"表决：{len(votes.results)} 项，通过 {votes.passed} 项，未通过 {votes.failed} 项，待表决 {votes.pending} 项。",
        ]
        total, accepted = session_counts(db, session.id)
        lines.append(f"提案：收到 {total} 件，立案 {accepted} 件。")
        # issue 20: seats left by delegates whose 会籍 changed are on the to-do list
        gaps = congress_delegates.vacancies(db, session.term_id)
        if gaps:
            names = "、".join(
                f"{g['name']}（{g['reason'].replace('会籍变更：', '')}，{g['end_date']}）"
                for g in gaps
            )
            lines.append(f"待办：补选/递补 {len(gaps)} 名正式代表——{names}。")
        return "\n".join(lines)

    # ------------------------------------------------------------------ actions
    def edit_session(self) -> None:
        from guilin_union.ui.congress.dialogs import SessionDialog

        session = self.page.session()
        if session is None:
            return
        term = congress.get_term(self.ctx.db, session.term_id)
        data = {**session.__dict__, "id": session.id}

        def submit(values: dict[str, Any]) -> str | None:
            values.pop("term_id", None)
            try:
                result = congress.update_session(self.ctx.db, session.id, values)
            except UserError as exc:
                return str(exc)
            self.ctx.notify(result.changes)
            return None

        dialog = SessionDialog(
            submit, [(term.id, term.label, session.meeting_no)], data=data, parent=self
        )
        open_modal(self, dialog)

    def open_session(self) -> bool:
        """召开中: checks the quorum; without it, asks for the reason of the override."""
        if self.session_id is None:
            return False
        try:
            result = congress.set_session_status(self.ctx.db, self.session_id, "召开中")
        except congress.QuorumNotMetError as exc:
            reason = self.ctx.prompts.ask_text(
                self, "未达到法定人数", f"{exc}\n\n仍要宣布开会，请填写原因："
            )
            if not reason:
                return False
            result = ops.CollectionOp(
                self.ctx,
                self,
                "宣布开会",
                lambda db: congress.set_session_status(
                    db, self.session_id, "召开中", override_reason=reason
                ),
            ).run()
            return result is not None
        except UserError as exc:
            self.ctx.prompts.warning(self, "宣布开会", str(exc))
            return False
        self.ctx.notify(result.changes)
        return True

    def set_status(self, status: str) -> None:
        if self.session_id is not None:
            ops.CollectionOp(
                self.ctx,
                self,
                "会议状态",
                lambda db: congress.set_session_status(db, self.session_id, status),
            ).run()

    def delete_session(self) -> None:
        session = self.page.session()
        if session is None:
            return
        ops.CollectionOp(
            self.ctx, self, "删除会议", lambda db: congress.delete_session(db, session.id)
        ).run_if_confirmed(
            f"确定删除“{session.title}”及其议程、签到和表决记录吗？\n（已有提案的会议不能删除。）",
            ok_text="删除",
        )

    # ------------------------------------------------------------------ printouts
    def _name(self, what: str) -> str:
        session = self.page.session()
        return f"{session.title if session else '会议'}{what}"

    def _pdf(self, title: str, what: str, build: Any) -> None:
        """Ask where, write ``build(db, path)`` in the background, open it (ui/ops.py)."""
        ops.save_output(
            self.ctx, self, title, build, default_name=self._name(what), message="已生成："
        )

    def print_agenda(self) -> None:
        sid = self.session_id
        self._pdf("打印会议议程", "议程.pdf", lambda db, p: outputs.agenda_pdf(db, sid, p))

    def print_roster(self) -> None:
        sid = self.session_id
        self._pdf("打印代表名册", "代表名册.pdf", lambda db, p: outputs.delegates_pdf(db, sid, p))

    def print_signin(self) -> None:
        sid = self.session_id
        choice = self.ctx.prompts.ask_item(
            self,
            "打印签到表",
            "实到人数：",
            ["留空，会上手填（会前打印）", "填入已记录的签到人数（会后存档）"],
        )
        if choice is None:
            return
        with_counts = choice.startswith("填入")
        self._pdf(
            "打印签到表",
            "签到表.pdf",
            lambda db, p: outputs.signin_pdf(db, sid, p, with_counts=with_counts),
        )

    def print_ballots(self) -> None:
        from guilin_union.services.congress.attendance import attendance_summary

        sid = self.session_id
        if sid is None:
            return
        expected = attendance_summary(self.ctx.db, sid).expected
        copies_text = self.ctx.prompts.ask_text(
            self, "打印表决票", "张数（默认为正式代表人数）：", str(expected or 1)
        )
        if copies_text is None:
            return
        if not copies_text.strip().isdigit() or int(copies_text) < 1:
            self.ctx.prompts.warning(self, "打印表决票", "张数应为正整数")
            return
        layout = self.ctx.prompts.ask_item(
            self, "打印表决票", "版式：", ["一页多张（沿虚线裁开）", "一页一张"]
        )
        if layout is None:
            return
        copies = int(copies_text)
        one = layout == "一页一张"
        self._pdf(
            "打印表决票",
            "表决票.pdf",
            lambda db, p: outputs.ballot_pdf(db, sid, p, copies=copies, one_per_page=one),
        )

    def print_results(self) -> None:
        sid = self.session_id
        self._pdf(
            "打印表决结果", "表决结果.pdf", lambda db, p: outputs.vote_results_pdf(db, sid, p)
        )

    def export_delegates(self) -> None:
        sid = self.session_id
        ops.save_output(
            self.ctx,
            self,
            "导出代表名单",
            lambda db, p: outputs.export_delegates(db, sid, p),
            default_name=self._name("代表名单.xlsx"),
            filters="Excel 工作簿 (*.xlsx)",
            background=False,
            open_after=False,
            message="已导出：",
        )
