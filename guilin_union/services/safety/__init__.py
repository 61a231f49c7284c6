"""Data safety: automatic verified backups, restore, and the settings they depend on.

The GUI and the command line call these; the file work is in ``storage.backup``. Backups
happen without anyone remembering them: on opening (when the newest is older than
``backup_on_open_hours``), on closing (when anything changed), and before every import,
batch, restore and schema migration.

>>> # report = backup_now(db)            # verified copy in the backup folder(s)
>>> # result, restored = restore(db, report.primary)
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import sqlite_utils

from guilin_union.core.errors import ValidationError
from guilin_union.services import settings
from guilin_union.services.changes import Changes, OpResult
from guilin_union.storage import backup as backup_store
from guilin_union.storage.backup import BackupInfo, BackupReport, RestoreReport
from guilin_union.storage.database import database_path

AREA = "safety"
# A restore replaces everything: every screen must reload.
ALL_AREAS = (
    "members",
    "branches",
    "settings",
    "intake",
    "dues",
    "member_status",
    "congress",
    "proposals",
    "workpoints",
    "activities",
    "welfare",
    "safety",
    "recycle",
)

settings.register_defaults(
    {
        "backup_folder": ("", "备份文件夹（空：数据文件旁的 backups 文件夹）"),
        "backup_second_folder": ("", "第二备份文件夹（U 盘或网络共享；空：不另存）"),
        "backup_keep_all_days": (2, "保留最近几天内的全部备份"),
        "backup_keep_daily": (7, "另按天保留的份数"),
        "backup_keep_weekly": (8, "另按周保留的份数"),
        "backup_keep_monthly": (12, "另按月保留的份数"),
        "backup_on_open_hours": (24, "打开数据库时，最新备份早于多少小时则自动备份"),
        "recycle_retention_days": (90, "回收站保留天数"),
    }
)

BACKUP_SETTING_KEYS = (
    "backup_folder",
    "backup_second_folder",
    "backup_keep_all_days",
    "backup_keep_daily",
    "backup_keep_weekly",
    "backup_keep_monthly",
    "backup_on_open_hours",
    "recycle_retention_days",
)
_NUMBER_LIMITS = {
    "backup_keep_all_days": (0, 365),
    "backup_keep_daily": (0, 366),
    "backup_keep_weekly": (0, 520),
    "backup_keep_monthly": (0, 1200),
    "backup_on_open_hours": (1, 24 * 30),
    "recycle_retention_days": (1, 3650),
}

REASON_LABELS = {
    "manual": "手动备份",
    "on-open": "打开时自动备份",
    "on-close": "关闭时自动备份",
    "before-migration": "升级结构前",
    "before-restore": "恢复前",
    "before-erase": "删除个人信息前",
    "before-move": "移动数据文件前",
    "before-batch": "批量操作前",
}


def stop_writing(db: sqlite_utils.Database) -> None:
    """The lock was lost (another PC judged this program gone and took the file): from now on
    this connection only reads, so two programs never write at once."""
    from guilin_union.storage.database import stop_writes

    stop_writes(db)


def reason_label(reason: str) -> str:
    """Chinese text for a backup reason: ``before-import-members`` -> ``导入前（members）``.

    >>> reason_label("on-close")
    '关闭时自动备份'
    """
    base = reason.rsplit("-", 1)[0] if reason.rsplit("-", 1)[-1].isdigit() else reason
    if base in REASON_LABELS:
        return REASON_LABELS[base]
    if base.startswith("before-import"):
        what = base[len("before-import") :].strip("-_")
        return "导入前" + (f"（{what}）" if what else "")
    if base.startswith("before-"):
        return "操作前（" + base[len("before-") :] + "）"
    return base


def backup_folders(db: sqlite_utils.Database) -> tuple[Path | None, Path | None]:
    """(primary, second) backup folders of this database."""
    return backup_store.configured_folders(db, database_path(db))


def backup_now(
    db: sqlite_utils.Database,
    *,
    reason: str = "manual",
    to: Path | None = None,
    now: _dt.datetime | None = None,
) -> BackupReport:
    """A verified backup now: to ``to`` if given, else to the configured folder(s), thinned."""
    return backup_store.make_backups(db, reason=reason, folder=Path(to) if to else None, now=now)


def list_backups(db: sqlite_utils.Database) -> list[BackupInfo]:
    """Backups of this database in every folder it uses (and beside the file), newest first."""
    path = database_path(db)
    primary, second = backup_folders(db)
    folders = [primary, second, backup_store.backup_dir_for(path) if path else None]
    return backup_store.list_backups(folders)


def newest_backup_time(db: sqlite_utils.Database) -> _dt.datetime | None:
    path = database_path(db)
    primary, second = backup_folders(db)
    return backup_store.newest_backup_time(
        [primary, second, backup_store.backup_dir_for(path) if path else None]
    )


def max_change_id(db: sqlite_utils.Database) -> int:
    """The newest change-log id: every write is logged, so a larger id means a change."""
    return int(db.execute("SELECT coalesce(max(id), 0) FROM change_log").fetchone()[0])


def changed_since(db: sqlite_utils.Database, change_id: int) -> bool:
    """Was anything written since ``change_id``? (Events such as reveals do not count.)"""
    row = db.execute(
        "SELECT 1 FROM change_log WHERE id > ? AND action IN ('insert', 'update', 'delete', 'restore', 'erase')"
        " LIMIT 1",
        [change_id],
    ).fetchone()
    return row is not None


def needs_backup_on_open(db: sqlite_utils.Database, now: _dt.datetime | None = None) -> bool:
    """True when the database holds data and its newest backup is older than the setting."""
    if database_path(db) is None or max_change_id(db) == 0:
        return False  # an empty new database has nothing to lose
    newest = newest_backup_time(db)
    if newest is None:
        return True
    hours = float(settings.get(db, "backup_on_open_hours") or 24)
    return (now or _dt.datetime.now()) - newest > _dt.timedelta(hours=hours)


def backup_on_open(
    db: sqlite_utils.Database, now: _dt.datetime | None = None
) -> BackupReport | None:
    if not needs_backup_on_open(db, now):
        return None
    return backup_now(db, reason="on-open", now=now)


def backup_on_close(
    db: sqlite_utils.Database, start_change_id: int, now: _dt.datetime | None = None
) -> BackupReport | None:
    """A backup when anything changed since the program opened the file."""
    if database_path(db) is None or not changed_since(db, start_change_id):
        return None
    return backup_now(db, reason="on-close", now=now)


def restore(
    db: sqlite_utils.Database, source: Path, *, now: _dt.datetime | None = None
) -> tuple[OpResult, RestoreReport]:
    """Back up the current state, then put ``source``'s content into the open database."""
    report = backup_store.restore_backup(db, Path(source), now=now)
    return OpResult(Changes.of(*ALL_AREAS)), report


