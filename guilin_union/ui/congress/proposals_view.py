"""提案 page: the session's proposals with filters and search, the proposal's details and
timeline, and every step from submission to the proposer's rating; printouts and Excel."""

from __future__ import annotations

import datetime as _dt
import html
from functools import partialmethod
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from guilin_union.core.dates import format_cn_date
from guilin_union.core.errors import NotFoundError, UserError, ValidationError
from guilin_union.core.proposals import PROPOSAL_STATUSES, RATINGS
from guilin_union.services import congress, proposals
from guilin_union.services import settings as settings_service
from guilin_union.services.changes import Changes
from guilin_union.services.congress import delegates as delegates_service
from guilin_union.services.proposals import handling, outputs, printouts
from guilin_union.services.proposals.query import (
    ProposalQuery,
    count,
    fetch_rows,
    handling_status,
    query_ids,
)
from guilin_union.ui import ops
from guilin_union.ui.congress.common import (
    MUTED_COLOR,
    WARNING_COLOR,
    make_table,
    open_modal,
    save_for,
)
from guilin_union.ui.context import AppContext
from guilin_union.ui.table_model import ColumnSpec, IdTableModel
from guilin_union.ui.widgets.list_helpers import (
    debounced,
    delete_confirmed,
    make_search_edit,
    selected_ids,
)
from guilin_union.ui.widgets.menus import menu_button
from guilin_union.ui.widgets.query_source import QuerySource

if TYPE_CHECKING:
    from guilin_union.ui.congress.page import CongressTab

STATUS_COLORS = {
    "待审查": "#1565c0",
    "已办结": "#1b5e20",
    "不立案": MUTED_COLOR,
    "已撤案": MUTED_COLOR,
    "已并案": MUTED_COLOR,
    "转意见建议": MUTED_COLOR,
}


def _overdue_red(row: dict[str, Any]) -> str | None:
    return WARNING_COLOR if row.get("overdue") else None


COLUMNS = [
    ColumnSpec("number", "编号", sort_key="number", foreground=_overdue_red),
    ColumnSpec("title", "案由", sort_key="title", foreground=_overdue_red),
    ColumnSpec("category", "类别", sort_key="category", align="center"),
    ColumnSpec("proposer", "提案人", sort_key="proposer"),
    ColumnSpec("seconders", "附议人", formatter=lambda v, _r: "、".join(v or [])),
    ColumnSpec("review_text", "审查结果", sort_key="review", align="center"),
    ColumnSpec(
        "status",
        "状态",
        sort_key="status",
        align="center",
        formatter=lambda _v, r: (
            handling_status(r)
            if r["status"] in ("办理中", "已答复", "已办结", "已立案")
            else r["status"]
        ),
        foreground=lambda r: (
            WARNING_COLOR if r.get("overdue") else STATUS_COLORS.get(r.get("status"))
        ),
    ),
    ColumnSpec("lead_department", "主办单位", sort_key="department"),
    ColumnSpec(
        "reply_deadline", "答复期限", sort_key="deadline", align="center", foreground=_overdue_red
    ),
    ColumnSpec("reply_date", "答复日期", sort_key="reply_date", align="center"),
    ColumnSpec("rating", "评价", sort_key="rating", align="center"),
]
ALL = "全部"


#: A list written to Excel: quick, not opened, its place said.
EXCEL_EXPORT: dict[str, Any] = {
    "filters": "Excel 工作簿 (*.xlsx)",
    "background": False,
    "open_after": False,
    "message": "已导出：",
}
#: A printout: opened when written (in the background), the message names it.
GENERATED: dict[str, Any] = {"message": "已生成："}

#: The outputs of a whole session: (title, build(db, session_id, path), file name, options).
SESSION_OUTPUTS: dict[str, tuple[str, Any, str, dict[str, Any]]] = {
    "compilation": ("打印提案汇编", outputs.compilation_pdf, "提案汇编.pdf", GENERATED),
    "stats": ("打印提案工作统计", outputs.stats_pdf, "提案工作统计.pdf", GENERATED),
    "excellent": ("打印优秀提案名单", printouts.excellent_pdf, "优秀提案名单.pdf", {}),
    "supervision": ("打印督办提案清单", printouts.supervision_pdf, "督办提案清单.pdf", {}),
    "work_report": (
        "提案工作报告（Word 草稿）",
        printouts.work_report_docx,
        "提案工作报告（草稿）.docx",
        {"filters": "Word 文档 (*.docx)"},
    ),
    "stats_excel": ("导出提案工作统计", outputs.stats_excel, "提案工作统计.xlsx", EXCEL_EXPORT),
}


