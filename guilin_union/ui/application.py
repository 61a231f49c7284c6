"""Starting the GUI: the QApplication, the database to open, the main window.

The window is shown first and the database opened in the event loop's first turn (issue 11),
so the program appears at once even on twenty years of records; this module therefore
imports nothing heavy at the top (no sqlite-utils, no services).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QWidget

from guilin_union.ui.prompts import Prompts

if TYPE_CHECKING:
    from guilin_union.ui.context import AppContext
    from guilin_union.ui.main_window import MainWindow

ORGANIZATION = "GuilinUnion"
APPLICATION = "guilin-union"


def resources_dir() -> Path:
    """``resources/`` beside the package, or inside a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def ensure_application(*, window_helpers: bool = True) -> QApplication:
    """The QApplication, set up for this program. ``window_helpers=False`` (the program's
    start) leaves out the application-wide Show filter that fits dialogs and gives access
    keys: it would be called for every event of the first paint, so :func:`run_gui` installs
    it with :func:`install_window_helpers` once the first screen is painted (issue 15)."""
    from guilin_union.ui.theme import application_arguments, apply_light_theme

    app = QApplication.instance()
    made_here = app is None
    if app is None:
        app = QApplication(application_arguments(sys.argv[0] if sys.argv else APPLICATION))
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    # No application display name: Qt appends it to every window title that does not end
    # with it, and the main window's title already names the program (issue 15).
    install_chinese_translation(app)
    # the same light look in Windows 11 dark mode (issue 14)
    apply_light_theme(app, style_chosen=made_here)
    if window_helpers:
        install_window_helpers(app)  # type: ignore[arg-type]
    return app  # type: ignore[return-value]


def install_window_helpers(app: QApplication, *shown: QWidget) -> None:
    """The program's icon on every window; every dialog from now on opens inside the screen
    with a natural Tab order, and every window gets access keys (Alt+letter) — including the
    windows in ``shown``, which were shown before this was installed (issue 15). Idempotent."""
    from PySide6.QtGui import QIcon  # not before the first paint: QIcon brings a large enum

    from guilin_union.ui.access_keys import install_access_keys
    from guilin_union.ui.screen_fit import install_dialog_fitter

    icon = resources_dir() / "icons" / "app.png"
    if app.windowIcon().isNull() and icon.exists():
        app.setWindowIcon(QIcon(str(icon)))

    install_dialog_fitter(app)
    keys = install_access_keys(app)
    for window in shown:
        keys.on_show(window)


_translators: list[QTranslator] = []


def install_chinese_translation(app: QApplication) -> bool:
    """Qt's own texts (file dialogs, Yes/No buttons, context menus) in Simplified Chinese."""
    if _translators:
        return True
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator(app)
    if translator.load(
        QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_", folder
    ):
        app.installTranslator(translator)
        _translators.append(translator)
        return True
    return False


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


def open_context(
    path: Path,
    *,
    prompts: Prompts | None = None,
    parent: QWidget | None = None,
    defer_check: bool = False,
) -> AppContext | None:
    """Open the database for the GUI; errors propagate with a Chinese message.

    The safety layer takes the file's lock (or offers read-only), runs ``quick_check``
    (offering the newest good backup for a damaged file), and hands over to a program
    already showing this file on this PC (then None is returned).

    ``defer_check`` (the program's start): ``quick_check`` runs in the background while the
    first screen fills; until it passes, every write waits for it (a damaged file is never
    written to), and the main window reopens the file through the guarded path above if it
    fails (see ``storage.integrity.DeferredQuickCheck`` and ``MainWindow.attach``).
    """
    from guilin_union.ui.safety import open_guarded

    return open_guarded(
        Path(path), prompts=prompts or Prompts(), parent=parent, defer_check=defer_check
    )


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


def hand_over_to_running_instance(path: Path) -> bool:
    """Before any window is shown: a program on this PC already showing ``path`` is asked to
    come to the front (and allowed to, on Windows); True when it did."""
    from guilin_union.ui.safety.single_instance import notify_running_instance

    return notify_running_instance(path)


# Packages that never use PySide6 (layers below the UI, and sqlite-utils' dependencies).
NOT_QT_PACKAGES = (
    "guilin_union.core",
    "guilin_union.storage",
    "guilin_union.services",
    "sqlite_utils",
    "sqlite_fts4",
    "click",
    "pluggy",
    "dateutil",
    "tabulate",
)


