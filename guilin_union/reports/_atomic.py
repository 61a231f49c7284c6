"""Write a file under a temporary name in the target folder, then rename it into place.

If the PDF is open in a viewer that locks it (Adobe Reader, WPS on Windows), the rename fails:
the user is told so plainly and the old file stays as it was. A half-written PDF never
replaces a good one.
"""

from __future__ import annotations

import errno
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from guilin_union.reports.errors import ReportWriteError

# Windows virus scanners briefly lock a freshly written file: retry the rename a few times.
_REPLACE_RETRY_DELAYS = (0.1, 0.3)

__all__ = ["ReportWriteError", "write_atomically"]


def write_atomically(path: str | os.PathLike[str], build: Callable[[Path], None]) -> Path:
    """Call ``build(temp_path)`` and move the result to ``path``; return ``path``.

    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> write_atomically(out, lambda p: p.write_text("ok")).read_text()
    'ok'
    """
    target = Path(path)
    folder = target.parent
    if not folder.is_dir():
        raise ReportWriteError(f"保存位置“{folder}”不存在，请选择其他文件夹。")
    if target.is_dir():
        raise ReportWriteError(f"“{target}”是一个文件夹，请换一个文件名。")
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=".tmp", dir=folder)
    except PermissionError:
        raise ReportWriteError(
            f"没有权限在文件夹“{folder}”中保存文件，请选择其他文件夹。"
        ) from None
    except OSError as exc:
        raise ReportWriteError(f"无法在文件夹“{folder}”中保存文件：{_reason(exc)}") from exc
    os.close(fd)
    temp = Path(temp_name)
    try:
        try:
            build(temp)
            _flush_to_disk(temp)
        except OSError as exc:
            raise ReportWriteError(f"写入“{target.name}”失败：{_reason(exc)}") from exc
        _replace(temp, target)
    finally:
        # After a successful rename the temporary name no longer exists.
        try:
            temp.unlink(missing_ok=True)
        except OSError:
            pass
    return target


def _flush_to_disk(path: Path) -> None:
    # The rename must not reach the disk before the data does (power cut, pulled USB stick).
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _replace(temp: Path, target: Path) -> None:
    for delay in (*_REPLACE_RETRY_DELAYS, None):
        try:
            os.replace(temp, target)
            return
        except PermissionError:
            if delay is None:
                raise ReportWriteError(
                    f"无法覆盖“{target.name}”：该文件可能正在被其他程序（如 PDF 阅读器、WPS）打开，"
                    "或没有写入权限。请关闭该文件后重试，或换一个文件名保存。原文件未被修改。"
                ) from None
            time.sleep(delay)
        except OSError as exc:
            raise ReportWriteError(
                f"无法保存“{target.name}”：{_reason(exc)}。原文件未被修改。"
            ) from exc


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "磁盘空间不足"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "没有写入权限"
    return exc.strerror or str(exc)
