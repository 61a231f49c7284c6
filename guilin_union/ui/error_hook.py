"""Unexpected errors in the GUI: a plain Chinese message instead of a silent failure.

An exception raised inside a Qt slot would otherwise only reach stderr, which the secretary
never sees. The full traceback goes to a log file in the data folder for whoever helps.
"""

from __future__ import annotations

import datetime as _dt
import sqlite3
import sys
import traceback
from pathlib import Path
from types import TracebackType


def error_log_path() -> Path:
    from guilin_union.ui.context import default_data_dir

    return default_data_dir() / "logs" / "errors.log"


def friendly_message(exc: BaseException) -> str:
    """What to tell the user about an unexpected exception."""
    text = str(exc)
    if isinstance(exc, sqlite3.OperationalError) and "disk is full" in text.lower():
        return (
            "磁盘空间已满：数据文件或它的日志文件无法写入。刚才的操作没有生效，数据完好。"
            "请清理数据文件所在的磁盘（至少留出与数据文件同样大小的空间）后重试。"
        )
    if isinstance(exc, sqlite3.OperationalError) and "readonly" in text.replace(" ", "").lower():
        return (
            "数据库当前以只读方式打开（可能另一台电脑或另一个程序正在使用它，或文件已损坏），"
            "不能保存修改。刚才的操作没有生效。"
        )
    if isinstance(exc, sqlite3.OperationalError) and "locked" in text.lower():
        return "数据库正忙（另一个程序正在写入），刚才的操作没有生效，请稍后重试。"
    if isinstance(exc, PermissionError):
        return f"没有权限写入文件（可能正被 Excel/WPS 或 PDF 阅读器打开）：{exc.filename or text}"
    if isinstance(exc, OSError) and getattr(exc, "errno", None) == 28:
        return "磁盘空间不足，刚才的操作没有生效。请清理磁盘后重试。"
    # Our own errors already carry a Chinese message.
    from guilin_union.core.errors import UserError

    if isinstance(exc, UserError):
        return text
    return f"程序遇到意外错误，刚才的操作可能没有完成：{type(exc).__name__}: {text}"


def write_log(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> Path | None:
    try:
        path = error_log_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as handle:
            handle.write(f"\n==== {_dt.datetime.now().isoformat(timespec='seconds')}\n")
            handle.write("".join(traceback.format_exception(exc_type, exc, tb)))
        return path
    except OSError:
        return None


def install() -> None:
    """Replace sys.excepthook for the GUI process."""
    previous = sys.excepthook

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            previous(exc_type, exc, tb)
            return
        log = write_log(exc_type, exc, tb)
        previous(exc_type, exc, tb)
        try:
            from PySide6.QtWidgets import QApplication, QMessageBox

            if QApplication.instance() is not None:
                detail = f"\n\n详细信息已记录在：{log}" if log else ""
                QMessageBox.warning(
                    QApplication.activeWindow(), "操作未完成", friendly_message(exc) + detail
                )
        except Exception:  # noqa: BLE001 — the hook itself must never crash the program
            pass

    sys.excepthook = hook
