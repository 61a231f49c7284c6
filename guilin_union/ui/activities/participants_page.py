"""报名 page: participants of the selected activity — add from the register, import the
分工会's Excel sign-ups, change role/events, sign in (attendance), cancel (the waiting list
moves up), delete entries made by mistake."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from guilin_union.core.activities import PARTICIPANT_STATUSES
from guilin_union.core.errors import UserError
from guilin_union.services import activities as activities_service
from guilin_union.services.activities import registration
from guilin_union.services.activities.registration import ParticipantQuery
from guilin_union.services.members import branches as branches_service
from guilin_union.services.members import member_names
from guilin_union.ui import ops
from guilin_union.ui.activities.common import (
    PARTICIPANT_STATUS_COLORS,
    compact_combo,
    fit_columns,
    list_table,
    submit_op,
)
from guilin_union.ui.table_model import ColumnSpec, IdTableModel, state_column
from guilin_union.ui.widgets.list_helpers import (
    add_search_bar,
    make_label,
    make_search_edit,
    push_buttons,
    refilter_on,
    selected_ids,
)
from guilin_union.ui.widgets.menus import menu_button
from guilin_union.ui.widgets.modal import show_modal
from guilin_union.ui.widgets.query_source import QuerySource

# The columns the secretary works with first (status, events) come before the reference ones.
COLUMNS = [
    ColumnSpec("seq", "序号", sort_key="seq", align="center"),
    ColumnSpec("name", "姓名", sort_key="name"),
    ColumnSpec("branch", "分工会", sort_key="branch"),
    ColumnSpec("role", "角色", sort_key="role", align="center"),
    ColumnSpec("events_text", "报名项目"),
    state_column("status", "状态", PARTICIPANT_STATUS_COLORS),
    ColumnSpec("result", "成绩"),
    ColumnSpec("gender", "性别", sort_key="gender", align="center"),
    ColumnSpec("staff_no", "工号", sort_key="staff_no"),
    ColumnSpec("department", "部门", sort_key="department"),
    ColumnSpec("notes", "备注"),
]


_SIGNUP_FIELDS = ("role", "event_ids", "status", "notes")


class ParticipantsPage(QWidget):
    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.activity_id: int | None = None
        self.source = QuerySource(
            lambda: ctx.db, None, registration.participant_ids, registration.fetch_participants
        )
        self.model = IdTableModel(COLUMNS, self.source, self)
        self._build()
        combos = (self.branch_combo, self.status_combo, self.event_combo)
        self._timer = refilter_on(self, self.search_edit, *combos)
        self._fitted = False

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.search_edit = make_search_edit(
            "participant_search_edit", "搜索：姓名、拼音首字母、工号、部门"
        )
        self.branch_combo = QComboBox()
        self.branch_combo.setObjectName("participant_branch_combo")
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("participant_status_combo")
        self.status_combo.addItem("全部状态", None)
        for status in PARTICIPANT_STATUSES:
            self.status_combo.addItem(status, status)
        self.event_combo = QComboBox()
        self.event_combo.setObjectName("participant_event_combo")
        self.search_edit.setMinimumWidth(120)
        for combo, chars in ((self.branch_combo, 8), (self.event_combo, 6), (self.status_combo, 4)):
            compact_combo(combo, chars)
        add_search_bar(
            layout,
            self.search_edit,
            (
                ("分工会", self.branch_combo, 2),
                ("项目", self.event_combo, 1),
                ("状态", self.status_combo, 1),
            ),
        )

        buttons = QHBoxLayout()
        self.add_button, self.import_button, self.edit_button, self.attend_button = push_buttons(
            "添加人员…", "导入报名表…", "修改…", "签到", layout=buttons
        )
        self.add_button.setObjectName("add_participants_button")
        self.import_button.setObjectName("import_signups_button")
        self.attend_button.setToolTip("把所选人员标记为“已参加”（活动当天签到）")
        self.status_button, menu = menu_button("更多")
        self.unattend_action = menu.addAction(
            "取消签到（改回已确认）", lambda: self.mark_attendance(False)
        )
        self.confirm_action = menu.addAction("改为已确认", lambda: self.set_status("已确认"))
        self.cancel_action = menu.addAction(
            "取消报名（候补自动递补）", lambda: self.set_status("已取消")
        )
        self.wait_action = menu.addAction("改为候补", lambda: self.set_status("候补"))
        self.restore_action = menu.addAction("恢复为已报名", lambda: self.set_status("已报名"))
        menu.addSeparator()
        self.delete_action = menu.addAction("删除报名记录（误录时使用）", self.delete_selected)
        buttons.addWidget(self.status_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.count_label = make_label("participant_count_label")
        self.count_label.setStyleSheet("color: #444;")
        layout.addWidget(self.count_label)

        # The list starts in its natural order (a new header would sort descending).
        self.table = list_table(
            self.model,
            object_name="participants_table",
            sortable=True,
            sort_indicator=(0, Qt.SortOrder.AscendingOrder),
        )
        self.table.doubleClicked.connect(self._open_index)
        layout.addWidget(self.table)

        self.add_button.clicked.connect(self.add_participants)
        self.import_button.clicked.connect(self.import_signups)
        self.edit_button.clicked.connect(self.edit_selected)
        self.attend_button.clicked.connect(lambda: self.mark_attendance(True))

    # ---- loading
    def set_activity(self, activity_id: int | None) -> None:
        changed = activity_id != self.activity_id
        self.activity_id = activity_id
        if changed:
            self.search_edit.blockSignals(True)
            self.search_edit.clear()
            self.search_edit.blockSignals(False)
        self.reload_filters(reset=changed)
        self.apply_filters()

    def reload_filters(self, *, reset: bool = False) -> None:
        branch = None if reset else self.branch_combo.currentData()
        event = None if reset else self.event_combo.currentData()
        for combo in (self.branch_combo, self.event_combo):
            combo.blockSignals(True)
            combo.clear()
        self.branch_combo.addItem("全部分工会", None)
        for b in branches_service.list_branches(self.ctx.db):
            self.branch_combo.addItem(b.name if b.active else f"{b.name}（已停用）", b.id)
        self.event_combo.addItem("全部项目", None)
        if self.activity_id is not None:
            try:
                for e in activities_service.list_events(self.ctx.db, self.activity_id):
                    self.event_combo.addItem(e["name"], e["id"])
            except UserError:
                pass
        self.branch_combo.setCurrentIndex(max(self.branch_combo.findData(branch), 0))
        self.event_combo.setCurrentIndex(max(self.event_combo.findData(event), 0))
        if reset:
            self.status_combo.blockSignals(True)
            self.status_combo.setCurrentIndex(0)
            self.status_combo.blockSignals(False)
        for combo in (self.branch_combo, self.event_combo):
            combo.blockSignals(False)

    def apply_filters(self) -> None:
        enabled = self.activity_id is not None
        for widget in (
            self.add_button,
            self.import_button,
            self.edit_button,
            self.attend_button,
            self.status_button,
        ):
            widget.setEnabled(enabled)
        if self.activity_id is None:
            self.source.query = None
        else:
            old = self.source.query
            self.source.query = ParticipantQuery(
                self.activity_id,
                branch_id=self.branch_combo.currentData(),
                status=self.status_combo.currentData(),
                event_id=self.event_combo.currentData(),
                search=self.search_edit.text().strip(),
                sort_key=old.sort_key if old else "seq",
                descending=old.descending if old else False,
            )
        self.model.reload()
        if not self._fitted and self.model.rowCount():
            fit_columns(self.table, stretch=None)
            self._fitted = True
        self._update_count()

    def _update_count(self) -> None:
        if self.activity_id is None:
            self.count_label.setText("")
            return
        try:
            a = activities_service.get_activity(self.ctx.db, self.activity_id)
        except UserError:
            self.count_label.setText("")
            return
        text = f"报名 {a['registered']} 人"
        if a["places"]:
            text += f"，名额 {a['places_used']}/{a['places']}"
        if a["waiting"]:
            text += f"，候补 {a['waiting']} 人"
        if a["attended"]:
            text += f"，已签到 {a['attended']} 人"
        shown = self.model.rowCount()
        self.count_label.setText(text + f"（列表 {shown} 条）")

    def refresh(self) -> None:
        self.reload_filters()
        self.apply_filters()

    # ---- selection
    def selected_ids(self) -> list[int]:
        return selected_ids(self.table, self.model)

    def _open_index(self, index: QModelIndex) -> None:
        pid = self.model.row_id(index.row())
        if pid is not None:
            self.edit_participant(pid)

    def _activity(self) -> dict[str, Any]:
        assert self.activity_id is not None
        return activities_service.get_activity(self.ctx.db, self.activity_id)

    # ---- adding
    def add_participants(self, member_ids: list[int] | None = None):
        """Pick members from the register, then choose role and events for all of them."""
        if self.activity_id is None:
            return None
        activity = self._activity()
        if member_ids is None:
            from guilin_union.ui.widgets.member_picker import pick_members

            existing = registration.registered_member_ids(self.ctx.db, self.activity_id)
            member_ids = pick_members(
                self.ctx,
                self,
                title=f"选择参加“{activity['name']}”的人员",
                statuses=tuple(registration.eligible_statuses(self.ctx.db)),
                exclude_ids=existing,
            )
        if not member_ids:
            return None
        if activities_service.is_signup_closed(activity) and not self.ctx.prompts.confirm(
            self,
            "报名已截止",
            f"报名已于 {activity['signup_deadline']} 截止，仍要登记吗？",
            ok_text="仍要登记",
        ):
            return None
        names = member_names(self.ctx.db, member_ids)
        people = "、".join(names[:8]) + (
            f" 等 {len(names)} 人" if len(names) > 8 else f"（{len(names)} 人）"
        )
        from guilin_union.ui.activities.participant_dialog import ParticipantDialog

        db = self.ctx.db
        activity_id = self.activity_id

        def submit(data: dict[str, Any]) -> dict[str, str] | None:
            def tell(result: Any) -> None:
                if result.waitlisted or result.skipped:
                    self.ctx.prompts.info(self, "登记报名", result.message())

            return submit_op(
                self.ctx,
                self,
                "登记报名",
                lambda d: registration.register_members(
                    d, activity_id, member_ids, **{k: data[k] for k in _SIGNUP_FIELDS}
                ),
                undo_text=f"登记报名（{len(member_ids)} 人）",
                on_saved=tell,
            )

        dialog = ParticipantDialog(
            submit,
            people=people,
            roles=activities_service.roles(db),
            events=[(e["id"], e["name"]) for e in activity["events"]],
            event_limit=activity["event_limit"],
            parent=self,
        )
        return show_modal(dialog)

    def import_signups(self):
        """The shared import wizard with this activity's importer and template."""
        if self.activity_id is None:
            return None
        from guilin_union.services.activities.importer import SignupImporter, write_signup_template
        from guilin_union.ui.widgets.import_wizard import ImportWizard

        activity_id = self.activity_id
        importer = SignupImporter.for_activity(self.ctx.db, activity_id)
        ctx = self.ctx

        def template(path):
            return write_signup_template(ctx.db, activity_id, path)

        wizard = ImportWizard(
            self.ctx,
            importer,
            f"导入报名表 — {importer.activity_name}",
            self,
            template_writer=template,
        )
        # The wizard picks the file; the importer then checks it is this activity's form.
        wizard.before_validate = lambda: setattr(importer, "source_path", wizard.path())
        return show_modal(wizard)

    # ---- editing
    def edit_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.edit_participant(ids[0])

    def edit_participant(self, participant_id: int):
        from guilin_union.ui.activities.participant_dialog import ParticipantDialog

        db = self.ctx.db
        try:
            person = registration.get_participant(db, participant_id)
            activity = activities_service.get_activity(db, person["activity_id"])
        except UserError as exc:
            self.ctx.prompts.warning(self, "修改报名", str(exc))
            return None

        def submit(data: dict[str, Any]) -> dict[str, str] | None:
            return submit_op(
                self.ctx,
                self,
                "修改报名",
                lambda d: registration.edit_participant(
                    d,
                    participant_id,
                    role=data["role"],
                    event_ids=data["event_ids"],
                    notes=data["notes"],
                    branch_id=data["branch_id"],
                    status=data["status"],
                ),
                undo_text=f"修改报名 {person['name']}",
                on_saved=self._tell_promoted,
            )

        branches = [(b.id, b.name) for b in branches_service.list_branches(db)]
        dialog = ParticipantDialog(
            submit,
            people=f"{person['name']}（报名顺序 {person['seq']}）",
            roles=activities_service.roles(db),
            events=[(e["id"], e["name"]) for e in activity["events"]],
            event_limit=activity["event_limit"],
            branches=branches,
            data=person,
            parent=self,
        )
        return show_modal(dialog)

    def set_status(self, status: str) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        if status == "已取消" and not self.ctx.prompts.confirm(
            self,
            "取消报名",
            f"取消所选 {len(ids)} 人的报名吗？空出的名额将按顺序由候补人员递补。",
            ok_text="取消报名",
        ):
            return
        ops.CollectionOp(
            self.ctx,
            self,
            "修改报名状态",
            lambda d: registration.set_participant_status(d, ids, status),
            undo_text=f"报名状态改为{status}（{len(ids)} 人）",
        ).success(self._tell_promoted).run()

    def _tell_promoted(self, result: Any) -> None:
        if result.promoted:
            self.ctx.prompts.info(
                self, "候补递补", f"{'、'.join(result.promoted)} 由候补转为已报名。"
            )

    def mark_attendance(self, attended: bool) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        ops.CollectionOp(
            self.ctx,
            self,
            "签到",
            lambda d: registration.mark_attendance(d, ids, attended),
            undo_text=f"{'签到' if attended else '取消签到'}（{len(ids)} 人）",
        ).run()

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        if not self.ctx.prompts.confirm(
            self,
            "删除报名记录",
            f"删除所选 {len(ids)} 条报名记录吗？\n（正常退出请用“取消报名”，会保留记录。）删除后可用“编辑 ▸ 撤销”恢复。",
            ok_text="删除",
        ):
            return
        ops.CollectionOp(
            self.ctx,
            self,
            "删除报名记录",
            lambda d: registration.remove_participants(d, ids),
            undo_text=f"删除报名记录（{len(ids)} 条）",
        ).run()
