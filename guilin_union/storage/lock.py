"""One writer per database file: a lock file beside it (``union.db.lock``).

The lock file says who holds the database — computer, user, process, since when — so a
second program (on this PC or another PC through a share) can tell the user instead of both
writing. SQLite's own locks last only for one transaction and are unreliable on network
shares, so they cannot do this.

A lock left by a crashed program is recognised and cleared:

- same computer: the process is gone (or its id now belongs to a process started later);
- another computer: its lock file (rewritten every minute while the program runs) has not
  changed for longer than ``stale_after`` (default 10 minutes). That is judged without the
  two PCs' clocks — office PCs drift, and comparing the holder's timestamp with this PC's
  clock once cleared a live lock. Either this PC watched the file stay the same for that long
  (its own monotonic clock), or the file server says so: the lock file's modification time
  against that of a probe file written beside it now, both stamped by the same server. A lock
  that keeps changing is never cleared, whatever timestamps it contains.

Clearing renames the stale file to a unique name first, so of two programs clearing at the
same moment only one wins, and a fresh lock written meanwhile is never thrown away.

>>> lock_path_for(Path("/data/union.db")).name
'union.db.lock'
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import platform
import sys
import threading
import time
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from guilin_union.core.errors import ConflictError

DEFAULT_STALE_AFTER = _dt.timedelta(minutes=10)
HEARTBEAT_SECONDS = 60.0
# A lock file younger than this that cannot be read is being written right now.
_FRESH_UNREADABLE = _dt.timedelta(seconds=30)


def lock_path_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def computer_name() -> str:
    """The PC's name as Windows shows it (COMPUTERNAME), else the host name."""
    return os.environ.get("COMPUTERNAME") or platform.node() or "unknown"


def _now() -> _dt.datetime:
    return _dt.datetime.now().replace(microsecond=0)


# ------------------------------------------------------------------ processes


def process_start_marker(pid: int) -> str | None:
    """Something that changes when a process id is reused (the start time), if available."""
    if sys.platform.startswith("linux"):
        try:
            text = Path(f"/proc/{pid}/stat").read_text()
            return text.rsplit(")", 1)[1].split()[19]  # field 22: start time in clock ticks
        except (OSError, IndexError):
            return None
    if os.name == "nt":  # tested with a fake ctypes.windll (tests/storage/test_windows_branches.py)
        return _windows_start_time(pid)
    return None


def pid_alive(pid: int) -> bool:
    """Is a process with this id running (zombies count as gone)?"""
    if pid <= 0:
        return False
    if os.name == "nt":
        return _windows_pid_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    except OSError:
        return False
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        return state not in ("Z", "X")
    except (OSError, IndexError):
        return True


def _windows_pid_alive(pid: int) -> bool:
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return ctypes.GetLastError() == 5  # type: ignore[attr-defined]  # access denied: it exists
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def _windows_start_time(pid: int) -> str | None:
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(0x1000, False, pid)
    if not handle:
        return None
    try:
        times = [wintypes.FILETIME() for _ in range(4)]
        if not kernel32.GetProcessTimes(handle, *(ctypes.byref(t) for t in times)):
            return None
        return str((times[0].dwHighDateTime << 32) | times[0].dwLowDateTime)
    finally:
        kernel32.CloseHandle(handle)


# ------------------------------------------------------------------ the lock file


@dataclass(frozen=True)
class LockInfo:
    """What the lock file says about its holder."""

    computer: str
    user: str
    pid: int
    started_at: str
    heartbeat_at: str
    token: str
    program: str = "guilin-union"
    pid_start: str | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LockInfo:
        return cls(
            computer=str(data.get("computer") or "?"),
            user=str(data.get("user") or "?"),
            pid=int(data.get("pid") or 0),
            started_at=str(data.get("started_at") or ""),
            heartbeat_at=str(data.get("heartbeat_at") or data.get("started_at") or ""),
            token=str(data.get("token") or ""),
            program=str(data.get("program") or "guilin-union"),
            pid_start=data.get("pid_start"),
        )

    def same_computer(self) -> bool:
        return self.computer.casefold() == computer_name().casefold()

    def since_text(self) -> str:
        try:
            when = _dt.datetime.fromisoformat(self.started_at)
        except ValueError:
            return self.started_at or "未知时间"
        return f"{when.year}年{when.month}月{when.day}日 {when:%H:%M}"

    def describe(self) -> str:
        """Plain Chinese: who holds the database.

        >>> LockInfo("OFFICE-PC", "wang", 42, "2024-03-05T08:30:00", "2024-03-05T08:31:00", "t").describe()
        '计算机“OFFICE-PC”上的用户“wang”（自 2024年3月5日 08:30 起，进程 42）'
        """
        return f"计算机“{self.computer}”上的用户“{self.user}”（自 {self.since_text()} 起，进程 {self.pid}）"