def skip_feature_scan_below_ui() -> None:
    """PySide6 reads the source of every module imported after it, looking for
    ``from __feature__ import …`` (about 0.3 ms a module, some 150 modules before the list
    is filled). Modules of :data:`NOT_QT_PACKAGES` cannot contain it and the program's UI
    modules are Qt without it: both are answered at once; every other module is still read
    (issue 15)."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "skips_below_ui", False):
        return

    def mod_uses_pyside(module: object) -> bool:
        name = str(getattr(module, "__name__", ""))
        if any(name == p or name.startswith(p + ".") for p in NOT_QT_PACKAGES):
            return False
        if name.startswith("guilin_union.ui."):  # the UI: Qt (and no __feature__ anywhere)
            return True
        return bool(original(module))

    mod_uses_pyside.skips_below_ui = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = mod_uses_pyside  # type: ignore[union-attr]


# The list widgets every tab's first screen is made of: UI modules that import nothing of
# storage, services or ui.context, so importing them here while the worker imports those
# never waits for it (two threads importing never wait for each other's modules).
LIST_WIDGET_MODULES = (
    "guilin_union.ui.table_model",
    "guilin_union.ui.widgets.list_helpers",
    "guilin_union.ui.widgets.record_list",
    "guilin_union.ui.widgets.form_dialog",
    "guilin_union.ui.widgets.query_source",
    "guilin_union.ui.widgets.column_fit",
)


def import_list_widgets() -> None:
    import importlib

    for name in LIST_WIDGET_MODULES:
        importlib.import_module(name)


def preload_storage() -> Callable[[], None]:
    """Start importing what the first screen needs from below the UI (sqlite-utils, the
    storage layer, the register's services; no widgets) on a worker thread while the window
    is painted (the paint runs outside Python's lock); returns the function that waits for
    it (issue 15). The caller imports nothing of these until it has waited (no two threads
    import at once); a failure is ignored here and met again by the ordinary import."""
    import threading

    def work() -> None:
        try:
            from guilin_union.ui import context  # sqlite-utils first, without numpy

            context.import_first_screen()
        except Exception:  # noqa: BLE001, S110 — the main thread's own import reports it
            pass

    thread = threading.Thread(target=work, name="preload-storage", daemon=True)
    thread.start()
    return thread.join


FIRST_PAGE_WAIT_S = 0.3  # the early first page is dropped if its read takes longer
PREVIEW_LATEST_MS = 200  # the database opens at the latest this long after the preview
SCHEMA_SETTING = "startup/schema"  # "<program version>|<schema stamp>" (storage.first_page)


def _schema_setting_value() -> str:
    from guilin_union import __version__

    return __version__ + "|"


def early_page_stamp(window: MainWindow, demo: bool) -> str | None:
    """The schema stamp the register's early first page needs (:func:`show_first_page_early`),
    or None when there will be none: the demo (made on first use), another tab first, or no
    stamp recorded by this program version (a first start, or an update that may migrate)."""
    if demo or not window.wants_register_preview():
        return None
    recorded = str(QSettings(ORGANIZATION, APPLICATION).value(SCHEMA_SETTING, "") or "")
    prefix = _schema_setting_value()
    return recorded[len(prefix) :] if recorded.startswith(prefix) else None


def read_first_page_behind(path: Path, stamp: str) -> Callable[[], list[dict] | None]:
    """Start reading the register's first page (:func:`show_first_page_early`) and importing
    the preview's widget modules on a worker thread, while the empty window paints (the
    paint and the query run outside Python's lock); returns the function that waits for the
    rows (None on any failure or after ``FIRST_PAGE_WAIT_S``: the normal path fills the
    register) (issue 15)."""
    import threading

    found: dict[str, list[dict] | None] = {}

    def work() -> None:
        try:
            from guilin_union.storage.first_page import read_first_page
            from guilin_union.ui.members import register_columns  # noqa: F401 — imported early

            found["rows"] = read_first_page(path, stamp)
        except Exception:  # noqa: BLE001, S110 — a preview only: the normal path follows
            pass

    thread = threading.Thread(target=work, name="first-page", daemon=True)
    thread.start()

    def rows() -> list[dict] | None:
        # A file on a slow network share: no preview rather than a frozen window.
        thread.join(FIRST_PAGE_WAIT_S)
        return None if thread.is_alive() else found.get("rows")

    return rows


def show_first_page_early(
    window: MainWindow,
    path: Path,
    stamp: str,
    on_painted: Callable[[], None],
    rows: Callable[[], list[dict] | None] | None = None,
) -> bool:
    """Fill the register's first page straight from the file with plain sqlite3 (read-only),
    before sqlite-utils, the lock and the migrations are loaded (issue 15); the real register
    replaces it once the database is open. Only for a file at ``stamp``, the schema this
    program version recorded (a migration due: nothing early); any failure is silent (the
    normal path fills the register). ``rows``: waits for the rows read by
    :func:`read_first_page_behind` (else they are read here). True when the preview is
    shown; ``on_painted`` is called after its first paint."""
    try:
        if rows is None:
            rows = read_first_page_behind(path, stamp)
        page = rows()
        return page is not None and window.show_register_preview(page, on_painted=on_painted)
    except Exception:  # noqa: BLE001 — a preview only: the normal path follows
        return False


def remember_schema() -> None:
    """After a database opened: record the schema this program writes, so the next start can
    tell an up-to-date file from one that needs a migration without loading the storage layer."""
    try:
        from guilin_union.storage.first_page import program_stamp

        value = _schema_setting_value() + program_stamp()
        settings = QSettings(ORGANIZATION, APPLICATION)
        if settings.value(SCHEMA_SETTING, "") != value:
            settings.setValue(SCHEMA_SETTING, value)
    except Exception:  # noqa: BLE001, S110 — only a start-up speed-up is lost
        pass


def run_gui(db: str | None = None, demo: bool = False) -> int:
    """Show the main window at once, then open the database and fill it."""
    skip_feature_scan_below_ui()
    from guilin_union.ui import error_hook
    from guilin_union.ui.main_window import MainWindow

    app = ensure_application(window_helpers=False)  # installed once the list is painted
    path = choose_db_path(db, demo)
    if hand_over_to_running_instance(path):
        return 0  # the program already showing this file came to the front; no window here
    error_hook.install()
    window = MainWindow(None)
    window.show_fitted()
    stamp = early_page_stamp(window, demo)
    # The storage layer is imported on a worker thread while the window paints — after the
    # early first page when there is one: its read and paint would wait for the worker's
    # imports (Python's lock), and they are what the user waits to see.
    waiting = {"preloaded": preload_storage() if stamp is None else None}
    first_rows = read_first_page_behind(path, stamp) if stamp is not None else None
    app.processEvents()  # painted before the (possibly long) opening of the database
    outcome = {"code": 0}

    def preloaded() -> None:
        if waiting["preloaded"] is None:
            waiting["preloaded"] = preload_storage()
        waiting["preloaded"]()

    def open_and_attach() -> None:
        if stamp is not None and show_first_page_early(
            window, path, stamp, preview_painted, first_rows
        ):
            QTimer.singleShot(PREVIEW_LATEST_MS, open_behind_preview)  # if never painted
        else:
            open_now()

    def preview_painted() -> None:
        # After the paint event the rows are flushed to the screen; then the worker starts
        # (its imports would hold Python's lock while the rows are drawn).
        QTimer.singleShot(0, open_behind_preview)

    def open_behind_preview() -> None:
        if waiting["preloaded"] is not None:
            return  # already under way
        waiting["preloaded"] = preload_storage()
        import_list_widgets()  # while the worker imports the storage layer
        QTimer.singleShot(0, open_after_preview)

    def open_after_preview() -> None:
        if window.is_closed():  # closed while only the preview showed: nothing was opened
            return
        open_now()

    def open_now() -> None:
        install_window_helpers(app, window)  # before the first dialog (a lock or restore question)
        import_list_widgets()  # while the worker still imports the storage layer
        preloaded()  # the storage layer imported meanwhile
        prompts = Prompts()
        try:
            if demo:
                prepare_demo(path)
            ctx = open_context(path, prompts=prompts, defer_check=True)
        except Exception as exc:  # noqa: BLE001 — boundary: any failure to open is shown in Chinese
            prompts.error(window, "无法打开数据库", f"{path}\n\n{exc}")
            outcome["code"] = 1
            window.close()
            return
        if ctx is None:  # the program already showing this file took over, or the user declined
            window.close()
            return
        remember_schema()
        window.attach(ctx, list_first=True)  # the register painted first, then the menus

    QTimer.singleShot(0, open_and_attach)
    code = app.exec()
    return outcome["code"] or code


def explain_windowed_command(args: Sequence[str], *, prompts: Prompts | None = None) -> int:
    """The windowed ``guilin-union.exe`` was given a command: it has no console to answer in
    (``sys.stdout`` is None), so say in a message box to use ``guilin-union-cli.exe``."""
    import subprocess  # list2cmdline only; not at the top (start-up time)

    ensure_application()
    command = subprocess.list2cmdline(list(args))
    (prompts or Prompts()).info(
        None,
        "请使用命令行程序",
        "“guilin-union.exe”是图形界面程序，没有命令行窗口，不能执行命令：\n"
        f"    {command}\n\n"
        "请在“命令提示符”或 PowerShell 中运行同一文件夹里的 guilin-union-cli.exe，例如：\n"
        f"    guilin-union-cli.exe {command}",
    )
    return 2
