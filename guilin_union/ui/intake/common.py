"""Small helpers shared by the intake widgets."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from guilin_union.core.errors import ConflictError, NotFoundError, ValidationError
from guilin_union.services.changes import OpResult
from guilin_union.ui.context import AppContext

# Errors the user can act on: shown as a message, never as a crash.
USER_ERRORS = (ValidationError, ConflictError, NotFoundError)


def run_action(
    ctx: AppContext, parent: QWidget | None, title: str, action: Callable[[], OpResult]
) -> OpResult | None:
    """Run a service write; on success fan the changes out, on a refusal say why."""
    try:
        result = action()
    except USER_ERRORS as exc:
        ctx.prompts.warning(parent, title, str(exc))
        return None
    ctx.notify(result.changes)
    return result


def write_file(
    ctx: AppContext,
    parent: QWidget | None,
    title: str,
    default_name: str,
    filters: str,
    writer: Callable[[Path], Any],
) -> Path | None:
    """Ask where to save, write, report; opens a PDF in the viewer."""
    path = ctx.prompts.save_file(parent, title, ctx.last_folder() / default_name, filters)
    if path is None:
        return None
    try:
        result = writer(path)
    except Exception as exc:  # locked file, no data, … : the message says which
        ctx.prompts.error(parent, f"{title}失败", str(exc))
        return None
    out = Path(result[0] if isinstance(result, tuple) else result)
    ctx.remember_folder(out)
    if out.suffix.lower() == ".pdf":
        from guilin_union.ui.open_file import open_document

        open_document(out)
    ctx.prompts.info(parent, title, f"已保存：\n{out}")
    return out


def this_month() -> str:
    today = _dt.date.today()
    return f"{today.year:04d}-{today.month:02d}"
