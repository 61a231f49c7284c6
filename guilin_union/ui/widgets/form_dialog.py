"""The 保存 step shared by the record dialogs (活动, 报名, 成绩, 经费, 会员).

Each dialog is given a ``submit(data) -> errors | None`` callback by its view: the view
writes through the service and answers with the field errors it got. The dialog only stays
open while there are errors, so a failed save never loses what was typed.

Example::

    class BudgetDialog(SubmitOnSave, QDialog):
        def data(self) -> dict[str, Any]: ...
        def show_errors(self, errors: dict[str, str]) -> None: ...
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

#: A record dialog's ``submit(data)``: None when saved, else the field errors to show.
Submit = Callable[[dict[str, Any]], dict[str, str] | None]


class SubmitOnSave:
    """Mixin for a QDialog with ``data()``, ``show_errors(errors)`` and ``_submit``.

    After a successful save ``result_data`` holds what was submitted and the dialog is
    accepted; otherwise the errors are shown and the dialog stays open.
    """

    _submit: Callable[[dict[str, Any]], Mapping[str, str] | None]
    result_data: dict[str, Any] | None

    def save(self) -> None:
        data = self.data()  # type: ignore[attr-defined]
        errors = self._submit(data)
        if errors:
            self.show_errors(errors)  # type: ignore[attr-defined]
            return
        self.result_data = data
        self.accept()  # type: ignore[attr-defined]


class SubmitMessageOnSave:
    """Mixin for a QDialog whose ``_submit(values())`` answers with one message or None (a
    note, a status change): the message is shown on ``ui.error_label`` and the dialog stays
    open; None accepts it."""

    _submit: Callable[[dict[str, Any]], str | None]
    ui: Any

    def save(self) -> None:
        error = self._submit(self.values())  # type: ignore[attr-defined]
        if error:
            self.ui.error_label.setText(error)
            return
        self.accept()  # type: ignore[attr-defined]


def _saved(
    ctx: Any,
    parent: Any,
    title: str,
    op: Callable[[Any], Any],
    failed: Callable[[BaseException], Any],
    on_saved: Callable[[Any], Any] | None,
    undo_text: str | None,
) -> bool:
    """Run ``op`` through ``ops.CollectionOp`` (notify, undo from the service's inverse);
    True when saved (then ``on_saved(result)``), else ``failed`` has seen any refusal."""
    from guilin_union.ui import ops

    result = ops.CollectionOp(ctx, parent, title, op, undo_text=undo_text).failure(failed).run()
    if result is None:
        return False
    if on_saved is not None:
        on_saved(result)
    return True


def submit_op(
    ctx: Any,
    parent: Any,
    title: str,
    op: Callable[[Any], Any],
    *,
    on_saved: Callable[[Any], Any] | None = None,
    error_field: str = "name",
    undo_text: str | None = None,
) -> dict[str, str] | None:
    """Run a form's save through ``ops.CollectionOp`` and answer as ``submit`` must: None when
    saved (the runner notified the screens and pushed undo from the service's inverse), else
    the field errors: a validation error's own, any other refusal (e.g. a record changed
    meanwhile, a read-only database) under ``error_field`` so the form shows it."""
    from guilin_union.ui import ops

    errors: dict[str, str] = {}

    def failed(exc: BaseException) -> None:
        own = getattr(exc, "errors", None)
        if isinstance(own, dict):
            errors.update(own)
        else:  # a ValidationError naming its field is shown next to that field
            errors[getattr(exc, "field", None) or error_field] = str(exc)

    if _saved(ctx, parent, title, op, failed, on_saved, undo_text):
        return None
    return errors or {error_field: ops.READ_ONLY_MESSAGE}


def submit_message_op(
    ctx: Any,
    parent: Any,
    title: str,
    op: Callable[[Any], Any],
    *,
    on_saved: Callable[[Any], Any] | None = None,
) -> str | None:
    """As :func:`submit_op` for a dialog that shows one message rather than field errors:
    None when saved (then ``on_saved(result)``), else the refusal to show (the error's text,
    or the read-only message when the runner refused before calling)."""
    from guilin_union.ui import ops

    message: list[str] = []
    if _saved(ctx, parent, title, op, lambda e: message.append(str(e)), on_saved, None):
        return None
    return message[0] if message else ops.READ_ONLY_MESSAGE


def record_submit(
    ctx: Any,
    parent: Any,
    noun: str,
    record_id: int | None,
    add: Callable[[Any, dict[str, Any]], Any],
    update: Callable[[Any, int, dict[str, Any]], Any],
    *,
    on_saved: Callable[[Any], Any] | None = None,
) -> Submit:
    """The ``submit`` of a dialog that adds a record (``record_id`` None: ``add(db, data)``)
    or edits one (``update(db, record_id, data)``), through :func:`submit_op`; the undo
    step is named 新增/修改 ``noun`` and the name typed."""

    def submit(data: dict[str, Any]) -> dict[str, str] | None:
        def op(db: Any) -> Any:
            if record_id is None:
                return add(db, data)
            return update(db, record_id, data)

        title = f"{'新增' if record_id is None else '修改'}{noun} {data.get('name', '')}"
        return submit_op(ctx, parent, title, op, on_saved=on_saved)

    return submit
