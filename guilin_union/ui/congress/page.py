"""The 教代会 tab: a session chooser, the always-visible sign-in strip (应到/实到/请假 and the
quorum status) and the sub-pages 会议 | 代表 | 议程 | 签到 | 表决 | 提案."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from guilin_union.core.errors import NotFoundError, UserError
from guilin_union.services import congress
from guilin_union.services import settings as settings_service
from guilin_union.services.changes import Changes
from guilin_union.services.congress.attendance import attendance_summary
from guilin_union.ui import ops
from guilin_union.ui.congress.common import MUTED_COLOR, OK_COLOR, WARNING_COLOR, open_modal
from guilin_union.ui.context import AppContext
from guilin_union.ui.widgets.list_helpers import make_label


class CongressTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.session_id: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(self._build_bar())
        layout.addWidget(self._build_strip())
        self.pages = QTabWidget()
        self.pages.setObjectName("congress_pages")
        self.pages.setDocumentMode(True)
        layout.addWidget(self.pages, 1)
        self._build_pages()
        self.reload_sessions(select=congress.current_session_id(ctx.db))

    # ------------------------------------------------------------------ building
    def _build_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.addWidget(QLabel("会议"))
        self.session_combo = QComboBox()
        self.session_combo.setObjectName("session_combo")
        self.session_combo.setMinimumContentsLength(36)
        self.session_combo.currentIndexChanged.connect(self._session_chosen)
        bar.addWidget(self.session_combo, 1)
        self.new_term_button = QPushButton("新建届次…")
        self.new_session_button = QPushButton("新建会议…")
        self.rules_button = QPushButton("规则设置…")
        for button in (self.new_term_button, self.new_session_button, self.rules_button):
            bar.addWidget(button)
        self.new_term_button.clicked.connect(self.new_term)
        self.new_session_button.clicked.connect(self.new_session)
        self.rules_button.clicked.connect(self.edit_rules)
        return bar

    def _build_strip(self) -> QFrame:
        strip = QFrame()
        strip.setObjectName("attendance_strip")
        strip.setFrameShape(QFrame.Shape.StyledPanel)
        strip.setStyleSheet("#attendance_strip { background: #f5f7fa; }")
        row = QHBoxLayout(strip)
        row.setContentsMargins(10, 4, 10, 4)
        self.session_status_label = make_label("session_status_label")
        self.expected_label = make_label("expected_label")
        self.present_label = make_label("present_label")
        self.leave_label = make_label("leave_label")
        self.quorum_label = make_label("quorum_label")
        font = self.quorum_label.font()
        font.setBold(True)
        self.quorum_label.setFont(font)
        for widget in (
            self.session_status_label,
            self.expected_label,
            self.present_label,
            self.leave_label,
        ):
            row.addWidget(widget)
            row.addSpacing(16)
        row.addWidget(self.quorum_label, 1)
        return strip

    def _build_pages(self) -> None:
        from guilin_union.ui.congress.agenda_view import AgendaView
        from guilin_union.ui.congress.attendance_view import AttendanceView
        from guilin_union.ui.congress.delegates_view import DelegatesView
        from guilin_union.ui.congress.session_view import SessionView
        from guilin_union.ui.congress.sittings_view import SittingsView
        from guilin_union.ui.congress.votes_view import VotesView

        self.session_view = SessionView(self.ctx, self)
        self.delegates_view = DelegatesView(self.ctx, self)
        self.agenda_view = AgendaView(self.ctx, self)
        self.attendance_view = AttendanceView(self.ctx, self)
        self.votes_view = VotesView(self.ctx, self)
        self.sittings_view = SittingsView(self.ctx, self)  # issue 20
        self.proposals_view = self._proposals_page()
        for widget, title in (
            (self.session_view, "会议"),
            (self.delegates_view, "代表"),
            (self.agenda_view, "议程"),
            (self.attendance_view, "签到"),
            (self.votes_view, "表决"),
            (self.sittings_view, "场次与选举"),
            (self.proposals_view, "提案"),
        ):
            self.pages.addTab(widget, title)

    def _proposals_page(self) -> QWidget:
        try:
            from guilin_union.ui.congress.proposals_view import ProposalsView
        except ImportError:  # the proposals area is optional for this tab
            label = QLabel("提案管理尚未安装。")
            label.setStyleSheet(f"color: {MUTED_COLOR};")
            return label
        return ProposalsView(self.ctx, self)

    def views(self) -> list[Any]:
        return [
            self.session_view,
            self.delegates_view,
            self.agenda_view,
            self.attendance_view,
            self.votes_view,
            self.sittings_view,
            self.proposals_view,
        ]

    # ------------------------------------------------------------------ sessions
    def reload_sessions(self, select: int | None = None) -> None:
        keep = select if select is not None else self.session_id
        self.session_combo.blockSignals(True)
        self.session_combo.clear()
        sessions = congress.list_sessions(self.ctx.db)
        for s in reversed(sessions):  # newest first: the one being prepared is at the top
            self.session_combo.addItem(f"{s.title}（{s.start_date}，{s.status}）", s.id)
        index = self.session_combo.findData(keep) if keep is not None else 0
        self.session_combo.setCurrentIndex(max(index, 0) if sessions else -1)
        self.session_combo.blockSignals(False)
        self.set_session(self.session_combo.currentData() if sessions else None)

    def _session_chosen(self, _index: int) -> None:
        self.set_session(self.session_combo.currentData())

    def select_session(self, session_id: int) -> None:
        index = self.session_combo.findData(session_id)
        if index >= 0:
            self.session_combo.setCurrentIndex(index)

    def set_session(self, session_id: int | None) -> None:
        self.session_id = session_id
        for view in self.views():
            if hasattr(view, "set_session"):
                view.set_session(session_id)
        self.refresh_strip()

    def session(self) -> congress.Session | None:
        if self.session_id is None:
            return None
        try:
            return congress.get_session(self.ctx.db, self.session_id)
        except NotFoundError:  # deleted meanwhile
            return None

    def refresh_strip(self) -> None:
        session = self.session()
        if session is None:
            self.session_status_label.setText("尚无会议：请先“新建届次”，再“新建会议”。")
            for label in (
                self.expected_label,
                self.present_label,
                self.leave_label,
                self.quorum_label,
            ):
                label.setText("")
            return
        summary = attendance_summary(self.ctx.db, session.id)
        self.session_status_label.setText(f"状态：{session.status}")
        self.expected_label.setText(f"应到 {summary.expected} 人")
        self.present_label.setText(f"实到 {summary.present} 人")
        self.leave_label.setText(f"请假 {summary.on_leave} 人")
        self.quorum_label.setText(summary.status_text)
        color = OK_COLOR if summary.quorum_met else WARNING_COLOR
        self.quorum_label.setStyleSheet(f"color: {color};")
        tip = (
            f"法定人数：{summary.rule_text}；未签到 {summary.unmarked} 人，缺席 {summary.absent} 人"
        )
        if session.quorum_override_reason:
            tip += f"\n未达法定人数开会的原因：{session.quorum_override_reason}"
        self.quorum_label.setToolTip(tip)

    # ------------------------------------------------------------------ actions
    def new_term(self) -> None:
        from guilin_union.ui.congress.dialogs import TermDialog

        terms = congress.list_terms(self.ctx.db)
        next_number = (terms[-1].number + 1) if terms else 1
        rule = congress.rules(self.ctx.db)

        def submit(data: dict[str, Any]) -> str | None:
            try:
                result = congress.create_term(
                    self.ctx.db,
                    number=data["number"],
                    start_year=data["start_year"],
                    length_years=data["length_years"],
                    notes=data["notes"],
                )
                if data["end_year"] != data["start_year"] + data["length_years"]:
                    congress.update_term(self.ctx.db, result.row_id, {"end_year": data["end_year"]})
                if data.get("union_number"):
                    congress.set_union_number(self.ctx.db, result.row_id, data["union_number"])
                from guilin_union.services.congress.delegates import ensure_default_delegations

                ensure_default_delegations(self.ctx.db, result.row_id)
            except UserError as exc:
                return str(exc)
            self.ctx.notify(result.changes)
            return None

        dialog = TermDialog(
            submit, default_years=rule.term_years, next_number=next_number, parent=self
        )
        open_modal(self, dialog)

    def new_session(self) -> None:
        from guilin_union.ui.congress.dialogs import SessionDialog

        terms = congress.list_terms(self.ctx.db)
        if not terms:
            self.ctx.prompts.info(
                self, "新建会议", "请先新建届次（例如“第一届”），会议属于某一届。"
            )
            return
        options = []
        for t in terms:
            used = [s.meeting_no for s in congress.list_sessions(self.ctx.db, t.id)]
            options.append((t.id, t.label, max(used, default=0) + 1))

        def submit(data: dict[str, Any]) -> str | None:
            term_id = data.pop("term_id")
            try:
                result = congress.create_session(self.ctx.db, term_id, **data)
            except UserError as exc:
                return str(exc)
            self.ctx.notify(result.changes)
            self.reload_sessions(select=result.row_id)
            return None

        dialog = SessionDialog(submit, options, parent=self)
        open_modal(self, dialog)

    def edit_rules(self) -> None:
        from guilin_union.ui.congress.dialogs import RulesDialog

        values = settings_service.get_many(self.ctx.db, list(congress.RULE_KEYS))

        def submit(data: dict[str, Any]) -> str | None:
            try:
                result = congress.save_rules(self.ctx.db, data)
            except UserError as exc:
                return str(exc)
            self.ctx.notify(result.changes)
            return None

        dialog = RulesDialog(submit, values=values, parent=self)
        open_modal(self, dialog)

    def export_current(self) -> None:
        """文件 ▸ 导出…: the proposals list on the 提案 page, else the delegates of the session."""
        if self.pages.currentWidget() is self.proposals_view and hasattr(
            self.proposals_view, "export_excel"
        ):
            self.proposals_view.export_excel()
        elif self.session_id is not None:
            self.session_view.export_delegates()
        else:
            self.ctx.prompts.info(self, "导出", "尚无会议可导出。")

    def notify_write(self, title: str, action: Any) -> Any:
        return ops.CollectionOp(self.ctx, self, title, lambda _db: action()).run()

    # ------------------------------------------------------------------ change fan-out
    def on_changes(self, changes: Changes) -> None:
        if changes.touches("congress", "settings"):
            current = self.session_id
            ids = [s.id for s in congress.list_sessions(self.ctx.db)]
            if current not in ids or self.session_combo.count() != len(ids):
                self.reload_sessions(select=current if current in ids else None)
            else:
                self._relabel_sessions()
                for view in self.views():
                    if hasattr(view, "on_changes"):
                        view.on_changes(changes)
                self.refresh_strip()
            return
        for view in self.views():
            if hasattr(view, "on_changes"):
                view.on_changes(changes)
        if changes.touches("members", "branches"):
            self.refresh_strip()

    def _relabel_sessions(self) -> None:
        for s in congress.list_sessions(self.ctx.db):
            index = self.session_combo.findData(s.id)
            if index >= 0:
                self.session_combo.setItemText(index, f"{s.title}（{s.start_date}，{s.status}）")