class LockHeldError(ConflictError):
    """Another program holds the database; ``holder`` says who."""

    def __init__(self, holder: LockInfo | None, path: Path) -> None:
        self.holder = holder
        self.path = path
        who = holder.describe() if holder else "另一个程序（正在打开）"
        super().__init__(
            f"该数据库正在被使用：{who}。\n两个程序同时写入同一个数据文件会损坏数据，"
            "请先在那台电脑上退出程序，或以只读方式打开。"
        )


def read_lock(db_path: Path) -> LockInfo | None:
    """The current holder, or None when the file is free (or the lock unreadable)."""
    try:
        data = json.loads(lock_path_for(db_path).read_text(encoding="utf-8"))
        return LockInfo.from_json(data)
    except (OSError, ValueError, TypeError):
        return None


# What this process has seen of other programs' lock files: path -> (content, first seen).
_observed: dict[str, tuple[tuple[bytes, int, int], float]] = {}
_observed_guard = threading.Lock()


def unchanged_for(lock_path: Path, *, clock: Any = time.monotonic) -> float | None:
    """Seconds this process has seen ``lock_path`` stay exactly the same (0.0 when it changed
    since the last look, or on the first look); None when the file is gone.

    Only this PC's monotonic clock is used: the holder's timestamps and clock do not matter.
    """
    try:
        stat = lock_path.stat()
        content = lock_path.read_bytes()
    except OSError:
        return None
    fingerprint = (content, stat.st_mtime_ns, stat.st_size)
    key = os.path.normcase(os.path.abspath(lock_path))
    now = clock()
    with _observed_guard:
        seen = _observed.get(key)
        if seen is None or seen[0] != fingerprint:
            _observed[key] = (fingerprint, now)
            return 0.0
        return now - seen[1]


