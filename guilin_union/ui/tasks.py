"""Long work off the UI thread: QThreadPool + a signal carrier.

The worker never touches widgets; results come back through queued signals. A worker that
needs the database opens its own connection (an sqlite3 connection belongs to its thread).
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Carrier(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)


class _Task(QRunnable):
    def __init__(self, fn: Callable[..., Any], carrier: _Carrier) -> None:
        super().__init__()
        self.fn = fn
        self.carrier = carrier

    def run(self) -> None:
        try:
            result = self.fn(lambda done, total: self.carrier.progress.emit(done, total))
        except BaseException as exc:  # noqa: BLE001 — reported to the UI thread, never swallowed
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            error = exc
            self._emit(lambda: self.carrier.failed.emit(error))
        else:
            self._emit(lambda: self.carrier.done.emit(result))

    @staticmethod
    def _emit(send: Callable[[], Any]) -> None:
        """Hand the outcome to the UI thread; when the program is closing the receiver may be
        gone already (Qt deleted the carrier): nobody is left to tell, and no traceback."""
        try:
            send()
        except RuntimeError:  # "Signal source has been deleted"
            pass


_alive: set[_Carrier] = set()


def run_task(
    fn: Callable[[Callable[[int, int], None]], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    on_progress: Callable[[int, int], None] | None = None,
) -> _Carrier:
    """Run ``fn(progress)`` in the pool; callbacks run on the UI thread."""
    carrier = _Carrier()
    _alive.add(carrier)

    def finish(handler: Callable[[Any], None]) -> Callable[[Any], None]:
        def call(value: Any) -> None:
            _alive.discard(carrier)
            handler(value)

        return call

    carrier.done.connect(finish(on_done))
    carrier.failed.connect(finish(on_error))
    if on_progress is not None:
        carrier.progress.connect(on_progress)
    QThreadPool.globalInstance().start(_Task(fn, carrier))
    return carrier
