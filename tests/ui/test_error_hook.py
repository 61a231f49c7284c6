from __future__ import annotations

import errno
import sqlite3

import pytest

from guilin_union.core.errors import ValidationError
from guilin_union.ui.error_hook import friendly_message, write_log


@pytest.mark.parametrize(
    "exc, expected",
    [
        (sqlite3.OperationalError("attempt to write a readonly database"), "只读"),
        (sqlite3.OperationalError("database is locked"), "正忙"),
        (PermissionError(errno.EACCES, "denied", "C:/a.xlsx"), "C:/a.xlsx"),
        (OSError(errno.ENOSPC, "No space left on device"), "磁盘空间不足"),
        (ValidationError("姓名不能为空"), "姓名不能为空"),
        (KeyError("x"), "意外错误"),
    ],
)
def test_friendly_messages_are_chinese(exc, expected):
    assert expected in friendly_message(exc)


def test_traceback_is_logged(tmp_path, monkeypatch):
    monkeypatch.setattr(
        "guilin_union.ui.error_hook.error_log_path", lambda: tmp_path / "logs" / "e.log"
    )
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        path = write_log(type(exc), exc, exc.__traceback__)
    assert path is not None and "RuntimeError: boom" in path.read_text(encoding="utf-8")


def test_qt_standard_texts_are_chinese(qtbot):
    from PySide6.QtCore import QCoreApplication

    from guilin_union.ui.application import ensure_application

    ensure_application()
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
