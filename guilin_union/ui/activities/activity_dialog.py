"""The activity form: details, events (项目) and the work-point item it serves.

Like every record dialog it never writes: it hands a plain dict to ``submit`` (the caller
calls the service) and shows the errors that come back.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHeaderView,
    QSpinBox,
    QTableWidgetItem,
    QWidget,
)

from guilin_union.core.activities import ACTIVITY_STATUSES, EVENT_KINDS, ORGANISER_KINDS
from guilin_union.ui.activities.common import show_field_errors
from guilin_union.ui.forms.ui_activity_dialog import Ui_ActivityDialog
from guilin_union.ui.widgets.date_fields import optional_date, optional_date_edit, set_optional_date
from guilin_union.ui.widgets.dialog_buttons import save_cancel
from guilin_union.ui.widgets.form_dialog import Submit, SubmitOnSave

FIELD_WIDGETS = {
    "name": "name_edit",
    "type": "type_combo",
    "organiser_kind": "organiser_kind_combo",
    "organiser_branch": "organiser_branch_combo",
    "organiser_name": "organiser_name_edit",
    "start_date": "start_date_edit",
    "end_date": "end_date_edit",
    "place": "place_edit",
    "signup_deadline": "signup_deadline_edit",
    "places": "places_spin",
    "event_limit": "event_limit_spin",
    "status": "status_combo",
    "workpoint_item_id": "workpoint_combo",
    "events": "events_table",
    "description": "description_edit",
}


class ActivityDialog(SubmitOnSave, QDialog):
    def __init__(
        self,
        submit: Submit,
        *,
        types: Sequence[str],
        branches: Sequence[tuple[int, str]],
        workpoints: Callable[[int | None], Sequence[tuple[int, str]]] | None = None,
        data: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ActivityDialog()
        self.ui.setupUi(self)
        self._submit = submit
        self.result_data: dict[str, Any] | None = None
        ui = self.ui
        ui.type_combo.addItems(list(types))
        ui.organiser_kind_combo.addItems(list(ORGANISER_KINDS))
        for branch_id, name in branches:
            ui.organiser_branch_combo.addItem(name, branch_id)
        ui.status_combo.addItems(list(ACTIVITY_STATUSES))
        # The work-point link appears once the work-points area exists; the items offered are
        # those of the year the activity falls in (typed start date), falling back to all.
        self._workpoints = workpoints
        ui.workpoint_combo.setMaximumWidth(520)
        visible = workpoints is not None
        ui.workpoint_combo.setVisible(visible)
        ui.workpoint_label.setVisible(visible)
        self._fill_workpoints(
            data.get("workpoint_item_id") if data else None,
            data.get("workpoint_label") if data else None,
        )
        for edit in (ui.start_date_edit, ui.end_date_edit, ui.signup_deadline_edit):
            optional_date_edit(edit)  # 开始日期 is required: the save asks for it
        ui.start_date_edit.dateChanged.connect(
            lambda _date: self._fill_workpoints(ui.workpoint_combo.currentData())
        )
        table = ui.events_table
        table.setHorizontalHeaderLabels(["项目名称", "类型", "计分倍数"])
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        ui.add_event_button.clicked.connect(lambda: self.add_event_row())
        ui.remove_event_button.clicked.connect(self.remove_event_rows)
        ui.organiser_kind_combo.currentTextChanged.connect(self._organiser_changed)
        save_cancel(ui.button_box, self, self.save)
        self.setWindowTitle("编辑活动" if data else "新建活动")
        if data:
            self.set_data(data)
        self._organiser_changed(ui.organiser_kind_combo.currentText())

    def _year(self) -> int | None:
        text = optional_date(self.ui.start_date_edit)
        return int(text[:4]) if text else None

    def _fill_workpoints(self, keep: int | None = None, keep_label: str | None = None) -> None:
        combo = self.ui.workpoint_combo
        combo.clear()
        combo.addItem("（不关联）", None)
        if self._workpoints is None:
            return
        choices = list(self._workpoints(self._year())) or list(self._workpoints(None))
        for item_id, label in choices:
            combo.addItem(label, item_id)
        if keep is not None and combo.findData(keep) < 0:
            combo.addItem(keep_label or f"工作要点条目 {keep}", keep)
        combo.setCurrentIndex(max(combo.findData(keep), 0))

    # ---- events table
    def add_event_row(
        self, name: str = "", kind: str = "个人", weight: int = 1, event_id: int | None = None
    ) -> int:
        table = self.ui.events_table
        row = table.rowCount()
        table.insertRow(row)
        item = QTableWidgetItem(name)
        item.setData(Qt.ItemDataRole.UserRole, event_id)
        table.setItem(row, 0, item)
        kind_combo = QComboBox()
        kind_combo.addItems(list(EVENT_KINDS))
        kind_combo.setCurrentText(kind)
        table.setCellWidget(row, 1, kind_combo)
        spin = QSpinBox()
        spin.setRange(0, 10)
        spin.setValue(weight)
        spin.setSuffix(" 倍")
        table.setCellWidget(row, 2, spin)
        if not name:
            table.setCurrentCell(row, 0)
            table.editItem(item)
        return row

    def remove_event_rows(self) -> None:
        table = self.ui.events_table
        rows = sorted(
            {i.row() for i in table.selectedIndexes()} or ({table.currentRow()} - {-1}),
            reverse=True,
        )
        for row in rows:
            table.removeRow(row)

    def events(self) -> list[dict[str, Any]]:
        table = self.ui.events_table
        out = []
        for row in range(table.rowCount()):
            item = table.item(row, 0)
            name = item.text().strip() if item else ""
            if not name:
                continue
            kind = table.cellWidget(row, 1)
            weight = table.cellWidget(row, 2)
            out.append(
                {
                    "id": item.data(Qt.ItemDataRole.UserRole),
                    "name": name,
                    "kind": kind.currentText() if isinstance(kind, QComboBox) else "个人",
                    "points_weight": weight.value() if isinstance(weight, QSpinBox) else 1,
                }
            )
        return out

    # ---- values
    def _organiser_changed(self, kind: str) -> None:
        self.ui.organiser_branch_combo.setVisible(kind == "分工会")
        self.ui.organiser_name_edit.setVisible(kind == "上级工会")

    def set_data(self, data: dict[str, Any]) -> None:
        ui = self.ui
        ui.name_edit.setText(data.get("name") or "")
        if data.get("type"):
            if ui.type_combo.findText(data["type"]) < 0:
                ui.type_combo.addItem(data["type"])  # a type since removed from the list
            ui.type_combo.setCurrentText(data["type"])
        ui.organiser_kind_combo.setCurrentText(data.get("organiser_kind") or "校工会")
        index = ui.organiser_branch_combo.findData(data.get("organiser_branch_id"))
        if index >= 0:
            ui.organiser_branch_combo.setCurrentIndex(index)
        ui.organiser_name_edit.setText(data.get("organiser_name") or "")
        for key in ("start_date", "end_date", "signup_deadline"):
            set_optional_date(getattr(ui, FIELD_WIDGETS[key]), data.get(key))
        ui.place_edit.setText(data.get("place") or "")
        ui.places_spin.setValue(data.get("places") or 0)
        ui.event_limit_spin.setValue(data.get("event_limit") or 0)
        ui.status_combo.setCurrentText(data.get("status") or "筹备中")
        self._fill_workpoints(data.get("workpoint_item_id"), data.get("workpoint_label"))
        ui.description_edit.setPlainText(data.get("description") or "")
        for event in data.get("events") or []:
            self.add_event_row(
                event["name"],
                event.get("kind", "个人"),
                event.get("points_weight", 1),
                event.get("id"),
            )

    def data(self) -> dict[str, Any]:
        ui = self.ui
        return {
            "name": ui.name_edit.text(),
            "type": ui.type_combo.currentText(),
            "organiser_kind": ui.organiser_kind_combo.currentText(),
            "organiser_branch_id": ui.organiser_branch_combo.currentData()
            if ui.organiser_kind_combo.currentText() == "分工会"
            else None,
            "organiser_name": ui.organiser_name_edit.text()
            if ui.organiser_kind_combo.currentText() == "上级工会"
            else None,
            "start_date": optional_date(ui.start_date_edit),
            "end_date": optional_date(ui.end_date_edit),
            "place": ui.place_edit.text(),
            "signup_deadline": optional_date(ui.signup_deadline_edit),
            "places": ui.places_spin.value() or None,
            "event_limit": ui.event_limit_spin.value() or None,
            "status": ui.status_combo.currentText(),
            "workpoint_item_id": ui.workpoint_combo.currentData(),
            "description": ui.description_edit.toPlainText(),
            "events": self.events(),
        }

    # ---- saving
    def show_errors(self, errors: dict[str, str]) -> None:
        show_field_errors(self.ui, FIELD_WIDGETS, errors)
        first = next((k for k in FIELD_WIDGETS if k in errors), None)
        if first:
            getattr(self.ui, FIELD_WIDGETS[first]).setFocus()
