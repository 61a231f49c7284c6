"""The main window: one tab per area, menus, status bar, undo, remembered geometry.

Start-up is in two steps so the window appears at once, however large the records are
(issue 11): ``MainWindow(None)`` is the window itself — title, the five tabs, menus, its
remembered size — shown before the database is opened; :meth:`MainWindow.attach` then hands
it the opened database and fills the current tab. The other tabs are built while the program
is idle right after (or at once when the user or the code asks for one), so switching to them
later is instant. ``MainWindow(ctx)`` does both steps at once.
"""

from __future__ import annotations

import importlib
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QWidget

from guilin_union import __version__
from guilin_union.core.errors import UserError
from guilin_union.ui.lazy_tabs import LazyTabs
from guilin_union.ui.safety import install_safety_menus
from guilin_union.ui.screen_fit import restore_window
from guilin_union.ui.tabs import TABS

if TYPE_CHECKING:
    from guilin_union.services.changes import Changes
    from guilin_union.ui.context import AppContext

APP_TITLE = "工会工作管理系统"

# (menu label, tab title, attribute path of the tab's own settings dialog)
AREA_SETTINGS = (
    ("首页提醒…", "首页", "edit_settings"),
    ("教代会与提案规则…", "教代会", "edit_rules"),
    ("会费与会员编号…", "会员入会", "dues_view.edit_settings"),
    ("活动设置…", "活动", "edit_settings"),
    ("慰问设置…", "慰问", "edit_settings"),
)
REGISTER_TAB = "会员入会"
DEFAULT_TAB = [title for title, _module in TABS].index(REGISTER_TAB)  # the register
MENUS_LATEST_MS = 300  # the menus come at the latest this long after the list (not painted)
INTEGRITY_POLL_MS = 50  # how often the window looks whether the background check is done
# The same store as AppContext.qsettings, for the moments before the database is open.
SETTINGS_ORGANIZATION, SETTINGS_APPLICATION = "GuilinUnion", "guilin-union"


