"""进展情况 dialog: a dated progress note, and optionally the item's new status.

It returns the values through ``submit`` (which calls the service) and never writes itself;
a refused value is shown in the dialog, which stays open.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QWidget

from guilin_union.core.workpoints import ITEM_STATUSES
from guilin_union.ui.forms.ui_workpoints_note_dialog import Ui_WorkpointNoteDialog
from guilin_union.ui.widgets.date_fields import iso_date
from guilin_union.ui.widgets.dialog_buttons import save_cancel
from guilin_union.ui.widgets.form_dialog import SubmitMessageOnSave
from guilin_union.ui.workpoints.common import qdate, shorten

KEEP_STATUS = "不修改"


class NoteDialog(SubmitMessageOnSave, QDialog):
    """``submit(values) -> error message or None``; values: note_date, text, recorded_by,
    set_status (None: keep)."""

    def __init__(
        self,
        submit: Callable[[dict[str, Any]], str | None],
        *,
        item_title: str,
        status: str,
        data: dict[str, Any] | None = None,
        recorder: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_WorkpointNoteDialog()
        self.ui.setupUi(self)
        self.setObjectName("workpoints_note_dialog")
        self._submit = submit
        self.ui.item_label.setText(shorten(item_title, 80))
        self.ui.item_label.setToolTip(item_title)
        save_cancel(self.ui.button_box, self, self.save)
        self.ui.status_combo.addItem(f"{KEEP_STATUS}（现为“{status}”）", None)
        for value in ITEM_STATUSES:
            if value != status:
                self.ui.status_combo.addItem(f"改为“{value}”", value)
        if data:
            self.setWindowTitle("修改进展情况")
            self.ui.date_edit.setDate(qdate(_dt.date.fromisoformat(data["note_date"])))
            self.ui.text_edit.setPlainText(data["text"])
            self.ui.recorded_by_edit.setText(data.get("recorded_by") or "")
            self.ui.status_combo.setEnabled(False)  # a status change belongs to a new note
        else:
            self.setWindowTitle("记录进展情况")
            self.ui.date_edit.setDate(qdate(_dt.date.today()))
            self.ui.recorded_by_edit.setText(recorder)
            if status == "未开始":  # the first progress usually means the work has started
                self.ui.status_combo.setCurrentIndex(
                    max(0, self.ui.status_combo.findData("进行中"))
                )
        self.ui.text_edit.setFocus()

    def values(self) -> dict[str, Any]:
        return {
            "note_date": iso_date(self.ui.date_edit),
            "text": self.ui.text_edit.toPlainText(),
            "recorded_by": self.ui.recorded_by_edit.text().strip() or None,
            "set_status": self.ui.status_combo.currentData(),
        }
