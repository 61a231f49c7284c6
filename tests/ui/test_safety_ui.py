"""The safety layer in the real main window: menus, lock and read-only banner, damaged files,
automatic backups, restore, change log, recycle bin, privacy actions, single instance."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtGui import QUndoCommand

from guilin_union.services import members, safety
from guilin_union.storage import open_database
from guilin_union.storage.backup import BACKUP_PREFIX, make_backup
from guilin_union.storage.lock import lock_path_for, read_lock
from tests.safety_fixtures import add_person, corrupt_index, corrupt_middle, fill, person_id
from tests.ui.helpers import ScriptedPrompts, make_window


@pytest.fixture
def db_path(tmp_path) -> Path:
    path = tmp_path / "gui.db"
    db = open_database(path)
    fill(db, 60)
    db.conn.close()
    return path


def _open(db_path, prompts):
    from guilin_union.ui.application import ensure_application, open_context

    ensure_application()
    return open_context(db_path, prompts=prompts)


def _window(qtbot, ctx):
    from guilin_union.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    return window


def _other_pc_lock(db_path):
    now = dt.datetime.now().replace(microsecond=0).isoformat()
    lock_path_for(db_path).write_text(
        json.dumps(
            {
                "computer": "办公室-PC2",
                "user": "zhang",
                "pid": 777,
                "started_at": "2024-03-05T08:30:00",
                "heartbeat_at": now,
                "token": "other",
            }
        ),
        encoding="utf-8",
    )


def _backups(db_path):
    return sorted((db_path.parent / "backups").glob(f"{BACKUP_PREFIX}*.db"))


def test_menus_are_installed(qtbot, db_path):
    window, _prompts = make_window(qtbot, db_path)
    texts = {key: action.text() for key, action in window.safety.actions.items()}
    assert (
        texts["backup"] == "备份数据库…"
        and texts["restore"] == "恢复备份…"
        and texts["check"] == "检查数据库"
    )
    assert texts["backup_settings"] == "备份设置…" and texts["change_log"] == "操作日志…"
    assert texts["recycle"] == "回收站…"
    file_texts = [a.text() for a in window.file_menu.actions()]
    assert file_texts.index("备份数据库…") < file_texts.index("退出")
    assert [a.text() for a in window.menuBar().actions()] == [
        "文件(&F)",
        "编辑(&E)",
        "设置(&S)",
        "帮助(&H)",
    ]
    assert window.safety.banner is None and window.safety.session.lock is not None


def test_file_held_by_another_pc_is_offered_read_only(qtbot, db_path):
    _other_pc_lock(db_path)
    prompts = ScriptedPrompts()
    prompts.confirms.append(False)
    assert _open(db_path, prompts) is None
    kind, title, text = prompts.messages[-1]
    assert (
        kind == "confirm"
        and "办公室-PC2" in text
        and "zhang" in text
        and "2024年3月5日 08:30" in text
    )
    prompts.confirms.append(True)
    ctx = _open(db_path, prompts)
    window = _window(qtbot, ctx)
    assert ctx.read_only and "（只读）" in window.windowTitle()
    assert (
        window.safety.banner is not None
        and "办公室-PC2" in window.safety.banner.message_label.text()
    )
    assert not window.safety.actions["restore"].isEnabled()
    window.close()
    assert read_lock(db_path).computer == "办公室-PC2"  # the other program's lock is untouched


def test_damaged_file_opens_read_only_with_the_restore_offer(qtbot, db_path):
    db = open_database(db_path)
    good = make_backup(db, reason="on-close")
    db.conn.close()
    corrupt_index(db_path)
    prompts = ScriptedPrompts()
    prompts.confirms.append(False)  # not now
    ctx = _open(db_path, prompts)
    assert "损坏" in prompts.messages[-1][2] and good.name in prompts.messages[-1][2]
    window = _window(qtbot, ctx)
    assert ctx.read_only and "已损坏" in window.safety.banner.message_label.text()
    assert "恢复备份…" in window.safety.banner.buttons
    assert window.safety.actions["restore"].isEnabled()
    # Restore from the banner: the damaged file is kept aside, the window reopens writable.
    prompts.confirms.append(True)
    assert window.safety.restore_from(good)
    replacement = window._replacement
    qtbot.addWidget(replacement)
    assert not replacement.ctx.read_only and replacement.safety.banner is None
    assert replacement.ctx.db.execute("SELECT count(*) FROM members").fetchone()[0] == 60
    assert list(db_path.parent.glob("gui.damaged-*.db"))


def test_damaged_file_restored_right_away_when_accepted(qtbot, db_path):
    db = open_database(db_path)
    make_backup(db, reason="on-close")
    db.conn.close()
    corrupt_middle(db_path)
    prompts = ScriptedPrompts()
    prompts.confirms.append(True)
    ctx = _open(db_path, prompts)
    assert not ctx.read_only
    assert prompts.messages[-1][0] == "info" and "已用备份" in prompts.messages[-1][2]
    assert ctx.db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    ctx.safety_session.release()


def test_backup_on_open_and_on_close_and_lock_release(qtbot, db_path):
    window, prompts = make_window(qtbot, db_path)
    qtbot.waitUntil(lambda: len(_backups(db_path)) == 1, timeout=5000)
    assert "on-open" in _backups(db_path)[0].name
    assert lock_path_for(db_path).exists()
    add_person(window.ctx.db, 300)
    window.close()
    names = [p.name for p in _backups(db_path)]
    assert len(names) == 2 and any("on-close" in n for n in names)
    assert not lock_path_for(db_path).exists()


def test_close_without_changes_makes_no_backup(qtbot, db_path):
    window, _prompts = make_window(qtbot, db_path)
    qtbot.waitUntil(lambda: len(_backups(db_path)) == 1, timeout=5000)
    window.close()
    assert len(_backups(db_path)) == 1


def test_restore_through_the_window(qtbot, db_path):
    window, prompts = make_window(qtbot, db_path)
    ctx = window.ctx
    backup = make_backup(ctx.db, folder=db_path.parent / "manual")
    member_id = add_person(ctx.db, 400)
    ctx.undo_stack.push(QUndoCommand("一个旧的撤销步骤"))
    prompts.confirms.append(False)
    assert not window.safety.restore_from(backup)
    prompts.confirms.append(True)
    assert window.safety.restore_from(backup)
    assert (
        ctx.db.execute("SELECT count(*) FROM members WHERE id = ?", [member_id]).fetchone()[0] == 0
    )
    assert ctx.undo_stack.count() == 0
    assert "恢复前的数据已备份为" in prompts.messages[-1][2]
    assert "会员 60 人" in window.counts_label.text()  # the window reloaded


def test_restore_dialog_lists_backups_with_counts(qtbot, db_path):
    from guilin_union.ui.safety.restore_dialog import RestoreDialog

    window, prompts = make_window(qtbot, db_path)
    safety.backup_now(window.ctx.db)
    dialog = RestoreDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() >= 1
    row = dialog.model.row_data(0)
    assert row["members"] == 60 and row["reason_label"] in ("手动备份", "打开时自动备份")
    assert dialog.model.data(dialog.model.index(0, 4)) == "0"  # 慰问发放
    dialog.choose_selected()
    assert dialog.chosen == Path(row["path"])
    other = RestoreDialog(window.ctx, window, backups=[])
    qtbot.addWidget(other)
    assert other.empty_label.isVisibleTo(other) and not other.restore_button.isEnabled()


def test_change_log_viewer_filters_shows_before_after_and_exports(qtbot, db_path, tmp_path):
    from guilin_union.ui.safety.log_viewer import ChangeLogDialog

    window, prompts = make_window(qtbot, db_path)
    db = window.ctx.db
    record = members.get_member(db, 1).to_dict()
    members.update_member(db, 1, {**record, "phone": "13700002222"})
    dialog = ChangeLogDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    total = dialog.model.rowCount()
    dialog.action_combo.setCurrentIndex(dialog.action_combo.findData("update"))
    assert dialog.model.rowCount() == 1 < total
    assert dialog.count_label.text() == "共 1 条"
    dialog.show_detail(0)
    detail = dialog.detail_model
    cells = {
        detail.index(r, 0).data(): (detail.index(r, 1).data(), detail.index(r, 2).data())
        for r in range(detail.rowCount())
    }
    assert cells["手机"] == ("139****0001", "137****2222")
    prompts.confirms.append(True)
    dialog.unmask_check.setChecked(True)
    dialog.show_detail(0)
    assert any(detail.index(r, 2).data() == "13700002222" for r in range(detail.rowCount()))
    assert db.execute("SELECT count(*) FROM change_log WHERE action = 'reveal'").fetchone()[0] == 1
    prompts.save_paths.append(tmp_path / "日志.xlsx")
    out = dialog.export_excel()
    assert out is not None and load_workbook(out).active.max_row >= 2
    dialog.table_combo.setCurrentIndex(dialog.table_combo.findData("branches"))
    assert dialog.model.rowCount() == 0  # branches were never updated
    assert not hasattr(dialog, "delete_button")


def test_recycle_bin_restores_a_deleted_member(qtbot, db_path):
    from guilin_union.ui.safety.recycle_dialog import RecycleBinDialog

    window, prompts = make_window(qtbot, db_path)
    db = window.ctx.db
    members.delete_member(db, 5)
    members.delete_member(db, 6)
    dialog = RecycleBinDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 2
    dialog.groups_table.selectRow(1)
    assert dialog.rows_model.rowCount() == 1 and "****" in dialog.rows_model.row_data(0)["values"]
    restored = dialog.restore_selected()
    assert len(restored) == 1 and dialog.model.rowCount() == 1
    assert db.execute("SELECT count(*) FROM members WHERE id IN (5, 6)").fetchone()[0] == 1
    assert "会员 59 人" in window.counts_label.text()
    dialog.groups_table.selectRow(0)
    prompts.confirms.append(True)
    assert dialog.purge_selected() == 1 and dialog.model.rowCount() == 0


def test_backup_settings_dialog_returns_values(qtbot, db_path, tmp_path):
    from guilin_union.ui.safety.backup_settings_dialog import BackupSettingsDialog

    values = {
        "backup_folder": "",
        "backup_second_folder": "",
        "backup_keep_all_days": 2,
        "backup_keep_daily": 7,
        "backup_keep_weekly": 8,
        "backup_keep_monthly": 12,
        "backup_on_open_hours": 24,
        "recycle_retention_days": 90,
    }
    dialog = BackupSettingsDialog(
        values, tmp_path / "backups", choose_folder=lambda title, start: str(tmp_path / "usb")
    )
    qtbot.addWidget(dialog)
    assert (
        dialog.ui.keep_daily_spin.value() == 7
        and dialog.ui.recycle_retention_days_spin.value() == 90
    )
    dialog.ui.second_folder_button.click()
    dialog.ui.keep_daily_spin.setValue(10)
    dialog.save()
    assert dialog.values["backup_second_folder"] == str(tmp_path / "usb")
    assert (
        dialog.values["backup_keep_daily"] == 10 and dialog.values["recycle_retention_days"] == 90
    )
    same = BackupSettingsDialog(
        {
            **values,
            "backup_folder": str(tmp_path / "a"),
            "backup_second_folder": str(tmp_path / "a"),
        },
        tmp_path / "backups",
    )
    qtbot.addWidget(same)
    same.save()
    assert same.values == {} and "不同" in same.ui.summary_label.text()


def test_check_dialog_reports_in_plain_chinese(qtbot, db_path):
    from guilin_union.ui.safety.check_dialog import CheckDialog

    window, _prompts = make_window(qtbot, db_path)
    dialog = CheckDialog(window.ctx, window, extra_notes=["最近一次备份：…"])
    qtbot.addWidget(dialog)
    dialog.start()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    assert dialog.report.ok and "没有发现问题" in dialog.text.toPlainText()
    assert not dialog.restore_button.isVisibleTo(dialog)


def test_privacy_export_and_erasure_from_the_menu(qtbot, db_path, tmp_path):
    window, prompts = make_window(qtbot, db_path)
    db = window.ctx.db
    prompts.picks.append([3])
    prompts.save_paths.append(tmp_path / "个人.xlsx")
    out = window.safety.export_member_data()
    assert out is not None and "会员信息" in load_workbook(out).sheetnames
    # Erasure is offered only for departed members and needs a confirmation and a reason.
    db.execute("UPDATE members SET status = '退会' WHERE id = 3")
    prompts.picks.append([3])
    prompts.confirms.append(True)
    prompts.texts.append("本人申请")
    assert window.safety.erase_member()
    assert db.execute("SELECT id_number FROM members WHERE id = 3").fetchone()[0] is None
    assert person_id(3) not in json.dumps(
        db.execute("SELECT * FROM change_log").fetchall(), ensure_ascii=False
    )
    assert "已删除该会员的个人信息" in prompts.messages[-1][2]


def test_location_warning_offers_a_move(qtbot, db_path, monkeypatch):
    from guilin_union.storage import location

    monkeypatch.setattr(
        location, "assess_location", lambda path: location.LocationRisk("cloud", "测试用同步文件夹")
    )
    window, prompts = make_window(qtbot, db_path)
    prompts.confirms.append(False)
    window.safety.after_show()
    kind, title, text = prompts.messages[-1]
    assert kind == "confirm" and "云同步文件夹" in text and str(db_path) in text
    window.safety.after_show()  # once a day is enough
    assert sum(1 for m in prompts.messages if m[1] == "数据文件位置有风险") == 1


CLIENT = """
import sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
app = QCoreApplication([])
from guilin_union.ui.safety.single_instance import notify_running_instance
print(notify_running_instance(Path(sys.argv[1]), timeout_ms=5000))
"""


def test_second_launch_brings_the_first_window_to_front(qtbot, db_path):
    window, _prompts = make_window(qtbot, db_path)
    server = window.safety.server
    assert server is not None and server.listening
    raised = []
    server.activate_requested.connect(lambda: raised.append(True))
    proc = subprocess.Popen(
        [sys.executable, "-c", CLIENT, str(db_path)], stdout=subprocess.PIPE, text=True
    )
    qtbot.waitUntil(lambda: proc.poll() is not None, timeout=20000)
    assert proc.stdout.read().strip() == "True"
    assert raised == [True] and window.safety.activations == 1
