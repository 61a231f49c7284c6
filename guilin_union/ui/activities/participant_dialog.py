"""The registration form: role, events (checked from the activity's list), status, notes.

Used for adding several people at once (the same role and events for all of them) and for
changing one registration. The per-person event limit is shown and checked as boxes are
ticked, so the message comes before the save, not after.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

from guilin_union.core.activities import PARTICIPANT_STATUSES
from guilin_union.ui.activities.common import show_field_errors
from guilin_union.ui.forms.ui_activity_participant_dialog import Ui_ActivityParticipantDialog
from guilin_union.ui.widgets.dialog_buttons import save_cancel
from guilin_union.ui.widgets.form_dialog import Submit, SubmitOnSave
from guilin_union.ui.widgets.list_helpers import add_check_item

FIELD_WIDGETS = {
    "role": "role_combo",
    "events": "events_list",
    "status": "status_combo",
    "notes": "notes_edit",
    "branch": "branch_combo",
}


class ParticipantDialog(SubmitOnSave, QDialog):
    def __init__(
        self,
        submit: Submit,
        *,
        people: str,
        roles: Sequence[str],
        events: Sequence[tuple[int, str]],
        event_limit: int | None,
        branches: Sequence[tuple[int, str]] = (),
        data: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ActivityParticipantDialog()
        self.ui.setupUi(self)
        self._submit = submit
        self.event_limit = event_limit
        self.result_data: dict[str, Any] | None = None
        ui = self.ui
        editing = data is not None
        self.setWindowTitle("修改报名" if editing else "登记报名")
        ui.members_value.setText(people)
        ui.role_combo.addItems(list(roles))
        # A new registration's status follows from the places (候补 is automatic);
        # only an existing one can be set by hand.
        ui.status_combo.addItems(
            [s for s in PARTICIPANT_STATUSES if editing or s in ("已报名", "已确认")]
        )
        for branch_id, name in branches:
            ui.branch_combo.addItem(name, branch_id)
        ui.branch_combo.setVisible(editing and bool(branches))
        ui.branch_label.setVisible(editing and bool(branches))
        for event_id, name in events:
            add_check_item(ui.events_list, name, event_id)
        ui.events_list.setVisible(bool(events))
        ui.events_label.setVisible(bool(events))
        ui.events_list.itemChanged.connect(lambda _item: self._update_limit())
        if data:
            ui.role_combo.setCurrentText(data.get("role") or "")
            ui.status_combo.setCurrentText(data.get("status") or "已报名")
            ui.notes_edit.setText(data.get("notes") or "")
            index = ui.branch_combo.findData(data.get("branch_id"))
            if index >= 0:
                ui.branch_combo.setCurrentIndex(index)
            chosen = set(data.get("event_ids") or [])
            for row in range(ui.events_list.count()):
                item = ui.events_list.item(row)
                if item.data(Qt.ItemDataRole.UserRole) in chosen:
                    item.setCheckState(Qt.CheckState.Checked)
        self._update_limit()
        save_cancel(ui.button_box, self, self.save)

    def event_ids(self) -> list[int]:
        out = []
        for row in range(self.ui.events_list.count()):
            item = self.ui.events_list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return out

    def set_events(self, event_ids: Sequence[int]) -> None:
        wanted = set(event_ids)
        for row in range(self.ui.events_list.count()):
            item = self.ui.events_list.item(row)
            item.setCheckState(
                Qt.CheckState.Checked
                if item.data(Qt.ItemDataRole.UserRole) in wanted
                else Qt.CheckState.Unchecked
            )

    def _update_limit(self) -> None:
        chosen = len(self.event_ids())
        if not self.ui.events_list.count():
            text = "本活动未设比赛项目"
        elif self.event_limit:
            text = f"已选 {chosen} 项，每人限报 {self.event_limit} 项"
            if chosen > self.event_limit:
                text += "（超过限报项数）"
        else:
            text = f"已选 {chosen} 项（不限项数）"
        self.ui.limit_value.setText(text)
        over = bool(self.event_limit) and chosen > (self.event_limit or 0)
        self.ui.limit_value.setStyleSheet("color: #b00020;" if over else "color: #555;")

    def data(self) -> dict[str, Any]:
        return {
            "role": self.ui.role_combo.currentText(),
            "event_ids": self.event_ids(),
            "status": self.ui.status_combo.currentText(),
            "notes": self.ui.notes_edit.text(),
            "branch_id": self.ui.branch_combo.currentData(),
        }

    def show_errors(self, errors: dict[str, str]) -> None:
        show_field_errors(self.ui, FIELD_WIDGETS, errors)
