"""Small helpers shared by the congress pages: list sources, dates, PDF output off the UI thread."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from guilin_union.ui.context import AppContext

# selected_ids is re-exported: the congress pages import it from here.
from guilin_union.ui.widgets.list_helpers import make_id_table, selected_ids  # noqa: F401

#: Tests switch this off to run printouts synchronously (no thread pool, no waiting).
BACKGROUND = True
WARNING_COLOR = "#b00020"
OK_COLOR = "#1b5e20"
MUTED_COLOR = "#777777"


class ListSource:
    """A row source for :class:`IdTableModel` over one query that returns dicts with ``id``.

    The congress lists are short (a session's agenda, motions, about 150 delegates): the
    query returns them already in order, so the model's sort keys are not used.
    """

    def __init__(self, fetch: Callable[[], list[dict[str, Any]]]) -> None:
        self.fetch = fetch
        self._rows: dict[int, dict[str, Any]] = {}

    def ids(self, sort_key: str | None, descending: bool) -> list[int]:
        rows = self.fetch()
        self._rows = {r["id"]: r for r in rows}
        return [r["id"] for r in rows]

    def rows(self, ids: list[int]) -> dict[int, dict[str, Any]]:
        return {i: self._rows[i] for i in ids if i in self._rows}


def make_table(model: Any, name: str, *, multi: bool = False) -> QTableView:
    """An unsorted id table in the shared list look, the last column taking the spare width
    (the congress queries already return their rows in order)."""
    return make_id_table(model, object_name=name, multi=multi, sortable=False, stretch_last=True)


def fit_columns(table: QTableView, stretch: int | None = None, minimum: int = 60) -> None:
    """Columns sized to their content; ``stretch`` takes the spare width."""
    table.resizeColumnsToContents()
    header = table.horizontalHeader()
    for col in range(header.count()):
        header.resizeSection(col, max(header.sectionSize(col) + 14, minimum))
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def to_qdate(value: str | _dt.date | None) -> QDate:
    if not value:
        return QDate.currentDate()
    day = value if isinstance(value, _dt.date) else _dt.date.fromisoformat(value)
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> str:
    return _dt.date(value.year(), value.month(), value.day()).isoformat()


def save_pdf(
    ctx: AppContext,
    parent: QWidget | None,
    title: str,
    default_name: str,
    build: Callable[[Any, Path], Any],
    *,
    done_text: Callable[[Any], str] | None = None,
) -> Path | None:
    """Ask where to save, build the PDF (in the background on its own database connection),
    then open it. ``build(db, path)`` returns the path or ``(path, count)``."""
    path = ctx.prompts.save_file(
        parent, title, ctx.last_folder() / default_name, "PDF 文件 (*.pdf)"
    )
    if path is None:
        return None
    if path.suffix.lower() != ".pdf":
        path = path.with_suffix(".pdf")
    db_path = ctx.db_path

    def work(_progress: Callable[[int, int], None]) -> Any:
        from guilin_union.storage import open_database

        db = open_database(db_path, run_migrations=False)
        try:
            return build(db, path)
        finally:
            db.conn.close()

    def finished(result: Any) -> None:
        out = result[0] if isinstance(result, tuple) else result
        ctx.remember_folder(Path(out))
        from guilin_union.ui.open_file import open_document

        if not open_document(Path(out)):
            ctx.prompts.info(
                parent, title, (done_text(result) if done_text else "已生成：") + f"\n{out}"
            )

    def failed(exc: BaseException) -> None:
        ctx.prompts.error(parent, f"{title}失败", str(exc))

    if not BACKGROUND:
        try:
            result = build(ctx.db, path)
        except Exception as exc:  # a Chinese message from the service or the report engine
            failed(exc)
            return None
        finished(result)
        return path
    from guilin_union.ui.tasks import run_task

    run_task(work, finished, failed)
    return path


def save_excel(
    ctx: AppContext,
    parent: QWidget | None,
    title: str,
    default_name: str,
    build: Callable[[Any, Path], Any],
) -> Path | None:
    """Exports are quick for these lists: written on the UI thread with a clear message."""
    path = ctx.prompts.save_file(
        parent, title, ctx.last_folder() / default_name, "Excel 工作簿 (*.xlsx)"
    )
    if path is None:
        return None
    if path.suffix.lower() != ".xlsx":
        path = path.with_suffix(".xlsx")
    try:
        result = build(ctx.db, path)
    except Exception as exc:
        ctx.prompts.error(parent, f"{title}失败", str(exc))
        return None
    out = result[0] if isinstance(result, tuple) else result
    ctx.remember_folder(Path(out))
    ctx.prompts.info(parent, title, f"已导出：\n{out}")
    return Path(out)


def run_service(
    ctx: AppContext, parent: QWidget | None, title: str, action: Callable[[], Any]
) -> Any | None:
    """Call a service write; show its Chinese error instead of raising; notify the change."""
    from guilin_union.core.errors import ConflictError, NotFoundError, ValidationError

    try:
        result = action()
    except (ValidationError, ConflictError, NotFoundError) as exc:
        ctx.prompts.warning(parent, title, str(exc))
        return None
    changes = getattr(result, "changes", None)
    if changes is not None:
        ctx.notify(changes)
    return result
