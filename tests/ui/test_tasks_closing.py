"""A background task that finishes after its receiver is gone (the window was closed while it
ran) ends quietly: no "Error calling Python override … Traceback" on stderr."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import QThreadPool

from guilin_union.ui import tasks


def test_a_task_finishing_after_its_receiver_is_gone_says_nothing(qtbot, capfd):
    gate = threading.Event()
    seen: list[object] = []
    carrier = tasks.run_task(lambda progress: gate.wait(5), seen.append, seen.append)
    shiboken6.delete(carrier)  # what closing the program does to a task's receiver
    gate.set()
    assert QThreadPool.globalInstance().waitForDone(5000)
    err = capfd.readouterr().err
    assert "Traceback" not in err and "RuntimeError" not in err, err
    assert seen == []
