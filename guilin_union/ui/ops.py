"""The one operation runner: every service call from the UI goes through here.

After Anki's ``CollectionOp``/``QueryOp`` (qt/aqt/operations/__init__.py):

- :class:`CollectionOp` runs a **write** ``op(db) -> OpResult``. It refuses up front when the
  context is read-only, shows a :class:`~guilin_union.core.errors.UserError` through the
  prompt seam (``ctx.prompts.warning``), calls ``ctx.notify(changes)`` exactly once on
  success, and pushes an undo step when the result carries an ``inverse``.
- :class:`QueryOp` runs a **read or a file output** ``op(db) -> T`` (lists, PDFs, Excel
  files). Errors are shown with ``ctx.prompts.error(parent, f"{title}失败", message)``.
- :func:`save_output` is the common "ask where to save, write in the background, remember
  the folder, open the file" sequence built on :class:`QueryOp`.

``run()`` works on the UI thread with ``ctx.db`` (quick writes, under 0.1 s).
``run_in_background()`` runs in the thread pool on the worker's own connection, opened by
:meth:`AppContext.open_worker_db` (read-only when the context is, never migrating: the
context decided both when it opened the file). Tests set ``ops.BACKGROUND = False`` (or use
an in-memory database) to run background operations synchronously on ``ctx.db``.

See /work/coord/ops-api.md (and README, 开发) for examples.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, Self, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QProgressDialog, QWidget

from guilin_union.core.errors import UserError
from guilin_union.services.changes import Changes
from guilin_union.ui.context import AppContext

T = TypeVar("T")

#: Tests switch this off to run background operations synchronously on ``ctx.db``.
BACKGROUND = True

READ_ONLY_MESSAGE = "数据库当前以只读方式打开，不能修改数据。刚才的操作没有执行。"

Progress = Callable[[int, int], None]


class Cancelled(Exception):  # noqa: N818 — a signal, not an error: the user pressed 取消
    """Raised by the progress callback when the user cancelled; the runner stays silent."""


def user_message(exc: BaseException) -> str:
    """The Chinese text to show for an exception (our own errors carry one already)."""
    if isinstance(exc, UserError):
        return str(exc)
    from guilin_union.ui.error_hook import friendly_message

    return friendly_message(exc)


def changes_of(result: Any) -> Changes | None:
    """The :class:`Changes` a service result carries (an ``OpResult``, or ``Changes`` itself)."""
    if isinstance(result, Changes):
        return result
    changes = getattr(result, "changes", None)
    return changes if isinstance(changes, Changes) else None


@dataclass(eq=False)
class _Op(Generic[T]):
    """What both kinds of operation share: callbacks, progress, where it runs. ``op(db)``
    does the work; ``title`` names it in messages shown over ``parent``."""

    ctx: AppContext
    parent: QWidget | None
    title: str
    op: Callable[..., T]

    def __post_init__(self) -> None:
        self._success: Callable[[T], Any] | None = None
        self._failure: Callable[[BaseException], Any] | None = None
        self._progress_label: str | None = None
        self._on_progress: Progress | None = None
        self._wants_progress = False

    # ---- configuration (each returns self, so calls chain)
    def success(self, fn: Callable[[T], Any]) -> Self:
        """Called on the UI thread with the op's return value."""
        self._success = fn
        return self

    def failure(self, fn: Callable[[BaseException], Any]) -> Self:
        """Replaces the default message box; called with the exception (user errors and,
        for background work, unexpected ones too)."""
        self._failure = fn
        return self

    def with_progress(
        self, label: str | None = None, *, on_progress: Progress | None = None
    ) -> Self:
        """The op is called as ``op(db, progress)``; ``progress(done, total)`` raises
        :class:`Cancelled` once the user pressed 取消. With ``on_progress`` the caller shows
        progress itself (e.g. a progress bar in a wizard); otherwise a progress dialog with
        a cancel button appears after half a second."""
        self._wants_progress = True
        self._progress_label = label
        self._on_progress = on_progress
        return self

    # ---- hooks for the subclasses
    def _refuse(self) -> bool:
        return False

    def _report(self, exc: BaseException) -> None:
        raise NotImplementedError

    def _succeeded(self, result: T) -> None:
        if self._success is not None:
            self._success(result)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            return
        if self._failure is not None:
            self._failure(exc)
        else:
            self._report(exc)

    def _call(self, db: Any, progress: Progress) -> T:
        return self.op(db, progress) if self._wants_progress else self.op(db)

    # ---- running
    def run(self) -> T | None:
        """Run now on the UI thread with ``ctx.db``; returns the result (None on failure).

        A :class:`UserError` is shown; any other exception propagates to the error hook."""
        if self._refuse():
            return None
        try:
            result = self._call(self.ctx.db, self._on_progress or (lambda _d, _t: None))
        except (UserError, Cancelled) as exc:
            self._failed(exc)
            return None
        self._succeeded(result)
        return result

    def run_in_background(self) -> None:
        """Run in the thread pool on the worker's own connection; callbacks on the UI thread.

        Every exception is reported (a worker has no error hook)."""
        if self._refuse():
            return
        dialog = self._progress_dialog()
        cancelled = False

        def progress(done: int, total: int) -> None:
            if cancelled:
                raise Cancelled

        def on_progress(done: int, total: int) -> None:
            if self._on_progress is not None:
                self._on_progress(done, total)
            if dialog is not None:
                dialog.setRange(0, max(total, 1))
                dialog.setValue(min(done, total))

        def cancel() -> None:
            nonlocal cancelled
            cancelled = True

        def finish(handler: Callable[[Any], None]) -> Callable[[Any], None]:
            def call(value: Any) -> None:
                if dialog is not None:
                    dialog.reset()
                    dialog.deleteLater()
                handler(value)

            return call

        if dialog is not None:
            dialog.canceled.connect(cancel)

        if not BACKGROUND or str(self.ctx.db_path) == ":memory:":
            # Synchronous (tests, in-memory databases): same reporting as in the pool.
            def sync_progress(done: int, total: int) -> None:
                on_progress(done, total)
                progress(done, total)

            try:
                result = self._call(self.ctx.db, sync_progress)
            except Exception as exc:  # noqa: BLE001 — reported like a worker's failure
                finish(self._failed)(exc)
                return
            finish(self._succeeded)(result)
            return

        ctx = self.ctx

        def task(report: Progress) -> T:
            def worker_progress(done: int, total: int) -> None:
                report(done, total)
                progress(done, total)

            db = ctx.open_worker_db()
            try:
                return self._call(db, worker_progress)
            finally:
                db.conn.close()

        from guilin_union.ui.tasks import run_task

        run_task(task, finish(self._succeeded), finish(self._failed), on_progress)

    def _progress_dialog(self) -> QProgressDialog | None:
        if not self._wants_progress or self._on_progress is not None:
            return None
        dialog = QProgressDialog(
            self._progress_label or f"{self.title}…", "取消", 0, 0, self.parent
        )
        dialog.setWindowTitle(self.title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(500)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        return dialog


@dataclass(eq=False)
class QueryOp(_Op[T]):
    """A read or a file output: ``QueryOp(ctx, parent, title, op).success(show).run_in_background()``."""

    def _report(self, exc: BaseException) -> None:
        self.ctx.prompts.error(self.parent, f"{self.title}失败", user_message(exc))


@dataclass(eq=False)
class CollectionOp(_Op[T]):
    """A write: ``op(db)`` returns an :class:`OpResult` (or anything with ``.changes``).

    On success ``ctx.notify(changes)`` is called once (``changes=`` overrides what the
    result says), then the success callback; when the result has an ``inverse`` an undo
    step named ``undo_text`` (default: the title) is pushed.
    """

    changes: Changes | None = field(default=None, kw_only=True)
    undo_text: str | None = field(default=None, kw_only=True)

    def run_if_confirmed(self, question: str, *, ok_text: str = "确定") -> T | None:
        """Ask ``question`` (titled like the write) under an ``ok_text`` button and
        :meth:`run` when the user agrees; None when cancelled."""
        if not self.ctx.prompts.confirm(self.parent, self.title, question, ok_text=ok_text):
            return None
        return self.run()

    def _refuse(self) -> bool:
        if self.ctx.read_only:
            self.ctx.prompts.warning(self.parent, self.title, READ_ONLY_MESSAGE)
            return True
        return False

    def _report(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            self.ctx.prompts.warning(self.parent, self.title, str(exc))
        else:
            self.ctx.prompts.error(self.parent, f"{self.title}失败", user_message(exc))

    def _succeeded(self, result: T) -> None:
        inverse = getattr(result, "inverse", None)
        if inverse is not None:
            redo = self.op if not self._wants_progress else (lambda db: self.op(db, _no_progress))
            push_undo(self.ctx, self.undo_text or self.title, redo, inverse)
        changes = self.changes if self.changes is not None else changes_of(result)
        if changes is not None:
            self.ctx.notify(changes)
        super()._succeeded(result)


def _no_progress(_done: int, _total: int) -> None:
    return None


# ------------------------------------------------------------------ undo from inverses


class InverseCommand(QUndoCommand):
    """An undo step built from what the service returned, not from screen-made snapshots.

    ``inverse(db)`` undoes the write. When the inverse's own result carries an ``inverse``
    (e.g. "restore this snapshot" answers "delete what was restored") that becomes the redo,
    so ids stay stable; otherwise redo repeats the original operation. The action has been
    done already when the command is pushed, so the first ``redo`` (Qt calls it on push)
    does nothing.
    """

    def __init__(
        self,
        ctx: AppContext,
        text: str,
        redo: Callable[[Any], Any],
        inverse: Callable[[Any], Any],
    ) -> None:
        super().__init__(text)
        self.ctx = ctx
        self._redo = redo
        self._inverse = inverse
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        result = self._run(self._redo)
        next_inverse = getattr(result, "inverse", None)
        if next_inverse is not None:
            self._inverse = next_inverse

    def undo(self) -> None:
        result = self._run(self._inverse)
        next_redo = getattr(result, "inverse", None)
        if next_redo is not None:
            self._redo = next_redo

    def _run(self, action: Callable[[Any], Any]) -> Any:
        if self.ctx.read_only:
            self.setObsolete(True)
            self.ctx.prompts.warning(None, "无法撤销/重做", READ_ONLY_MESSAGE)
            return None
        try:
            result = action(self.ctx.db)
        except UserError as exc:  # e.g. the record was changed meanwhile: say so, keep data
            self.setObsolete(True)
            self.ctx.prompts.warning(None, "无法撤销/重做", str(exc))
            return None
        changes = changes_of(result)
        if changes is not None:
            self.ctx.notify(changes)
        return result


def push_undo(
    ctx: AppContext, text: str, redo: Callable[[Any], Any], inverse: Callable[[Any], Any]
) -> None:
    """Push an undo step for a write already carried out (``CollectionOp`` does this)."""
    ctx.undo_stack.push(InverseCommand(ctx, text, redo, inverse))


# ------------------------------------------------------------------ files


def save_output(
    ctx: AppContext,
    parent: QWidget | None,
    title: str,
    build: Callable[[Any, Path], Any],
    *,
    default_name: str | None = None,
    filters: str = "PDF 文件 (*.pdf)",
    path: Path | None = None,
    background: bool = True,
    open_after: bool = True,
    message: str | Callable[[Any], str] | None = "已保存：",
    done: Callable[[Path, Any], Any] | None = None,
) -> Path | None:
    """Ask where to save (unless ``path`` is given), then ``build(db, path)`` — in the
    background on the worker's connection unless ``background=False`` — which returns the
    written path or ``(path, count)``. Then: remember the folder, open the file when
    ``open_after`` (PDFs in the viewer), and say where it went (``message`` + path; a
    callable gets the build's result; None = no message) unless ``open_after`` opened it.
    ``done(path, result)`` runs last. Returns the chosen path (None when cancelled).
    """
    if path is None:
        from guilin_union.core.filenames import safe_file_name

        start = ctx.last_folder() / (safe_file_name(default_name) if default_name else "")
        path = ctx.prompts.save_file(parent, title, start, filters)
        if path is None:
            return None
        suffix = _suffix_of(filters)
        if suffix and path.suffix.lower() != suffix:
            path = path.with_suffix(suffix)
    target = path

    def finished(result: Any) -> None:
        out = Path(result[0] if isinstance(result, tuple) else result)
        ctx.remember_folder(out)
        opened = False
        if open_after:
            from guilin_union.ui.open_file import open_document

            opened = open_document(out)
        if message is not None and not opened:
            text = message(result) if callable(message) else message
            ctx.prompts.info(parent, title, f"{text}\n{out}")
        if done is not None:
            done(out, result)

    op = QueryOp(ctx, parent, title, lambda db: build(db, target)).success(finished)
    if background:
        op.run_in_background()
    else:
        # The UI-thread variant still reports every failure (a file locked by Excel, …).
        try:
            result = build(ctx.db, target)
        except Exception as exc:  # noqa: BLE001 — shown to the user; nothing was written
            op._failed(exc)
            return target
        finished(result)
    return target


def _suffix_of(filters: str) -> str | None:
    """``"PDF 文件 (*.pdf)"`` → ``".pdf"`` (the first pattern of the first filter)."""
    start = filters.find("(*.")
    if start < 0:
        return None
    end = filters.find(")", start)
    suffix = filters[start + 2 : end].split()[0].strip().lower()
    return suffix if suffix.startswith(".") and "*" not in suffix else None
