"""The one context object handed to every widget (git-cola's pattern)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QUndoStack

from guilin_union.services.changes import Changes
from guilin_union.storage.lean_import import import_sqlite_utils
from guilin_union.ui.prompts import Prompts

if TYPE_CHECKING:
    import sqlite_utils

# Whichever module imports sqlite-utils first, it comes without numpy (0.1–0.2 s; issue 15).
import_sqlite_utils()

# This module is the UI's one seam into storage (import-linter contract in pyproject.toml):
# it opens connections and knows where the files live; screens ask it, never storage.
# (Looked up at call time: storage stays out of start-up, and tests can patch storage.)


# What the first screen needs from storage and services (``ui.application.preload_storage``
# imports them on a worker thread while the window paints; issue 15).
FIRST_SCREEN_MODULES = (
    "guilin_union.storage.database",
    "guilin_union.storage.integrity",
    "guilin_union.storage.backup",
    "guilin_union.storage.lock",
    "guilin_union.storage.migrations",
    "guilin_union.storage.schema",
    "guilin_union.services.settings",
    "guilin_union.services.printouts",
    "guilin_union.services.safety",
    "guilin_union.services.members",
    "guilin_union.services.members.branches",
)


def import_first_screen() -> None:
    """Import :data:`FIRST_SCREEN_MODULES` (no Qt in any of them)."""
    import importlib

    for name in FIRST_SCREEN_MODULES:
        importlib.import_module(name)


def default_data_dir() -> Path:
    """The user's data folder (logs, the default database, the demo database)."""
    from guilin_union import storage

    return storage.default_data_dir()


def default_db_path() -> Path:
    from guilin_union import storage

    return storage.default_db_path()


def demo_db_path() -> Path:
    from guilin_union import storage

    return storage.demo_db_path()


def backup_dir_for(db_path: Path) -> Path:
    """The automatic-backup folder beside a database file."""
    from guilin_union.storage import backup

    return backup.backup_dir_for(db_path)


@dataclass
class AppContext:
    db: sqlite_utils.Database
    db_path: Path
    prompts: Prompts = field(default_factory=Prompts)
    qsettings: QSettings = field(default_factory=lambda: QSettings("GuilinUnion", "guilin-union"))
    undo_stack: QUndoStack = field(default_factory=QUndoStack)
    read_only: bool = False
    _listeners: list[Callable[[Changes], None]] = field(default_factory=list)
    _after_check: list[Callable[[], None]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.apply_house_style()

    def apply_house_style(self) -> None:
        """Printouts made from this window: issuer and binding margin of this database's
        settings (单位信息). Called again after the settings change."""
        import sqlite3

        from guilin_union.services.printouts import apply_house_style

        try:
            apply_house_style(self.db)
        except (sqlite3.Error, AttributeError, TypeError):  # no settings table / a test double
            pass

    def subscribe(self, listener: Callable[[Changes], None]) -> None:
        self._listeners.append(listener)

    def notify(self, changes: Changes) -> None:
        """Fan a change out once to every screen; each reloads only if it cares."""
        self.apply_house_style()  # 单位信息 may have changed (two small reads)
        for listener in list(self._listeners):
            listener(changes)

    # ---- the integrity check that runs after the window shows (issue 15: start-up)
    @property
    def deferred_check(self) -> Any:
        """The database's ``quick_check`` running in the background
        (``storage.integrity.DeferredQuickCheck``), or None when it ran before the open."""
        return getattr(self.db, "deferred_check", None)

    def integrity_pending(self) -> bool:
        check = self.deferred_check
        return check is not None and not check.done

    def when_checked(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` once the file is known to be healthy: in the next turn of the
        event loop, or after the background ``quick_check`` passed (never if it failed).
        For work that writes on its own, like the backup on open."""
        check = self.deferred_check
        if check is None or check.passed:
            QTimer.singleShot(0, callback)
        else:
            self._after_check.append(callback)

    def integrity_passed(self) -> None:
        """The background check passed (the main window calls this on the UI thread): lift
        the write gate of ``db`` and run what waited for it."""
        check = self.deferred_check
        if check is None or not check.passed:
            return
        self.db.conn.set_authorizer(None)
        waiting, self._after_check = self._after_check, []
        for callback in waiting:
            callback()

    def open_worker_db(self) -> sqlite_utils.Database:
        """A connection for a background worker (an sqlite3 connection belongs to its thread).

        Read-only exactly when the context is; never migrates nor re-checks the file: the
        context decided both when it opened ``db`` (the one seam where the UI opens storage).
        While the background ``quick_check`` runs, its writes wait for it as ``db``'s do.
        """
        from guilin_union.storage import open_database

        db = open_database(
            self.db_path, read_only=self.read_only, run_migrations=False, check_integrity=False
        )
        check = self.deferred_check
        if check is not None:
            check.guard(db.conn)
        return db

    def last_folder(self, key: str = "export") -> Path:
        value = self.qsettings.value(f"folders/{key}", "")
        path = Path(str(value)) if value else Path.home()
        return path if path.exists() else Path.home()

    def remember_folder(self, path: Path, key: str = "export") -> None:
        folder = path if path.is_dir() else path.parent
        self.qsettings.setValue(f"folders/{key}", str(folder))
