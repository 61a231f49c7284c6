"""Verified backups: ``VACUUM INTO`` a temporary name, ``integrity_check`` it, then rename.

Copying the file while it is open can copy a torn state; VACUUM INTO reads a consistent
snapshot through SQLite itself. Every backup is recorded in a small index file in its folder
(``guilin-union-backups.json``); retention thinning only ever deletes a file whose name has
our pattern AND that the index says we wrote (with the same size), so a user's own copies in
the same folder are never touched.

Restoring goes through SQLite's backup API into the open connection (never a file copied
over an open database), after a backup of the current state.

>>> plan_thinning([], RetentionPolicy(), _dt.datetime(2024, 3, 5))
set()
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import re
import shutil
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypedDict, Unpack

import sqlite_utils

from guilin_union.core.errors import UserError

BACKUP_PREFIX = "guilin-union-backup-"
MANIFEST_NAME = "guilin-union-backups.json"
_NAME_RE = re.compile(r"^guilin-union-backup-(\d{8})-(\d{6})-([A-Za-z0-9_-]+)\.db$")
_TEMP_SUFFIX = ".tmp"

# Counted for the restore list: "how much is in this backup" (only tables that exist).
COUNTED_TABLES: dict[str, str] = {
    "members": "会员",
    "welfare_payments": "慰问发放",
    "proposals": "提案",
}

# Domain settings (stored in the database; registered with labels by services.safety).
SETTING_DEFAULTS: dict[str, Any] = {
    "backup_folder": "",  # "" = the ``backups`` folder beside the database
    "backup_second_folder": "",  # e.g. a USB drive or a network share; "" = none
    "backup_keep_all_days": 2,
    "backup_keep_daily": 7,
    "backup_keep_weekly": 8,
    "backup_keep_monthly": 12,
}


class BackupError(UserError, RuntimeError):
    """A backup could not be made or did not verify (message in Chinese)."""


# ------------------------------------------------------------------ settings and folders


def read_setting(db: sqlite_utils.Database, key: str) -> Any:
    """A setting straight from the ``settings`` table (storage may not import services)."""
    default = SETTING_DEFAULTS.get(key)
    try:
        row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    except sqlite3.Error:
        return default
    if row is None:
        return default
    try:
        return json.loads(row[0])
    except ValueError:
        return default


def backup_dir_for(db_path: Path) -> Path:
    return db_path.parent / "backups"


def configured_folders(
    db: sqlite_utils.Database, db_path: Path | None
) -> tuple[Path | None, Path | None]:
    """(primary, second) backup folders from the settings; primary defaults beside the file."""
    primary_text = str(read_setting(db, "backup_folder") or "").strip()
    second_text = str(read_setting(db, "backup_second_folder") or "").strip()
    primary = Path(primary_text) if primary_text else (backup_dir_for(db_path) if db_path else None)
    second = Path(second_text) if second_text else None
    if second is not None and primary is not None and _same_path(second, primary):
        second = None
    return primary, second


def _same_path(a: Path, b: Path) -> bool:
    try:
        return os.path.normcase(str(a.resolve())) == os.path.normcase(str(b.resolve()))
    except OSError:
        return str(a) == str(b)


@dataclass(frozen=True)
class RetentionPolicy:
    """Everything from the last ``keep_all_days`` days, then the newest backup of each of the
    last ``daily`` days, ``weekly`` ISO weeks and ``monthly`` months that have backups."""

    keep_all_days: int = 2
    daily: int = 7
    weekly: int = 8
    monthly: int = 12

    @classmethod
    def from_settings(cls, db: sqlite_utils.Database) -> RetentionPolicy:
        def number(key: str) -> int:
            try:
                return max(0, int(read_setting(db, key)))
            except (TypeError, ValueError):
                return int(SETTING_DEFAULTS[key])

        return cls(
            number("backup_keep_all_days"),
            number("backup_keep_daily"),
            number("backup_keep_weekly"),
            number("backup_keep_monthly"),
        )


# ------------------------------------------------------------------ the index file


def _read_manifest(folder: Path) -> dict[str, Any]:
    path = folder / MANIFEST_NAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or not isinstance(data.get("files"), dict):
            raise ValueError
    except (OSError, ValueError):
        # Unreadable index: start empty. Thinning then deletes nothing it cannot prove is ours.
        data = {}
    data.setdefault("program", "guilin-union")
    data.setdefault("version", 1)
    data.setdefault("files", {})
    data.setdefault("pending", {})
    return data


def _write_manifest(folder: Path, data: dict[str, Any]) -> None:
    path = folder / MANIFEST_NAME
    temp = path.with_name(path.name + ".new")
    try:
        temp.write_text(
            json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8"
        )
        os.replace(temp, path)
    except OSError:
        temp.unlink(missing_ok=True)  # a full disk must not leave a half-written index
        raise


def recorded_names(folder: Path) -> set[str]:
    """Names the index says this program wrote into ``folder``."""
    return set(_read_manifest(folder)["files"])


# ------------------------------------------------------------------ making backups


@dataclass(frozen=True)
class BackupInfo:
    """One backup file as listed for restore."""

    path: Path
    created: _dt.datetime
    reason: str
    size: int
    counts: dict[str, int] = field(default_factory=dict)
    recorded: bool = True
    schema_version: int | None = None
    # False: the file no longer matches what was recorded when it was written (size, or
    # content hash when its modification time changed); None: no record to compare with.
    matches_record: bool | None = None

    @property
    def folder(self) -> Path:
        return self.path.parent

    def to_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "file": self.path.name,
            "folder": str(self.folder),
            "created_at": self.created.isoformat(timespec="seconds"),
            "reason": self.reason,
            "size": self.size,
            "members": self.counts.get("members"),
            "payments": self.counts.get("welfare_payments"),
            "proposals": self.counts.get("proposals"),
            "recorded": self.recorded,
            "matches_record": self.matches_record,
        }


@dataclass
class BackupReport:
    """What one backup run did: the verified file, its copies, what went wrong on the side."""

    primary: Path
    copies: list[Path] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    deleted: list[Path] = field(default_factory=list)


def parse_backup_name(name: str) -> tuple[_dt.datetime, str] | None:
    """(time, reason) of one of our backup names, None for any other name.

    >>> parse_backup_name("guilin-union-backup-20240305-081500-manual.db")
    (datetime.datetime(2024, 3, 5, 8, 15), 'manual')
    >>> parse_backup_name("my-copy.db") is None
    True
    """
    match = _NAME_RE.match(name)
    if not match:
        return None
    try:
        when = _dt.datetime.strptime(match.group(1) + match.group(2), "%Y%m%d%H%M%S")
    except ValueError:
        return None
    return when, match.group(3)


def _counts(conn: sqlite3.Connection) -> dict[str, int]:
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return {
        t: int(conn.execute(f"SELECT count(*) FROM [{t}]").fetchone()[0])
        for t in COUNTED_TABLES
        if t in tables
    }


def _schema_version_of(conn: sqlite3.Connection) -> int | None:
    try:
        return int(conn.execute("SELECT count(*) FROM _migrations").fetchone()[0])
    except sqlite3.Error:
        return None


def _open_ro(path: Path) -> sqlite3.Connection:
    from guilin_union.storage.uri import connect_read_only

    return connect_read_only(path)


def verify_backup(path: Path) -> str:
    """``"ok"`` or what is wrong with a backup file (full ``integrity_check``)."""
    from guilin_union.storage.integrity import integrity_check

    try:
        conn = _open_ro(path)
        try:
            return integrity_check(conn)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return str(exc)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _unique_name(folder: Path, stamp: str, reason: str) -> Path:
    final = folder / f"{BACKUP_PREFIX}{stamp}-{reason}.db"
    n = 1
    while final.exists() or final.with_name(final.name + _TEMP_SUFFIX).exists():
        n += 1
        final = folder / f"{BACKUP_PREFIX}{stamp}-{reason}-{n}.db"
    return final


def _safe_reason(reason: str) -> str:
    return "".join(ch for ch in reason if ch.isascii() and (ch.isalnum() or ch in "-_")) or "manual"


@dataclass(frozen=True)
class _NewBackup:
    """A backup being written to ``folder``: under its ``temp`` name first, then renamed to
    ``final`` once verified; ``reason`` and ``when`` go into the index with it."""

    folder: Path
    reason: str
    when: _dt.datetime
    final: Path

    @classmethod
    def named(cls, folder: Path, reason: str, when: _dt.datetime) -> _NewBackup:
        return cls(
            folder, reason, when, _unique_name(folder, when.strftime("%Y%m%d-%H%M%S"), reason)
        )

    @property
    def temp(self) -> Path:
        return self.final.with_name(self.final.name + _TEMP_SUFFIX)


def _record(
    new: _NewBackup,
    checked: tuple[dict[str, int], int | None],
    *,
    source: Path | None,
    state: str | None = None,
) -> None:
    """Index a verified backup (``checked``: its counts and schema version) and clear its
    pending mark."""
    counts, schema = checked
    final = new.final
    manifest = _read_manifest(new.folder)
    manifest["pending"].pop(new.temp.name, None)
    manifest["files"][final.name] = {
        "created_at": new.when.isoformat(timespec="seconds"),
        "reason": new.reason,
        "size": final.stat().st_size,
        "counts": counts,
        "schema_version": schema,
        "source": str(source) if source else None,
        "state": state,
        "sha256": _sha256(final),
        "mtime_ns": final.stat().st_mtime_ns,
    }
    _write_manifest(new.folder, manifest)


def _mark_pending(new: _NewBackup) -> None:
    manifest = _read_manifest(new.folder)
    manifest["pending"][new.temp.name] = new.when.isoformat(timespec="seconds")
    _write_manifest(new.folder, manifest)


def _finish_temp(temp: Path, final: Path) -> tuple[dict[str, int], int | None]:
    """Check a written temp file, then give it its final name."""
    from guilin_union.storage.integrity import integrity_check

    check = sqlite3.connect(str(temp))
    try:
        result = integrity_check(check)
        counts = _counts(check) if result == "ok" else {}
        schema = _schema_version_of(check)
    finally:
        check.close()
    if result != "ok":
        raise BackupError(f"备份文件校验失败：{result}")
    os.replace(temp, final)
    _fsync_dir(final.parent)
    return counts, schema


def _write_one(db: sqlite_utils.Database, folder: Path, reason: str, when: _dt.datetime) -> Path:
    from guilin_union.storage.database import database_path
    from guilin_union.storage.disk_space import (
        DiskFullError,
        database_bytes,
        disk_full_message,
        ensure_free_space,
        is_disk_full,
    )

    if db.conn.in_transaction:
        raise BackupError("不能在未完成的操作中备份，请稍后再试。")
    folder.mkdir(parents=True, exist_ok=True)
    needed = database_bytes(db.conn)
    ensure_free_space(folder, needed, "备份")  # before anything is written
    new = _NewBackup.named(folder, reason, when)
    final, temp = new.final, new.temp
    try:
        _mark_pending(new)
        try:
            db.execute("VACUUM INTO ?", [str(temp)])
            checked = _finish_temp(temp, final)
        finally:
            for leftover in (temp, temp.with_name(temp.name + "-journal")):
                if leftover.exists():
                    leftover.unlink()
    except (sqlite3.Error, OSError) as exc:
        if is_disk_full(exc) and not isinstance(exc, DiskFullError):
            final.unlink(missing_ok=True)
            raise DiskFullError(disk_full_message(folder, needed + 1024 * 1024, "备份")) from exc
        raise
    _record(new, checked, source=database_path(db), state=_state(db))
    return final


def _state(db: sqlite_utils.Database) -> str | None:
    """What identifies the data's state: every write of the program adds a change-log entry
    and every migration a row of ``_migrations``."""
    try:
        row = db.execute(
            "SELECT (SELECT coalesce(max(id), 0) FROM change_log),"
            " (SELECT count(*) FROM change_log), (SELECT count(*) FROM _migrations)"
        ).fetchone()
    except sqlite3.Error:
        return None
    return ":".join(str(v) for v in row)


def _unchanged_backup(db: sqlite_utils.Database, folder: Path, reason: str) -> Path | None:
    """A "before-…" backup of exactly the current data, made by an earlier attempt (a
    retried import after a full disk or a refused file): reused instead of piling up."""
    state = _state(db)
    if state is None or not folder.is_dir():
        return None
    files = _read_manifest(folder)["files"]
    for name in sorted(files, reverse=True):
        entry = files[name]
        if entry.get("reason") != reason or entry.get("state") != state:
            continue
        path = folder / name
        try:
            if path.is_file() and path.stat().st_size == entry.get("size"):
                return path
        except OSError:
            continue
    return None


def _copy_verified(
    source: Path, folder: Path, reason: str, when: _dt.datetime, origin: Path | None
) -> Path:
    """Copy a closed, verified backup file to another folder (e.g. a USB drive), verified again."""
    folder.mkdir(parents=True, exist_ok=True)
    new = _NewBackup.named(folder, reason, when)
    temp = new.temp
    _mark_pending(new)
    try:
        shutil.copyfile(source, temp)
        with open(temp, "rb+") as handle:
            os.fsync(handle.fileno())
        checked = _finish_temp(temp, new.final)
    finally:
        if temp.exists():
            temp.unlink()
    _record(new, checked, source=origin)
    return new.final


def make_backups(
    db: sqlite_utils.Database,
    *,
    reason: str = "manual",
    folder: Path | None = None,
    now: _dt.datetime | None = None,
    thin: bool = True,
) -> BackupReport:
    """Back up to ``folder`` or, by default, to the configured folder and the second folder,
    then thin the configured folders (``thin=False`` keeps every file, e.g. before a restore).

    A problem with the second folder (USB drive not plugged in) does not fail the backup; it
    is listed in ``problems``.
    """
    from guilin_union.storage.database import database_path

    when = now or _dt.datetime.now()
    safe_reason = _safe_reason(reason)
    source = database_path(db)
    if folder is not None:
        return BackupReport(primary=_write_one(db, Path(folder), safe_reason, when))
    primary, second = configured_folders(db, source)
    problems: list[str] = []
    if primary is None:
        raise BackupError("内存数据库无法备份到默认文件夹，请指定备份文件夹。")
    if safe_reason.startswith("before-"):
        reused = _unchanged_backup(db, primary, safe_reason)
        if reused is not None:
            return BackupReport(primary=reused)
    try:
        written = _write_one(db, primary, safe_reason, when)
    except OSError as exc:
        from guilin_union.storage.disk_space import DiskFullError

        if isinstance(exc, DiskFullError):
            raise
        fallback = backup_dir_for(source) if source is not None else None
        if fallback is None or _same_path(fallback, primary):
            raise BackupError(f"无法写入备份文件夹 {primary}：{exc}") from exc
        problems.append(f"备份文件夹 {primary} 不可用（{exc}），本次备份已保存到 {fallback}")
        written = _write_one(db, fallback, safe_reason, when)
        primary = fallback
    report = BackupReport(primary=written, problems=problems)
    if second is not None:
        try:
            report.copies.append(_copy_verified(written, second, safe_reason, when, source))
        except (OSError, BackupError) as exc:
            report.problems.append(f"第二备份文件夹 {second} 不可用：{exc}")
    if thin:
        policy = RetentionPolicy.from_settings(db)
        for target in [primary, *([second] if second is not None else [])]:
            try:
                report.deleted += thin_backups(target, policy, now=when)
            except OSError as exc:
                report.problems.append(f"整理旧备份时出错（{target}）：{exc}")
    return report


class BackupTarget(TypedDict, total=False):
    """The keywords of :func:`make_backup` (defaults as in :func:`make_backups`)."""

    reason: str
    folder: Path | None
    now: _dt.datetime | None


def make_backup(db: sqlite_utils.Database, **target: Unpack[BackupTarget]) -> Path:
    """Write a verified copy of ``db`` and return its path (see :func:`make_backups`)."""
    return make_backups(db, **target).primary


# ------------------------------------------------------------------ retention thinning


def plan_thinning(
    backups: Sequence[tuple[str, _dt.datetime]], policy: RetentionPolicy, now: _dt.datetime
) -> set[str]:
    """Names to KEEP among ``(name, time)``: every backup of the last ``keep_all_days``,
    then the newest of each of the latest ``daily`` days, ``weekly`` weeks and ``monthly``
    months; the newest backup of all is always kept.

    >>> t = _dt.datetime(2024, 3, 5, 12)
    >>> files = [("a", t), ("b", t - _dt.timedelta(days=40)), ("c", t - _dt.timedelta(days=40, hours=1))]
    >>> sorted(plan_thinning(files, RetentionPolicy(2, 1, 1, 12), t))
    ['a', 'b']
    """
    ordered = sorted(backups, key=lambda b: (b[1], b[0]), reverse=True)
    keep: set[str] = set()
    if ordered:
        keep.add(ordered[0][0])
    cutoff = now - _dt.timedelta(days=policy.keep_all_days)
    days: set[_dt.date] = set()
    weeks: set[tuple[int, int]] = set()
    months: set[tuple[int, int]] = set()
    for name, when in ordered:
        if when >= cutoff:
            keep.add(name)
        day = when.date()
        if day not in days and len(days) < policy.daily:
            days.add(day)
            keep.add(name)
        iso = when.isocalendar()
        week = (iso[0], iso[1])
        if week not in weeks and len(weeks) < policy.weekly:
            weeks.add(week)
            keep.add(name)
        month = (when.year, when.month)
        if month not in months and len(months) < policy.monthly:
            months.add(month)
            keep.add(name)
    return keep


def thin_backups(
    folder: Path, policy: RetentionPolicy, *, now: _dt.datetime | None = None
) -> list[Path]:
    """Delete the backups ``policy`` does not keep; returns the deleted paths.

    Only files that match our name pattern, are recorded in the folder's index and still
    have the recorded size are candidates: anything else in the folder is left alone.
    """
    now = now or _dt.datetime.now()
    if not folder.is_dir():
        return []
    manifest = _read_manifest(folder)
    files: dict[str, dict[str, Any]] = manifest["files"]
    candidates: list[tuple[str, _dt.datetime]] = []
    for name, entry in list(files.items()):
        parsed = parse_backup_name(name)
        path = folder / name
        if parsed is None:
            continue
        if not path.is_file():
            files.pop(name)  # deleted by hand: forget it
            continue
        if path.stat().st_size != entry.get("size"):
            continue  # not the file we wrote any more
        candidates.append((name, parsed[0]))
    keep = plan_thinning(candidates, policy, now)
    deleted: list[Path] = []
    for name, _when in candidates:
        if name in keep:
            continue
        path = folder / name
        try:
            path.unlink()
        except OSError:
            continue
        files.pop(name, None)
        deleted.append(path)
    # Temporary files of backups interrupted by a crash (recorded before they were started).
    for temp_name, started in list(manifest["pending"].items()):
        try:
            age = now - _dt.datetime.fromisoformat(started)
        except ValueError:
            age = _dt.timedelta(days=999)
        if age < _dt.timedelta(hours=1):
            continue
        temp = folder / temp_name
        base = temp_name[: -len(_TEMP_SUFFIX)] if temp_name.endswith(_TEMP_SUFFIX) else ""
        if parse_backup_name(base) is not None and temp.is_file():
            try:
                temp.unlink()
            except OSError:
                continue
        manifest["pending"].pop(temp_name, None)
    _write_manifest(folder, manifest)
    return deleted


def clean_interrupted(db: sqlite_utils.Database, db_path: Path | None) -> list[Path]:
    """Remove what interrupted backups left in the backup folders (``….db.tmp``, its
    ``-journal``, a half-written index ``….json.new``) and an interrupted damaged-file
    recovery (``<db>.restoring``). Called when the database is opened for writing, i.e.
    while this program holds the file's lock, so no backup of it can be running.
    """
    if db_path is None:
        return []
    removed: list[Path] = []
    leftovers: list[Path] = [
        db_path.with_name(db_path.name + suffix)
        for suffix in (".restoring", _RESTORE_TEMP_SUFFIX, _RESTORE_TEMP_SUFFIX + "-journal")
    ]
    folders = {backup_dir_for(db_path), *[f for f in configured_folders(db, db_path) if f]}
    for folder in folders:
        try:
            if not folder.is_dir():
                continue
            names = [p.name for p in folder.iterdir()]
        except OSError:
            continue
        for name in names:
            base = name.removesuffix("-journal")
            if base.endswith(_TEMP_SUFFIX) and parse_backup_name(base[: -len(_TEMP_SUFFIX)]):
                leftovers.append(folder / name)
            elif name == MANIFEST_NAME + ".new":
                leftovers.append(folder / name)
    for path in leftovers:
        try:
            if path.is_file():
                path.unlink()
                removed.append(path)
        except OSError:
            continue
    return removed


# ------------------------------------------------------------------ listing


def _sha256(path: Path) -> str:
    import hashlib

    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def _matches_record(path: Path, recorded: dict[str, Any] | None) -> bool | None:
    """Does the file still match its record? Size always; the content hash only when the
    modification time changed (so listing stays fast)."""
    if recorded is None:
        return None
    stat = path.stat()
    if stat.st_size != recorded.get("size"):
        return False
    if recorded.get("sha256") and stat.st_mtime_ns != recorded.get("mtime_ns"):
        try:
            return _sha256(path) == recorded["sha256"]
        except OSError:
            return False
    return True


def inspect_backup(path: Path, *, recorded: dict[str, Any] | None = None) -> BackupInfo:
    """Date, size and counts of a backup (counts read from the file when not recorded)."""
    parsed = parse_backup_name(path.name)
    created = parsed[0] if parsed else _dt.datetime.fromtimestamp(path.stat().st_mtime)
    reason = parsed[1] if parsed else "other"
    size = path.stat().st_size
    matches = _matches_record(path, recorded)
    if matches and recorded is not None and isinstance(recorded.get("counts"), dict):
        return BackupInfo(
            path,
            created,
            reason,
            size,
            dict(recorded["counts"]),
            True,
            recorded.get("schema_version"),
            True,
        )
    counts: dict[str, int] = {}
    schema = None
    try:
        conn = _open_ro(path)
        try:
            counts = _counts(conn)
            schema = _schema_version_of(conn)
        finally:
            conn.close()
    except sqlite3.Error:
        pass
    return BackupInfo(path, created, reason, size, counts, recorded is not None, schema, matches)


def list_backups(folders: Iterable[Path | None]) -> list[BackupInfo]:
    """Our backup files in the folders, newest first (also ones the index does not know)."""
    seen: set[str] = set()
    infos: list[BackupInfo] = []
    for folder in folders:
        if folder is None or not folder.is_dir():
            continue
        key = os.path.normcase(str(folder.resolve()))
        if key in seen:
            continue
        seen.add(key)
        files = _read_manifest(folder)["files"]
        for path in folder.iterdir():
            if path.is_file() and parse_backup_name(path.name) is not None:
                infos.append(inspect_backup(path, recorded=files.get(path.name)))
    infos.sort(key=lambda i: (i.created, i.path.name), reverse=True)
    return infos


def newest_backup_time(folders: Iterable[Path | None]) -> _dt.datetime | None:
    """Time of the newest backup in the folders (from the names; fast)."""
    newest = None
    for folder in folders:
        if folder is None or not folder.is_dir():
            continue
        for path in folder.iterdir():
            parsed = parse_backup_name(path.name)
            if parsed and (newest is None or parsed[0] > newest):
                newest = parsed[0]
    return newest


def newest_good_backup(
    db_path: Path, *, checked: list[Path] | None = None, limit: int = 10
) -> Path | None:
    """The newest backup of ``db_path`` that passes ``quick_check`` (for a damaged file)."""
    from guilin_union.storage.integrity import quick_check

    folders: list[Path | None] = [backup_dir_for(db_path)]
    try:  # the settings may still be readable in a damaged file
        conn = _open_ro(db_path)
        try:
            db = sqlite_utils.Database(conn)
            folders += list(configured_folders(db, db_path))
        finally:
            conn.close()
    except (sqlite3.Error, OSError):
        pass
    for info in list_backups(folders)[:limit]:
        if checked is not None:
            checked.append(info.path)
        try:
            conn = _open_ro(info.path)
            try:
                if quick_check(conn) == "ok":
                    return info.path
            finally:
                conn.close()
        except sqlite3.Error:
            continue
    return None


# ------------------------------------------------------------------ restoring


@dataclass
class RestoreReport:
    source: Path
    safety_backup: Path | None
    migrated: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def check_restorable(source: Path) -> None:
    """Refuse a file that is damaged, not ours, or from a newer program (Chinese message)."""
    from guilin_union.storage.migrations import DatabaseTooNewError, all_migrations

    if not source.is_file():
        raise BackupError(f"找不到备份文件：{source}")
    result = verify_backup(source)
    if result != "ok":
        raise BackupError(f"备份文件已损坏，不能用于恢复：{source.name}（{result[:200]}）")
    conn = _open_ro(source)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not {"_migrations", "members", "change_log"} <= tables:
            raise BackupError(f"这不是本程序的数据文件，不能用于恢复：{source.name}")
        names = [r[0] for r in conn.execute("SELECT name FROM _migrations")]
    finally:
        conn.close()
    known = {name for name, _ in all_migrations()}
    if any(n not in known for n in names):
        raise DatabaseTooNewError(
            "该备份由更新版本的程序创建，本程序不能用它恢复。请升级程序后再恢复。"
        )


def _forget_caches(db: sqlite_utils.Database) -> None:
    for name in ("_safety_fk_cache", "_safety_has_bin", "_safety_recycle_group"):
        if hasattr(db, name):
            delattr(db, name)


#: Marks change-log entries carried over from the data a restore replaced.
REPLACED_NOTE = "〔恢复前的数据，已被恢复操作替换〕"
_RESTORE_TEMP_SUFFIX = ".restore-tmp"


def _carry_change_log(live: sqlite3.Connection, restored: sqlite3.Connection) -> int:
    """Append to ``restored``'s change log every entry of ``live`` it does not have (those
    written after the backup), marked as belonging to the replaced data. Ids are kept where
    free, so the log stays in order; returns how many entries were carried."""
    columns = "id, ts, os_user, table_name, row_id, action, before_json, after_json, note"
    known = {
        (r[0], r[1], r[2], r[3])
        for r in restored.execute("SELECT id, ts, action, table_name FROM change_log")
    }
    taken = {key[0] for key in known}
    carried = 0
    for row in live.execute(f"SELECT {columns} FROM change_log ORDER BY id"):
        if (row[0], row[1], row[5], row[3]) in known:
            continue
        note = REPLACED_NOTE + (row[8] or "")
        values = [*row[1:8], note]
        if row[0] in taken:
            restored.execute(
                "INSERT INTO change_log (ts, os_user, table_name, row_id, action, before_json,"
                " after_json, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                values,
            )
        else:
            restored.execute(
                f"INSERT INTO change_log ({columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [row[0], *values],
            )
            taken.add(row[0])
        carried += 1
    return carried


def restore_backup(
    db: sqlite_utils.Database, source: Path, *, now: _dt.datetime | None = None
) -> RestoreReport:
    """Replace the open database's content with ``source``, after backing up the current
    state.

    The restored content is prepared in a temporary file beside the database: the backup's
    pages, the migrations an older backup lacks, the change-log entries written since the
    backup (carried over, marked as belonging to the replaced data: the log never loses
    history) and the ``restore`` entry itself. That file is checked, then copied into the
    open connection with SQLite's backup API in one step: a crash at any point leaves either
    the old content or the new content with its log entry, never one without the other.
    """
    import tempfile

    from guilin_union.storage import audit
    from guilin_union.storage.database import UnionDatabase, apply_pragmas, database_path
    from guilin_union.storage.integrity import integrity_check
    from guilin_union.storage.migrations import migrate

    source = Path(source)
    target = database_path(db)
    if target is not None and _same_path(source, target):
        raise BackupError("不能用正在使用的数据文件本身来恢复。")
    check_restorable(source)
    if db.conn.in_transaction:
        raise BackupError("有未完成的操作，暂时不能恢复。")
    report = RestoreReport(source=source, safety_backup=None)
    if target is not None:
        safety = make_backups(db, reason="before-restore", now=now, thin=False)
        report.safety_backup = safety.primary
        report.problems += safety.problems
    scratch = None
    if target is not None:
        temp = target.with_name(target.name + _RESTORE_TEMP_SUFFIX)
    else:
        scratch = tempfile.TemporaryDirectory(prefix="guilin-union-restore-")
        temp = Path(scratch.name) / "restore.db"
    for leftover in (temp, temp.with_name(temp.name + "-journal")):
        leftover.unlink(missing_ok=True)
    from guilin_union.storage.disk_space import database_bytes, ensure_free_space

    # The prepared copy, plus the rollback journal of the live file while it is replaced.
    ensure_free_space(temp.parent, source.stat().st_size + database_bytes(db.conn), "恢复")
    try:
        conn = sqlite3.connect(str(temp))
        try:
            src = _open_ro(source)
            try:
                src.backup(conn)
            finally:
                src.close()
            conn.isolation_level = None
            apply_pragmas(conn)
            prepared = UnionDatabase(conn, execute_plugins=False)
            report.migrated = migrate(prepared, path=None)
            with prepared.atomic():
                carried = _carry_change_log(db.conn, conn)
                audit.log_event(
                    prepared,
                    "database",
                    None,
                    "restore",
                    note=f"从备份恢复：{source.name}"
                    + (
                        f"（恢复前的数据已备份为 {report.safety_backup.name}）"
                        if report.safety_backup
                        else ""
                    )
                    + (f"；恢复前的 {carried} 条操作日志已保留" if carried else ""),
                )
            result = integrity_check(conn)
            if result != "ok":
                raise BackupError(f"准备恢复的数据校验失败，当前数据未改动：{result[:200]}")
            conn.backup(db.conn)  # one step: the old content or the new, never half
        finally:
            conn.close()
    finally:
        for leftover in (temp, temp.with_name(temp.name + "-journal")):
            leftover.unlink(missing_ok=True)
        if scratch is not None:
            scratch.cleanup()
    _forget_caches(db)
    return report


def _log_recovery(dest: sqlite3.Connection, db_path: Path, source: Path, damaged: Path) -> None:
    """Into the file about to replace a damaged one: the change-log entries of the damaged
    file that can still be read (best effort, all or none) and the ``restore`` entry, so
    the replacement carries its own record (it is renamed into place in one step)."""
    from guilin_union.storage import audit

    carried = 0
    dest.isolation_level = None
    dest.execute("BEGIN")
    try:
        dest.execute("SAVEPOINT carry")
        try:
            old = _open_ro(db_path)
            try:
                carried = _carry_change_log(old, dest)
            finally:
                old.close()
            dest.execute("RELEASE carry")
        except sqlite3.Error:
            dest.execute("ROLLBACK TO carry")
            dest.execute("RELEASE carry")
            carried = 0
        dest.execute(
            "INSERT INTO change_log (ts, os_user, table_name, row_id, action, note)"
            " VALUES (?, ?, 'database', NULL, 'restore', ?)",
            [
                audit.now_iso(),
                audit.os_user(),
                f"从备份恢复：{source.name}（原数据文件已损坏，改名保留为 {damaged.name}）"
                + (f"；原文件中的 {carried} 条操作日志已保留" if carried else ""),
            ],
        )
        dest.execute("COMMIT")
    except BaseException:
        dest.execute("ROLLBACK")
        raise


def recover_damaged(db_path: Path, source: Path, *, now: _dt.datetime | None = None) -> Path:
    """Replace a damaged (closed) database file with a backup; the damaged file is kept
    beside it, renamed, for a technician. Returns the damaged file's new path."""
    check_restorable(source)
    stamp = (now or _dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    damaged = db_path.with_name(f"{db_path.stem}.damaged-{stamp}{db_path.suffix}")
    temp = db_path.with_name(db_path.name + ".restoring")
    if temp.exists():
        temp.unlink()
    src = _open_ro(source)
    try:
        dest = sqlite3.connect(str(temp))
        try:
            src.backup(dest)
            _log_recovery(dest, db_path, source, damaged)
            from guilin_union.storage.integrity import integrity_check

            if integrity_check(dest) != "ok":
                raise BackupError("恢复出的文件校验失败，原文件未改动。")
        finally:
            dest.close()
    finally:
        src.close()
    if db_path.exists():
        os.replace(db_path, damaged)
    journal = db_path.with_name(db_path.name + "-journal")
    if journal.exists():
        os.replace(journal, damaged.with_name(damaged.name + "-journal"))
    os.replace(temp, db_path)
    _fsync_dir(db_path.parent)
    return damaged