class _FirstPaint(QObject):
    """Calls ``callback`` once, after the first paint of ``widget`` (then removes itself)."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._callback: Callable[[], None] | None = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint and self._callback is not None:
            callback, self._callback = self._callback, None
            watched.removeEventFilter(self)
            callback()
        return False


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx  # None until attach(): the window is shown before the database opens
        self.setObjectName("main_window")
        self.setWindowTitle(APP_TITLE)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("area_tabs")
        self.setCentralWidget(self.tabs)
        # Title -> the area's widget; reading one builds it if it is not built yet.
        self.tab_widgets = LazyTabs(self.tabs)
        for title, module_name in TABS:
            self.tab_widgets.add(
                title, lambda module_name=module_name: self._create_tab(module_name)
            )
        self.tabs.setCurrentIndex(self._last_tab())
        self._build_menus()
        self.menuBar().setEnabled(False)  # until the database is open
        self.db_label = QLabel("正在打开数据库…")
        self.counts_label = QLabel()
        self.statusBar().addWidget(self.db_label, 1)
        self.statusBar().addPermanentWidget(self.counts_label)
        self._restore_geometry()
        self.safety = None  # the safety layer, installed with the database (attach)
        self._closed = False
        self._integrity_timer: QTimer | None = None
        self._preview_painted = False  # the register's first page shown before the database
        self.register_preview: QWidget | None = None
        if ctx is not None:
            self.attach(ctx)

    def attach(self, ctx: AppContext, *, list_first: bool = False) -> None:
        """Give the window its opened database: menus, safety layer, the current tab filled,
        the other tabs prepared when idle.

        ``list_first`` (the program's start, issue 15): the current tab is filled and painted
        first; the safety menus and banner, help and keyboard shortcuts are added in the next
        turn of the event loop (the menu bar stays disabled until then). Nothing can be
        written in between: the menus are disabled and the background quick_check holds
        every write anyway.
        """
        self.ctx = ctx
        undo = ctx.undo_stack.createUndoAction(self, "撤销")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = ctx.undo_stack.createRedoAction(self, "重做")
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        self.edit_menu.addAction(undo)
        self.edit_menu.addAction(redo)
        self.undo_action, self.redo_action = undo, redo
        if not list_first:
            self._attach_menus()
        ctx.subscribe(self.on_changes)
        self.tabs.setCurrentIndex(self._last_tab())
        self.tabs.currentChanged.connect(lambda i: self._settings().setValue("window/last_tab", i))
        self.tab_widgets.activate()
        self.register_preview = None  # replaced by the real tab (deleted with its placeholder)
        self.update_title()
        self.update_status()
        if list_first:
            self._menus_after_paint()

    def _menus_after_paint(self) -> None:
        """Attach the menus once the current tab has been painted (the register is on the
        screen before QtNetwork, the safety dialogs and help are loaded), or after
        ``MENUS_LATEST_MS`` if it is not painted (a minimised or hidden window)."""
        page = self.tabs.currentWidget()
        if page is None or not self.isVisible():
            QTimer.singleShot(0, self._attach_menus)
            return
        watcher = _FirstPaint(page, lambda: QTimer.singleShot(0, self._attach_menus))
        self._first_paint = watcher  # kept until it fired
        QTimer.singleShot(MENUS_LATEST_MS, self._attach_menus)

    def _attach_menus(self) -> None:
        """The safety layer (backups, restore, log, recycle bin, lock), help and shortcuts."""
        if self.ctx is None or self.safety is not None or self._closed:
            return
        self.safety = install_safety_menus(self)
        from guilin_union.ui.help.first_run_bar import install_help
        from guilin_union.ui.keyboard import install_keyboard

        install_help(self)  # 帮助 ▸ 使用说明 (F1), the first-run checklist (issue 15)
        install_keyboard(self)  # Ctrl+F search, Ctrl+N new on every tab (issue 15)
        self.menuBar().setEnabled(True)
        self._watch_integrity()

    # ---- the quick_check that runs after the window shows (issue 15: start-up)
    def _watch_integrity(self) -> None:
        """Wait for the background ``quick_check`` (if the database was opened with one):
        until its verdict every write on the file waits for it (storage/integrity.py)."""
        if self.ctx is None or self.ctx.deferred_check is None:
            return
        self._integrity_timer = QTimer(self)
        self._integrity_timer.setInterval(INTEGRITY_POLL_MS)
        self._integrity_timer.timeout.connect(self._integrity_verdict)
        self._integrity_timer.start()

    def _integrity_verdict(self) -> None:
        check = self.ctx.deferred_check if self.ctx is not None else None
        if check is None or not check.done:
            return
        self._integrity_timer.stop()
        if self._closed:  # closed meanwhile: its writes stay held by the gate; nothing to show
            return
        if check.passed:
            self.ctx.integrity_passed()  # writes go ahead; the backup on open runs
        else:
            self.reopen_after_failed_check()

    def reopen_after_failed_check(self) -> None:
        """The file failed the background check: this window stops writing for good (its
        connection refuses writes already) and the file is opened again the guarded way,
        which checks it now and offers the newest good backup or opens it read-only with the
        banner — what the user would have seen had the check run before the window."""
        ctx = self.ctx
        ctx.read_only = True  # the operation runner refuses writes from here on
        session = getattr(ctx, "safety_session", None)
        if session is not None:
            session.read_only_reason = "只读方式：数据文件检查未通过，不能修改。"  # no backup
        safety = getattr(self, "safety", None)
        if safety is not None:
            safety.lock_timer.stop()
            if safety.server is not None:  # else the reopen would hand over to this window
                safety.server.stop()
                safety.server = None
        if session is not None:
            session.release()  # the guarded open takes the lock again
        self.update_title()
        self.switch_database(ctx.db_path, remember=False)
        if self._closed:  # replaced: its connection is not needed any more
            ctx.db.conn.close()
        replacement = getattr(self, "_replacement", None)
        new_session = getattr(getattr(replacement, "ctx", None), "safety_session", None)
        damage = getattr(new_session, "damage", None)
        if damage is not None and damage.newest_backup is None:
            # No backup to offer, so the guarded open asked nothing: say what happened.
            from guilin_union.ui.safety.session import damage_message

            ctx.prompts.warning(replacement, "数据文件已损坏", damage_message(damage))

    def is_ready(self) -> bool:
        """The current tab is filled: the database is open and the tab built, or (at start-up)
        the register's first page is painted from the file (:meth:`show_register_preview`)."""
        if self._preview_painted:
            return True
        return self.ctx is not None and self.tab_widgets.is_built(
            self.tabs.tabText(self.tabs.currentIndex())
        )

    def _register_preview_painted(self, then: Callable[[], None] | None) -> None:
        self._preview_painted = True
        if then is not None:
            then()

    def is_closed(self) -> bool:
        return self._closed

    # ---- the register's first page before the database is open (issue 15: start-up)
    def wants_register_preview(self) -> bool:
        """Whether the register is what the window will show first (and nothing is open)."""
        current = self.tabs.tabText(self.tabs.currentIndex())
        return (
            self.ctx is None and current == REGISTER_TAB and not self.tab_widgets.is_built(current)
        )

    def show_register_preview(
        self, rows: list[dict], on_painted: Callable[[], None] | None = None
    ) -> bool:
        """Show ``rows`` (``storage.first_page``) in the register tab's place until
        :meth:`attach` builds the real tab over it (same rows, same columns). True if shown."""
        if not self.wants_register_preview():
            return False
        from guilin_union.ui.members.register_columns import RegisterPreview

        holder = self.tabs.currentWidget()
        layout = holder.layout() if holder is not None else None
        if layout is None:
            return False
        for index in range(layout.count()):
            item = layout.itemAt(index)
            if item is not None and item.widget() is not None:
                item.widget().hide()  # the "正在加载…" line
        layout.setContentsMargins(0, 0, 0, 0)
        self.register_preview = RegisterPreview(rows, holder)
        layout.addWidget(self.register_preview)
        self._preview_watch = _FirstPaint(
            self.register_preview.table.viewport(),
            lambda: self._register_preview_painted(on_painted),
        )
        return True

    def pending_tabs(self) -> int:
        """Tabs (and pages inside built tabs) still waiting to be built."""
        built = self.tab_widgets.built_pages().values()
        inner = sum(getattr(page, "pending_pages", lambda: 0)() for page in built)
        return len(self.tab_widgets.pending()) + inner

    # ---- construction
    def _create_tab(self, module_name: str) -> QWidget:
        module = importlib.import_module(module_name)
        widget = module.create_tab(self.ctx)
        widget.setObjectName(f"tab_{module_name.rsplit('.', 1)[-1]}")
        return widget

    def _settings(self) -> QSettings:
        if self.ctx is not None:
            return self.ctx.qsettings
        return QSettings(SETTINGS_ORGANIZATION, SETTINGS_APPLICATION)

    def _last_tab(self) -> int:
        value = self._settings().value("window/last_tab", DEFAULT_TAB)
        try:
            last = DEFAULT_TAB if value in (None, "") else int(value)  # 0 (首页) is a tab too
        except (TypeError, ValueError):
            last = DEFAULT_TAB
        return min(max(last, 0), self.tabs.count() - 1)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("文件(&F)")
        self.new_db_action = file_menu.addAction("新建数据库…", self.new_database)
        self.open_db_action = file_menu.addAction("打开数据库…", self.open_database)
        self.demo_db_action = file_menu.addAction(
            "打开演示数据库（熟悉程序用）", self.open_demo_database
        )
        file_menu.addSeparator()
        self.export_action = file_menu.addAction("导出…", self.export_current)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.extra_file_actions = file_menu.addSeparator()
        self.file_menu = file_menu
        file_menu.addSeparator()
        quit_action = file_menu.addAction("退出", self.close)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)

        self.edit_menu = bar.addMenu("编辑(&E)")  # 撤销/重做 come with the database (attach)

        settings_menu = bar.addMenu("设置(&S)")
        settings_menu.addAction("单位信息…", self.edit_institution)
        settings_menu.addAction("分工会管理…", self.manage_branches)
        settings_menu.addSeparator()
        # Each area keeps its own settings dialog on its tab; the menu reaches them too.
        # The tab is found when the entry is chosen: tabs are built after the window shows.
        for label, tab, path in AREA_SETTINGS:
            settings_menu.addAction(
                label, lambda tab=tab, path=path: self.open_area_settings(tab, path)
            )
        self.settings_menu = settings_menu

        help_menu = bar.addMenu("帮助(&H)")
        help_menu.addAction("关于", self.show_about)
        help_menu.addAction("数据文件位置", self.show_data_location)
        self.help_menu = help_menu

    def _restore_geometry(self) -> None:
        # Maximised on the first run; a size saved on a bigger monitor is brought back onto
        # this one (issue 15).
        self.first_run = restore_window(self, self._settings().value("window/geometry"))

    def show_fitted(self) -> None:
        """Show the window: maximised the first time, else as it was left (on screen)."""
        if self.first_run:
            self.showMaximized()
        else:
            self.show()

    # ---- change fan-out
    def on_changes(self, changes: Changes) -> None:
        # Tabs not built yet read fresh data when they are built.
        for widget in self.tab_widgets.built_pages().values():
            handler = getattr(widget, "on_changes", None)
            if handler is not None:
                handler(changes)
        if changes.touches("settings"):
            self.update_title()
        self.update_status()

    def update_title(self) -> None:
        from guilin_union.services import settings as settings_service

        institution = settings_service.get(self.ctx.db, "institution_name")
        suffix = "（只读）" if self.ctx.read_only else ""
        self.setWindowTitle(f"{institution}{APP_TITLE}{suffix} — {self.ctx.db_path.name}")

    def update_status(self) -> None:
        from guilin_union.services import members as members_service
        from guilin_union.services.members import branches as branches_service

        self.db_label.setText(f"数据文件：{self.ctx.db_path}")
        counts = members_service.counts_by_status(self.ctx.db)
        branches = branches_service.count_active(self.ctx.db)
        total = sum(counts.values())
        self.counts_label.setText(
            f"会员 {total} 人（在会 {counts.get('在会', 0)}）  分工会 {branches} 个"
        )

    # ---- menu actions
    def open_area_settings(self, tab: str, path: str) -> None:
        """Run a tab's own settings dialog (``path``: attribute path on the tab widget)."""
        target: object = self.tab_widgets.get(tab)
        for attr in path.split("."):
            target = getattr(target, attr, None)
        if callable(target):
            target()

    def current_tab(self) -> QWidget:
        return self.tabs.currentWidget()

    def export_current(self) -> None:
        """导出…: the current tab's own export, or the member register's as a default."""
        tab = self.current_tab()
        exporter = getattr(tab, "export_current", None)
        if exporter is None:
            members_tab = self.tab_widgets.get("会员入会")
            self.tabs.setCurrentWidget(members_tab)
            exporter = members_tab.register_view.export_excel  # type: ignore[union-attr]
        exporter()

    def edit_institution(self) -> None:
        from guilin_union.services import settings as settings_service
        from guilin_union.services.changes import Changes
        from guilin_union.ui.dialogs.institution_dialog import InstitutionDialog

        keys = list(settings_service.DEFAULTS)
        dialog = InstitutionDialog(settings_service.get_many(self.ctx.db, keys), self)
        if dialog.exec():
            settings_service.set_many(self.ctx.db, dialog.values)
            self.ctx.notify(Changes.of("settings", "members"))

    def manage_branches(self) -> None:
        from guilin_union.ui.dialogs.branches_dialog import BranchesDialog

        BranchesDialog(self.ctx, self).exec()

    def show_about(self) -> None:
        from guilin_union.ui.dialogs.about_dialog import AboutDialog

        AboutDialog(self.ctx, self).exec()

    def show_data_location(self) -> None:
        from guilin_union.services.safety import backup_folders

        primary, second = backup_folders(self.ctx.db)
        folders = f"{primary}" + (f"\n第二备份文件夹：{second}" if second else "")
        self.ctx.prompts.info(
            self,
            "数据文件位置",
            f"当前数据文件：\n{self.ctx.db_path}\n\n自动备份文件夹：\n{folders}\n\n"
            "搬到另一台电脑：退出程序后，把数据文件复制到新电脑，在新电脑上用“文件 ▸ 打开数据库…”打开。",
        )

    def new_database(self) -> None:
        path = self.ctx.prompts.save_file(
            self, "新建数据库", self.ctx.last_folder("db") / "新数据库.db", "数据库文件 (*.db)"
        )
        if path is None:
            return
        if path.exists():
            self.ctx.prompts.warning(self, "新建数据库", f"文件已存在，请换一个名称：\n{path}")
            return
        self.switch_database(path)

    def open_database(self) -> None:
        path = self.ctx.prompts.open_file(
            self,
            "打开数据库",
            self.ctx.last_folder("db"),
            "数据库文件 (*.db *.sqlite);;所有文件 (*)",
        )
        if path is not None:
            self.switch_database(path)

    def open_demo_database(self) -> None:
        """The demo database (made on first use, apart from the real data); not remembered as
        the last database, so the next start opens the real one again."""
        from guilin_union.ui.application import prepare_demo
        from guilin_union.ui.context import demo_db_path

        path = demo_db_path()
        try:
            prepare_demo(path)
        except (UserError, OSError, sqlite3.Error) as exc:
            self.ctx.prompts.error(self, "无法打开演示数据库", str(exc))
            return
        self.switch_database(path, remember=False)

    def switch_database(self, path: Path, *, remember: bool = True) -> None:
        from guilin_union.ui.application import open_context

        try:
            ctx = open_context(path, prompts=self.ctx.prompts, parent=self)
        except (UserError, OSError, sqlite3.Error) as exc:
            self.ctx.prompts.error(self, "无法打开数据库", str(exc))
            return
        if ctx is None:
            return
        if remember:
            ctx.remember_folder(path, "db")
            ctx.qsettings.setValue("database/last", str(path))
        replacement = MainWindow(ctx)
        replacement.show_fitted()
        self._replacement = replacement  # keep a reference until Qt owns it
        self.close()

    # ---- closing
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self._settings().setValue("window/geometry", self.saveGeometry())
        self._closed = True
        if self.safety is None and self.ctx is not None:  # closed before its menus came
            session = getattr(self.ctx, "safety_session", None)
            if session is not None:
                session.release()
        # A closing window prepares no more tabs in the background.
        self.tab_widgets.stop_background()
        for page in self.tab_widgets.built_pages().values():
            inner = getattr(page, "lazy_pages", None)
            if inner is not None:
                inner.stop_background()
        super().closeEvent(event)


def window_title_version() -> str:
    return __version__
