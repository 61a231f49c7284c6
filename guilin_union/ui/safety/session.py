"""Opening a database for the GUI safely: one writer, a healthy file, a clear way out.

:func:`open_guarded` is what ``ui.application.open_context`` calls:

1. a program on this PC already showing the file is brought to the front instead;
2. the lock file is taken; when another program (this PC or another) holds it, the user is
   told who and since when, and may open the file read-only;
3. ``quick_check`` runs on open; a damaged file is offered the newest good backup, or
   opens read-only with a banner that says what to do.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QWidget

from guilin_union.storage.integrity import DamageReport, walk_tables
from guilin_union.storage.lock import DatabaseLock
from guilin_union.ui.context import AppContext
from guilin_union.ui.prompts import Prompts


@dataclass
class SafetySession:
    """What the safety layer knows about one opened database (kept on the context)."""

    db_path: Path
    lock: DatabaseLock | None
    start_change_id: int
    read_only_reason: str | None = None
    damage: DamageReport | None = None

    @property
    def writable(self) -> bool:
        return self.read_only_reason is None

    def release(self) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock = None


def session_of(ctx: AppContext) -> SafetySession | None:
    return getattr(ctx, "safety_session", None)


def damage_message(damage: DamageReport) -> str:
    """What a damaged file means for the user, in Chinese (the text of the open's error)."""
    from guilin_union.storage.integrity import DatabaseDamagedError

    return str(DatabaseDamagedError(damage))


def _start_id(db) -> int:  # noqa: ANN001
    from guilin_union.services.safety import max_change_id

    try:
        return max_change_id(db)
    except sqlite3.Error:
        return 0


def _open_damaged(path: Path):  # noqa: ANN202
    """The damaged file read-only without checks, or None when its tables cannot be read
    (then the screens could not show it either: only a restore helps)."""
    from guilin_union.storage import open_database

    try:
        db = open_database(path, read_only=True, check_integrity=False)
    except sqlite3.DatabaseError:
        return None
    try:
        walk_tables(db)
    except sqlite3.DatabaseError:
        db.conn.close()
        return None
    return db


def open_guarded(
    path: Path, *, prompts: Prompts, parent: QWidget | None = None, defer_check: bool = False
) -> AppContext | None:
    """Open ``path`` for the GUI (see the module docstring); None when the user declined or
    another window of the program took over. ``defer_check``: ``quick_check`` runs in the
    background, writes wait for it (``storage.integrity.DeferredQuickCheck``; the main window
    reopens the file through this function if it fails)."""
    from guilin_union.storage import open_database
    from guilin_union.storage.backup import recover_damaged
    from guilin_union.storage.integrity import DatabaseDamagedError
    from guilin_union.storage.lock import LockHeldError
    from guilin_union.ui.safety.single_instance import notify_running_instance

    path = Path(path)
    if notify_running_instance(path):
        if parent is not None:
            prompts.info(
                parent, "数据库已打开", f"该数据库已在另一个窗口中打开，已切换到那个窗口：\n{path}"
            )
        return None
    lock: DatabaseLock | None = DatabaseLock(path)
    reason: str | None = None
    try:
        lock.acquire()
    except LockHeldError as exc:
        lock = None
        if not path.exists():
            raise
        if not prompts.confirm(
            parent,
            "数据库正在被使用",
            f"{exc}\n\n是否以只读方式打开？（可以查看和打印，不能修改）",
            ok_text="以只读方式打开",
        ):
            return None
        who = exc.holder.describe() if exc.holder else "另一个程序"
        reason = f"只读方式：该数据库正被{who}使用，本窗口不能修改数据。"
    damage: DamageReport | None = None
    try:
        try:
            db = open_database(path, read_only=reason is not None, defer_quick_check=defer_check)
        except DatabaseDamagedError as exc:
            damage = exc.report
            viewable = _open_damaged(path)
            recovered = False
            if lock is not None and damage.newest_backup is not None:
                later = (
                    "如暂不恢复，将以只读方式打开，可以查看但不能修改。"
                    if viewable is not None
                    else "文件损坏严重，不恢复就无法打开。"
                )
                recovered = prompts.confirm(
                    parent,
                    "数据文件已损坏",
                    f"{exc}\n\n是否立即用这个备份恢复？损坏的文件会改名保留在原文件夹中，供技术人员检查。\n{later}",
                    ok_text="从备份恢复",
                )
            if recovered:
                if viewable is not None:
                    viewable.conn.close()
                damaged_copy = recover_damaged(path, damage.newest_backup)
                db = open_database(path)
                prompts.info(
                    parent,
                    "已从备份恢复",
                    f"已用备份 {damage.newest_backup.name} 恢复数据。\n损坏的文件保留为：\n{damaged_copy}\n\n"
                    "请核对备份之后录入的数据，必要时重新录入。",
                )
                damage = None
            elif viewable is None:
                prompts.error(
                    parent, "无法打开数据库", f"{exc}\n\n文件损坏严重，无法以只读方式打开。"
                )
                if lock is not None:
                    lock.release()
                return None
            else:
                db = viewable
                reason = (
                    "只读方式：数据文件已损坏，为避免进一步损坏不能修改。"
                    "请用“文件 ▸ 恢复备份…”恢复最近的完好备份。"
                )
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    ctx = AppContext(db=db, db_path=path, prompts=prompts, read_only=reason is not None)
    ctx.safety_session = SafetySession(  # type: ignore[attr-defined]
        db_path=path,
        lock=lock,
        start_change_id=_start_id(db),
        read_only_reason=reason,
        damage=damage,
    )
    return ctx
