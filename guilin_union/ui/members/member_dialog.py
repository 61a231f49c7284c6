"""The member form: every register field, messages next to the fields, ID-derived values.

The dialog never writes to the database: it hands a plain dict to ``submit`` (supplied by the
caller, which calls the service) and shows the field errors that come back.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from guilin_union.core.errors import ValidationError
from guilin_union.core.ids import IdType, parse_id_number
from guilin_union.core.members import (
    EDUCATION_LEVELS,
    EMPLOYMENT_TYPES,
    ETHNICITIES,
    GENDERS,
    POLITICAL_STATUSES,
    TITLES,
    MemberStatus,
)
from guilin_union.ui.forms.ui_member_dialog import Ui_MemberDialog
from guilin_union.ui.widgets.date_fields import (
    EARLIEST_PAST,
    optional_date,
    optional_date_edit,
    set_optional_date,
)
from guilin_union.ui.widgets.dialog_buttons import save_cancel
from guilin_union.ui.widgets.form_dialog import Submit, SubmitOnSave

# field key -> widget attribute on the generated form
FIELD_WIDGETS = {
    "name": "name_edit",
    "gender": "gender_combo",
    "ethnicity": "ethnicity_combo",
    "id_type": "id_type_combo",
    "id_number": "id_number_edit",
    "birth_date": "birth_date_edit",
    "phone": "phone_edit",
    "political_status": "political_status_combo",
    "education": "education_combo",
    "is_model_worker": "is_model_worker_check",
    "branch": "branch_combo",
    "department": "department_edit",
    "staff_no": "staff_no_edit",
    "position": "position_edit",
    "title": "title_combo",
    "employment_type": "employment_type_combo",
    "hire_date": "hire_date_edit",
    "join_date": "join_date_edit",
    "member_no": "member_no_edit",
    "status": "status_combo",
}
ERROR_STYLE = "border: 1px solid #d32f2f;"


class MemberDialog(SubmitOnSave, QDialog):
    def __init__(
        self,
        branches: list[str],
        submit: Submit,
        *,
        data: dict[str, Any] | None = None,
        history_pages: list[tuple[str, QWidget]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_MemberDialog()
        self.ui.setupUi(self)
        self._submit = submit
        self.result_data: dict[str, Any] | None = None
        for edit in (self.ui.birth_date_edit, self.ui.hire_date_edit, self.ui.join_date_edit):
            optional_date_edit(edit, earliest=EARLIEST_PAST)  # picked, 未设定 when unknown
        self._fill_choices(branches)
        self._error_labels: dict[str, QLabel] = {}
        self._add_error_labels()
        self.setWindowTitle("修改会员" if data else "新增会员")
        if data:
            self.set_data(data)
            # Status changes are dated events with a reason (会籍变更 page), never a silent edit.
            self.ui.status_combo.setEnabled(False)
            self.ui.status_combo.setToolTip(
                "会籍状态的变更（转出、退休、退会等）请在下方“会籍变更”页办理，以便保留历史记录。"
            )
        pages = history_pages or []
        for title, page in pages:
            self.ui.history_tabs.addTab(page, title)
        self.ui.history_tabs.setVisible(bool(pages))
        if pages:
            # Several rows of history at once, the same height on every page (issue 15).
            self.ui.history_tabs.setMinimumHeight(190)
        # Tab goes through the form, then the history, then the buttons (issue 15).
        QWidget.setTabOrder(self.ui.notes_edit, self.ui.history_tabs)
        QWidget.setTabOrder(self.ui.history_tabs, self.ui.button_box)
        self.ui.id_number_edit.editingFinished.connect(self.fill_from_id)
        save_cancel(self.ui.button_box, self, self.save)

    # ---- setup
    def _fill_choices(self, branches: list[str]) -> None:
        ui = self.ui
        ui.gender_combo.addItems(["", *GENDERS])
        ui.ethnicity_combo.addItems(["", *ETHNICITIES])
        ui.id_type_combo.addItems([t.value for t in IdType])
        ui.political_status_combo.addItems(["", *POLITICAL_STATUSES])
        ui.education_combo.addItems(["", *EDUCATION_LEVELS])
        ui.branch_combo.addItems(["", *branches])
        ui.title_combo.addItems(["", *TITLES])
        ui.employment_type_combo.addItems(["", *EMPLOYMENT_TYPES])
        ui.status_combo.addItems([s.value for s in MemberStatus])

    def _add_error_labels(self) -> None:
        """Note which fields can show a red message row under them (the field rows of the
        two forms). The rows themselves are made when a field first has an error: most forms
        never show one, and twenty hidden rows slowed every opening (issue 11)."""
        self._labelled: dict[str, QFormLayout] = {}
        for form in (self.ui.personal_form, self.ui.work_form):
            for row in range(form.rowCount()):
                item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
                widget = item.widget() if item else None
                key = next(
                    (k for k, attr in FIELD_WIDGETS.items() if getattr(self.ui, attr) is widget),
                    None,
                )
                if key is not None:
                    self._labelled[key] = form

    def _error_label(self, key: str) -> QLabel:
        """The message row under ``key``'s field (made on first use)."""
        label = self._error_labels.get(key)
        if label is None:
            form = self._labelled[key]
            row, _role = form.getWidgetPosition(self.widget(key))
            label = QLabel()
            label.setObjectName(f"{key}_error")
            label.setWordWrap(True)
            label.setStyleSheet("color: #b00020;")
            label.hide()
            form.insertRow(row + 1, "", label)
            self._error_labels[key] = label
        return label

    # ---- values
    def widget(self, key: str) -> QWidget:
        return getattr(self.ui, FIELD_WIDGETS[key])

    def set_data(self, data: dict[str, Any]) -> None:
        for key in FIELD_WIDGETS:
            value = data.get(key)
            widget = self.widget(key)
            if isinstance(widget, QDateEdit):
                set_optional_date(widget, None if value is None else str(value))
            elif isinstance(widget, QLineEdit):
                widget.setText("" if value is None else str(value))
            elif isinstance(widget, QComboBox):
                text = "" if value is None else str(value)
                index = widget.findText(text)
                if index >= 0:
                    widget.setCurrentIndex(index)
                elif widget.isEditable():
                    widget.setEditText(text)
                elif text:
                    widget.addItem(text)
                    widget.setCurrentIndex(widget.count() - 1)
            elif isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
        self.ui.notes_edit.setPlainText(data.get("notes") or "")

    def data(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key in FIELD_WIDGETS:
            widget = self.widget(key)
            if isinstance(widget, QDateEdit):
                out[key] = optional_date(widget)
            elif isinstance(widget, QLineEdit):
                out[key] = widget.text()
            elif isinstance(widget, QComboBox):
                out[key] = widget.currentText()
            elif isinstance(widget, QCheckBox):
                out[key] = widget.isChecked()
        out["notes"] = self.ui.notes_edit.toPlainText()
        return out

    def fill_from_id(self) -> None:
        """Birth date and gender follow from a resident ID number (GB 11643)."""
        text = self.ui.id_number_edit.text().strip()
        if not text:
            self.show_errors({})
            return
        try:
            info = parse_id_number(text, self.ui.id_type_combo.currentText())
        except ValidationError as exc:
            self.show_errors({"id_number": exc.message})
            return
        self.show_errors({})
        self.ui.id_number_edit.setText(info.number)
        if info.birth_date is not None:
            set_optional_date(self.ui.birth_date_edit, info.birth_date.isoformat())
        if info.gender is not None:
            self.ui.gender_combo.setCurrentText(info.gender)

    # ---- saving
    def show_errors(self, errors: dict[str, str]) -> None:
        for key in self._labelled:
            message = errors.get(key)
            if not message and key not in self._error_labels:
                continue  # never had an error: nothing to clear
            label = self._error_label(key)
            label.setText(message or "")
            label.setVisible(bool(message))
            self.widget(key).setStyleSheet(ERROR_STYLE if message else "")
        other = [m for k, m in errors.items() if k not in self._labelled]
        if errors:
            text = f"有 {len(errors)} 处需要修改，请看标红的项目。"
            if other:
                text += " " + "；".join(other)
        else:
            text = ""
        self.ui.summary_label.setText(text)
        if errors:
            first = next((k for k in FIELD_WIDGETS if k in errors), None)
            if first:
                self.widget(first).setFocus()
