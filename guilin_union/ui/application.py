"""Starting the GUI: the QApplication, the database to open, the main window."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from guilin_union.ui.context import AppContext
from guilin_union.ui.prompts import Prompts

ORGANIZATION = "GuilinUnion"
APPLICATION = "guilin-union"


def resources_dir() -> Path:
    """``resources/`` beside the package, or inside a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def ensure_application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("工会工作管理系统")
    icon = resources_dir() / "icons" / "app.png"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app  # type: ignore[return-value]


def choose_db_path(db: str | None, demo: bool) -> Path:
    from guilin_union.storage import default_db_path, demo_db_path

    if demo:
        return demo_db_path()
    if db:
        return Path(db)
    if not os.environ.get("GUILIN_UNION_DB"):
        last = QSettings(ORGANIZATION, APPLICATION).value("database/last", "")
        if last and Path(str(last)).exists():
            return Path(str(last))
    return default_db_path()


def open_context(path: Path, *, prompts: Prompts | None = None, parent: QWidget | None = None) -> AppContext | None:
    """Open the database for the GUI; errors propagate with a Chinese message.

    The safety layer takes the file's lock (or offers read-only), runs ``quick_check``
    (offering the newest good backup for a damaged file), and hands over to a program
    already showing this file on this PC (then None is returned).
    """
    from guilin_union.ui.safety import open_guarded

    return open_guarded(Path(path), prompts=prompts or Prompts(), parent=parent)


def prepare_demo(path: Path) -> None:
    """The demo database is created and filled on first use, apart from the real one."""
    from guilin_union.services.demo import is_empty, populate_demo
    from guilin_union.storage import open_database

    db = open_database(path)
    try:
        if is_empty(db):
            populate_demo(db)
    finally:
        db.conn.close()


def run_gui(db: str | None = None, demo: bool = False) -> int:
    app = ensure_application()
    path = choose_db_path(db, demo)
    prompts = Prompts()
    try:
        if demo:
            prepare_demo(path)
        ctx = open_context(path, prompts=prompts)
    except Exception as exc:
        prompts.error(None, "无法打开数据库", f"{path}\n\n{exc}")
        return 1
    if ctx is None:  # the program already showing this file took over, or the user declined
        return 0
    from guilin_union.ui.main_window import MainWindow

    window = MainWindow(ctx)
    window.show()
    return app.exec()
