"""Small helpers shared by the activity screens: table set-up, field errors, file names."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtWidgets import QComboBox, QTableView, QWidget

from guilin_union.core.errors import UserError
from guilin_union.ui import palette
from guilin_union.ui.widgets import form_dialog, list_helpers
from guilin_union.ui.widgets.list_helpers import make_id_table

ERROR_STYLE = palette.ERROR_BORDER_STYLE
WARNING_COLOR = palette.WARNING
MUTED_COLOR = palette.MUTED

# Status colours: the waiting list and cancellations stand out without shouting.
PARTICIPANT_STATUS_COLORS = {
    "候补": palette.PENDING,
    "已取消": palette.CANCELLED,
    "已参加": palette.OK,
}
ACTIVITY_STATUS_COLORS = {"报名中": palette.INFO, "进行中": palette.OK, "已取消": palette.CANCELLED}


#: ``list_table(model, object_name=…)``: the shared
#: :func:`~guilin_union.ui.widgets.list_helpers.make_id_table` in the activity screens' look
#: (last column stretched, headers centred), unsorted: rows stay in the order the service
#: gives. The sortable activity lists pass ``sortable=True`` and their ``sort_indicator``.
list_table = partial(make_id_table, sortable=False, stretch_last=True, center_headers=True)


def record_for_edit(
    page: QWidget, ctx: Any, record_id: int | None, get: Callable[[Any, int], Any], title: str
) -> Any:
    """The selected record to edit, read by ``get(db, id)``; None when nothing is selected or
    the record is gone (then a warning titled ``title`` says why)."""
    if record_id is None:
        return None
    try:
        return get(ctx.db, record_id)
    except UserError as exc:
        ctx.prompts.warning(page, title, str(exc))
        return None


def text_or_blank(value: Any, _row: dict[str, Any]) -> str:
    """A cell's text, blank for None, 0 and "" (formatter for :func:`columns`)."""
    return str(value or "")


def compact_combo(combo: QComboBox, chars: int = 8) -> None:
    """A filter combo that does not widen the whole page to its longest item."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)


def fit_columns(
    table: QTableView, stretch: int | None = None, extra: int = 14, maximum: int = 320
) -> None:
    """Columns fit their content (capped), one column takes the spare width."""
    list_helpers.fit_columns(table, stretch, extra=extra, maximum=maximum)


class ActivityPage(QWidget):
    """A page showing the selected activity: :meth:`set_activity` shows another one."""

    activity_id: int | None = None

    def set_activity(self, activity_id: int | None) -> None:
        self.activity_id = activity_id
        self.refresh()

    def refresh(self) -> None:
        raise NotImplementedError

    def enable_controls(self, *widgets: QWidget) -> bool:
        """The page's controls work only with an activity selected; True when one is."""
        enabled = self.activity_id is not None
        for widget in widgets:
            widget.setEnabled(enabled)
        return enabled


#: A form's submit (:func:`form_dialog.submit_op`): a refusal naming no field, and the
#: read-only refusal, come back under ``_``.
submit_op = partial(form_dialog.submit_op, error_field="_")


def show_field_errors(ui: Any, field_widgets: dict[str, str], errors: dict[str, str]) -> None:
    """Outline the fields named in ``errors`` in red (and clear the others), and list the
    messages in the form's ``summary_label``. ``field_widgets`` maps field -> widget attribute."""
    for key, attr in field_widgets.items():
        getattr(ui, attr).setStyleSheet(ERROR_STYLE if key in errors else "")
    ui.summary_label.setText("\n".join(errors.values()))


def safe_file_name(text: str) -> str:
    """A file name from an activity name (Windows forbids \\ / : * ? " < > |)."""
    from guilin_union.core.filenames import safe_file_name as windows_safe

    return windows_safe(text, fallback="活动")
