"""成绩 page: results per event (placings, scores, awards) and the team table (团体总分)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from guilin_union.core.errors import UserError
from guilin_union.services import activities as activities_service
from guilin_union.services.activities import registration
from guilin_union.services.activities import results as results_service
from guilin_union.services.members.branches import list_branches
from guilin_union.ui import ops
from guilin_union.ui.activities.common import (
    list_table,
    record_for_edit,
    submit_op,
    text_or_blank,
)
from guilin_union.ui.table_model import ColumnSpec, columns, list_model, set_rows
from guilin_union.ui.widgets.list_helpers import (
    delete_confirmed,
    make_combo,
    make_hint,
    push_buttons,
    selected_id,
)
from guilin_union.ui.widgets.modal import show_modal

_BLANK = {"score": text_or_blank, "award": text_or_blank, "notes": text_or_blank}
RESULT_COLUMNS = [
    *columns("event 项目 | rank_text 名次 中"),
    ColumnSpec("winner", "姓名 / 分工会"),  # the header has spaces: not in the one-line spec
    *columns("branch 分工会 | score 成绩 | award 奖项 | notes 备注", formatters=_BLANK),
]
RESULT_HEADERS = [c.header for c in RESULT_COLUMNS]
#: A tied place in the team table stands out in amber.
TIED_COLOR = "#b26a00"
TEAM_COLUMNS = columns(
    "rank_text 名次 中 | branch 分工会 | points_text 总分 中 | firsts 第一名 中 | seconds 第二名 中",
    colors=dict.fromkeys(
        ("rank_text", "branch", "points_text", "firsts", "seconds"),
        lambda row: TIED_COLOR if row["tied"] else None,
    ),
)


class ResultsPage(QWidget):
    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.activity_id: int | None = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("项目"))
        self.event_combo = make_combo("results_event_combo", min_chars=12)
        self.event_combo.currentIndexChanged.connect(lambda _i: self.reload_results())
        bar.addWidget(self.event_combo)
        self.add_button, self.edit_button, self.delete_button = push_buttons(
            "录入成绩…", "修改…", "删除", layout=bar
        )
        self.add_button.setObjectName("add_result_button")
        bar.addStretch(1)
        self.results_count = QLabel()
        bar.addWidget(self.results_count)
        layout.addLayout(bar)

        # Results above, team table below: both get the full width of the page.
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.results_model = list_model(RESULT_COLUMNS, id_key="id")
        self.results_table = list_table(self.results_model, object_name="results_table")
        self.results_table.doubleClicked.connect(lambda _i: self.edit_selected())
        splitter.addWidget(self.results_table)

        team_box = QGroupBox("团体总分")
        team_layout = QHBoxLayout(team_box)
        self.team_model = list_model(TEAM_COLUMNS)
        self.team_table = list_table(self.team_model, object_name="team_table", multi=False)
        self.team_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.team_table.horizontalHeader().setStretchLastSection(False)
        team_layout.addWidget(self.team_table, 1)
        side = QVBoxLayout()
        self.scheme_label = make_hint(object_name="scheme_label")
        self.scheme_label.setFixedWidth(200)
        side.addWidget(self.scheme_label)
        side.addStretch(1)
        self.scheme_button = QPushButton("计分办法…")
        self.scheme_button.clicked.connect(self.edit_scheme)
        side.addWidget(self.scheme_button)
        team_layout.addLayout(side)
        splitter.addWidget(team_box)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)

        self.add_button.clicked.connect(self.add_result)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)

    # ---- loading
    def set_activity(self, activity_id: int | None) -> None:
        reset = activity_id != self.activity_id
        self.activity_id = activity_id
        self.refresh(reset=reset)

    def refresh(self, *, reset: bool = False) -> None:
        current = None if reset else self.event_combo.currentData()
        self.event_combo.blockSignals(True)
        self.event_combo.clear()
        self.event_combo.addItem("全部项目", None)
        if self.activity_id is not None:
            try:
                for e in activities_service.list_events(self.ctx.db, self.activity_id):
                    self.event_combo.addItem(
                        e["name"] + ("（团体）" if e["kind"] == "团体" else ""), e["id"]
                    )
            except UserError:
                self.activity_id = None
        self.event_combo.setCurrentIndex(max(self.event_combo.findData(current), 0))
        self.event_combo.blockSignals(False)
        for widget in (self.add_button, self.edit_button, self.delete_button, self.scheme_button):
            widget.setEnabled(self.activity_id is not None)
        self.reload_results()
        self.reload_team()

    def reload_results(self) -> None:
        if self.activity_id is None:
            set_rows(self.results_model, [])
            self.results_count.setText("")
            return
        rows = results_service.list_results(
            self.ctx.db, self.activity_id, event_id=self.event_combo.currentData()
        )
        set_rows(self.results_model, rows)
        self.results_table.resizeColumnsToContents()
        self.results_count.setText(f"共 {len(rows)} 条成绩")

    def reload_team(self) -> None:
        table = self.team_table
        set_rows(self.team_model, [])
        self.scheme_label.setText("")
        if self.activity_id is None:
            return
        try:
            scheme = results_service.point_scheme(self.ctx.db)
            standings = results_service.team_standings(self.ctx.db, self.activity_id)
        except (UserError, ValueError) as exc:  # e.g. a point scheme typed wrongly in the settings
            self.scheme_label.setText(f"无法统计团体总分：{exc}")
            return
        rows = [
            {
                "rank_text": f"{s.rank}（并列）" if s.tied else str(s.rank),
                "branch": s.branch,
                "points_text": s.points_text,
                "firsts": str(s.firsts),
                "seconds": str(s.seconds),
                "tied": s.tied,
            }
            for s in standings
        ]
        set_rows(self.team_model, rows)
        table.resizeColumnsToContents()
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        rule = results_service.tie_rule(self.ctx.db)
        self.scheme_label.setText(
            f"计分：{results_service.scheme_text(scheme)}；并列名次{rule}；总分相同看第一名个数，再看第二名个数。"
        )

    # ---- editing
    def _dialog(self, data: dict[str, Any] | None, result_id: int | None):
        from guilin_union.ui.activities.result_dialog import ResultDialog

        db = self.ctx.db
        assert self.activity_id is not None
        activity_id = self.activity_id
        activity = activities_service.get_activity(db, activity_id)
        if not activity["events"]:
            self.ctx.prompts.warning(
                self,
                "录入成绩",
                "本活动还没有设置项目。请先在“编辑活动”中添加比赛项目（评选也可设一个项目）。",
            )
            return None
        people = [
            {"id": p["id"], "label": f"{p['name']}（{p['branch']}）", "event_ids": p["event_ids"]}
            for p in registration.list_participants(
                db, registration.ParticipantQuery(activity_id, sort_key="branch")
            )
            if p["status"] in registration.OCCUPYING
        ]
        branches = registration.participant_branches(db, activity_id) or [
            (b.id, b.name) for b in list_branches(db, include_inactive=False)
        ]

        def submit(values: dict[str, Any]) -> dict[str, str] | None:
            return submit_op(
                self.ctx,
                self,
                "修改成绩" if result_id else "录入成绩",
                # the dialog's values are the service's arguments: event_id, participant_id …
                lambda d: results_service.record_result(
                    d, activity_id, **values, result_id=result_id
                ),
                on_saved=lambda result: setattr(self, "_last_result", result.row_id),
            )

        dialog = ResultDialog(
            submit,
            events=[(e["id"], e["name"], e["kind"]) for e in activity["events"]],
            people=people,
            branches=branches,
            awards=activities_service.award_names(db),
            data=data,
            parent=self,
        )
        if data is None and self.event_combo.currentData() is not None:
            dialog.ui.event_combo.setCurrentIndex(
                max(dialog.ui.event_combo.findData(self.event_combo.currentData()), 0)
            )
        return show_modal(dialog)

    def add_result(self):
        if self.activity_id is None:
            return None
        return self._dialog(None, None)

    def edit_selected(self):
        result_id = selected_id(self.results_table)
        data = record_for_edit(self, self.ctx, result_id, results_service.get_result, "修改成绩")
        return None if data is None else self._dialog(data, result_id)

    def delete_selected(self) -> None:
        delete_confirmed(
            self.ctx,
            self,
            selected_id(self.results_table),
            title="删除成绩",
            question="删除所选成绩记录吗？可用“编辑 ▸ 撤销”恢复。",
            delete=results_service.delete_result,
        )

    def edit_scheme(self) -> None:
        db = self.ctx.db
        current = ",".join(str(p) for p in results_service.point_scheme(db))
        text = self.ctx.prompts.ask_text(
            self, "团体总分计分办法", "第1名起各名次的得分（用逗号分隔）：", current
        )
        if text is None:
            return
        choices = ["平分（平分所占名次的分数）", "同分（各得该名次的分数）"]
        choices.sort(
            key=lambda c: not c.startswith(results_service.tie_rule(db))
        )  # current rule first
        rule = self.ctx.prompts.ask_item(self, "团体总分计分办法", "名次并列时：", choices)
        if rule is None:
            return
        ops.CollectionOp(
            self.ctx, self, "计分办法", lambda d: results_service.set_scoring(d, text, rule[:2])
        ).run()