class ProposalSource(QuerySource):
    """Row source: the current ProposalQuery, sorted in SQL; nothing until a session is set."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(lambda: ctx.db, ProposalQuery(session_id=None), query_ids, self._fetch)

    def ids(self, sort_key: str | None, descending: bool) -> list[int]:
        return [] if self.query.session_id is None else super().ids(sort_key, descending)

    def _fetch(self, db: Any, ids: list[int]) -> dict[int, dict[str, Any]]:
        return fetch_rows(db, ids, today=self.query.today)


class ProposalsView(QWidget):
    def __init__(self, ctx: AppContext, page: CongressTab) -> None:
        super().__init__(page)
        self.ctx = ctx
        self.page = page
        self.session_id: int | None = None
        self.source = ProposalSource(ctx)
        self.model = IdTableModel(COLUMNS, self.source, self)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_filters())
        layout.addLayout(self._build_buttons())
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.proposals_table = make_table(self.model, object_name="proposals_table", multi=True)
        self.proposals_table.setSortingEnabled(True)
        self.proposals_table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.proposals_table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.proposals_table.selectionModel().selectionChanged.connect(
            lambda *_a: self.show_selected()
        )
        splitter.addWidget(self.proposals_table)
        self.detail_browser = QTextBrowser()
        self.detail_browser.setObjectName("proposal_detail_browser")
        self.detail_browser.setOpenExternalLinks(False)
        splitter.addWidget(self.detail_browser)
        # The list gets the width (every column visible at 1366 px, issue 15); the detail
        # pane is read beside it and may be dragged wider.
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([1110, 220])
        layout.addWidget(splitter, 1)
        self._timer = debounced(self.search_edit, self.apply_filters, parent=self)
        self._sized = False
        self.reload_filters()

    # ------------------------------------------------------------------ building
    def _build_filters(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.search_edit = make_search_edit("proposal_search_edit", "检索案由、理由、建议或编号")
        self.status_combo = QComboBox()
        self.category_combo = QComboBox()
        self.department_combo = QComboBox()
        self.department_combo.setMinimumContentsLength(8)
        self.rating_combo = QComboBox()
        self.overdue_check = QCheckBox("只看逾期")
        self.count_label = QLabel()
        bar.addWidget(self.search_edit, 3)
        for widget in (
            self.status_combo,
            self.category_combo,
            self.department_combo,
            self.rating_combo,
        ):
            bar.addWidget(widget, 1)
            widget.currentIndexChanged.connect(lambda _i: self.apply_filters())
        bar.addWidget(self.overdue_check)
        bar.addWidget(self.count_label)
        self.overdue_check.toggled.connect(lambda _c: self.apply_filters())
        return bar

    def _build_buttons(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.new_button = QPushButton("提交提案…")
        self.edit_button = QPushButton("修改…")
        self.review_button = QPushButton("审查…")
        self.undo_review_button = QPushButton("撤销审查/并案")
        self.assign_button = QPushButton("交办…")
        self.reply_button = QPushButton("答复…")
        self.rate_button = QPushButton("评价…")
        self.delete_button = QPushButton("删除")
        for b in (
            self.new_button,
            self.edit_button,
            self.review_button,
            self.undo_review_button,
            self.assign_button,
            self.reply_button,
            self.rate_button,
            self.delete_button,
        ):
            bar.addWidget(b)
        bar.addStretch(1)
        more = [
            ("添加附件…", self.add_attachment),
            ("打开附件…", self.open_attachment),
            ("撤销最近的评价", self.undo_rating),
            ("督办委员…", self.choose_supervisor),  # issue 20
            ("评为/撤销优秀提案", self.toggle_excellent),
            None,
            ("从 Excel 导入…", self.import_excel),
            ("导出当前列表（Excel）…", self.export_excel),
            ("导出工作统计（Excel）…", self.export_stats_excel),
            None,
            ("职能部门…", self.manage_departments),
            ("提案设置…", self.edit_rules),
        ]
        self.more_button, _menu = menu_button("更多", more)
        printing = [
            ("提案表（所选）…", lambda: self.print_forms(selected_only=True)),
            ("提案表（全部）…", lambda: self.print_forms(selected_only=False)),
            ("提案汇编…", self.print_compilation),
            ("办理情况一览表（当前列表）…", self.print_handling),
            ("提案工作统计…", self.print_stats),
            ("优秀提案名单…", self.print_excellent),
            ("督办提案清单…", self.print_supervision),
            ("提案工作报告（Word 草稿）…", self.print_work_report),
        ]
        self.print_button, _menu = menu_button("打印", printing)
        bar.addWidget(self.more_button)
        bar.addWidget(self.print_button)
        self.new_button.clicked.connect(self.new_proposal)
        self.edit_button.clicked.connect(self.edit_selected)
        self.review_button.clicked.connect(self.review_selected)
        self.undo_review_button.clicked.connect(self.undo_review)
        self.assign_button.clicked.connect(self.assign_selected)
        self.reply_button.clicked.connect(self.reply_selected)
        self.rate_button.clicked.connect(self.rate_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        return bar

    def reload_filters(self) -> None:
        rule = proposals.rules(self.ctx.db)
        for combo, first, items in (
            (self.status_combo, "全部状态", PROPOSAL_STATUSES),
            (self.category_combo, "全部类别", rule.categories),
            (self.rating_combo, "全部评价", (*RATINGS, "未评价")),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(first, None)
            for item in items:
                combo.addItem(item, item)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)
        current = self.department_combo.currentData()
        self.department_combo.blockSignals(True)
        self.department_combo.clear()
        self.department_combo.addItem("全部承办单位", None)
        for d in proposals.list_departments(self.ctx.db):
            self.department_combo.addItem(d.name, d.id)
        self.department_combo.setCurrentIndex(max(self.department_combo.findData(current), 0))
        self.department_combo.blockSignals(False)

    # ------------------------------------------------------------------ data
    def current_query(self) -> ProposalQuery:
        return self.source.sorted_query(
            ProposalQuery,
            session_id=self.session_id,
            status=self.status_combo.currentData(),
            category=self.category_combo.currentData(),
            department_id=self.department_combo.currentData(),
            overdue=self.overdue_check.isChecked(),
            rating=self.rating_combo.currentData(),
            search=self.search_edit.text().strip(),
        )

    def apply_filters(self, select: int | None = None) -> None:
        keep = select if select is not None else (self.selected()[0] if self.selected() else None)
        self.source.query = self.current_query()
        self.model.reload()
        if not self._sized and self.model.rowCount():
            self.fit_columns()
            self._sized = True
        total = (
            count(self.ctx.db, ProposalQuery(session_id=self.session_id)) if self.session_id else 0
        )
        overdue = (
            count(self.ctx.db, ProposalQuery(session_id=self.session_id, overdue=True))
            if self.session_id
            else 0
        )
        shown = self.model.rowCount()
        text = f"显示 {shown} 件 / 共 {total} 件" if shown != total else f"共 {total} 件"
        if overdue:
            text += f"，逾期 {overdue} 件"
        self.count_label.setText(text)
        self.count_label.setStyleSheet(f"color: {WARNING_COLOR};" if overdue else "")
        if keep is not None and self.model.row_of_id(keep) is not None:
            self.proposals_table.selectRow(self.model.row_of_id(keep))
        self.show_selected()

    def fit_columns(self) -> None:
        """Content widths, with long columns capped so that 案由 stays readable."""
        caps = {"title": 220, "seconders": 100, "proposer": 90, "lead_department": 120}
        fixed = {"review_text": 130, "status": 110}  # their longest texts are known
        self.proposals_table.resizeColumnsToContents()
        header = self.proposals_table.horizontalHeader()
        for col, spec in enumerate(COLUMNS):
            width = header.sectionSize(col) + 12
            header.resizeSection(
                col, fixed.get(spec.key) or max(56, min(width, caps.get(spec.key, 110)))
            )

    def set_session(self, session_id: int | None) -> None:
        self.session_id = session_id
        self.new_button.setEnabled(session_id is not None)
        self.apply_filters()

    def on_changes(self, changes: Changes) -> None:
        if changes.touches("settings"):
            self.reload_filters()
        if changes.touches("proposals", "congress", "members", "settings"):
            if changes.touches("proposals"):
                self.reload_filters()
            self.apply_filters()

    def selected(self) -> list[int]:
        return selected_ids(self.proposals_table)

    def select(self, proposal_id: int) -> None:
        row = self.model.row_of_id(proposal_id)
        if row is not None:
            self.proposals_table.selectRow(row)

    def _one(self) -> proposals.Proposal | None:
        ids = self.selected()
        if not ids:
            return None
        try:
            return proposals.get_proposal(self.ctx.db, ids[0])
        except NotFoundError:
            return None

    # ------------------------------------------------------------------ detail panel
    def show_selected(self) -> None:
        p = self._one()
        status = p.status if p else None
        self.edit_button.setEnabled(status == "待审查")
        self.delete_button.setEnabled(status == "待审查")
        self.review_button.setEnabled(status == "待审查")
        self.undo_review_button.setEnabled(
            status in ("已立案", "转意见建议", "不立案", "已撤案", "已并案")
        )
        # issue 20: 立案, 转意见建议 and 不立案 are all handled; the state comes from the rounds
        state = handling.state_of(self.ctx.db, p.id) if p else None
        self.assign_button.setEnabled(state in ("待交办", "办理中"))
        self.assign_button.setText("调整交办…" if state == "办理中" else "交办…")
        self.reply_button.setEnabled(state in ("办理中", "已答复"))
        self.reply_button.setText("更正答复…" if state == "已答复" else "答复…")
        self.rate_button.setEnabled(state == "已答复")
        self.detail_browser.setHtml(
            self.detail_html(p)
            if p
            else f"<p style='color:{MUTED_COLOR}'>选择一件提案查看详情和办理过程。</p>"
        )

    def detail_html(self, p: proposals.Proposal) -> str:
        e = html.escape

        def row(label: str, value: str) -> str:
            return f"<tr><td style='color:#555;padding-right:8px' valign='top'>{e(label)}</td><td>{value}</td></tr>"

        def multiline(text: str | None) -> str:
            return e(text or "").replace("\n", "<br>") or "—"

        parts = [f"<h3>{e(p.number)}　{e(p.title)}</h3><table>"]
        parts.append(row("类别", e(p.category)))
        parts.append(row("提案人" if p.kind == "个人" else "提案代表团", e(p.proposer_text)))
        parts.append(row("附议人", e("、".join(s.name for s in p.seconders)) or "—"))
        if p.co_proposers:
            parts.append(
                row(
                    "联名提案人",
                    e(
                        "、".join(
                            f"{x.name}（随{x.source_number}并入）" if x.source_number else x.name
                            for x in p.co_proposers
                        )
                    ),
                )
            )
        parts.append(row("提交日期", e(format_cn_date(p.submitted_on))))
        if p.late_reason:
            parts.append(
                row("逾期说明", f"<span style='color:{WARNING_COLOR}'>{e(p.late_reason)}</span>")
            )
        parts.append(
            row("审查结果", e(p.review_text) + (f"（{e(p.review_note)}）" if p.review_note else ""))
        )
        if p.merged_sources:
            parts.append(
                row("并入的提案", e("、".join(f"{n}“{t}”" for _i, n, t in p.merged_sources)))
            )
        if p.suggestion_number:
            parts.append(row("建议编号", e(p.suggestion_number)))
        if p.between_meetings:
            parts.append(row("闭会期间提案", "是"))
        if p.supervisor_name:
            parts.append(row("督办委员", e(p.supervisor_name)))
        if p.excellent_on:
            parts.append(row("优秀提案", e(f"{format_cn_date(p.excellent_on)}评选")))
        if p.attachments:
            parts.append(row("附件", e("、".join(a["name"] for a in p.attachments))))
        parts.append("</table>")
        parts.append(
            f"<p><b>理由</b><br>{multiline(p.reasons)}</p><p><b>建议</b><br>{multiline(p.suggestions)}</p>"
        )
        today = _dt.date.today()
        for r in handling.rounds(self.ctx.db, p.id):
            overdue = r.overdue(today) and p.status == "办理中"
            flag = f" <span style='color:{WARNING_COLOR}'>（已逾期）</span>" if overdue else ""
            parts.append(
                f"<p><b>第 {r.round_no} 轮办理</b>{flag}<br>"
                f"主办：{e(r.lead_department)}"
                + (f"；协办：{e(r.co_text)}" if r.co_text else "")
                + f"<br>交办 {e(r.assigned_on)}，答复期限 {e(r.reply_deadline)}"
            )
            if r.reply_date:
                parts.append(
                    f"<br>{e(r.reply_date)} 答复：{e(r.outcome or '')}"
                    + (f"（原因：{e(r.outcome_reason)}）" if r.outcome_reason else "")
                    + f"<br>{multiline(r.reply_text)}"
                )
            if r.rating:
                parts.append(
                    f"<br>评价：{e(r.rating)}"
                    + (f"（{e(r.rating_note)}）" if r.rating_note else "")
                )
            parts.append("</p>")
        parts.append("<p><b>办理过程</b></p><table>")
        for ev in proposals.events(self.ctx.db, p.id):
            who = f"<span style='color:{MUTED_COLOR}'>（{e(ev.recorded_by)} 记录）</span>"
            parts.append(
                f"<tr><td valign='top' style='padding-right:8px'>{e(ev.event_date)}</td>"
                f"<td>{e(ev.action)}" + (f"：{e(ev.note)}" if ev.note else "") + f" {who}</td></tr>"
            )
        parts.append("</table>")
        return "".join(parts)

    # ------------------------------------------------------------------ helpers
    def _label(self, p: proposals.Proposal) -> str:
        return f"{p.number}　{p.title}"

    def _open(self, dialog: Any) -> Any:
        return open_modal(self, dialog)

    def _delegates(self) -> list[tuple[int, str]]:
        """The term's 正式代表 (every period, so a replaced delegate's old proposals still show
        their name); the rules on the submission date decide who may propose."""
        session = self.page.session()
        if session is None:
            return []
        seen: dict[int, str] = {}
        for d in delegates_service.list_term_delegates(
            self.ctx.db, session.term_id, delegate_type=congress.FORMAL
        ):
            label = f"{d['name']}（{d['delegation'] or d['branch']}）"
            if d["end_date"]:
                label += f"，{d['end_date']}起不再是代表"
            seen.setdefault(d["member_id"], label)
        return list(seen.items())

    def _delegations(self) -> list[tuple[int, str]]:
        session = self.page.session()
        if session is None:
            return []
        return [
            (g.id, g.name) for g in delegates_service.list_delegations(self.ctx.db, session.term_id)
        ]

    def _call(self, action: Any, confirm_duplicate: bool = False) -> str | None:
        """Run a submission; a near-duplicate title is confirmed through ctx.prompts first."""
        try:
            result = action(confirm_duplicate)
        except proposals.DuplicateWarning as warning:
            if not self.ctx.prompts.confirm(
                self, "可能重复的提案", str(warning), ok_text="仍然提交"
            ):
                return "已取消：请修改案由，或与相近的提案合并（并案）。"
            return self._call(action, True)
        except UserError as exc:
            return str(exc)
        self.ctx.notify(result.changes)
        self.apply_filters(select=result.row_id)
        return None

    # ------------------------------------------------------------------ actions
    def new_proposal(self) -> Any:
        from guilin_union.ui.congress.proposal_dialogs import ProposalDialog

        session = self.page.session()
        if session is None:
            return None
        sid = session.id
        today = _dt.date.today().isoformat()
        default = min(today, session.proposal_deadline or today)
        dialog = ProposalDialog(
            lambda data: self._call(
                lambda ok: proposals.submit_proposal(self.ctx.db, sid, data, confirm_duplicate=ok)
            ),
            categories=proposals.rules(self.ctx.db).categories,
            delegates=self._delegates(),
            delegations=self._delegations(),
            default_date=default,
            parent=self,
        )
        return self._open(dialog)

    def edit_selected(self) -> Any:
        from guilin_union.ui.congress.proposal_dialogs import ProposalDialog

        p = self._one()
        if p is None:
            return None
        if p.status != "待审查":
            self.ctx.prompts.info(
                self, "修改提案", f"提案 {p.number} 的状态是“{p.status}”，内容不能再修改。"
            )
            return None
        data = {**p.__dict__, "seconder_ids": [s.member_id for s in p.seconders]}
        dialog = ProposalDialog(
            lambda values: self._call(
                lambda ok: proposals.update_proposal(
                    self.ctx.db, p.id, values, confirm_duplicate=ok
                )
            ),
            categories=proposals.rules(self.ctx.db).categories,
            delegates=self._delegates(),
            delegations=self._delegations(),
            data=data,
            parent=self,
        )
        return self._open(dialog)

    def review_selected(self) -> Any:
        from guilin_union.ui.congress.proposal_dialogs import ReviewDialog

        p = self._one()
        if p is None or p.status != "待审查":
            return None
        targets = [
            (pid, f"{number}　{title}")
            for pid, number, title in proposals.merge_targets(self.ctx.db, p.session_id, p.id)
        ]

        def submit(values: dict[str, Any]) -> str | None:
            db, day, note = self.ctx.db, values["date"], values["note"]
            result = values["result"]

            def merge_into() -> Any:
                if values["target_id"] is None:
                    raise ValidationError("请选择并入哪件提案", "target")
                return proposals.merge(db, p.id, values["target_id"], on=day, note=note)

            actions = {
                "立案（重点）": lambda: proposals.accept(db, p.id, level="重点", on=day, note=note),
                "立案（一般）": lambda: proposals.accept(db, p.id, level="一般", on=day, note=note),
                "并案": merge_into,
                "转意见建议": lambda: proposals.to_suggestion(db, p.id, on=day, note=note),
                "不立案": lambda: proposals.reject(db, p.id, reason=note, on=day),
                "撤案": lambda: proposals.withdraw(db, p.id, on=day, note=note),
            }
            return self._call(lambda _ok: actions[result]())

        return self._open(
            ReviewDialog(submit, proposal_text=self._label(p), targets=targets, parent=self)
        )

    def undo_review(self) -> None:
        p = self._one()
        if p is None:
            return
        what = "撤销并案" if p.status == "已并案" else f"撤销审查结果“{p.review_text}”"
        result = ops.CollectionOp(
            self.ctx, self, what, lambda db: proposals.reset_review(db, p.id)
        ).run_if_confirmed(f"确定{what}，使提案 {p.number} 回到“待审查”吗？")
        if result is not None:
            self.apply_filters(select=p.id)

    def assign_selected(self) -> Any:
        from guilin_union.ui.congress.proposal_dialogs import AssignDialog

        p = self._one()
        state = handling.state_of(self.ctx.db, p.id) if p else None
        if p is None or state not in ("待交办", "办理中"):
            return None
        departments = [
            (d.id, d.name) for d in proposals.list_departments(self.ctx.db, include_inactive=False)
        ]
        current = handling.current_round(self.ctx.db, p.id) if state == "办理中" else None
        db = self.ctx.db

        def submit(values: dict[str, Any]) -> str | None:
            if current is None:
                return self._call(
                    lambda _ok: handling.assign(
                        db,
                        p.id,
                        lead_department_id=values["lead_department_id"],
                        co_department_ids=values["co_department_ids"],
                        on=values["assigned_on"],
                        reply_deadline=values["reply_deadline"],
                    )
                )
            return self._call(
                lambda _ok: handling.update_assignment(
                    db,
                    p.id,
                    lead_department_id=values["lead_department_id"],
                    co_department_ids=values["co_department_ids"],
                    reply_deadline=values["reply_deadline"],
                )
            )

        today = _dt.date.today().isoformat()
        dialog = AssignDialog(
            submit,
            proposal_text=self._label(p),
            departments=departments,
            lead_id=current.lead_department_id if current else None,
            co_ids=[c for c, _n in current.co_departments] if current else (),
            assigned_on=current.assigned_on if current else today,
            reply_deadline=current.reply_deadline
            if current
            else handling.default_reply_deadline(self.ctx.db, p.id, today),
            editing=current is not None,
            parent=self,
        )
        return self._open(dialog)

    def _handling_dialog(
        self,
        dialog_class: Any,
        states: tuple[str, ...],
        act: Any,
        fields: tuple[str, ...],
        options: Any = lambda _p: {},
    ) -> Any:
        """A 办理 step on the one selected proposal when it is in one of ``states``: the
        dialog's ``fields`` go to ``act(db, proposal_id, **fields)``; ``options(p)`` adds the
        dialog's own arguments."""
        p = self._one()
        if p is None or handling.state_of(self.ctx.db, p.id) not in states:
            return None
        db = self.ctx.db

        def submit(values: dict[str, Any]) -> Any:
            return self._call(lambda _ok: act(db, p.id, **{f: values[f] for f in fields}))

        return self._open(
            dialog_class(submit, proposal_text=self._label(p), parent=self, **options(p))
        )

    def reply_selected(self) -> Any:
        from guilin_union.ui.congress.proposal_dialogs import ReplyDialog

        def options(p: Any) -> dict[str, Any]:
            current = handling.current_round(self.ctx.db, p.id)
            return {"data": current.__dict__ if current and current.reply_text else None}

        fields = ("text", "on", "outcome", "reason")
        return self._handling_dialog(
            ReplyDialog, ("办理中", "已答复"), handling.reply, fields, options
        )

    def rate_selected(self) -> Any:
        from guilin_union.ui.congress.proposal_dialogs import RateDialog

        def options(_p: Any) -> dict[str, Any]:
            return {"rehandle_days": proposals.rules(self.ctx.db).rehandle_days}

        fields = ("rating", "on", "note", "reply_deadline")
        return self._handling_dialog(RateDialog, ("已答复",), handling.rate, fields, options)

    def undo_rating(self) -> None:
        p = self._one()
        if p is not None and self.ctx.prompts.confirm(
            self, "撤销评价", f"撤销提案 {p.number} 最近一次评价吗？"
        ):
            if ops.CollectionOp(
                self.ctx, self, "撤销评价", lambda db: handling.undo_rating(db, p.id)
            ).run():
                self.apply_filters(select=p.id)

    def delete_selected(self) -> None:
        p = self._one()
        if p is None:
            return
        delete_confirmed(
            self.ctx,
            self,
            p.id,
            title="删除提案",
            question=f"确定删除提案 {p.number}“{p.title}”吗？\n"
            "（只用于删除录错的提案，编号不会再使用；提案人撤回请用“审查 ▸ 撤案”。）",
            delete=proposals.delete_proposal,
        )

    def add_attachment(self) -> None:
        p = self._one()
        if p is None:
            return
        path = self.ctx.prompts.open_file(
            self,
            "添加附件",
            self.ctx.last_folder("attachments"),
            "所有文件 (*);;PDF 和图片 (*.pdf *.jpg *.jpeg *.png)",
        )
        if path is not None:
            self.ctx.remember_folder(path, "attachments")
            ops.CollectionOp(
                self.ctx, self, "添加附件", lambda db: proposals.add_attachment(db, p.id, path)
            ).run()

    def open_attachment(self) -> None:
        """Open one of the proposal's attachments in the system viewer (chosen by name)."""
        from guilin_union.services.attachments import resolve_attachment
        from guilin_union.ui.open_file import open_document

        p = self._one()
        if p is None:
            return
        if not p.attachments:
            self.ctx.prompts.info(self, "打开附件", f"提案 {p.number} 没有附件。")
            return
        names = [f"{a['name']}（{str(a['added_at'])[:10]}）" for a in p.attachments]
        choice = (
            names[0]
            if len(names) == 1
            else self.ctx.prompts.ask_item(self, "打开附件", "附件：", names)
        )
        if choice is None:
            return
        attachment = p.attachments[names.index(choice)]
        try:
            path = resolve_attachment(self.ctx.db, attachment["path"])
        except (UserError, OSError) as exc:
            self.ctx.prompts.warning(self, "打开附件", str(exc))
            return
        if not path.exists():
            self.ctx.prompts.warning(
                self, "打开附件", f"附件文件不见了（可能被移动或删除）：\n{path}"
            )
            return
        open_document(path)

    def manage_departments(self) -> None:
        from guilin_union.ui.congress.departments_dialog import DepartmentsDialog

        self._open(DepartmentsDialog(self.ctx, self))

    def edit_rules(self) -> None:
        from guilin_union.ui.congress.proposal_dialogs import ProposalRulesDialog

        values = settings_service.get_many(self.ctx.db, list(proposals.RULE_KEYS))

        def submit(data: dict[str, Any]) -> str | None:
            try:
                result = proposals.save_rules(self.ctx.db, data)
            except UserError as exc:
                return str(exc)
            self.ctx.notify(result.changes)
            return None

        self._open(ProposalRulesDialog(submit, values=values, parent=self))

    def import_excel(self) -> None:
        from guilin_union.services.proposals.importer import ProposalImporter, write_template
        from guilin_union.ui.widgets.import_wizard import ImportWizard

        if self.session_id is None:
            return
        self._open(
            ImportWizard(
                self.ctx,
                ProposalImporter(self.session_id),
                "导入提案",
                self,
                template_writer=write_template,
            )
        )

    # ------------------------------------------------------------------ outputs
    def _session_name(self) -> str:
        session = self.page.session()
        return session.title if session else "会议"

    def _save(self, title: str, build: Any, name: str, **options: Any) -> None:
        """Save an output of the current session (nothing without one): ``build(db, path)``
        writes it; the file is named after the session, then ``name``."""
        if self.session_id is not None:
            ops.save_output(
                self.ctx,
                self,
                title,
                build,
                default_name=f"{self._session_name()}{name}",
                **options,
            )

    def _print_session(self, title: str, build: Any, name: str, **options: Any) -> None:
        """A printout of the whole session: ``build(db, session_id, path)``."""
        name = f"{self._session_name()}{name}"
        save_for(self.ctx, self, self.session_id, title, build, name, **options)

    def print_forms(self, *, selected_only: bool) -> None:
        if self.session_id is None:
            return
        sid = self.session_id
        ids = self.selected() if selected_only else None
        if selected_only and not ids:
            self.ctx.prompts.info(self, "打印提案表", "请先在列表中选择要打印的提案（可多选）。")
            return
        self._save(
            "打印提案表",
            lambda db, p: outputs.proposal_forms_pdf(db, sid, p, ids=ids),
            "提案表.pdf",
            **GENERATED,
        )

    def _session_output(self, key: str) -> None:
        """One of :data:`SESSION_OUTPUTS`, of the whole session."""
        title, build, name, options = SESSION_OUTPUTS[key]
        self._print_session(title, build, name, **options)

    print_compilation = partialmethod(_session_output, "compilation")
    print_stats = partialmethod(_session_output, "stats")
    print_excellent = partialmethod(_session_output, "excellent")
    print_supervision = partialmethod(_session_output, "supervision")
    print_work_report = partialmethod(_session_output, "work_report")
    export_stats_excel = partialmethod(_session_output, "stats_excel")

    def _save_list(self, title: str, build: Any, name: str, **options: Any) -> None:
        """An output of the list as filtered now: ``build(db, query, path)``."""
        q = self.current_query()
        self._save(title, lambda db, p: build(db, q, p), name, **options)

    def print_handling(self) -> None:
        self._save_list(
            "打印提案办理情况一览表", outputs.handling_pdf, "提案办理情况一览表.pdf", **GENERATED
        )

    def choose_supervisor(self) -> None:
        """督办（包案）: one 正式代表 follows the proposal."""
        from guilin_union.services.congress import delegates as congress_delegates

        p = self._one()
        if p is None:
            return
        people = congress_delegates.session_delegates(self.ctx.db, p.session_id, types=["正式代表"])
        labels = [f"{r['name']}（{r['delegation'] or '未分团'}）" for r in people]
        choice = self.ctx.prompts.ask_item(
            self, "督办委员", f"{p.number}的督办委员：", ["（取消督办）", *labels]
        )
        if choice is None:
            return
        member = None if choice == "（取消督办）" else people[labels.index(choice)]["member_id"]
        if ops.CollectionOp(
            self.ctx, self, "督办委员", lambda db: proposals.set_supervisor(db, p.id, member)
        ).run():
            self.apply_filters(select=p.id)

    def toggle_excellent(self) -> None:
        p = self._one()
        if p is None:
            return
        if p.excellent_on:
            op = lambda db: proposals.unmark_excellent(db, p.id)  # noqa: E731
        else:
            op = lambda db: proposals.mark_excellent(db, p.id)  # noqa: E731
        if ops.CollectionOp(self.ctx, self, "优秀提案", op).run():
            self.apply_filters(select=p.id)

    def export_excel(self) -> None:
        self._save_list("导出提案列表", outputs.export_list, "提案.xlsx", **EXCEL_EXPORT)

    def export_current(self) -> None:
        """文件 ▸ 导出… on this page."""
        self.export_excel()