def server_age(lock_path: Path) -> float | None:
    """Seconds since ``lock_path`` was last written, by the clock of the folder's own file
    system (a file server stamps both files): a probe written beside it now gives "now".

    None when that cannot be told (read-only folder, file gone).
    """
    probe = lock_path.with_name(f"{lock_path.name}.probe-{uuid.uuid4().hex[:8]}")
    try:
        lock_mtime = lock_path.stat().st_mtime
        fd = os.open(probe, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        try:
            os.write(fd, b"probe")
        finally:
            os.close(fd)
        now = probe.stat().st_mtime
    except OSError:
        return None
    finally:
        try:
            probe.unlink()
        except OSError:
            pass
    return max(0.0, now - lock_mtime)


def file_is_stale(lock_path: Path, stale_after: _dt.timedelta = DEFAULT_STALE_AFTER) -> bool:
    """Has the lock file stayed unchanged for longer than ``stale_after``, as this PC watched it
    or as the file server's clock says? (Never by comparing the holder's clock with ours.)"""
    limit = stale_after.total_seconds()
    watched = unchanged_for(lock_path)
    if watched is None:
        return False  # gone meanwhile: the caller simply tries again
    if watched > limit:
        return True
    age = server_age(lock_path)
    return age is not None and age > limit


def is_stale(
    info: LockInfo,
    *,
    path: Path | None = None,
    stale_after: _dt.timedelta = DEFAULT_STALE_AFTER,
) -> bool:
    """Is the holder certainly gone? (See the module docstring for the rules.)

    ``path`` is the lock file; without it only a same-computer holder can be judged.
    """
    if info.same_computer():
        if not pid_alive(info.pid):
            return True
        marker = process_start_marker(info.pid)
        if info.pid_start is not None and marker is not None:
            return marker != info.pid_start  # the id now belongs to another process
        # No way to tell a reused id: a live holder keeps rewriting the file, a reused id not.
    return path is not None and file_is_stale(path, stale_after)


# Lock files this process found left behind and cleared (resolved lock paths).
cleared_locks: set[str] = set()

# Locks held by this process, by resolved lock path: (lock, reference count).
_held: dict[str, list[Any]] = {}
_held_guard = threading.Lock()


class DatabaseLock:
    """The lock on one database file. Use :meth:`acquire` / :meth:`release` (or ``with``).

    Acquiring a lock this process already holds shares it (a second window on the same file
    in the same program is not a second writer).
    """

    def __init__(
        self,
        db_path: Path,
        *,
        stale_after: _dt.timedelta = DEFAULT_STALE_AFTER,
        heartbeat_seconds: float = HEARTBEAT_SECONDS,
    ) -> None:
        self.db_path = Path(db_path)
        self.path = lock_path_for(self.db_path)
        self.stale_after = stale_after
        self.heartbeat_seconds = heartbeat_seconds
        self.info: LockInfo | None = None
        self.owned = False
        self.lost = False  # someone removed or replaced our lock file
        self.cleared: LockInfo | None = None  # the stale lock this acquisition cleared
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._shared_with: DatabaseLock | None = None

    @property
    def _key(self) -> str:
        return os.path.normcase(str(self.path.resolve()))

    # ---- acquiring
    def acquire(self) -> DatabaseLock:
        with _held_guard:
            shared = _held.get(self._key)
            if shared is not None:
                shared[1] += 1
                owner: DatabaseLock = shared[0]
                self.info, self.owned, self._shared_with = owner.info, True, owner
                return self
        for _attempt in range(5):
            if self._try_create():
                with _held_guard:
                    _held[self._key] = [self, 1]
                self._shared_with = None
                self.owned = True
                self._start_heartbeat()
                return self
            holder = read_lock(self.db_path)
            if holder is None:
                if self._unreadable_is_fresh():
                    raise LockHeldError(None, self.db_path)
                holder = LockInfo("?", "?", 0, "", "", token="")
                self._clear(holder, unreadable=True)
                continue
            if (
                holder.same_computer()
                and holder.pid == os.getpid()
                and _held.get(self._key) is None
            ):
                # Our own process left it (e.g. a window closed without releasing): reuse.
                self._clear(holder)
                continue
            if not is_stale(holder, path=self.path, stale_after=self.stale_after):
                raise LockHeldError(holder, self.db_path)
            self._clear(holder)
        raise LockHeldError(read_lock(self.db_path), self.db_path)

    def _unreadable_is_fresh(self) -> bool:
        age = server_age(self.path)  # the file system's clock, not this PC's
        if age is None:
            return self.path.exists()  # cannot tell: respect it while it is there
        return age < _FRESH_UNREADABLE.total_seconds()

    def _new_info(self) -> LockInfo:
        from guilin_union.storage.paths import os_user

        now = _now().isoformat()
        return LockInfo(
            computer=computer_name(),
            user=os_user(),
            pid=os.getpid(),
            started_at=now,
            heartbeat_at=now,
            token=uuid.uuid4().hex,
            pid_start=process_start_marker(os.getpid()),
        )

    def _try_create(self) -> bool:
        info = self._new_info()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            return False
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(json.dumps(asdict(info), ensure_ascii=False))
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as exc:
            # A lock that cannot be written (disk full) must not stay behind as an empty
            # file: it would block every writer until it goes stale.
            from guilin_union.storage.disk_space import DiskFullError, is_disk_full

            try:
                self.path.unlink()
            except OSError:
                pass
            if is_disk_full(exc):
                raise DiskFullError(
                    f"磁盘空间已满：无法在 {self.path.parent} 写入锁文件（只需几百字节）。"
                    "请清理该磁盘后重试；数据未做任何修改。"
                ) from exc
            raise
        self.info = info
        return True

    def _clear(self, stale: LockInfo, *, unreadable: bool = False) -> None:
        grave = self.path.with_name(f"{self.path.name}.stale-{uuid.uuid4().hex[:8]}")
        try:
            os.replace(self.path, grave)
        except FileNotFoundError:
            return  # someone else cleared it first
        except OSError:
            return
        moved = None
        try:
            moved = LockInfo.from_json(json.loads(grave.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            pass
        if not unreadable and (moved is None or moved.token != stale.token):
            # A fresh lock was written between our read and the rename: put it back.
            try:
                if not self.path.exists():
                    os.replace(grave, self.path)
                    return
            except OSError:
                pass
        self.cleared = stale if not unreadable else None
        cleared_locks.add(self._key)  # a lock existed: storage/empty_file.py asks
        try:
            grave.unlink()
        except OSError:
            pass

    def is_lost(self) -> bool:
        """True when our lock file was removed or replaced by someone else meanwhile."""
        owner = self._shared_with or self
        return owner.lost

    # ---- heartbeat
    def _start_heartbeat(self) -> None:
        if self.heartbeat_seconds <= 0:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._beat, name="guilin-union-lock", daemon=True)
        self._thread.start()

    def _beat(self) -> None:
        while not self._stop.wait(self.heartbeat_seconds):
            self.refresh()

    def refresh(self) -> bool:
        """Rewrite the heartbeat; False (and ``lost``) when the file is no longer ours."""
        if self._shared_with is not None:
            return self._shared_with.refresh()
        if self.info is None or self._stop.is_set():
            return False
        current = read_lock(self.db_path)
        if current is None or current.token != self.info.token:
            self.lost = True
            return False
        info = LockInfo(**{**asdict(self.info), "heartbeat_at": _now().isoformat()})
        temp = self.path.with_name(f"{self.path.name}.{os.getpid()}.new")
        try:
            temp.write_text(json.dumps(asdict(info), ensure_ascii=False), encoding="utf-8")
            os.replace(temp, self.path)
        except OSError:
            try:
                temp.unlink(missing_ok=True)  # a full disk leaves no half-written temp
            except OSError:
                pass
            return True  # e.g. the share is briefly unavailable; try again next minute
        self.info = info
        return True

    # ---- releasing
    def release(self) -> None:
        if not self.owned:
            return
        self.owned = False
        with _held_guard:
            entry = _held.get(self._key)
            if entry is None:
                return
            entry[1] -= 1
            if entry[1] > 0:
                return
            del _held[self._key]
            owner: DatabaseLock = entry[0]
        owner._stop.set()
        owner.owned = False
        self.lost = self.lost or owner.lost
        current = read_lock(owner.db_path)
        if current is not None and owner.info is not None and current.token == owner.info.token:
            try:
                owner.path.unlink()
            except OSError:
                pass

    def __enter__(self) -> DatabaseLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()
