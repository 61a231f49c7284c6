"""The safety layer of the main window: menus, read-only banner, automatic backups on open
and close, the location warning, bringing the window to the front for a second launch,
and releasing the lock when the window closes.

The main window only calls :func:`guilin_union.ui.safety.install_safety_menus`; everything
else happens here, so the window's own code stays about tabs and menus.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import sqlite3
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from guilin_union.core.errors import UserError, ValidationError
from guilin_union.services import safety
from guilin_union.ui.safety.banner import SafetyBanner
from guilin_union.ui.safety.session import SafetySession, session_of
from guilin_union.ui.safety.widgets import busy

LOCK_CHECK_MS = 60_000


def _menu(window: QMainWindow, title: str) -> QMenu | None:
    for action in window.menuBar().actions():
        if action.text() == title and action.menu() is not None:
            return action.menu()  # type: ignore[return-value]
    return None


class SafetyController(QObject):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx  # type: ignore[attr-defined]
        session = session_of(self.ctx)
        if session is None:  # a context made without open_guarded (tests, tools)
            session = SafetySession(
                db_path=Path(self.ctx.db_path),
                lock=None,
                start_change_id=self._max_change_id(),
                read_only_reason="只读方式：本窗口不能修改数据。" if self.ctx.read_only else None,
            )
            self.ctx.safety_session = session
        self.session: SafetySession = session
        self.actions: dict[str, QAction] = {}
        self.banner: SafetyBanner | None = None
        self.server = None
        self.last_open_backup: Any = None
        self._closed = False
        self._lost_warned = False
        self.activations = 0
        self._build_menus()
        self._build_banner()
        self._start_instance_server()
        window.installEventFilter(self)
        self.lock_timer = QTimer(self)
        self.lock_timer.setInterval(LOCK_CHECK_MS)
        self.lock_timer.timeout.connect(self.check_lock)
        if self.session.lock is not None:
            self.lock_timer.start()
        # The backup on open writes: after the background quick_check passed (ui/context.py).
        when_checked = getattr(self.ctx, "when_checked", None)
        if when_checked is not None:
            when_checked(self.after_show)
        else:
            QTimer.singleShot(0, self.after_show)

    def _max_change_id(self) -> int:
        try:
            return safety.max_change_id(self.ctx.db)
        except sqlite3.Error:
            return 0

    # ---- construction
    def _add(
        self, menu: QMenu, key: str, text: str, slot, before: QAction | None = None
    ) -> QAction:  # noqa: ANN001
        action = QAction(text, menu)
        action.setObjectName(f"action_{key}")
        action.triggered.connect(lambda _checked=False: slot())
        if before is not None:
            menu.insertAction(before, action)
        else:
            menu.addAction(action)
        self.actions[key] = action
        return action

    def _build_menus(self) -> None:
        w = self.window
        file_menu: QMenu = w.file_menu  # type: ignore[attr-defined]
        anchor: QAction | None = getattr(w, "extra_file_actions", None)
        self._add(file_menu, "backup", "备份数据库…", self.backup_now, anchor)
        self._add(file_menu, "restore", "恢复备份…", self.open_restore_dialog, anchor)
        self._add(file_menu, "check", "检查数据库", self.open_check_dialog, anchor)
        if anchor is not None:
            file_menu.insertSeparator(anchor)
        edit_menu = _menu(w, "编辑(&E)")
        if edit_menu is not None:
            edit_menu.addSeparator()
            self._add(edit_menu, "recycle", "回收站…", self.open_recycle_bin)
        settings_menu: QMenu = w.settings_menu  # type: ignore[attr-defined]
        settings_menu.addSeparator()
        self._add(settings_menu, "backup_settings", "备份设置…", self.open_backup_settings)
        privacy = settings_menu.addMenu("个人信息保护")
        self._add(privacy, "export_person", "导出某会员的全部个人数据…", self.export_member_data)
        self._add(privacy, "erase_person", "删除离会会员的个人信息…", self.erase_member)
        help_menu: QMenu = w.help_menu  # type: ignore[attr-defined]
        help_menu.addSeparator()
        self._add(help_menu, "change_log", "操作日志…", self.open_change_log)
        self._add(
            help_menu, "anonymize", "生成匿名化副本（用于报告问题）…", self.make_anonymized_copy
        )
        writable_only = ("restore", "backup_settings", "erase_person")
        for key in writable_only:
            self.actions[key].setEnabled(
                self.session.writable or (key == "restore" and self.session.damage is not None)
            )

    def _build_banner(self) -> None:
        if self.session.read_only_reason is None:
            return
        self.banner = SafetyBanner(self.session.read_only_reason)
        if self.session.damage is not None:
            self.banner.add_action("恢复备份…", self.open_restore_dialog)
            self.banner.add_action("检查数据库", self.open_check_dialog)
        bar = QToolBar("只读提示", self.window)
        bar.setObjectName("safety_banner_bar")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.addWidget(self.banner)
        self.window.addToolBar(bar)
        self.banner_bar = bar

    def _start_instance_server(self) -> None:
        if not self.session.writable or self.session.lock is None:
            return
        from guilin_union.ui.safety.single_instance import InstanceServer

        self.server = InstanceServer(self.session.db_path, self)
        if self.server.start():
            self.server.activate_requested.connect(self.bring_to_front)

    # ---- window life
    def bring_to_front(self) -> None:
        w = self.window
        if w.isMinimized():
            w.showNormal()
        w.show()
        if QGuiApplication.platformName() != "offscreen":  # offscreen (tests) cannot raise windows
            w.raise_()
            w.activateWindow()
            from guilin_union.ui.foreground import force_foreground

            force_foreground(w)  # Windows: allowed by the second launch (ui/foreground.py)
        self.activations += 1

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.on_close()
        return False

    def status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 10_000)

    def after_show(self) -> None:
        """Work done once the window is up: location warning, backup on open, bin purge."""
        if self._closed or not self.session.writable:
            return
        self.warn_location()
        if self._closed:
            return
        try:
            report = safety.backup_on_open(self.ctx.db)
        except Exception as exc:  # noqa: BLE001 — a backup problem must never stop the program from opening
            self.ctx.prompts.warning(
                self.window, "自动备份失败", f"打开数据库时的自动备份没有成功：\n{exc}"
            )
            report = None
        self.last_open_backup = report
        if report is not None:
            # The time, not the backup's (English) file name (issue 15).
            self.status(
                f"已自动备份（{_dt.datetime.now():%Y-%m-%d %H:%M}，"
                "备份文件夹见“帮助 ▸ 数据文件位置”）"
            )
            if report.problems:
                self.ctx.prompts.warning(self.window, "自动备份", "\n".join(report.problems))
        try:
            from guilin_union.services.safety.recycle import purge_expired

            purge_expired(self.ctx.db)
        except sqlite3.Error:
            pass

    def on_close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.lock_timer.stop()
        if self.server is not None:
            self.server.stop()
        if self.session.writable:
            try:
                report = safety.backup_on_close(self.ctx.db, self.session.start_change_id)
            except Exception as exc:  # noqa: BLE001 — never keep the user from closing
                report = None
                self.ctx.prompts.warning(
                    self.window, "自动备份失败", f"关闭前的自动备份没有成功：\n{exc}"
                )
            if report is not None and report.problems:
                self.ctx.prompts.warning(self.window, "自动备份", "\n".join(report.problems))
        self.session.release()

    def check_lock(self) -> None:
        lock = self.session.lock
        if lock is None or self._lost_warned or not lock.is_lost():
            return
        self._lost_warned = True
        safety.stop_writing(self.ctx.db)  # every later write fails instead of racing the other
        self.ctx.prompts.warning(
            self.window,
            "数据库锁已失效",
            "另一个程序清除或替换了本程序对数据库的锁（可能是另一台电脑认为本程序已停止）。\n"
            "为避免两个程序同时写入，请不要再修改数据：退出程序后重新打开。",
        )

    # ---- location
    def warn_location(self) -> None:
        from guilin_union.storage.location import assess_location

        path = self.session.db_path
        risk = assess_location(path)
        if risk is None:
            return
        # QSettings keys may not contain slashes or backslashes: a digest names the file.
        key = "safety/location_warned/" + hashlib.sha1(str(path).encode("utf-8")).hexdigest()[:16]
        today = _dt.date.today().isoformat()
        if self.ctx.qsettings.value(key, "") == today:
            return  # warn once a day, not on every window
        self.ctx.qsettings.setValue(key, today)
        if self.ctx.prompts.confirm(
            self.window, "数据文件位置有风险", risk.message(path), ok_text="移到本机文件夹…"
        ):
            self.move_to_local_folder()

    def move_to_local_folder(self) -> Path | None:
        from guilin_union.storage import default_data_dir

        start = default_data_dir() / self.session.db_path.name
        target = self.ctx.prompts.save_file(
            self.window, "选择本机上的新位置", start, "数据库文件 (*.db)"
        )
        if target is None:
            return None
        try:
            moved = busy(lambda: safety.move_database(self.ctx.db, target))
        except (UserError, OSError, sqlite3.Error) as exc:
            self.ctx.prompts.warning(self.window, "移动数据文件", str(exc))
            return None
        self.ctx.prompts.info(
            self.window,
            "移动数据文件",
            f"数据已复制到：\n{moved}\n\n以后请使用这个文件。原文件仍在：\n{self.session.db_path}\n"
            "请不要再打开原文件；新文件的自动备份会另存一份到原位置旁的 backups 文件夹。",
        )
        self.window.switch_database(moved)  # type: ignore[attr-defined]
        return moved

    # ---- backups and restore
    def backup_now(self) -> Any:
        if self.session.damage is not None:
            self.ctx.prompts.warning(
                self.window, "备份数据库", "数据文件已损坏，不能备份。请先恢复最近的完好备份。"
            )
            return None
        try:
            report = busy(lambda: safety.backup_now(self.ctx.db))
        except (UserError, OSError, sqlite3.Error) as exc:
            self.ctx.prompts.error(self.window, "备份失败", str(exc))
            return None
        text = f"已备份并校验：\n{report.primary}"
        if report.copies:
            text += "\n\n另存一份：\n" + "\n".join(str(p) for p in report.copies)
        if report.problems:
            text += "\n\n注意：\n" + "\n".join(report.problems)
        self.ctx.prompts.info(self.window, "备份数据库", text)
        return report

    def open_restore_dialog(self) -> None:
        from guilin_union.ui.safety.restore_dialog import RestoreDialog

        dialog = RestoreDialog(self.ctx, self.window)
        if dialog.exec() and dialog.chosen is not None:
            self.restore_from(dialog.chosen)

    def restore_from(self, source: Path) -> bool:
        """Ask once more, then restore (or, for a damaged file, replace it and reopen)."""
        from guilin_union.storage.backup import BackupError, check_restorable
        from guilin_union.storage.migrations import DatabaseTooNewError

        try:
            check_restorable(source)
        except (BackupError, DatabaseTooNewError) as exc:
            self.ctx.prompts.warning(self.window, "恢复备份", str(exc))
            return False
        if self.session.damage is None and not self.session.writable:
            self.ctx.prompts.warning(self.window, "恢复备份", "以只读方式打开时不能恢复。")
            return False
        question = (
            f"用备份“{source.name}”替换当前的全部数据？\n\n"
            "恢复前会先把当前数据自动备份，恢复后如有需要还可以再恢复回来。"
        )
        if not self.ctx.prompts.confirm(self.window, "恢复备份", question, ok_text="恢复"):
            return False
        if self.session.damage is not None:
            return self._recover_damaged(source)
        try:
            result, report = busy(lambda: safety.restore(self.ctx.db, source))
        except (BackupError, DatabaseTooNewError, sqlite3.Error) as exc:
            self.ctx.prompts.error(self.window, "恢复失败", f"没有恢复，当前数据保持不变。\n{exc}")
            return False
        self.ctx.undo_stack.clear()  # undo steps refer to the data before the restore
        self.session.start_change_id = self._max_change_id()
        self.ctx.notify(result.changes)
        text = f"已从备份恢复：\n{source}"
        if report.safety_backup is not None:
            text += f"\n\n恢复前的数据已备份为：\n{report.safety_backup}"
        self.ctx.prompts.info(self.window, "恢复备份", text)
        return True

    def _recover_damaged(self, source: Path) -> bool:
        from guilin_union.storage.backup import recover_damaged

        path = self.session.db_path
        self.ctx.db.conn.close()
        try:
            damaged = busy(lambda: recover_damaged(path, source))
        except (UserError, OSError, sqlite3.Error) as exc:
            self.ctx.prompts.error(self.window, "恢复失败", f"{exc}\n\n请重新打开程序。")
            return False
        self.ctx.prompts.info(
            self.window, "恢复备份", f"已从备份恢复：\n{source}\n\n损坏的文件保留为：\n{damaged}"
        )
        self.session.damage = None
        self.window.switch_database(path)  # type: ignore[attr-defined]
        return True

    def open_check_dialog(self) -> None:
        from guilin_union.ui.safety.check_dialog import CheckDialog

        notes = []
        try:
            newest = safety.newest_backup_time(self.ctx.db)
            notes.append(f"最近一次备份：{newest:%Y-%m-%d %H:%M}" if newest else "还没有备份。")
        except sqlite3.Error:
            pass
        dialog = CheckDialog(self.ctx, self.window, extra_notes=notes)
        dialog.start()
        dialog.exec()
        if dialog.restore_requested:
            self.open_restore_dialog()

    def open_backup_settings(self) -> None:
        from guilin_union.storage.backup import backup_dir_for
        from guilin_union.ui.safety.backup_settings_dialog import BackupSettingsDialog

        dialog = BackupSettingsDialog(
            safety.current_backup_settings(self.ctx.db),
            backup_dir_for(self.session.db_path),
            self.window,
        )
        while dialog.exec():
            try:
                result = safety.save_backup_settings(self.ctx.db, dialog.values)
            except ValidationError as exc:
                dialog.show_error(exc.message)
                continue
            self.ctx.notify(result.changes)
            break

    # ---- change log, recycle bin
    def open_change_log(self) -> None:
        from guilin_union.ui.safety.log_viewer import ChangeLogDialog

        ChangeLogDialog(self.ctx, self.window).exec()

    def open_recycle_bin(self) -> None:
        from guilin_union.ui.safety.recycle_dialog import RecycleBinDialog

        RecycleBinDialog(self.ctx, self.window).exec()

    # ---- privacy
    def _pick_one(self, title: str, statuses: tuple[str, ...]) -> int | None:
        ids = self.ctx.prompts.pick_members(
            self.ctx, self.window, title=title, multi=False, statuses=statuses
        )
        return ids[0] if ids else None

    def export_member_data(self) -> Path | None:
        from guilin_union.services.members import get_member_row
        from guilin_union.services.safety import privacy
        from guilin_union.ui.open_file import open_document

        if not self.session.writable:
            self.ctx.prompts.warning(
                self.window, "导出个人数据", "以只读方式打开时无法记录日志，因此不能导出个人数据。"
            )
            return None
        member_id = self._pick_one("选择要导出个人数据的会员", ())
        if member_id is None:
            return None
        name = get_member_row(self.ctx.db, member_id)["name"]
        path = self.ctx.prompts.save_file(
            self.window,
            "导出个人数据",
            self.ctx.last_folder() / f"{name}的个人数据.xlsx",
            "Excel 文件 (*.xlsx)",
        )
        if path is None:
            return None
        try:
            out, rows = busy(lambda: privacy.export_member_data(self.ctx.db, member_id, path))
        except UserError as exc:  # FileLockedError included
            self.ctx.prompts.warning(self.window, "导出个人数据", str(exc))
            return None
        self.ctx.remember_folder(out)
        self.ctx.prompts.info(
            self.window,
            "导出个人数据",
            f"已导出 {name} 的全部个人数据（{rows} 行，含完整号码，已记入操作日志）：\n{out}\n\n"
            "文件含有完整的个人信息，请妥善保管，交给本人后删除。",
        )
        open_document(out)
        return out

    def erase_member(self) -> bool:
        from guilin_union.services.members import get_member_row
        from guilin_union.services.safety import privacy

        member_id = self._pick_one("选择已离会的会员", privacy.DEPARTED_STATUSES)
        if member_id is None:
            return False
        row = get_member_row(self.ctx.db, member_id)
        question = (
            f"删除“{row['name']}”（{row['status']}）的个人信息？\n\n"
            "姓名、证件号码、手机号、工号、出生日期等将被删除，佐证材料文件也会删除；"
            "会员人数和慰问金额等统计数字保持不变。\n此操作不能撤销（删除前会自动备份一次）。"
        )
        if not self.ctx.prompts.confirm(
            self.window, "删除个人信息", question, ok_text="删除个人信息"
        ):
            return False
        reason = self.ctx.prompts.ask_text(
            self.window, "删除个人信息", "删除原因（如：本人申请、离校满两年）："
        )
        if not reason:
            return False
        try:
            result, report = busy(
                lambda: privacy.erase_member(self.ctx.db, member_id, reason=reason)
            )
        except UserError as exc:
            self.ctx.prompts.warning(self.window, "删除个人信息", str(exc))
            return False
        self.ctx.undo_stack.clear()  # undo steps may hold the erased values
        self.ctx.notify(result.changes)
        self.ctx.prompts.info(self.window, "删除个人信息", report.message())
        return True

    def make_anonymized_copy(self) -> Path | None:
        from guilin_union.services.safety.anonymize import anonymize_copy

        start = self.ctx.last_folder() / f"匿名化副本-{_dt.date.today():%Y%m%d}.db"
        path = self.ctx.prompts.save_file(self.window, "生成匿名化副本", start, "数据库文件 (*.db)")
        if path is None:
            return None
        try:
            report = busy(lambda: anonymize_copy(self.ctx.db, path))
        except (UserError, OSError, sqlite3.Error) as exc:
            self.ctx.prompts.warning(self.window, "生成匿名化副本", str(exc))
            return None
        self.ctx.prompts.info(
            self.window,
            "生成匿名化副本",
            f"已生成：\n{report.path}\n\n其中 {report.people} 名会员的姓名、证件号码、手机号和工号都已替换，"
            "可以随问题报告发送给技术人员。",
        )
        return report.path
