"""A full disk: recognise it anywhere and say so plainly, with the space the action needs.

SQLite reports a full disk as ``sqlite3.OperationalError: database or disk is full``
(SQLITE_FULL, also for a journal that cannot grow); file writes raise ``OSError`` with
ENOSPC (Windows: ERROR_DISK_FULL 112 / ERROR_HANDLE_DISK_FULL 39). Nothing is lost in either
case (the transaction rolls back), but the user needs to hear "the disk is full, free about
N MB" instead of a traceback.

>>> import errno
>>> is_disk_full(OSError(errno.ENOSPC, "No space left on device"))
True
>>> is_disk_full(sqlite3.OperationalError("database or disk is full"))
True
>>> is_disk_full(sqlite3.OperationalError("database is locked"))
False
>>> size_text(3 * 1024 * 1024 + 200 * 1024), size_text(5000)
('3.2 MB', '4 KB')
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path

from guilin_union.core.errors import UserError

__all__ = [
    "DiskFullError",
    "database_bytes",
    "ensure_free_space",
    "free_bytes",
    "is_disk_full",
    "size_text",
    "storage_failure_message",
]

#: Kept free beyond an action's own estimate (the change log, the backup index, the journal).
MARGIN = 1024 * 1024
_WINDOWS_DISK_FULL = {39, 112}  # ERROR_HANDLE_DISK_FULL, ERROR_DISK_FULL


class DiskFullError(UserError, OSError):
    """Not enough free space for an action; nothing was written (message in Chinese)."""

    def __init__(self, message: str, *, needed: int | None = None, free: int | None = None):
        super().__init__(message)
        self.message = message
        self.needed = needed
        self.free = free

    def __str__(self) -> str:
        return self.message


def is_disk_full(exc: BaseException) -> bool:
    """True when ``exc`` (or what caused it) means "no space left"."""
    seen = 0
    while exc is not None and seen < 5:
        if isinstance(exc, DiskFullError):
            return True
        if isinstance(exc, sqlite3.Error):
            code = getattr(exc, "sqlite_errorcode", None)
            if code is not None and code & 0xFF == 13:  # SQLITE_FULL
                return True
            if "disk is full" in str(exc).lower():
                return True
        if isinstance(exc, OSError) and not isinstance(exc, sqlite3.Error):
            if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
                return True
            if getattr(exc, "winerror", None) in _WINDOWS_DISK_FULL:
                return True
        exc = exc.__cause__ or exc.__context__  # type: ignore[assignment]
        seen += 1
    return False


def size_text(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(1, size // 1024)} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def free_bytes(folder: Path) -> int | None:
    """Free bytes on the disk holding ``folder`` (its nearest existing parent); None if
    that cannot be told (e.g. a share that does not say)."""
    folder = Path(folder)
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            try:
                return shutil.disk_usage(candidate).free
            except OSError:
                return None
    return None


def disk_full_message(folder: Path, needed: int | None, action: str) -> str:
    free = free_bytes(folder)
    text = f"磁盘空间已满：{folder} 所在的磁盘"
    text += f"只剩 {size_text(free)}，" if free is not None else "没有足够的空间，"
    if needed is not None:
        text += f"{action}约需 {size_text(needed)}。"
    else:
        text += f"无法完成{action}。"
    return (
        text + "未做任何修改，数据完好。请清理该磁盘（删除不需要的文件、清空回收站）"
        "或在“设置 ▸ 备份设置”中把备份文件夹改到其他磁盘后重试。"
    )


def ensure_free_space(folder: Path, needed: int, action: str) -> None:
    """Raise :class:`DiskFullError` before an action that needs ``needed`` bytes in
    ``folder`` when the disk has less (plus a small margin)."""
    free = free_bytes(folder)
    if free is not None and free < needed + MARGIN:
        raise DiskFullError(
            disk_full_message(folder, needed + MARGIN, action), needed=needed + MARGIN, free=free
        )


def database_bytes(conn: sqlite3.Connection) -> int:
    """The size of the open database (pages in use): what a backup of it needs."""
    try:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        free = conn.execute("PRAGMA freelist_count").fetchone()[0]
    except sqlite3.Error:
        return 0
    return int(max(pages - free, 0) * size)


def storage_failure_message(exc: BaseException, ctx: object) -> str:
    """A Chinese message for a storage failure the command line did not expect: a full disk
    (with the space the action needs) or a write to a damaged file opened read-only."""
    db_path = getattr(ctx, "db_path", None)
    if is_disk_full(exc):
        if isinstance(exc, DiskFullError):
            return exc.message
        folder = Path(db_path).parent if db_path else Path.cwd()
        target = getattr(exc, "filename", None)
        if isinstance(exc, OSError) and isinstance(target, str) and target:
            folder = Path(target).parent  # an export or a copy elsewhere: that disk
        needed = None
        try:
            if db_path and Path(db_path).exists():
                # The rollback journal may hold up to a copy of the pages a write touches.
                needed = Path(db_path).stat().st_size + MARGIN
        except OSError:
            needed = None
        return disk_full_message(folder, needed, "本操作")
    damaged = getattr(ctx, "damaged", None)
    if damaged is not None:
        return (
            f"{damaged}\n本命令需要修改数据或读到了损坏的部分，未做任何修改。"
            "请先用 restore 命令从备份恢复。"
        )
    return str(exc)
