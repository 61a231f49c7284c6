"""The result form: event, then a person (individual events) or a 分工会 (team events),
placing, score and award."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QDialog, QWidget

from guilin_union.ui.activities.common import show_field_errors
from guilin_union.ui.forms.ui_activity_result_dialog import Ui_ActivityResultDialog
from guilin_union.ui.widgets.dialog_buttons import save_cancel
from guilin_union.ui.widgets.form_dialog import Submit, SubmitOnSave

FIELD_WIDGETS = {
    "event": "event_combo",
    "participant": "participant_combo",
    "branch": "branch_combo",
    "rank": "rank_spin",
    "score": "score_edit",
    "award": "award_combo",
}


class ResultDialog(SubmitOnSave, QDialog):
    """``events``: (id, name, kind); ``people``: dicts with id, label, event_ids."""

    def __init__(
        self,
        submit: Submit,
        *,
        events: Sequence[tuple[int, str, str]],
        people: Sequence[dict[str, Any]],
        branches: Sequence[tuple[int, str]],
        awards: Sequence[str],
        data: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ActivityResultDialog()
        self.ui.setupUi(self)
        self._submit = submit
        self.people = list(people)
        self.kinds = {event_id: kind for event_id, _name, kind in events}
        self.result_data: dict[str, Any] | None = None
        ui = self.ui
        self.setWindowTitle("修改成绩" if data else "录入成绩")
        for event_id, name, kind in events:
            ui.event_combo.addItem(f"{name}（团体）" if kind == "团体" else name, event_id)
        for branch_id, name in branches:
            ui.branch_combo.addItem(name, branch_id)
        ui.award_combo.addItems(["", *awards])
        ui.participant_combo.setInsertPolicy(ui.participant_combo.InsertPolicy.NoInsert)
        ui.event_combo.currentIndexChanged.connect(lambda _i: self._event_changed())
        if data:
            ui.event_combo.setCurrentIndex(max(ui.event_combo.findData(data.get("event_id")), 0))
        self._event_changed()
        if data:
            if data.get("participant_id") is not None:
                ui.participant_combo.setCurrentIndex(
                    max(ui.participant_combo.findData(data["participant_id"]), 0)
                )
            if data.get("branch_id") is not None:
                ui.branch_combo.setCurrentIndex(max(ui.branch_combo.findData(data["branch_id"]), 0))
            ui.rank_spin.setValue(data.get("rank") or 0)
            ui.score_edit.setText(data.get("score") or "")
            ui.award_combo.setCurrentText(data.get("award") or "")
            ui.notes_edit.setText(data.get("notes") or "")
        save_cancel(ui.button_box, self, self.save)

    def _event_changed(self) -> None:
        ui = self.ui
        event_id = ui.event_combo.currentData()
        team = self.kinds.get(event_id) == "团体"
        for widget in (ui.branch_combo, ui.branch_label):
            widget.setVisible(team)
        for widget in (ui.participant_combo, ui.participant_label):
            widget.setVisible(not team)
        current = ui.participant_combo.currentData()
        ui.participant_combo.clear()
        # People entered in the event come first; the others can still be chosen (they are
        # then entered in the event by the service, within the per-person limit).
        entered = [p for p in self.people if event_id in p.get("event_ids", [])]
        others = [p for p in self.people if event_id not in p.get("event_ids", [])]
        for person in entered + others:
            suffix = "" if person in entered else "（未报该项目）"
            ui.participant_combo.addItem(person["label"] + suffix, person["id"])
        index = ui.participant_combo.findData(current)
        ui.participant_combo.setCurrentIndex(max(index, 0) if ui.participant_combo.count() else -1)

    def data(self) -> dict[str, Any]:
        ui = self.ui
        team = self.kinds.get(ui.event_combo.currentData()) == "团体"
        return {
            "event_id": ui.event_combo.currentData(),
            "participant_id": None if team else ui.participant_combo.currentData(),
            "branch_id": ui.branch_combo.currentData() if team else None,
            "rank": ui.rank_spin.value() or None,
            "score": ui.score_edit.text(),
            "award": ui.award_combo.currentText(),
            "notes": ui.notes_edit.text(),
        }

    def show_errors(self, errors: dict[str, str]) -> None:
        show_field_errors(self.ui, FIELD_WIDGETS, errors)
