"""Guard against the PySide6 binding bug that aborts the whole program.

PySide6 6.12.0 on Python 3.11 drops a reference to ``None`` on every call of a Qt method
returning void; after a few thousand calls Python dies with "none_dealloc". pyproject.toml
pins a version without it; this test fails if a future upgrade brings such a bug back.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_qt_calls_do_not_leak_references_to_none(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("会员")
        label.setToolTip("提示")
    after = sys.getrefcount(None)
    assert after >= before - 50, f"None lost {before - after} references: broken PySide6 build"