def current_backup_settings(db: sqlite_utils.Database) -> dict[str, Any]:
    return settings.get_many(db, list(BACKUP_SETTING_KEYS))


def save_backup_settings(db: sqlite_utils.Database, values: Mapping[str, Any]) -> OpResult:
    """Check and store the backup settings (folders must be creatable; numbers in range)."""
    clean: dict[str, Any] = {}
    for key in ("backup_folder", "backup_second_folder"):
        if key not in values:
            continue
        text = str(values.get(key) or "").strip()
        if text:
            folder = Path(text)
            if not folder.is_absolute():
                raise ValidationError("请选择完整的文件夹路径（如 D:\\工会备份）", key)
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                if key == "backup_folder":
                    raise ValidationError(f"无法使用文件夹 {folder}：{exc}", key) from None
                # A USB drive that is not plugged in now may be later: allowed for the second folder.
        clean[key] = text
    for key, (low, high) in _NUMBER_LIMITS.items():
        if key not in values:
            continue
        try:
            number = int(values[key])
        except (TypeError, ValueError):
            raise ValidationError(f"{settings.DEFAULTS[key][1]}应为整数", key) from None
        if not low <= number <= high:
            raise ValidationError(f"{settings.DEFAULTS[key][1]}应在 {low} 到 {high} 之间", key)
        clean[key] = number
    settings.set_many(db, clean)
    return OpResult(Changes.of("settings", AREA))


def describe_backup(info: BackupInfo) -> dict[str, Any]:
    """A row for the restore list: the JSON fields plus Chinese display text."""
    from guilin_union.core.dates import format_cn_date

    data = info.to_json()
    data["reason_label"] = reason_label(info.reason)
    data["created_text"] = f"{format_cn_date(info.created.date())} {info.created:%H:%M:%S}"
    data["size_text"] = format_size(info.size)
    return data


def format_size(size: int) -> str:
    """``format_size(2_500_000)`` -> ``'2.4 MB'``.

    >>> format_size(2_500_000)
    '2.4 MB'
    """
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"


def move_database(
    db: sqlite_utils.Database, target: Path, *, backups_to_old_place: bool = True
) -> Path:
    """Make a verified copy of the database (and its ``attachments`` folder) at ``target``
    (a local folder), and send the copy's backups to the old place (its second backup folder):
    a share or a synced folder is a fine place for backups, just not for the live file.

    The caller then opens ``target`` and stops using the old file.
    """
    import sqlite3

    from guilin_union.services.safety.copies import vacuum_copy
    from guilin_union.storage.integrity import integrity_check

    source = database_path(db)
    target = Path(target)
    if source is not None and target.resolve() == source.resolve():
        raise ValidationError("新位置与原位置相同")
    if target.exists():
        raise ValidationError(f"目标位置已有文件：{target}")
    with vacuum_copy(db, target) as temp:
        copy = sqlite3.connect(str(temp))
        try:
            if integrity_check(copy) != "ok":
                raise ValidationError("复制出的文件校验失败，未移动")
        finally:
            copy.close()
    if source is not None and (source.parent / "attachments").is_dir():
        # Evidence files travel with the data (their paths are relative to the file).
        import shutil

        shutil.copytree(
            source.parent / "attachments", target.parent / "attachments", dirs_exist_ok=True
        )
    if backups_to_old_place and source is not None:
        from guilin_union.storage.database import open_database

        moved = open_database(target)
        try:
            settings.set_many(
                moved, {"backup_second_folder": str(backup_store.backup_dir_for(source))}
            )
        finally:
            moved.conn.close()
    return target
