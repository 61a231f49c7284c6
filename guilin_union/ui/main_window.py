"""The main window: one tab per area, menus, status bar, undo, remembered geometry."""
from __future__ import annotations

import importlib
from pathlib import Path

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QWidget

from guilin_union import __version__
from guilin_union.services import members as members_service
from guilin_union.services import settings as settings_service
from guilin_union.services.changes import Changes
from guilin_union.ui.context import AppContext
from guilin_union.ui.safety import install_safety_menus
from guilin_union.ui.tabs import TABS

APP_TITLE = "工会工作管理系统"

# (menu label, tab title, attribute path of the tab's own settings dialog)
AREA_SETTINGS = (
    ("教代会与提案规则…", "教代会", "edit_rules"),
    ("会费与会员编号…", "会员入会", "dues_view.edit_settings"),
    ("活动设置…", "活动", "edit_settings"),
    ("慰问设置…", "慰问", "edit_settings"),
)


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("main_window")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("area_tabs")
        self.setCentralWidget(self.tabs)
        self.tab_widgets: dict[str, QWidget] = {}
        self._build_tabs()
        self._build_menus()
        self.safety = install_safety_menus(self)  # backups, restore, log, recycle bin, lock
        self.db_label = QLabel()
        self.counts_label = QLabel()
        self.statusBar().addWidget(self.db_label, 1)
        self.statusBar().addPermanentWidget(self.counts_label)
        ctx.subscribe(self.on_changes)
        self.update_title()
        self.update_status()
        self._restore_geometry()

    # ---- construction
    def _build_tabs(self) -> None:
        for title, module_name in TABS:
            module = importlib.import_module(module_name)
            widget = module.create_tab(self.ctx)
            widget.setObjectName(f"tab_{module_name.rsplit('.', 1)[-1]}")
            self.tabs.addTab(widget, title)
            self.tab_widgets[title] = widget
        last = int(self.ctx.qsettings.value("window/last_tab", 2) or 2)
        self.tabs.setCurrentIndex(min(max(last, 0), self.tabs.count() - 1))
        self.tabs.currentChanged.connect(lambda i: self.ctx.qsettings.setValue("window/last_tab", i))

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("文件(&F)")
        self.new_db_action = file_menu.addAction("新建数据库…", self.new_database)
        self.open_db_action = file_menu.addAction("打开数据库…", self.open_database)
        file_menu.addSeparator()
        self.export_action = file_menu.addAction("导出…", self.export_current)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.extra_file_actions = file_menu.addSeparator()
        self.file_menu = file_menu
        file_menu.addSeparator()
        quit_action = file_menu.addAction("退出", self.close)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)

        edit_menu = bar.addMenu("编辑(&E)")
        undo = self.ctx.undo_stack.createUndoAction(self, "撤销")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.ctx.undo_stack.createRedoAction(self, "重做")
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        self.undo_action, self.redo_action = undo, redo

        settings_menu = bar.addMenu("设置(&S)")
        settings_menu.addAction("单位信息…", self.edit_institution)
        settings_menu.addAction("分工会管理…", self.manage_branches)
        settings_menu.addSeparator()
        # Each area keeps its own settings dialog on its tab; the menu reaches them too.
        for label, tab, path in AREA_SETTINGS:
            target = self.tab_widgets.get(tab)
            for attr in path.split("."):
                target = getattr(target, attr, None)
            if callable(target):
                settings_menu.addAction(label, target)
        self.settings_menu = settings_menu

        help_menu = bar.addMenu("帮助(&H)")
        help_menu.addAction("关于", self.show_about)
        help_menu.addAction("数据文件位置", self.show_data_location)
        self.help_menu = help_menu

    def _restore_geometry(self) -> None:
        geometry = self.ctx.qsettings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)

    # ---- change fan-out
    def on_changes(self, changes: Changes) -> None:
        for widget in self.tab_widgets.values():
            handler = getattr(widget, "on_changes", None)
            if handler is not None:
                handler(changes)
        if changes.touches("settings"):
            self.update_title()
        self.update_status()

    def update_title(self) -> None:
        institution = settings_service.get(self.ctx.db, "institution_name")
        suffix = "（只读）" if self.ctx.read_only else ""
        self.setWindowTitle(f"{institution}{APP_TITLE}{suffix} — {self.ctx.db_path.name}")

    def update_status(self) -> None:
        self.db_label.setText(f"数据文件：{self.ctx.db_path}")
        counts = members_service.counts_by_status(self.ctx.db)
        branches = self.ctx.db.execute("SELECT count(*) FROM branches WHERE active = 1").fetchone()[0]
        total = sum(counts.values())
        self.counts_label.setText(f"会员 {total} 人（在会 {counts.get('在会', 0)}）  分工会 {branches} 个")

    # ---- menu actions
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
        path = self.ctx.prompts.save_file(self, "新建数据库", self.ctx.last_folder("db") / "新数据库.db", "数据库文件 (*.db)")
        if path is None:
            return
        if path.exists():
            self.ctx.prompts.warning(self, "新建数据库", f"文件已存在，请换一个名称：\n{path}")
            return
        self.switch_database(path)

    def open_database(self) -> None:
        path = self.ctx.prompts.open_file(self, "打开数据库", self.ctx.last_folder("db"), "数据库文件 (*.db *.sqlite);;所有文件 (*)")
        if path is not None:
            self.switch_database(path)

    def switch_database(self, path: Path) -> None:
        from guilin_union.ui.application import open_context

        try:
            ctx = open_context(path, prompts=self.ctx.prompts, parent=self)
        except Exception as exc:
            self.ctx.prompts.error(self, "无法打开数据库", str(exc))
            return
        if ctx is None:
            return
        ctx.remember_folder(path, "db")
        ctx.qsettings.setValue("database/last", str(path))
        replacement = MainWindow(ctx)
        replacement.show()
        self._replacement = replacement  # keep a reference until Qt owns it
        self.close()

    # ---- closing
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self.ctx.qsettings.setValue("window/geometry", self.saveGeometry())
        super().closeEvent(event)


def window_title_version() -> str:
    return __version__
