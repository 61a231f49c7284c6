"""Undo/redo (Edit ▸ Undo, Ctrl+Z) for edits and deletes: QUndoStack over service calls.

The action has already been carried out when the command is pushed, so the first ``redo``
(which Qt calls on push) does nothing; later redos repeat the service call.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from guilin_union.core.errors import UserError
from guilin_union.services.changes import OpResult
from guilin_union.ui.context import AppContext


class ServiceCommand(QUndoCommand):
    def __init__(
        self,
        ctx: AppContext,
        text: str,
        undo: Callable[[], OpResult],
        redo: Callable[[], OpResult],
    ) -> None:
        super().__init__(text)
        self.ctx = ctx
        self._undo = undo
        self._redo = redo
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._run(self._redo)

    def undo(self) -> None:
        self._run(self._undo)

    def _run(self, action: Callable[[], OpResult]) -> None:
        try:
            result = action()
        except UserError as exc:  # e.g. the record was changed meanwhile: say so, keep data
            self.setObsolete(True)
            self.ctx.prompts.warning(None, "无法撤销/重做", str(exc))
            return
        self.ctx.notify(result.changes)


def push(
    ctx: AppContext, text: str, undo: Callable[[], OpResult], redo: Callable[[], OpResult]
) -> None:
    ctx.undo_stack.push(ServiceCommand(ctx, text, undo, redo))
